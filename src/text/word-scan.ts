/**
 * The word scanner behind `words` (words.ts): finds exactly the matches of `WORD_PATTERN` in `text[from, to)`,
 * scanned as that slice alone, character by character instead of by the regex. The pattern is the definition
 * (a test holds the two together on random text); scanning by hand avoids the regex's look-behind at every
 * character and a match array per word, and attribution scans every article's text.
 *
 * Words: letters, marks and digits, joined by inner apostrophes, hyphens and dots ("U.S.", "Secretary-General",
 * "Spoljarić’s"); a run of two or more capital-and-dot pairs is one word ("U.S."). UTF-8 read as Latin-1
 * ("PeÃ±a" for "Peña") keeps the byte after Ã or Â inside the word, so the name stays whole (Ã may be
 * decomposed: A + U+0303).
 */
/** A word of a text, with its offsets into it. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const LETTER = String.raw`(?:[\p{L}\p{M}\p{N}]|(?<=[ÂÃ]|A[\u0302\u0303])[\u0080-\u00BF])`;

export const WORD_PATTERN = new RegExp(String.raw`(?:\p{Lu}\.){2,}|${LETTER}+(?:['’‘\-.]${LETTER}+)*`, "gu");

const LETTER_MARK_NUMBER = /[\p{L}\p{M}\p{N}]/u;
const UPPER_CASE = /\p{Lu}/u;
const IS_LETTER = 1;
const IS_UPPER = 2;
const KNOWN = 4;
/** Classes of the code points below U+10000, learned on first sight: IS_LETTER | IS_UPPER, with KNOWN set. */
const classes = new Uint8Array(0x10000);

function classOf(point: number): number {
  if (point >= 0x10000) return propertiesOf(String.fromCodePoint(point));
  let found = classes[point]!;
  if (found === 0) {
    found = KNOWN | propertiesOf(String.fromCharCode(point));
    classes[point] = found;
  }
  return found;
}

function propertiesOf(ch: string): number {
  return (LETTER_MARK_NUMBER.test(ch) ? IS_LETTER : 0) | (UPPER_CASE.test(ch) ? IS_UPPER : 0);
}

/** The code point at `i` as the slice ending at `to` has it (a surrogate pair cut by `to` is a lone surrogate). */
function pointAt(text: string, i: number, to: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
  }
  return unit;
}

const widthOf = (point: number) => (point > 0xffff ? 2 : 1);

/** The length of the LETTER at `i` (0 when there is none): a letter, mark or digit, or a mis-decoded byte. */
function letterAt(text: string, i: number, from: number, to: number): number {
  const point = pointAt(text, i, to);
  if (classOf(point) & IS_LETTER) return widthOf(point);
  if (point < 0x80 || point > 0xbf) return 0;
  // The look-behind sees only the slice: nothing before `from`.
  const before = i - 1 >= from ? text.charCodeAt(i - 1) : -1;
  if (before === 0xc2 || before === 0xc3) return 1; // Â Ã
  return (before === 0x302 || before === 0x303) && i - 2 >= from && text.charCodeAt(i - 2) === 0x41 ? 1 : 0; // A + mark
}

function isAsciiLetterOrDigit(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39);
}

/** ' ’ ‘ - . */
function isJoiner(unit: number): boolean {
  return unit === 0x27 || unit === 0x2019 || unit === 0x2018 || unit === 0x2d || unit === 0x2e;
}

/** End of two or more "X." pairs (capital letter, full stop) from `at`, or -1: the pattern's first branch. */
function dottedEnd(text: string, at: number, to: number): number {
  let i = at;
  let pairs = 0;
  while (i < to) {
    const point = pointAt(text, i, to);
    if (!(classOf(point) & IS_UPPER)) break;
    const next = i + widthOf(point);
    if (next >= to || text.charCodeAt(next) !== 0x2e) break;
    i = next + 1;
    pairs++;
  }
  return pairs >= 2 ? i : -1;
}

/** End of letters joined by single joiners from `at`, or -1 when no letter starts there: the second branch. */
function joinedEnd(text: string, at: number, from: number, to: number): number {
  let width = letterAt(text, at, from, to);
  if (width === 0) return -1;
  let i = at + width;
  for (;;) {
    while (i < to) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        if (!isAsciiLetterOrDigit(unit)) break;
        i++;
      } else if ((width = letterAt(text, i, from, to)) > 0) i += width;
      else break;
    }
    // A joiner counts only with a letter after it ("U.S" then a space ends before nothing more).
    if (i + 1 < to && isJoiner(text.charCodeAt(i)) && (width = letterAt(text, i + 1, from, to)) > 0) i += 1 + width;
    else return i;
  }
}

/** The words of `text[from, to)`, offsets into `text`: the matches of WORD_PATTERN in that slice. */
export function scanWords(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to) {
    const unit = text.charCodeAt(i);
    // Most characters are ASCII: punctuation and spaces start no word, and only a capital may start "U.S.".
    if (unit < 0x80 && !isAsciiLetterOrDigit(unit)) {
      i++;
      continue;
    }
    const mayBeCapital = unit >= 0x80 || (unit >= 0x41 && unit <= 0x5a);
    let end = mayBeCapital ? dottedEnd(text, i, to) : -1;
    if (end < 0) end = joinedEnd(text, i, from, to);
    if (end > i) {
      out.push({ text: text.slice(i, end), start: i, end });
      i = end;
    } else {
      i += widthOf(pointAt(text, i, to));
    }
  }
  return out;
}
