/**
 * Words with their offsets: the one home of Dateline's word patterns. Three readers tokenize differently, on
 * purpose, each with its own pattern:
 *
 * - `WORD_PATTERNS.index` (analysis.ts, the passage and quotation indexes): dotted acronyms ("U.S."),
 *   numbers with separators ("3.9", "4,000"), words with inner apostrophes ("Russia’s"); hyphens and dots split
 *   words ("Secretary-General" is two index terms). Index terms depend on it: a change is an `ANALYSIS_VERSION`
 *   bump and rebuilds every index (the snapshot fingerprints hash this folder's code too).
 * - `WORD_PATTERNS.attribution` (`words`, scanned by hand in word-scan.ts): names stay whole across inner
 *   hyphens and dots ("Secretary-General", "St.John") and across UTF-8 read as Latin-1 ("PeÃ±a"), so that the
 *   attribution rules and the registry see one name token where the index sees two.
 * - `WORD_PATTERNS.statements` (statements/text.ts `tokens`): a number keeps a unit glued to it ("5%", "10bn"),
 *   so that two renderings of a statement differ by a figure, not by a word; no curly opening apostrophe inside
 *   a word.
 */
import { scanWords, WORD_PATTERN, type Word } from "./word-scan.js";

export type { Word } from "./word-scan.js";

/** The patterns (global: a reader that runs one with `exec` takes its own copy, `new RegExp(pattern)`). */
export const WORD_PATTERNS = {
  index: /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,]\p{N}+)+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’‘][\p{L}\p{M}\p{N}]+)*/gu,
  attribution: WORD_PATTERN,
  statements: /\d+(?:[.,]\d+)*[\p{L}%]*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu,
} as const;

/**
 * The attribution words of `text[from, to)` (see word-scan.ts), offsets into `text`: exactly what scanning the slice alone
 * finds. Attribution asks for the words of many overlapping ranges of one article (each sentence, the clause
 * after a quotation, the few words before a verb), so the words of the whole text are scanned once and a range
 * takes its share of them when no word can run across the range's ends (see `cleanCut`); otherwise the slice is
 * scanned.
 */
export function words(text: string, from = 0, to = text.length): Word[] {
  // A range the slice would read otherwise (negative, reversed, past the end, fractional): as the slice reads it.
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= text.length)) {
    return sliceWords(text, from, to);
  }
  if ((from === 0 && to === text.length) || !cleanCut(text, from) || !cleanCut(text, to)) return scanWords(text, from, to);
  if (from === to) return [];
  if (cachedText !== text) {
    cachedText = text;
    cachedWords = scanWords(text, 0, text.length);
  }
  const all = cachedWords;
  // Words are in order and do not overlap: both their starts and their ends increase.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid]!.end <= to) lo = mid + 1;
    else hi = mid;
  }
  return all.slice(first, lo);
}

/** The text whose words `cachedWords` holds (one article at a time is read). */
let cachedText: string | null = null;
let cachedWords: Word[] = [];

/** The matches of WORD_PATTERN in `text.slice(from, to)`, offsets shifted by `from`. */
function sliceWords(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  WORD_PATTERN.lastIndex = 0;
  for (let m = WORD_PATTERN.exec(slice); m !== null; m = WORD_PATTERN.exec(slice)) {
    out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/**
 * Whether a range may end at `at` without changing its words: no word of the whole text runs across `at`, and
 * the pattern's look-behind cannot reach back over it. True at either end of the text, and when the character
 * before or after `at` can be no part of a word (white space, most punctuation): such a character is neither a
 * letter, mark or digit, nor a joiner (' ’ ‘ - .), nor a byte of mis-decoded UTF-8 (U+0080–U+00BF), nor half of a
 * surrogate pair.
 */
function cleanCut(text: string, at: number): boolean {
  return at === 0 || at === text.length || isWordBreak(text.charCodeAt(at - 1)) || isWordBreak(text.charCodeAt(at));
}

const NOT_WORD_CHAR = /[^\p{L}\p{M}\p{N}’‘]/u;

function isWordBreak(code: number): boolean {
  if (code < 0x80) {
    // ASCII: anything but letters, digits and ' - .
    return !((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x27 || code === 0x2d || code === 0x2e);
  }
  if (code <= 0xbf || (code >= 0xd800 && code <= 0xdfff)) return false;
  return NOT_WORD_CHAR.test(String.fromCharCode(code));
}

export function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0);
  // ASCII answers directly; other letters (and surrogate pairs) ask the Unicode property.
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return /^\p{Lu}/u.test(word);
}

/** Strips a possessive ending: "Russia’s" -> "Russia". */
export function stripPossessive(token: string): { base: string; possessive: boolean } {
  // Only a token ending in ' ’ 's or ’s can be possessive: most tokens are answered without the regex.
  const last = token.charCodeAt(token.length - 1);
  const beforeLast = token.charCodeAt(token.length - 2);
  if (!(isApostrophe(last) || (last === 0x73 && isApostrophe(beforeLast)))) return { base: token, possessive: false };
  const m = /^(.*?)['’]s?$/u.exec(token);
  if (m && m[1] && (token.endsWith("’s") || token.endsWith("'s") || /s['’]$/.test(token))) {
    return { base: m[1], possessive: true };
  }
  return { base: token, possessive: false };
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}
