/**
 * Sentences and clauses, cut with the one abbreviation list (abbreviations.ts). Two splitters, for two readers:
 *
 * - `sentenceRanges` (attribution, quotes/): the sentences of one paragraph, contiguous ranges that cover it,
 *   computed with quotation contents masked out so that a full stop inside a quotation does not end the reporting
 *   sentence around it ("“…,” he said." is one sentence); "U.S. While" ends one sentence.
 * - `trimmedSentences` and `clauses` (statements/): the sentences of any span of an article, cut at a blank line
 *   too (wire copy is hard-wrapped, so one line break is none) and after … , each trimmed of white space, edge
 *   punctuation and unmatched quotation marks (`trimSpan`), pieces without a letter or digit dropped.
 *
 * They differ where their readers were tuned (the attribution's evaluation, the /compare set); bringing them
 * together would change both, so it waits for a change that is measured on both.
 */
import { SENTENCE_ABBREVIATIONS } from "./abbreviations.js";

export interface Range {
  start: number;
  end: number;
}

const CLOSERS = `"”’'»)]`;
const OPENERS = `"“‘'«(`;

/**
 * Sentence ranges covering [from, to). `quotes` are content ranges (marks excluded) to mask: their text does
 * not split sentences, except that a quotation ending in . ! ? followed by a new sentence still ends one.
 */
export function sentenceRanges(text: string, from: number, to: number, quotes: readonly Range[]): Range[] {
  // Keep the quotation's last character visible: "… war." ends a sentence, "… war," does not. (Asked only at
  // . ! ? characters: a paragraph has few quotations, and a mask array per paragraph cost more.)
  const masked = (i: number) => quotes.some((q) => q.start <= i && i < Math.min(q.end, to) - 1);
  const out: Range[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f) continue; // . ! ?
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
    if (ch === "." && isAbbreviation(text, from, i) && !(endsDottedAbbreviation(text, from, i) && OPENING_WORDS.has(firstWord(text, k, to)))) continue;
    out.push({ start, end: j });
    start = k;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

/**
 * Words that open a sentence and never follow "U.S." or "D.C." inside one: "… from entering the U.S. While
 * Clinton …" ends a sentence there. (After a title or an initial — "Mr. While", "W. Bush" — they do not count.)
 */
const OPENING_WORDS = new Set(
  "The While But And However He She They We It I In On At As After Before When If This That These Those Still Yet So Meanwhile".split(" "),
);

function firstWord(text: string, at: number, to: number): string {
  return /^[\p{L}]+/u.exec(text.slice(at, Math.min(to, at + 20)))?.[0] ?? "";
}

/** "U.S.", "D.C.": letters and full stops, two full stops at least. */
function endsDottedAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  return /^(?:\p{Lu}\.)+\p{Lu}$/u.test(text.slice(s, dot));
}

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  // The end of a longer word with digits or a hyphen ("over-65s.", "1990s."), not an initial or an abbreviation.
  if (s > from && /[\p{N}-]/u.test(text[s - 1]!)) return false;
  if (word.length === 1) return true; // an initial: "George W. Bush"
  if (word.includes(".")) return true; // "U.S." mid-sentence
  return SENTENCE_ABBREVIATIONS.has(word);
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
 * The sentences of `text[from, to)`: cut after . ! ? … (and closing quotes) before a capital, digit or quote, and
 * at a blank line. A single line break is no boundary: wire copy is hard-wrapped mid-sentence.
 */
export function trimmedSentences(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  let start = from;
  const boundary = /[.!?…]+["'”’»)]*(?=\s+["'“‘«(]?[\p{Lu}\p{N}])|\r?\n[ \t]*\r?\n\s*/gu;
  boundary.lastIndex = from;
  for (let m = boundary.exec(text); m && m.index < to; m = boundary.exec(text)) {
    if (m[0].startsWith(".") && isListedAbbreviation(text, m.index)) continue;
    pushTrimmed(text, start, m.index + m[0].length, out);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, to, out);
  return out;
}

function isListedAbbreviation(text: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = before[1]!.toLowerCase();
  // Single initials ("J. Smith") and listed abbreviations.
  return (word.length === 1 && /\p{Lu}/u.test(text[dot - 1] ?? "")) || SENTENCE_ABBREVIATIONS.has(word);
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
