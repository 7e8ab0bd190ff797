/** The quote book as the commands and the newsroom see it; `CorpusQuoteBook` (book.ts) implements it. */
import type { Article } from "../corpus/types.js";
import type { QuotationPart } from "./split-quotation.js";
import type { TitleIndex } from "./titles.js";
import type { TopicPlaces } from "./topic-places.js";
import type { QuoteHit, QuoteQuery, Quotation, SpeakerRegistry } from "./types.js";

/** The fields of a quotation that statement grouping reads. */
export type GroupingFields = Pick<Quotation, "doc" | "start" | "end" | "text" | "speaker" | "kind" | "confidence">;

/** Every quotation of the corpus, searchable. */
export interface QuoteBook {
  readonly quotations: readonly Quotation[];
  /** How many quotations the book holds (what `groupingFields` reads in chunks). */
  readonly quotationCount: number;
  /**
   * What statement grouping reads of the quotations [from, to), in the book's order (src/workers/grouping.ts sends
   * them to the grouping worker in chunks): only these fields, however the book stores them.
   */
  groupingFields(from: number, to: number): readonly GroupingFields[];
  readonly speakers: SpeakerRegistry;
  /** `respelled`: topic words no quotation uses, read as the nearest word they do use ("irak" as "iraq"). */
  search(query: QuoteQuery, page: { offset: number; limit: number }): { hits: QuoteHit[]; total: number; respelled?: Array<{ typed: string; as: string }> };
  /**
   * Which of the speakers (canonical names) `search` with the topic would first show saying its words (match
   * "words"): one topic search for them all.
   */
  speakersSaying(speakers: readonly string[], topic: Omit<QuoteQuery, "speaker" | "sort">): Set<string>;
  /** One quotation by id, with its canonical speaker. */
  quotation(id: string): Quotation | undefined;
  /**
   * The parts of the split quotation the quotation `id` belongs to (split-quotation.ts: “That,” she said, “is the
   * worst…”), in text order, each verbatim; null when it is whole (or unknown).
   */
  splitParts(id: string): QuotationPart[] | null;
  /** Job titles and honorifics as the articles give them (titles.ts), built now if they are not yet. */
  titles(): TitleIndex;
  /** The titles when built already, else null (for answers that must not wait for them). */
  titlesIfReady(): TitleIndex | null;
  /** Builds the titles in time slices; null when the book changed before they were done (statements/steps.ts). */
  titlesInBackground(options?: { sliceMs?: number }): Promise<TitleIndex | null>;
  /** Whether topic-only searches know yet which quotations stand in a paragraph or article about the topic. */
  placesIfReady(): TopicPlaces | null;
  /** Learns that in time slices (topic-places.ts); null when the book changed before it was done. */
  placesInBackground(options?: { sliceMs?: number }): Promise<TopicPlaces | null>;
  /** Re-extracts one article's quotations (live corpus); the registry follows. */
  upsert(article: Article): void;
  remove(doc: string): void;
}
