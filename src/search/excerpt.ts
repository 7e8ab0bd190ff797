/**
 * Verbatim excerpts: a passage trimmed at word boundaries to about 300 characters around its matched words,
 * and exact-phrase finding on folded text with offsets mapped back to the original.
 * Every range returned points into the original text: `text.slice(start, end)` is what is shown.
 */
import { endianness } from "node:os";
import { mergeMarks } from "../core/marks.js";
import { foldText } from "../text/fold.js";
import { sentenceRanges } from "../text/sentences.js";

export type Range = readonly [number, number];

export interface Excerpt {
  start: number;
  end: number;
  cutStart: boolean;
  cutEnd: boolean;
  /** Matched-word ranges relative to `start`. */
  marks: Array<[number, number]>;
}

export const EXCERPT_TARGET = 300;
/** A passage up to this long is shown whole rather than cut. */
const WHOLE_UP_TO = 380;
/** How much text to keep before the first matched word when the window must move into the passage. */
const LEAD = 80;

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}\p{N}'’]/u.test(ch);

/**
 * The part of `text[start, end)` to show, and the marks inside it. `marks` are absolute ranges (any order,
 * may overlap); the result's marks are merged, relative to the excerpt and wholly inside it.
 */
export function makeExcerpt(text: string, start: number, end: number, marks: readonly Range[], target = EXCERPT_TARGET): Excerpt {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const merged = mergeMarks(marks.filter(([s, e]) => s >= start && e <= end && e > s));

  let from = start;
  let to = end;
  if (end - start > Math.max(WHOLE_UP_TO, target)) {
    from = bestWindowStart(merged, start, end, target);
    to = Math.min(end, from + target);
    if (from > start) from = snapForward(text, from, to);
    if (to < end) to = snapBack(text, from, to);
    // The first matched word of the window is always shown whole, however long (a spelled-out acronym).
    const anchor = merged.find(([s]) => s >= from);
    if (anchor && anchor[1] > to) to = anchor[1];
    // Never cut through a matched word.
    for (const [s, e] of merged) {
      if (s < from && e > from) from = s;
      if (s < to && e > to) to = e;
    }
  }
  const shown = merged
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [s - from, e - from] as [number, number]);
  return { start: from, end: to, cutStart: from > start, cutEnd: to < end, marks: shown };
}

/** The window start (before snapping) that covers the most marks, with some lead before the first of them. */
function bestWindowStart(marks: readonly Range[], start: number, end: number, target: number): number {
  if (marks.length === 0) return start;
  const lead = Math.min(LEAD, Math.floor(target / 4));
  let best = start;
  let bestCount = -1;
  for (const [s] of marks) {
    const from = Math.max(start, Math.min(s - lead, end - target));
    const count = marks.filter(([ms, me]) => ms >= from && me <= from + target).length;
    if (count > bestCount) {
      bestCount = count;
      best = from;
    }
  }
  // Close to the paragraph's start: show it from its start.
  return best - start < lead / 2 ? start : best;
}

/** Moves `at` forward to the start of a word (and past a sentence end when one is near). */
function snapForward(text: string, at: number, limit: number): number {
  const [first, next] = sentenceRanges(text, at, Math.min(limit, at + LEAD));
  if (first && next && first.end - at <= LEAD * 0.75) return next.start;
  let i = at;
  while (i < limit && isWordChar(text[i - 1]) && isWordChar(text[i])) i++;
  while (i < limit && /\s/.test(text[i]!)) i++;
  return i;
}

