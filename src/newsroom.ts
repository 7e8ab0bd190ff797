/**
 * The services every command runs against: the corpus, its passage index and its quotations.
 * Built by `openNewsroom` (see open-newsroom.ts); commands receive it as `ctx.services`.
 */
import type { Article, Corpus } from "./corpus/types.js";
import type { QuoteBook } from "./quotes/quote-book.js";
import type { SourceSearch } from "./search/types.js";
import type { GroupElsewhere } from "./statements/query.js";
import type { StatementIndex } from "./statements/types.js";

export interface Newsroom {
  /** The corpus folder or file. */
  readonly location: string;
  articles(): readonly Article[];
  article(doc: string): Article | undefined;
  readonly sources: SourceSearch;
  readonly quotes: QuoteBook;
  /** Problems met while reading the corpus (skipped files, re-decoded files). */
  problems(): Corpus["problems"];
  /** Statements rendered in two or more documents (computed lazily, recomputed after corpus changes). */
  statements(): StatementIndex;
  /** The statements when they are already computed, else null (for answers that must not wait for them). */
  statementsIfReady(): StatementIndex | null;
  /**
   * Computes the statements without holding the event loop (in slices of about `sliceMs`, default 20 ms, the
   * event loop served between them); `statementsIfReady` returns them once done. Resolves with them, or with
   * null when a corpus change made them stale before they were done (they are then discarded, never published).
   * Optional: a newsroom without it has only the synchronous `statements()`.
   */
  statementsInBackground?(options?: { sliceMs?: number }): Promise<StatementIndex | null>;
  /**
   * Groups a few articles in a worker thread when one is idle (/compare's candidates: src/workers/grouping.ts);
   * null from it means none is, and the caller groups them itself. Absent: always grouped by the caller.
   */
  groupElsewhere?: GroupElsewhere;
  /** When Dateline first saw the document (ISO date-time), kept across restarts; null if unknown. */
  firstSeen(doc: string): string | null;
  /** True for a document of the baseline: the corpus as found at the data folder's first start (see first-seen.ts). */
  inBaseline?(doc: string): boolean;
}

/** A newsroom whose corpus folder can change while the bot runs (live corpus). */
export interface LiveNewsroom extends Newsroom {
  /** Re-reads one file (path relative to the corpus folder) and updates the indexes incrementally. */
  refreshFile(relPath: string): Promise<"added" | "changed" | "removed" | "unchanged">;
}
