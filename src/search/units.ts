/**
 * What the passage index scores: runs of body paragraphs of at least a few dozen words. A paragraph of one
 * short sentence (a line of an abstract set one sentence a line, a one-line quotation paragraph, a paragraph cut
 * mid-sentence by its file) holds too few words for BM25 to judge the article by: it is scored together with the
 * paragraphs that follow it until the run is long enough and ends a sentence. The citation stays a paragraph:
 * a hit shows the paragraph of its run that holds the query's words best (source-index.ts).
 */
import type { Article, Paragraph } from "../corpus/types.js";

/** A run is extended until it holds this many words (or the article ends). */
export const UNIT_WORDS = 100;
/** ...and no further than this many, unless its last paragraph stops mid-sentence. */
const UNIT_MAX_WORDS = 300;

const ENDS_SENTENCE = /[.!?…:;"'”’)\]]\s*$/;

/** The article's scoring units, in order: each a run of consecutive body paragraphs (furniture skipped). */
export function scoringUnits(article: Article, minWords: number = UNIT_WORDS): Paragraph[][] {
  const units: Paragraph[][] = [];
  for (let i = nextBody(article, 0); i < article.paragraphs.length; ) {
    const unit = unitAt(article, i, minWords);
    units.push(unit);
    i = nextBody(article, article.paragraphs.indexOf(unit[unit.length - 1]!, i) + 1);
  }
  return units;
}

/**
 * The scoring unit that starts with the body paragraph at `index` of `article.paragraphs` (units are made left
 * to right, each from where the last one ended, so a unit depends only on the paragraphs from its start).
 */
export function unitAt(article: Article, index: number, minWords: number = UNIT_WORDS): Paragraph[] {
  const unit: Paragraph[] = [];
  let words = 0;
  let open = false;
  for (let i = index; i < article.paragraphs.length; i++) {
    const p = article.paragraphs[i]!;
    if (p.role !== "body") continue;
    const count = wordCount(article.text, p.start, p.end);
    // The run so far is complete: long enough and ending a sentence, or too long to grow (but never mid-sentence).
    if (unit.length > 0 && !open && (words >= minWords || words + count > UNIT_MAX_WORDS)) break;
    unit.push(p);
    words += count;
    open = !ENDS_SENTENCE.test(article.text.slice(Math.max(p.start, p.end - 4), p.end));
  }
  return unit;
}

function nextBody(article: Article, from: number): number {
  let i = from;
  while (i < article.paragraphs.length && article.paragraphs[i]!.role !== "body") i++;
  return i;
}

function wordCount(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const space = code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
