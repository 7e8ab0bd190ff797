/**
 * Highlight ranges ("marks": the matched words of an excerpt or quotation) made fit to show, in one place: every
 * renderer and the excerpt maker clean them here and differ only in the options they name.
 */
import type { Marks } from "./reply.js";

export interface MarkCleaning {
  /** Characters trimmed from both ends of each range (Discord and Slack do not bold `** word**` / `* word*`). */
  trim?: RegExp;
  /** Cut ranges at line breaks (Slack: bold cannot span lines, and quote blocks prefix every line with ">"). */
  splitAtLineBreaks?: boolean;
}

/**
 * Sorted, non-overlapping, non-empty ranges inside `text`: each clamped to [0, text.length], those that overlap
 * or touch merged, then (as asked) cut at line breaks and trimmed.
 */
export function cleanMarks(text: string, marks: Marks | undefined, cleaning: MarkCleaning = {}): Array<[number, number]> {
  if (!marks || marks.length === 0) return [];
  const clamp = (at: number) => Math.max(0, Math.min(at, text.length));
  const merged = mergeMarks(marks.map(([s, e]) => [clamp(s), clamp(e)] as const).filter(([s, e]) => e > s));
  const { trim, splitAtLineBreaks } = cleaning;
  if (!trim && !splitAtLineBreaks) return merged;
  const out: Array<[number, number]> = [];
  const push = (s: number, e: number) => {
    if (trim) {
      while (s < e && trim.test(text[s]!)) s++;
      while (e > s && trim.test(text[e - 1]!)) e--;
    }
    if (e > s) out.push([s, e]);
  };
  for (const [s, e] of merged) {
    if (!splitAtLineBreaks) {
      push(s, e);
      continue;
    }
    let lineStart = s;
    for (let i = s; i <= e; i++) {
      if (i === e || text[i] === "\n") {
        push(lineStart, i);
        lineStart = i + 1;
      }
    }
  }
  return out;
}

/** Ranges sorted, those that overlap or touch merged into one. */
export function mergeMarks(ranges: Marks): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
