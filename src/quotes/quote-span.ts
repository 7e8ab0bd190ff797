/** A quotation found between quotation marks (`extract.ts`), before attribution: what extraction hands on. */
export interface QuoteSpan {
  /** Content offsets (marks excluded), trimmed of white space. */
  start: number;
  end: number;
  /**
   * Offset of the opening mark, and of the closing mark (-1 when the quotation stays open to a break). For a
   * two-character mark ('') `open` is its first character and `close` its last, so `close + 1` follows it.
   */
  open: number;
  close: number;
  /** Index into `article.paragraphs`. */
  paragraphIndex: number;
  kind: "direct" | "partial";
  /** Index (into the spans of the same article) of the span this one continues, or -1. */
  continues: number;
  /**
   * Where a speaker label opening the quotation starts ("PENCE: Well, look" in a quoted interview transcript):
   * the label names the speaker and is not part of the content, which starts after it. Absent without one.
   */
  labelStart?: number;
}
