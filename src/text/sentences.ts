/**
 * Sentences and clauses: one splitter (`sentenceRanges`), cut with the one abbreviation list (abbreviations.ts).
 * It returns contiguous ranges that cover the span; its readers ask for what they need:
 *
 * - attribution (quotes/) masks quotation contents (`masked`), so that a full stop inside a quotation does not end
 *   the reporting sentence around it ("“…,” he said." is one sentence);
 * - statements (statements/) cut at a blank line too (`blankLines`: wire copy is hard-wrapped, so one line break is
 *   none, but a span of several paragraphs is cut between them) and take each piece trimmed of white space, edge
 *   punctuation and unmatched quotation marks (`trimmedSentences`, `trimSpan`), pieces without a letter or digit
 *   dropped; `clauses` cuts one sentence further.
 *
 * What ends a sentence is the same for both: . ! ? or … (a run of them, then closing quotation marks or
 * brackets), white space, then a capital, a digit or an opening quotation mark; not a full stop after an
 * abbreviation (`endsAtAbbreviation`).
 */
import { SENTENCE_ABBREVIATIONS } from "./abbreviations.js";

export interface Range {
  start: number;
  end: number;
}

export interface SentenceOptions {
  /**
   * Content ranges (marks excluded) whose text ends no sentence, except that a quotation ending in . ! ? followed
   * by a new sentence still ends one.
   */
  masked?: readonly Range[];
  /** A blank line ends a sentence too. */
  blankLines?: boolean;
}

const CLOSERS = `"”’'»)]`;
const OPENERS = `"“‘'«(`;

/** Contiguous sentence ranges covering [from, to). */
export function sentenceRanges(text: string, from: number, to: number, options: SentenceOptions = {}): Range[] {
  const quotes = options.masked ?? [];
  // Keep the quotation's last character visible: "… war." ends a sentence, "… war," does not. (Asked only at
  // . ! ? characters: a paragraph has few quotations, and a mask array per paragraph cost more.)
  const masked = (i: number) => quotes.length > 0 && quotes.some((q) => q.start <= i && i < Math.min(q.end, to) - 1);
  const out: Range[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a && options.blankLines) {
      const k = afterBlankLine(text, i, to);
      if (k < 0) continue;
      if (k >= to) break;
      out.push({ start, end: i });
      start = k;
      i = k - 1;
      continue;
    }
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f) continue; // . ! ? (an ellipsis, … or ..., ends none)
    if (masked(i)) continue;
    const ch = text[i]!;
    let j = i + 1;
    while (j < to && CLOSERS.includes(text[j]!)) j++;
    if (j >= to) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < to && /\s/.test(text[k]!)) k++;
    if (k >= to) break;
    const next = text[k]!;
    if (!(/[\p{Lu}\p{N}]/u.test(next) || OPENERS.includes(next))) continue;
    if (ch === "." && endsAtAbbreviation(text, from, i, firstWord(text, k, to))) continue;
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

/** After a line break at `at` that starts a blank line: where the text goes on (white space skipped); else -1. */
function afterBlankLine(text: string, at: number, to: number): number {
  let k = at + 1;
  while (k < to && (text[k] === " " || text[k] === "\t" || text[k] === "\r")) k++;
  if (k >= to || text[k] !== "\n") return -1;
  while (k < to && /\s/.test(text[k]!)) k++;
  return k;
}

/**
 * Words that open a sentence and never follow "U.S." or "D.C." inside one: "… from entering the U.S. While
 * Clinton …" ends a sentence there. (After a title or an initial — "Mr. While", "W. Bush" — they do not count.)
 */
const OPENING_WORDS = new Set(
  "The While But And However He She They We It I In On At As After Before When If This That These Those Still Yet So Meanwhile".split(" "),
);

/** "U.S", "Ph.D", "a.m" (the last full stop excluded): short parts joined by full stops; not "bbc.com". */
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;

function firstWord(text: string, at: number, to: number): string {
  return /^[\p{L}]+/u.exec(text.slice(at, Math.min(to, at + 20)))?.[0] ?? "";
}

