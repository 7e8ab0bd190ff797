/** Small hand-made articles for the benchmark harness's tests (no corpus text). */
import type { Article, ParagraphRole } from "../../src/corpus/types.js";
import { makeArticle as handMade } from "../helpers/articles.js";

/** An article whose paragraphs are `blocks`, separated by blank lines, with an outlet and a date. */
export function makeArticle(id: string, blocks: ReadonlyArray<string | { text: string; role: ParagraphRole }>): Article {
  return handMade(id, [...blocks], { outlet: "Test Outlet", published: "2020-01-02" });
}
