/**
 * Whether two readings of an article are the same: its text and every field (headline, outlet, dates, paragraphs,
 * origin). A file whose front matter alone changed gives an article with the same text and other metadata, which
 * the indexes must take as a change.
 */
import type { Article, Paragraph } from "./types.js";

/** The article's fields without its text, in a fixed order (what is stored beside the text). */
export function articleFields(article: Article): Omit<Article, "text"> {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    published: article.published,
    author: article.author,
    language: article.language,
    dateline: article.dateline,
    paragraphs: article.paragraphs,
    source: article.source,
    ...(article.origin ? { origin: article.origin } : {}),
  };
}

const sameParagraph = (a: Paragraph, b: Paragraph): boolean =>
  a.id === b.id && a.n === b.n && a.start === b.start && a.end === b.end && a.role === b.role;

/** Field by field (not by serialisation: an article read back from the database may list its keys in another order). */
export function sameArticle(a: Article | undefined, b: Article): boolean {
  if (!a) return false;
  return (
    a.id === b.id &&
    a.text === b.text &&
    a.title === b.title &&
    a.outlet === b.outlet &&
    a.url === b.url &&
    a.published === b.published &&
    a.author === b.author &&
    a.language === b.language &&
    a.dateline === b.dateline &&
    a.source === b.source &&
    (a.origin ?? null) === (b.origin ?? null) &&
    a.paragraphs.length === b.paragraphs.length &&
    a.paragraphs.every((p, i) => sameParagraph(p, b.paragraphs[i]!))
  );
}
