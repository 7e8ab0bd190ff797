/**
 * A split quotation: one sentence of speech in two quoted parts around the reporter's clause, as in
 * “That,” she said of the gauge, “is the worst we have seen.” Extraction keeps each part a quotation of its own,
 * exact in the text; /quote shows the parts together, so that neither is ever shown alone ("That,").
 */
import type { QuotePart } from "../core/reply.js";
import { SPEECH_VERBS } from "./lexicon.js";
import { words } from "../text/words.js";
import type { Quotation } from "./types.js";

/** One part of a quotation, verbatim: `text === documentText.slice(start, end)`. */
export type QuotationPart = QuotePart;

/** The longest reporter's clause between two parts (", she said of the gauge at the plant's gate, "). */
const MAX_CLAUSE_CHARACTERS = 120;
/** Quotation marks that may close the first part and open the second (two apostrophes count as one mark). */
const MARKS = /^[\s\p{Cf}]*(?:["“”„«»]|'')/u;
const OPENING = /(?:["“”„«»]|'')[\s\p{Cf}]*$/u;

/**
 * Whether `second` continues the sentence `first` left open, across a reporter's clause: the same paragraph and
 * speaker, `first` ends without closing its sentence ("That," / "If we lose"), and between them stands only a
 * short clause with a reporting verb that ends on a comma (", she said, ").
 */
export function continuesAcrossClause(text: string | (() => string), first: Quotation, second: Quotation): boolean {
  if (first.doc !== second.doc || first.paragraph !== second.paragraph || first.speaker !== second.speaker) return false;
  if (first.kind === "transcript" || second.kind === "transcript") return false;
  if (second.start <= first.end || second.start - first.end > MAX_CLAUSE_CHARACTERS + 6) return false;
  // A part that ends its sentence ("We will win.") is followed by a new one, not by the rest of the same.
  if (/[.!?…]["”'’]*$/u.test(first.text)) return false;
  // The text is read only now: most quotations have no neighbour this close (a restored corpus reads it from disk).
  const gap = (typeof text === "string" ? text : text()).slice(first.end, second.start);
  const closing = MARKS.exec(gap);
  const opening = OPENING.exec(gap);
  if (!closing || !opening || opening.index < closing[0].length) return false;
  // The first part opens its sentence (a capital at a sentence start: extraction's "direct"), not a word or two
  // woven into the reporter's sentence ('called it "self reliance". He said, "No country…').
  if (first.kind !== "direct") return false;
  const clause = gap.slice(closing[0].length, opening.index).trim();
  // The clause follows the first part's comma, inside the marks ("That,") or after them ("That", she said).
  if (!/,$/u.test(first.text) && !clause.startsWith(",")) return false;
  // ", she said of the gauge," (or "she said," after "That," whose comma stays inside the marks).
  const body = /^,?\s*([^!?;:"“”«»]+?),$/u.exec(clause)?.[1];
  // A full stop inside may end an abbreviation ("said Mr. Smith,"), never a sentence ("he said. Then,").
  if (body === undefined || body.length === 0 || /\p{Ll}{2,}\.\s/u.test(body)) return false;
  // A clause that goes on about the speaker (", who wore the slogan,") leads to other words than theirs.
  if (/,\s*(?:who|whom|whose|which|where|when|while)\b/iu.test(body)) return false;
  return words(body).some((w) => SPEECH_VERBS.has(w.text.toLowerCase()));
}

/**
 * The parts of the split quotation holding `quotations[at]`, in order, from the article's quotations in text
 * order; null when that quotation is whole. `text` may be given as a function: it is then read only for a
 * quotation with a close neighbour.
 */
export function splitPartsAt(text: string | (() => string), quotations: readonly Quotation[], at: number): QuotationPart[] | null {
  let from = at;
  while (from > 0 && continuesAcrossClause(text, quotations[from - 1]!, quotations[from]!)) from--;
  let to = at;
  while (to + 1 < quotations.length && continuesAcrossClause(text, quotations[to]!, quotations[to + 1]!)) to++;
  if (from === to) return null;
  const whole = typeof text === "string" ? text : text();
  return quotations.slice(from, to + 1).map((q) => ({ start: q.start, end: q.end, text: whole.slice(q.start, q.end) }));
}
