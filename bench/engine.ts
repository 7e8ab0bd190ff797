/**
 * Dateline's side of the benchmark, loaded at run time: the engine's modules are being written while the
 * benchmark is, so each one is imported when present and reported as "not measured" when not. The expected
 * signatures are those used by src/open-newsroom.ts.
 */
import type { Command } from "../src/core/command.js";
import { createDispatcher, type Dispatcher } from "../src/core/dispatch.js";
import type { Logger } from "../src/core/log.js";
import type { Article, Corpus } from "../src/corpus/types.js";
import type { Newsroom } from "../src/newsroom.js";
import type { QuoteBook } from "../src/quotes/quote-book.js";
import type { SourceSearch } from "../src/search/types.js";
import type { BenchCommand, BenchQuery } from "./queries.js";
import { queryInput } from "./queries.js";

export type OpenSourceIndex = (
  corpus: Corpus,
  options: { dataDir: string | null; log: Logger; onProgress?: (done: number, total: number) => void; warmUp?: "before" | "after-first-search" },
) => Promise<{ index: SourceSearch; fromSnapshot: boolean }>;
export type BuildQuoteBook = (corpus: Corpus) => QuoteBook;
/** snapshot.ts's own saver: writes an index already built (so the benchmark does not build it twice). */
export type SaveSnapshot = (dataDir: string, fingerprint: string, index: SourceSearch) => Promise<void>;
export type SnapshotFingerprint = (corpus: Pick<Corpus, "fingerprint">) => string;
// Commands declare their own argument types; only their common shape matters here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<Newsroom, any>;

export interface DatelineModules {
  openSourceIndex: OpenSourceIndex | null;
  buildQuoteBook: BuildQuoteBook | null;
  /** Both or neither: without them the snapshot is written by a second openSourceIndex (a second build). */
  saveSnapshot: { save: SaveSnapshot; fingerprint: SnapshotFingerprint } | null;
  commands: readonly AnyCommand[] | null;
  /** What could not be loaded, and why. */
  missing: string[];
}

/** Imports `relative` (from this module's folder) and returns its export `name`, or the reason it cannot. */
async function optionalExport<T>(relative: string, name: string): Promise<{ value: T | null; problem?: string }> {
  // A computed specifier: the module may not exist yet, and the benchmark must still compile and run.
  const url = new URL(relative, import.meta.url).href;
  try {
    const module = (await import(url)) as Record<string, unknown>;
    if (module[name] === undefined) return { value: null, problem: `${relative}: no export ${name}` };
    return { value: module[name] as T };
  } catch (error) {
    return { value: null, problem: `${relative}: ${(error as Error).message.split("\n")[0]}` };
  }
}

export async function loadDatelineModules(): Promise<DatelineModules> {
  const index = await optionalExport<OpenSourceIndex>("../src/search/snapshot.js", "openSourceIndex");
  const quotes = await optionalExport<BuildQuoteBook>("../src/quotes/book.js", "buildQuoteBook");
  const commands = await optionalExport<readonly AnyCommand[]>("../commands/index.js", "commands");
  const save = await optionalExport<SaveSnapshot>("../src/search/snapshot.js", "saveSnapshot");
  const fingerprint = await optionalExport<SnapshotFingerprint>("../src/search/snapshot.js", "snapshotFingerprint");
  return {
    openSourceIndex: index.value,
    buildQuoteBook: quotes.value,
    saveSnapshot: save.value && fingerprint.value ? { save: save.value, fingerprint: fingerprint.value } : null,
    commands: commands.value,
    missing: [index.problem, quotes.problem, commands.problem].filter((p): p is string => p !== undefined),
  };
}

/**
 * The Newsroom the commands run against, composed as openNewsroom does but over an in-memory corpus. The quote
 * book may be given as a function: like openNewsroom, it is then built on first use (the first /quote).
 */
export function benchNewsroom(corpus: Corpus, sources: SourceSearch, quotes: QuoteBook | (() => QuoteBook)): Newsroom {
  const byId = new Map<string, Article>(corpus.articles.map((a) => [a.id, a]));
  return {
    location: corpus.location,
    articles: () => corpus.articles,
    article: (doc) => byId.get(doc),
    sources,
    get quotes() {
      return typeof quotes === "function" ? quotes() : quotes;
    },
    problems: () => corpus.problems,
    statements: () => {
      throw new Error("statements are not part of the benchmark");
    },
    statementsIfReady: () => null,
    firstSeen: () => null,
  };
}

/** Stands in for the quote book while src/quotes/book.ts is missing; /quote is then not measured. */
export function absentQuoteBook(): QuoteBook {
  const fail = (): never => {
    throw new Error("src/quotes/book.ts is not there yet");
  };
  return {
    quotations: [],
    quotationCount: 0,
    groupingFields: () => [],
    speakers: { speakers: [], resolve: () => null, matchLeading: () => null, suggest: () => [] },
    search: fail,
    speakersSaying: fail,
    quotation: fail,
    splitParts: fail,
    titles: fail,
    titlesIfReady: fail,
    titlesInBackground: fail,
    placesIfReady: fail,
    placesInBackground: fail,
    upsert: fail,
    remove: fail,
  };
}

/** How a benchmark query reaches Dateline: the real command path, or the index directly while commands are missing. */
export type QueryPath = "dispatcher" | "direct";

export interface DatelineRunner {
  path: QueryPath;
  /** Whether this command can be run yet (/quote needs the quote book). */
  canRun(command: BenchCommand): boolean;
  /** Runs the query, returns how many results it found. */
  run(q: BenchQuery): Promise<number>;
  /** Queries answered with an error (a crash in the command, not "no match"). */
  readonly failures: string[];
}

export function datelineRunner(
  newsroom: Newsroom,
  commands: readonly AnyCommand[] | null,
  hasQuotes: boolean,
  log: Logger,
): DatelineRunner {
  const failures: string[] = [];
  if (commands !== null && commands.some((c) => c.name === "sources")) {
    const dispatcher: Dispatcher<Newsroom> = createDispatcher(commands);
    return {
      path: "dispatcher",
      failures,
      canRun: (command) => dispatcher.find(command) !== undefined && (command !== "quote" || hasQuotes),
      run: async (q) => {
        const outcome = await dispatcher.dispatch(queryInput(q), {
          services: newsroom,
          platform: "cli",
          user: null,
          channel: null,
          log,
          now: () => new Date(),
        });
        if (!outcome.ok && outcome.error === "internal") failures.push(queryInput(q));
        return outcome.results.length;
      },
    };
  }
  const page = { offset: 0, limit: 10 };
  return {
    path: "direct",
    failures,
    canRun: (command) => command === "sources" || hasQuotes,
    run: (q) => {
      const words = q.text.split(/\s+/).filter(Boolean);
      if (q.command === "sources") return Promise.resolve(newsroom.sources.search({ words, phrases: [] }, page).hits.length);
      const match = newsroom.quotes.speakers.matchLeading(words);
      const query = { speaker: match?.speaker.name ?? null, words: words.slice(match?.consumed ?? 0), phrases: [] };
      return Promise.resolve(newsroom.quotes.search(query, page).hits.length);
    },
  };
}
