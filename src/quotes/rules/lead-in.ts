/**
 * Rule "lead-in": a digest's lead-in that hands over to a named writer before a colon — "Why the polls moved -
 * Carl Bialik: “…”", "More from Jones: “…”". The name before the colon is the speaker even though a heading's verb
 * ("Pollsters agree - Carl Bialik:") or "from" comes before it, which would otherwise make it an object ("told
 * The Post: “…”", "a letter from Jones: “…”").
 */

/** A dash that separates a heading from the writer, or "More from" / "Also from" right before the name. */
const HAND_OVER = /(?:\s[-–—]\s*|^\s*(?:[Mm]ore|[Aa]lso)\s+from\s+|[.:]\s+(?:[Mm]ore|[Aa]lso)\s+from\s+|\s[-–—]\s*(?:[Mm]ore|[Aa]lso)\s+from\s+)$/u;

/** Whether the text before a name (from the start of its sentence) hands the quotation over to that name. */
export function handsOverTo(lead: string): boolean {
  return HAND_OVER.test(lead);
}
