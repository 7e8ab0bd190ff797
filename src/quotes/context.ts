/**
 * What an editor checks before printing a quotation: the sentence that attributes it (the quotation's own
 * sentences, with the sentence before or after when the reporting verb stands there) and its paragraph, as
 * ranges of the article's text (the citation rule: `text.slice(start, end)` is what is shown).
 */
import type { Article } from "../corpus/types.js";
import { rangeAt, sentenceRanges, type Range } from "../text/sentences.js";
import type { Quotation } from "./types.js";

export interface QuotationContext {
  sentence: Range;
  paragraph: Range;
}

/** `neighbours`: the quotations of the same article (their words do not end sentences). */
export function quotationContext(article: Article, q: Quotation, neighbours: readonly Quotation[]): QuotationContext {
  const paragraph = article.paragraphs.find((p) => p.n === q.paragraph && p.start <= q.start && q.end <= p.end) ?? article.paragraphs.find((p) => p.start <= q.start && q.end <= p.end);
  if (!paragraph) return { sentence: { start: q.start, end: q.end }, paragraph: { start: q.start, end: q.end } };
  const inParagraph = neighbours.filter((n) => n.start >= paragraph.start && n.end <= paragraph.end);
  const sentences = sentenceRanges(article.text, paragraph.start, paragraph.end, { masked: inParagraph });
  const first = rangeAt(sentences, q.start) ?? sentences[0];
  const last = rangeAt(sentences, Math.max(q.start, q.end - 1)) ?? first;
  let start = first?.start ?? q.start;
  let end = last?.end ?? q.end;
  const cue = q.cue?.toLowerCase();
  const says = (r: Range | undefined) => r !== undefined && cue !== undefined && outside(article.text, r, q).toLowerCase().includes(cue);
  if (cue && !says({ start, end })) {
    const before = first ? sentences[sentences.indexOf(first) - 1] : undefined;
    const after = last ? sentences[sentences.indexOf(last) + 1] : undefined;
    if (says(before)) start = before!.start;
    else if (says(after)) end = after!.end;
  }
  return { sentence: trimmed(article.text, { start, end }), paragraph: trimmed(article.text, paragraph) };
}

/** The text of the range without the quotation's own words. */
function outside(text: string, r: Range, q: Quotation): string {
  if (q.end <= r.start || q.start >= r.end) return text.slice(r.start, r.end);
  return text.slice(r.start, Math.max(r.start, q.start)) + " " + text.slice(Math.min(r.end, q.end), r.end);
}

function trimmed(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
