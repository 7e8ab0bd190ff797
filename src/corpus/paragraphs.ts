/**
 * Splitting a text into paragraph blocks with offsets into that same text.
 *
 * Line breaks separate paragraphs: news files put either one paragraph per line, or blank lines between
 * paragraphs. Hard-wrapped text (wire copy broken at ~70 columns, as in Reuters-21578; e-mail; text exported
 * from PDF) is the exception, told per document: when the text's lines stop at a wrapping column and most of
 * them stop mid-sentence, lines are joined, also across the blank lines that some layouts put between every
 * pair of wrapped lines. A paragraph then ends at a wider gap than the document's usual one, at an indented
 * line, in text set in capitals (no case to read) at a line ending a sentence, and in cased text at a line
 * that stops well short of the column unless the next line carries on in lower case.
 * Every step is one pass over the lines: the time is linear in the text's length.
 */

export interface Block {
  start: number;
  end: number;
  text: string;
}

interface Line {
  start: number;
  /** End of the line's content, before "\r\n" or "\n". */
  end: number;
  /** The content's length with trailing whitespace left out. */
  length: number;
  indented: boolean;
  /** Blank lines between this line and the previous non-blank one. */
  gapBefore: number;
}

/** The non-blank lines of text[from, to), each with the number of blank lines before it. */
function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let gap = 0;
  const add = (start: number, end: number) => {
    let last = end;
    while (last > start && isSpace(text.charCodeAt(last - 1))) last--;
    let first = start;
    while (first < last && isSpace(text.charCodeAt(first))) first++;
    if (first === last) {
      gap++;
      return;
    }
    lines.push({ start, end, length: last - start, indented: first > start, gapBefore: lines.length === 0 ? 0 : gap });
    gap = 0;
  };
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = from;
  let start = from;
  for (let found = breaks.exec(text); found && found.index < to; found = breaks.exec(text)) {
    add(start, found.index);
    start = found.index + found[0].length;
  }
  if (start < to) add(start, to);
  return lines;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/** A line that may end a sentence (closing quotation marks and brackets after the stop included). */
const ENDS_SENTENCE = /[.!?:;"'”’)\]…*-]$/;
/** A line that ends a sentence for sure: a stop, then perhaps closing quotation marks or brackets. */
const ENDS_SENTENCE_STRICTLY = /[.!?:;…]["'”’)\]]*$/;
/** Hard-wrapped text wraps at or below this column (most of its lines do). */
const WRAP_MAX = 100;
/** The wrapping column is the length this share of the lines reach at most. */
const WRAP_QUANTILE = 0.9;
/** In wrapped text, a line shorter than this share of the wrap width ended its paragraph. */
const SHORT_LINE = 0.6;
/** Lines this long or longer tell whether a text is wrapped (shorter ones may be headings or table rows). */
const TELLING_LENGTH = 30;

interface Layout {
  /** The wrapping column, or null when the text is not hard-wrapped. */
  width: number | null;
  /** The usual number of blank lines between two lines of a paragraph (1 when every line stands alone). */
  usualGap: number;
  /** Whether an indented line starts a paragraph (false when most lines are indented). */
  indentBreaks: boolean;
  /** Whether the text is set in capitals only: then the case of a line's first letter says nothing. */
  caseless: boolean;
}

/**
 * Whether the document is hard-wrapped, and how: the wrapping column is the length most lines reach at most;
 * wrapped when it is at most WRAP_MAX and most telling lines (all but the last) stop mid-sentence.
 */
function layoutOf(text: string, lines: readonly Line[]): Layout {
  const counts = new Int32Array(WRAP_MAX + 2);
  let open = 0;
  let telling = 0;
  let indented = 0;
  const gaps = [0, 0];
  lines.forEach((line, i) => {
    counts[Math.min(line.length, WRAP_MAX + 1)]!++;
    if (line.indented) indented++;
    if (i > 0) gaps[line.gapBefore === 0 ? 0 : 1]!++;
    if (i === lines.length - 1 || line.length < TELLING_LENGTH) return;
    telling++;
    if (!ENDS_SENTENCE.test(text.slice(line.start, line.start + line.length))) open++;
  });
  // Blank lines between the lines of a paragraph: nearly every gap has one.
  const usualGap = gaps[1]! > 4 * gaps[0]! ? 1 : 0;
  const caseless = !/\p{Ll}/u.test(text) && /\p{Lu}/u.test(text);
  let width: number | null = null;
  const within = Math.ceil(lines.length * WRAP_QUANTILE);
  for (let length = 0, seen = 0; length <= WRAP_MAX + 1; length++) {
    seen += counts[length]!;
    if (seen >= within) {
      width = length;
      break;
    }
  }
  const wrapped = width !== null && width <= WRAP_MAX && open >= 2 && open * 2 > telling;
  return { width: wrapped ? width : null, usualGap, indentBreaks: indented * 2 < lines.length, caseless };
}

function trimmedBlock(text: string, start: number, end: number): Block | null {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

/** The non-empty paragraph blocks of `text[from, to)`, trimmed of surrounding whitespace, in order. */
export function splitBlocks(text: string, from = 0, to = text.length): Block[] {
  const lines = linesOf(text, from, to);
  const layout = layoutOf(text, lines);
  const blocks: Block[] = [];
  const push = (start: number, end: number) => {
    const block = trimmedBlock(text, start, end);
    if (block) blocks.push(block);
  };
  const width = layout.width;
  if (width === null) {
    for (const line of lines) push(line.start, line.end);
    return blocks;
  }
  let start = lines[0]?.start ?? 0;
  // Wire copy marks its paragraphs by indenting them: there a short unindented first line that leaves its
  // sentence open ("Kansas City Southern" / "Industries Inc said …", a lead wrapped early) carries on.
  const first = lines[0];
  const wrappedLead =
    first !== undefined &&
    !first.indented &&
    layout.indentBreaks &&
    lines.some((line, i) => i > 0 && line.indented) &&
    !ENDS_SENTENCE.test(text.slice(first.start, first.start + first.length));
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next && !endsParagraph(text, line, next, width, layout, i === 0 && wrappedLead)) return;
    push(start, line.end);
    if (next) start = next.start;
  });
  return blocks;
}

/** Whether a wrapped paragraph ends with `line` (`next` follows it). */
function endsParagraph(text: string, line: Line, next: Line, width: number, layout: Layout, leadGoesOn: boolean): boolean {
  if (next.gapBefore > layout.usualGap) return true;
  if (layout.indentBreaks && next.indented) return true;
  if (leadGoesOn) return false;
  // Without case, a sentence's end is the only sign left (a break between two sentences harms no passage).
  if (layout.caseless) return ENDS_SENTENCE_STRICTLY.test(text.slice(line.start, line.start + line.length));
  if (line.length >= width * SHORT_LINE) return false;
  // A line that stopped well short of the column: a paragraph's last line, a heading or a table row.
  return !/^\s*\p{Ll}/u.test(text.slice(next.start, next.end));
}
