/**
 * Splitting a text into paragraph blocks with offsets into that same text.
 *
 * Line breaks separate paragraphs: news files put either one paragraph per line, or blank lines between
 * paragraphs. Hard-wrapped text (wire copy broken at ~70 columns, as in Reuters-21578) is the exception: in
 * a run of lines that looks wrapped, lines are joined and only an indented line starts a new paragraph.
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
  text: string;
}

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = from;
  let start = from;
  for (let found = breaks.exec(text); found && found.index < to; found = breaks.exec(text)) {
    lines.push({ start, end: found.index, text: text.slice(start, found.index) });
    start = found.index + found[0].length;
  }
  if (start < to) lines.push({ start, end: to, text: text.slice(start, to) });
  return lines;
}

const ENDS_SENTENCE = /[.!?:;"'”’)\]…*-]$/;
/** Hard-wrapped text has no line longer than this. */
const WRAP_MAX = 100;
/** In wrapped text, a line shorter than this share of the wrap width ended its paragraph. */
const SHORT_LINE = 0.6;

/**
 * Text is hard-wrapped when no line is longer than a wrapping column and most lines that have a next line
 * stop mid-sentence at a length where a wrap would fall. Returns the wrap width, or null.
 */
function wrapWidth(runs: readonly Line[][]): number | null {
  let width = 0;
  for (const run of runs) {
    for (const line of run) {
      width = Math.max(width, line.text.trimEnd().length);
      if (width > WRAP_MAX) return null; // a long line: not wrapped (no need to read further)
    }
  }
  // Lines that have a next line in their run, and those of them that stop mid-sentence.
  let inner = 0;
  let open = 0;
  for (const run of runs) {
    for (let i = 0; i < run.length - 1; i++) {
      inner++;
      const t = run[i]!.text.trim();
      if (t.length >= 30 && !ENDS_SENTENCE.test(t)) open++;
    }
  }
  return open >= 2 && open * 2 > inner ? width : null;
}

function trimmedBlock(text: string, start: number, end: number): Block | null {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

/** Runs of consecutive non-blank lines. */
function runsOf(lines: readonly Line[]): Line[][] {
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() !== "") run.push(line);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The non-empty paragraph blocks of `text[from, to)`, trimmed of surrounding whitespace, in order. */
export function splitBlocks(text: string, from = 0, to = text.length): Block[] {
  const runs = runsOf(linesOf(text, from, to));
  const width = wrapWidth(runs);
  const blocks: Block[] = [];
  const push = (start: number, end: number) => {
    const block = trimmedBlock(text, start, end);
    if (block) blocks.push(block);
  };
  for (const run of runs) {
    if (width === null) {
      for (const line of run) push(line.start, line.end);
      continue;
    }
    // Wrapped: a paragraph goes on until an indented line, or a line that stopped well short of the width
    // (a table row, a heading) unless the next line carries on the sentence in lower case.
    let start = run[0]?.start ?? 0;
    // Wire copy marks its paragraphs by indenting them: there a short unindented first line that leaves its
    // sentence open ("Kansas City Southern" / "Industries Inc said …", a lead wrapped early) carries on.
    const wrappedLead = run.some((line, i) => i > 0 && /^[ \t]/.test(line.text)) && !/^[ \t]/.test(run[0]?.text ?? "");
    for (const [i, line] of run.entries()) {
      const next = run[i + 1];
      const leadGoesOn = i === 0 && wrappedLead && !ENDS_SENTENCE.test(line.text.trimEnd());
      const short = line.text.trimEnd().length < width * SHORT_LINE && !leadGoesOn;
      const ends = !next || /^[ \t]/.test(next.text) || (short && !/^\p{Ll}/u.test(next.text));
      if (ends) {
        push(start, line.end);
        if (next) start = next.start;
      }
    }
  }
  return blocks;
}