/**
 * Whether the full stop at `dot` ends an abbreviation, not a sentence, given the word after it: a listed
 * abbreviation ("Sen."), an initial ("George W. Bush"), a word of short parts joined by full stops ("U.S." mid-sentence) unless
 * a sentence-opening word follows it ("the U.S. While …").
 */
function endsAtAbbreviation(text: string, from: number, dot: number, nextWord: string): boolean {
  // An ellipsis ("I'm A Celebrity... Get Me Out Of Here") is as often inside a sentence as at its end.
  if (text[dot - 1] === ".") return true;
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  // The end of a longer word with digits or a hyphen ("over-65s.", "1990s."), not an initial or an abbreviation.
  if (s > from && /[\p{N}-]/u.test(text[s - 1]!)) return false;
  const word = text.slice(s, dot);
  // An initial ("George W. Bush"), not the last letter of "Parker's." or "don't.".
  if (word.length === 1) return !(s > from && /['’]/.test(text[s - 1]!));
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(word) && OPENING_WORDS.has(nextWord)) return false;
  return DOTTED_ABBREVIATION.test(word) || SENTENCE_ABBREVIATIONS.has(word.toLowerCase());
}

/** The range containing `at`, or the last one before it. */
export function rangeAt(ranges: readonly Range[], at: number): Range | undefined {
  let found: Range | undefined;
  for (const r of ranges) {
    if (r.start <= at) found = r;
    else break;
  }
  return found;
}

/**
 * The sentences of `text[from, to)` as statements read them: cut at a blank line too (a single line break is no
 * boundary: wire copy is hard-wrapped mid-sentence), each trimmed (`trimSpan`), pieces without a letter or digit
 * dropped.
 */
export function trimmedSentences(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  for (const sentence of sentenceRanges(text, from, to, { blankLines: true })) pushTrimmed(text, sentence.start, sentence.end, out);
  return out;
}

/** Trims whitespace, trailing sentence punctuation and unmatched quotation marks from a span. */
export function trimSpan(text: string, start: number, end: number): Range | null {
  const edge = /[\s"'“”‘’«»„,;:.!?…()[\]—–-]/u;
  while (start < end && edge.test(text[start]!)) start++;
  while (end > start && edge.test(text[end - 1]!)) end--;
  // Keep a closing bracket whose opener is inside the span ("IHL (international humanitarian law)").
  if (text[end] === ")" && text.lastIndexOf("(", end) >= start) end++;
  return end > start ? { start, end } : null;
}

function pushTrimmed(text: string, start: number, end: number, out: Range[]): void {
  const span = trimSpan(text, start, end);
  if (span && /[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) out.push(span);
}

/** A clause must hold at least this many words; shorter pieces ("Instead,") join their neighbour. */
const MIN_CLAUSE_WORDS = 3;

/**
 * The clauses of one sentence: cut at , ; : dashes and brackets. Short pieces are merged into the next one
 * (the last into the previous one), so "Instead, Donbass faced daily shelling" stays one clause.
 */
export function clauses(text: string, sentence: Range): Range[] {
  const pieces: Range[] = [];
  const cut = /\s*(?:[,;:()]|\s[—–-]\s|—)\s*/g;
  cut.lastIndex = sentence.start;
  let start = sentence.start;
  const slice = text.slice(0, sentence.end);
  for (let m = cut.exec(slice); m; m = cut.exec(slice)) {
    pushTrimmed(text, start, m.index, pieces);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, sentence.end, pieces);
  const merged: Range[] = [];
  let pending: Range | null = null;
  for (const piece of pieces) {
    const joined: Range = pending ? { start: pending.start, end: piece.end } : piece;
    if (wordCount(text, joined) < MIN_CLAUSE_WORDS) pending = joined;
    else {
      merged.push(joined);
      pending = null;
    }
  }
  if (pending) {
    const last = merged.pop();
    merged.push(last ? { start: last.start, end: pending.end } : pending);
  }
  return merged;
}

function wordCount(text: string, span: Range): number {
  return text.slice(span.start, span.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
