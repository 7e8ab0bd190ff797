/** `dateline quotes --json`: every quotation of the corpus as one flat record, in corpus order. */
import type { QuoteBook, QuotationKind } from "./types.js";

export interface QuotationRecord {
  doc: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  kind: QuotationKind;
  cue: string | null;
  mention: string | null;
  confidence: number;
}

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
  }));
}
