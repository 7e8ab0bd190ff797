/**
 * Corpus text as people read it in chat and the console. Wire copy is hard-wrapped ("since\nwe announced"):
 * a line break inside a paragraph is shown as a space; a paragraph break (a blank line, or a new line that
 * starts indented, as wire paragraphs do) as one line break. Only the shown text changes: citations keep the
 * verbatim offsets, and `--json` keeps the verbatim text. Every renderer shows quotations and excerpts through
 * `displayBlock`.
 */
import type { Block, Marks, QuotePart } from "./reply.js";

/** What stands between the parts of a split quotation where the reporter's clause was. */
export const PART_JOINER = " … ";

/** A split quotation's parts as one text; the marks of the part at `cited` moved onto it. */
export function joinParts(parts: readonly QuotePart[], cited: number, marks?: Marks): { text: string; marks?: Marks } {
  let text = "";
  let shift = 0;
  parts.forEach((part, i) => {
    if (i > 0) text += PART_JOINER;
    if (part.start === cited) shift = text.length;
    text += part.text;
  });
  return marks ? { text, marks: marks.map(([s, e]) => [s + shift, e + shift] as const) } : { text };
}

/** The shown text, and the marks moved onto it. */
export function displayText(text: string, marks?: Marks): { text: string; marks?: Marks } {
  if (!text.includes("\n") && !text.includes("\r")) return marks ? { text, marks } : { text };
  // newIndex[i]: where the verbatim character i lands in the shown text.
  const newIndex = new Array<number>(text.length + 1);
  let out = "";
  const runs = /[ \t]*(?:\r\n|\r|\n)[\s]*/g;
  let at = 0;
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    for (let i = at; i < match.index; i++) newIndex[i] = out.length + (i - at);
    out += text.slice(at, match.index);
    const run = match[0];
    const breaks = (run.match(/\r\n|\r|\n/g) ?? []).length;
    const indented = /(?:\r\n|\r|\n)(?: {2,}|\t)[ \t]*$/.test(run);
    const atEdge = match.index === 0 || match.index + run.length === text.length;
    const shown = atEdge ? "" : breaks > 1 || indented ? "\n" : " ";
    for (let i = match.index; i < match.index + run.length; i++) newIndex[i] = out.length;
    out += shown;
    at = match.index + run.length;
  }
  for (let i = at; i <= text.length; i++) newIndex[i] = out.length + (i - at);
  out += text.slice(at);
  if (!marks) return { text: out };
  const moved = marks
    .map(([s, e]) => [newIndex[Math.max(0, Math.min(s, text.length))]!, newIndex[Math.max(0, Math.min(e, text.length))]!] as const)
    .filter(([s, e]) => e > s);
  return { text: out, marks: moved };
}

/** A quotation or source block with its corpus text as shown; other blocks as they are. */
export function displayBlock<B extends Block>(block: B): B {
  if (block.type === "quote") {
    const joined = block.parts ? joinParts(block.parts, block.citation.start, block.marks) : { text: block.text, marks: block.marks };
    const shown = displayText(joined.text, joined.marks);
    return { ...block, text: shown.text, ...(shown.marks ? { marks: shown.marks } : {}) };
  }
  if (block.type === "source") {
    const shown = displayText(block.excerpt, block.marks);
    return { ...block, excerpt: shown.text, ...(shown.marks ? { marks: shown.marks } : {}) };
  }
  return block;
}
