/** `dateline quotes --json`: every quotation of the corpus as one flat record, in corpus order. */
import type { QuoteBook } from "./quote-book.js";
import type { Quotation } from "./types.js";

/** The contract's fields (ARCHITECTURE.md), then `hearsay` (added: second-hand, alleged or denied, else null). */
export type QuotationRecord = Pick<Quotation, "doc" | "start" | "end" | "text" | "speaker" | "kind" | "cue" | "mention" | "confidence"> & {
  hearsay: Quotation["hearsay"];
};

export function quotationRecords(book: Pick<QuoteBook, "quotations">): QuotationRecord[] {
  return book.quotations.map((q) => ({
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
  }));
}
