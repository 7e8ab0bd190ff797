/**
 * The quotations' snapshot in the benchmark's data folder, as a bot that has run once leaves it: written by the
 * bot's own saver (src/quotes/snapshot.ts) beside the index snapshot, and opened in the first-answer child by the
 * bot's own `openQuoteBook`, so that the first /quote is timed as it is after a restart.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { createLogger } from "../src/core/log.js";
import type { Corpus } from "../src/corpus/types.js";
import { CorpusQuoteBook } from "../src/quotes/book.js";
import { LEARNT_SNAPSHOT_FILE, saveLearnt } from "../src/quotes/learnt-snapshot.js";
import { openQuoteBook, QUOTES_SNAPSHOT_FILE, quotesFingerprint, saveQuoteSnapshot } from "../src/quotes/snapshot.js";
import type { QuoteBook } from "../src/quotes/quote-book.js";

export { QUOTES_SNAPSHOT_FILE };

export interface QuotesSnapshotFigures {
  bytes: number;
  /** Serialising and writing it (atomically, synced), as the bot does after its first extraction. */
  writeMs: number;
}

/**
 * Saves `book`'s quotations (already extracted by the benchmark) into `dataDir`, keyed as src/open-newsroom.ts
 * keys them: to the corpus fingerprint, the extraction and the code. Saving the book already built spares a
 * second extraction; the file is the one `openQuoteBook` writes after extracting.
 */
export async function writeQuotesSnapshot(dataDir: string, corpus: Pick<Corpus, "fingerprint">, book: QuoteBook): Promise<QuotesSnapshotFigures> {
  if (!(book instanceof CorpusQuoteBook)) throw new Error("the quote book is not src/quotes/book.ts's CorpusQuoteBook: its extraction cannot be saved");
  const file = path.join(dataDir, QUOTES_SNAPSHOT_FILE);
  const started = performance.now();
  await saveQuoteSnapshot(file, quotesFingerprint(corpus.fingerprint), book);
  // And what the book learnt from the texts (titles, topic places), as the bot saves it once learnt.
  const learnt = { titles: book.titlesIfReady(), places: book.placesIfReady() };
  const learntFile = path.join(dataDir, LEARNT_SNAPSHOT_FILE);
  if (learnt.titles || learnt.places) await saveLearnt(learntFile, quotesFingerprint(corpus.fingerprint), learnt, book.speakers.speakers);
  const writeMs = performance.now() - started;
  return { bytes: statSync(file).size, writeMs };
}

export interface OpenedBenchQuotes {
  book: QuoteBook;
  fromSnapshot: boolean;
  /** Loading the snapshot, or (when it could not be used) extracting the quotations. */
  ms: number;
  /** Why the snapshot was not used (the bot's own log lines), or null when it was. */
  why: string | null;
  /** Settles once the bot's background save (after an extraction) is done; never rejects. */
  saved: Promise<void>;
}

/**
 * Opens the quote book as a restarted bot does (src/open-newsroom.ts: `openQuoteBook` over the data folder on
 * first use), keeping the reason it gives when the snapshot cannot be used instead of letting it pass unseen.
 * When it extracts, the bot saves a snapshot in the background (`saved`).
 */
export function openBenchQuotes(corpus: Pick<Corpus, "articles" | "fingerprint">, dataDir: string | null): OpenedBenchQuotes {
  const messages: string[] = [];
  const log = createLogger("info", (line) => {
    const { level, msg } = JSON.parse(line) as { level?: string; msg?: string };
    // "quotations extracted" is the outcome, not the reason.
    if (level !== "info" || !msg?.startsWith("quotations extracted")) messages.push(msg ?? line);
  });
  const started = performance.now();
  const opened = openQuoteBook(corpus.articles, { dataDir, fingerprint: corpus.fingerprint, log });
  const ms = performance.now() - started;
  const why = opened.fromSnapshot ? null : messages.join(" | ") || (dataDir === null ? "no data folder" : "no reason logged");
  return { book: opened.book, fromSnapshot: opened.fromSnapshot, ms, why, saved: opened.saved };
}
