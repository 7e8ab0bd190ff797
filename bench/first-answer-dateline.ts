/**
 * Dateline's first answer, as bench/first-answer.ts measures it in a fresh process: rebuild the benchmark corpus,
 * open the passage index from its snapshot, answer one /sources, then one /quote, whose quote book is opened on
 * first use from the quotations snapshot beside the index's (as src/open-newsroom.ts does after a restart).
 */
import { createLogger } from "../src/core/log.js";
import { packageRoot } from "../src/paths.js";
import type { QuoteBook } from "../src/quotes/quote-book.js";
import { defaultCorpusLocations, loadBenchCorpus, openBenchCorpusSnapshot } from "./corpora.js";
import { absentQuoteBook, benchNewsroom, datelineRunner, loadDatelineModules, type QueryPath } from "./engine.js";
import { openBenchQuotes } from "./quotes-snapshot.js";

/** The first /quote asked after the first /sources answer. */
export const FIRST_QUOTE = "minister government";

export interface DatelineFirstAnswerInput {
  dataDir: string;
  /** "/sources TEXT" */
  query: string;
  /** Corpus locations; the default corpora beside the project when empty. */
  locations: readonly string[];
  passages: number | null;
}

/** Where the first /quote's quotations came from. */
export interface FirstQuoteSource {
  fromSnapshot: boolean;
  /** Why the snapshot was not used, when it was not. */
  why?: string;
}

export interface DatelineFirstAnswer {
  /** Performance time (since this process started) when the first /sources was answered. */
  sinceStartMs: number;
  phases: Record<string, number>;
  found: number;
  /** Whether the passage index came from its snapshot. */
  fromSnapshot: boolean;
  /** Whether the corpus came from its snapshot (else it was read and replicated). */
  corpusFromSnapshot: boolean;
  path: QueryPath;
  /** Absent when no /quote was asked (the quote book or the command is missing). */
  quotations?: FirstQuoteSource;
}

export async function datelineFirstAnswer(input: DatelineFirstAnswerInput): Promise<DatelineFirstAnswer> {
  const phases: Record<string, number> = {};
  const mark = (name: string, since: number) => (phases[name] = performance.now() - since);
  let t = performance.now();
  const modules = await loadDatelineModules();
  mark("importMs", t);
  if (!modules.openSourceIndex) throw new Error(modules.missing.join("; "));
  const log = createLogger("warn");
  const locations = input.locations.length > 0 ? input.locations : (defaultCorpusLocations(packageRoot()) ?? []);
  // As the bot does (src/corpus/open.ts): the files listed and compared with the corpus snapshot, the articles
  // taken from it (texts read when shown); without a current one, read and replicated again.
  t = performance.now();
  const fromCorpusSnapshot = await openBenchCorpusSnapshot(input.dataDir, locations, log);
  mark("corpusMs", t);
  const bench = fromCorpusSnapshot ? { corpus: fromCorpusSnapshot } : await loadBenchCorpus(locations, input.passages);
  if ("loadMs" in bench) {
    phases.corpusMs = bench.loadMs;
    phases.replicateMs = bench.replicateMs;
  }
  t = performance.now();
  // As src/open-newsroom.ts opens it: the warm-up searches after the first answer.
  const { index, fromSnapshot } = await modules.openSourceIndex(bench.corpus, { dataDir: input.dataDir, log, warmUp: "after-first-search" });
  mark("indexOpenMs", t);

  // As src/open-newsroom.ts does, the quote book is opened on first use (from its snapshot when current):
  // /sources does not wait for it.
  let opened: ReturnType<typeof openBenchQuotes> | null = null;
  let book: QuoteBook | null = null;
  const quotes = (): QuoteBook => {
    if (book) return book;
    if (!modules.buildQuoteBook) return (book = absentQuoteBook());
    opened = openBenchQuotes(bench.corpus, input.dataDir);
    return (book = opened.book);
  };
  t = performance.now();
  const newsroom = benchNewsroom(bench.corpus, index, quotes);
  const runner = datelineRunner(newsroom, modules.commands, modules.buildQuoteBook !== null, log);
  const text = input.query.replace(/^\/sources\s+/, "");
  const found = await runner.run({ command: "sources", kind: "common", text });
  mark("queryMs", t);
  const sinceStartMs = performance.now();

  const result: DatelineFirstAnswer = { sinceStartMs, phases, found, fromSnapshot, corpusFromSnapshot: fromCorpusSnapshot !== null, path: runner.path };
  if (!runner.canRun("quote")) return result;
  // Then the first /quote, which opens the quote book: firstQuoteMs includes the quotesSnapshotMs (or
  // quotesExtractMs) that follows it.
  t = performance.now();
  try {
    await runner.run({ command: "quote", kind: "common", text: FIRST_QUOTE });
    mark("firstQuoteMs", t);
  } catch (error) {
    process.stderr.write(`first-answer: the first /quote failed: ${(error as Error).message}\n`);
  }
  const loaded = opened as ReturnType<typeof openBenchQuotes> | null;
  if (loaded) {
    phases[loaded.fromSnapshot ? "quotesSnapshotMs" : "quotesExtractMs"] = loaded.ms;
    result.quotations = loaded.fromSnapshot ? { fromSnapshot: true } : { fromSnapshot: false, why: loaded.why ?? "" };
    // After an extraction the bot saves the quotations in the background; done before the data folder is let go.
    await loaded.saved;
  }
  return result;
}
