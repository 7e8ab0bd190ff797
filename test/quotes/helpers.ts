import type { Article, Paragraph, ParagraphRole } from "../../src/corpus/types.js";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import type { Quotation } from "../../src/quotes/types.js";

export type Part = string | { text: string; role: ParagraphRole };

/** An Article built by hand: parts joined by blank lines, paragraphs numbered 1.. with exact offsets. */
export function article(id: string, parts: Part[], meta: Partial<Omit<Article, "id" | "text" | "paragraphs">> = {}): Article {
  let text = "";
  const paragraphs: Paragraph[] = [];
  parts.forEach((part, i) => {
    const { text: body, role } = typeof part === "string" ? { text: part, role: "body" as const } : part;
    if (i > 0) text += "\n\n";
    const start = text.length;
    text += body;
    paragraphs.push({ id: `${id}#p${i + 1}`, n: i + 1, start, end: text.length, role });
  });
  return { id, text, title: null, outlet: null, url: null, published: null, author: null, language: "en", dateline: null, source: id, ...meta, paragraphs };
}

/** The quotations of a hand-made article (one document, article-local speaker names). */
export function quotesOf(...parts: Part[]): Quotation[] {
  return quoteArticle(article("t.txt", parts)).quotations;
}

/** The quotation whose text starts with `prefix`. */
export function find(quotes: readonly Quotation[], prefix: string): Quotation {
  const q = quotes.find((x) => x.text.startsWith(prefix));
  if (!q) throw new Error(`no quotation starting “${prefix}” in: ${quotes.map((x) => x.text).join(" | ")}`);
  return q;
}
