import { makeArticle, type Part } from "../helpers/articles.js";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import type { Quotation } from "../../src/quotes/types.js";

/** An Article built by hand (see test/helpers/articles.ts). */
export const article = makeArticle;

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
