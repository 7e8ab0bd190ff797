/** Articles built by hand for unit tests: no corpus text, exact offsets. */
import type { Article, Paragraph, ParagraphRole } from "../../src/corpus/types.js";

export type Part = string | { text: string; role: ParagraphRole };

/** An Article built by hand: parts joined by blank lines, paragraphs numbered 1.. with exact offsets. */
export function makeArticle(id: string, parts: Part[], meta: Partial<Omit<Article, "id" | "text" | "paragraphs">> = {}): Article {
  let text = "";
  const paragraphs: Paragraph[] = [];
  parts.forEach((part, i) => {
    const { text: body, role } = typeof part === "string" ? { text: part, role: "body" as const } : part;
    if (i > 0) text += "\n\n";
    const start = text.length;
    text += body;
    paragraphs.push({ id: `${id}#p${i + 1}`, n: i + 1, start, end: text.length, role });
  });
  return {
    id,
    text,
    title: null,
    outlet: null,
    url: null,
    published: null,
    author: null,
    language: "en",
    dateline: null,
    source: id,
    ...meta,
    paragraphs,
  };
}
