/**
 * Offset-preserving text pieces for statement matching: word tokens, sentences and clauses. Every piece keeps
 * `start`/`end` offsets into the text it was cut from, so renderings can always be sliced verbatim.
 */

import { foldAccentsAndCase } from "../text/fold.js";

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  /** Lower case, diacritics removed, apostrophes dropped ("west’s" -> "wests" is avoided: possessive cut). */
  folded: string;
}

// Numbers keep their inner separators ("2,000", "3.5"); words keep inner apostrophes ("don't", "West’s").
const TOKEN = /\d+(?:[.,]\d+)*[\p{L}%]*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;


/** Word and number tokens of `text[from, to)`, offsets into `text`. */
export function tokens(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    // Possessive and contracted forms: "west’s" -> "west", "don’t" -> "dont".
    const word = foldAccentsAndCase(text.slice(m.index, end))
      .replace(/['’]s$/, "")
      .replace(/['’]/g, "");
    out.push({ start: m.index, end, folded: word });
  }
  return out;
}

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof gen col lt sgt capt gov sen rep rev st jr sr inc ltd co corp no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e".split(
    " ",
  ),
);

/**
 * The sentences of `text[from, to)`: cut after . ! ? … (and closing quotes) before a capital, digit or quote, and
 * at a blank line. A single line break is no boundary: wire copy is hard-wrapped mid-sentence.
 */
export function sentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const boundary = /[.!?…]+["'”’»)]*(?=\s+["'“‘«(]?[\p{Lu}\p{N}])|\r?\n[ \t]*\r?\n\s*/gu;
  boundary.lastIndex = from;
  for (let m = boundary.exec(text); m && m.index < to; m = boundary.exec(text)) {
    if (m[0].startsWith(".") && isAbbreviation(text, m.index)) continue;
    pushTrimmed(text, start, m.index + m[0].length, out);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, to, out);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = before[1]!.toLowerCase();
  // Single initials ("J. Smith") and listed abbreviations.
  return (word.length === 1 && /\p{Lu}/u.test(text[dot - 1] ?? "")) || ABBREVIATIONS.has(word);
}

/** Trims whitespace, trailing sentence punctuation and unmatched quotation marks from a span. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  const edge = /[\s"'“”‘’«»„,;:.!?…()[\]—–-]/u;
  while (start < end && edge.test(text[start]!)) start++;
  while (end > start && edge.test(text[end - 1]!)) end--;
  // Keep a closing bracket whose opener is inside the span ("IHL (international humanitarian law)").
  if (text[end] === ")" && text.lastIndexOf("(", end) >= start) end++;
  return end > start ? { start, end } : null;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  const span = trimSpan(text, start, end);
  if (span && /[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) out.push(span);
}

/** A clause must hold at least this many words; shorter pieces ("Instead,") join their neighbour. */
const MIN_CLAUSE_WORDS = 3;

/**
 * The clauses of one sentence: cut at , ; : dashes and brackets. Short pieces are merged into the next one
 * (the last into the previous one), so "Instead, Donbass faced daily shelling" stays one clause.
 */
export function clauses(text: string, sentence: Span): Span[] {
  const pieces: Span[] = [];
  const cut = /\s*(?:[,;:()]|\s[—–-]\s|—)\s*/g;
  cut.lastIndex = sentence.start;
  let start = sentence.start;
  const slice = text.slice(0, sentence.end);
  for (let m = cut.exec(slice); m; m = cut.exec(slice)) {
    pushTrimmed(text, start, m.index, pieces);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, sentence.end, pieces);
  const merged: Span[] = [];
  let pending: Span | null = null;
  for (const piece of pieces) {
    const joined: Span = pending ? { start: pending.start, end: piece.end } : piece;
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

function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
