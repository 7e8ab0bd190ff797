/** `dateline quotes --json`: every quotation of the corpus as one flat record, in corpus order. */
import type { QuoteBook } from "./quote-book.js";
import type { Quotation } from "./types.js";

/**
 * The contract's fields (ARCHITECTURE.md), then those added since (add only): `hearsay` (second-hand, alleged or
 * denied, else null) and, for a quotation split around the reporter's clause (“That,” she said, “is the worst…”),
 * `parts`: every part of the split quotation in text order, each exact at [start, end) of the document, the same
 * parts as /quote's `parts` (there named `quote`, as /quote names its text). Absent for a whole quotation.
 */
export type QuotationRecord = Pick<Quotation, "doc" | "start" | "end" | "text" | "speaker" | "kind" | "cue" | "mention" | "confidence"> & {
  hearsay: Quotation["hearsay"];
  parts?: Array<{ text: string; start: number; end: number }>;
};

export function quotationRecords(book: Pick<QuoteBook, "quotations" | "splitParts">): QuotationRecord[] {
  return book.quotations.map((q) => {
    const parts = book.splitParts(q.id);
    return {
      doc: q.doc,
      start: q.start,
      end: q.end,
      text: q.text,
      speaker: q.speaker,
      kind: q.kind,
      cue: q.cue,
      mention: q.mention,
      confidence: q.confidence,
      hearsay: q.hearsay ?? null,
      ...(parts ? { parts: parts.map((p) => ({ text: p.text, start: p.start, end: p.end })) } : {}),
    };
  });
}
