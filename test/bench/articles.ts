/** Small hand-made articles for the benchmark harness's tests (no corpus text). */
import type { Article, Paragraph, ParagraphRole } from "../../src/corpus/types.js";

/** An article whose paragraphs are `blocks`, separated by blank lines, with correct offsets. */
export function makeArticle(id: string, blocks: ReadonlyArray<string | { text: string; role: ParagraphRole }>): Article {
  let text = "";
  const paragraphs: Paragraph[] = [];
  blocks.forEach((block, i) => {
    const { text: body, role } = typeof block === "string" ? { text: block, role: "body" as const } : block;
    if (i > 0) text += "\n\n";
    const start = text.length;
    text += body;
    paragraphs.push({ id: `${id}#p${i + 1}`, n: i + 1, start, end: text.length, role });
  });
  return {
    id,
    text,
    title: null,
    outlet: "Test Outlet",
    url: null,
    published: "2020-01-02",
    author: null,
    language: "en",
    dateline: null,
    paragraphs,
    source: id,
  };
}