/** Moves `at` back to the end of a word, dropping dangling punctuation and spaces. */
function snapBack(text: string, from: number, at: number): number {
  let i = at;
  while (i > from && isWordChar(text[i - 1]) && isWordChar(text[i])) i--;
  while (i > from && /[\s,;:(\-–—"“]/.test(text[i - 1]!)) i--;
  return i > from ? i : at;
}

/** A phrase as it is compared: folded, typographic apostrophes plain, whitespace runs as one space. */
export function foldPhrase(phrase: string): string {
  return foldText(phrase).replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
}

/**
 * Where the folded phrase occurs in `text[start, end)`, as original ranges (whole words only).
 * `phrase` must already be folded with `foldPhrase`.
 */
export function findPhrase(text: string, start: number, end: number, phrase: string): Range[] {
  if (!phrase) return [];
  const origin: number[] = [];
  const folded = foldForPhrase(text, start, end, origin);
  const found: Range[] = [];
  for (let at = nextWholeMatch(folded, phrase, 0); at >= 0; at = nextWholeMatch(folded, phrase, at + 1)) {
    const s = origin[at]!;
    const lastOrigin = origin[at + phrase.length - 1]!;
    let e = lastOrigin + String.fromCodePoint(text.codePointAt(lastOrigin)!).length;
    while (e < end && /\p{M}/u.test(text[e]!)) e++;
    found.push([s, e]);
  }
  return found;
}

/** Whether the folded phrase occurs in `text[start, end)` (whole words only): `findPhrase` without the ranges. */
export function hasPhrase(text: string, start: number, end: number, phrase: string): boolean {
  return phrase !== "" && nextWholeMatch(foldForPhrase(text, start, end, null), phrase, 0) >= 0;
}

/** The next place from `from` where the phrase occurs in the folded text as whole words, or -1. */
function nextWholeMatch(folded: string, phrase: string, from: number): number {
  for (let at = folded.indexOf(phrase, from); at >= 0; at = folded.indexOf(phrase, at + 1)) {
    const wordEdgeStart = !isWordChar(phrase[0]) || !isWordChar(folded[at - 1]);
    const wordEdgeEnd = !isWordChar(phrase[phrase.length - 1]) || !isWordChar(folded[at + phrase.length]);
    if (wordEdgeStart && wordEdgeEnd) return at;
  }
  return -1;
}

/**
 * The text folded as `foldPhrase` folds (lower case, no diacritics, plain apostrophes, whitespace runs as one
 * space); with `origin`, where each folded character came from is pushed into it. A phrase is checked in every
 * passage holding its words (tens of thousands for common words at scale): ASCII, most of any paragraph, is
 * folded by its code alone, into a buffer reused from call to call.
 */
function foldForPhrase(text: string, start: number, end: number, origin: number[] | null): string {
  let codes = foldBuffer;
  let length = 0;
  const put = (code: number, from: number) => {
    if (length === codes.length) {
      const grown = new Uint16Array(codes.length * 2);
      grown.set(codes);
      foldBuffer = codes = grown;
    }
    codes[length++] = code;
    origin?.push(from);
  };
  let lastWasSpace = false;
  for (let i = start; i < end; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // ASCII whitespace: tab to carriage return, and space.
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
        if (!lastWasSpace) put(0x20, i);
        lastWasSpace = true;
      } else {
        put(code >= 0x41 && code <= 0x5a ? code + 32 : code, i);
        lastWasSpace = false;
      }
      i++;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (/\s/u.test(ch)) {
      if (!lastWasSpace) put(0x20, i);
      lastWasSpace = true;
    } else {
      const f = foldText(ch).replace(/[’‘]/g, "'");
      for (let k = 0; k < f.length; k++) put(f.charCodeAt(k), i);
      lastWasSpace = false;
    }
    i += ch.length;
  }
  origin?.push(end);
  return stringOfCodes(codes, length);
}

let foldBuffer = new Uint16Array(4096);
/** Decodes UTF-16 code units held in a Uint16Array: its bytes are little-endian on a little-endian machine. */
const utf16 = endianness() === "LE" ? new TextDecoder("utf-16le", { ignoreBOM: true }) : null;

function stringOfCodes(codes: Uint16Array, length: number): string {
  if (utf16) return utf16.decode(codes.subarray(0, length));
  let out = "";
  for (let at = 0; at < length; at += 4096) out += String.fromCharCode(...codes.subarray(at, Math.min(length, at + 4096)));
  return out;
}
