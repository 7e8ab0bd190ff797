/**
 * Quotations of a very large article (a whole archive saved as one file), found window by window: attribution
 * compares each quotation with the article's other quotations and mentions, which grows with the square of the
 * article's size. In windows of about `WINDOW_CHARS` characters of paragraphs, each read with the paragraphs
 * just before it (a pronoun, a role noun or a continued quotation looks a few paragraphs back) and the headline,
 * the work grows with the length. Articles up to `WINDOWED_ABOVE` characters (every real article: the longest of
 * the corpora we know has 34,000) are read whole, as before.
 */
import type { Article, Paragraph } from "../corpus/types.js";
import type { ArticleQuotes, NamedInArticle, Quotation } from "./types.js";

export const WINDOWED_ABOVE = 200_000;
const WINDOW_CHARS = 50_000;
/** Paragraphs read before a window for context (attribution looks at most a few paragraphs back). */
const CONTEXT_PARAGRAPHS = 8;
const CONTEXT_CHARS = 20_000;

/** The article's quotations by windows when it is larger than `WINDOWED_ABOVE`, else null (read it whole). */
export function quoteInWindows(article: Article, quoteWhole: (article: Article) => ArticleQuotes): ArticleQuotes | null {
  const { paragraphs } = article;
  const length = (p: Paragraph) => p.end - p.start;
  if (paragraphs.reduce((sum, p) => sum + length(p), 0) <= WINDOWED_ABOVE) return null;
  const headline = paragraphs.find((p) => p.role === "headline");
  const quotations: Quotation[] = [];
  const named = new Map<string, NamedInArticle>();
  for (let first = 0; first < paragraphs.length; ) {
    let end = first;
    for (let chars = 0; end < paragraphs.length && (end === first || chars + length(paragraphs[end]!) <= WINDOW_CHARS); end++) {
      chars += length(paragraphs[end]!);
    }
    let from = first;
    for (let chars = 0; from > 0 && first - from < CONTEXT_PARAGRAPHS && chars + length(paragraphs[from - 1]!) <= CONTEXT_CHARS; from--) {
      chars += length(paragraphs[from - 1]!);
    }
    const window = paragraphs.slice(from, end);
    if (headline && headline.n < window[0]!.n) window.unshift(headline);
    const found = quoteWhole({ ...article, paragraphs: window });
    // The context's quotations belong to the window before.
    const firstN = paragraphs[first]!.n;
    for (const q of found.quotations) if (q.paragraph >= firstN) quotations.push({ ...q, id: `${article.id}#q${quotations.length}` });
    for (const person of found.named) mergeNamed(named, person);
    first = end;
  }
  return { quotations, named: [...named.values()] };
}

function mergeNamed(named: Map<string, NamedInArticle>, person: NamedInArticle): void {
  const key = `${person.kind}\u0000${person.name}`;
  const known = named.get(key);
  if (!known) {
    named.set(key, { ...person, forms: [...person.forms], titled: [...person.titled] });
    return;
  }
  for (const form of person.forms) if (!known.forms.includes(form)) known.forms.push(form);
  for (const title of person.titled) if (!known.titled.includes(title)) known.titled.push(title);
  known.sure ||= person.sure;
  known.gender ??= person.gender;
}
