/** Dateline's side: the passage index and quote book over the benchmark corpus, queried through the commands. */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createBot } from "../src/core/bot.js";
import { createDispatcher } from "../src/core/dispatch.js";
import type { Logger } from "../src/core/log.js";
import type { Corpus } from "../src/corpus/types.js";
import type { QuoteBook } from "../src/quotes/quote-book.js";
import type { SourceSearch } from "../src/search/types.js";
import { runChild } from "./child.js";
import { saveBenchCorpusSnapshot } from "./corpora.js";
import { absentQuoteBook, benchNewsroom, datelineRunner, type DatelineModules, type OpenSourceIndex } from "./engine.js";
import { settledHeap } from "./heap.js";
import { FIRST_QUERY, type SideContext } from "./minisearch-side.js";
import type { DatelineFirstAnswer } from "./first-answer-dateline.js";
import { BENCH_QUERIES } from "./queries.js";
import { QUOTES_SNAPSHOT_FILE, writeQuotesSnapshot } from "./quotes-snapshot.js";
import { failure, type EngineReport, type Failed, type FirstAnswerFigures } from "./results.js";
import { latencyByCommand, slowestQueries, timeQueries } from "./timing.js";

const MB = 1024 * 1024;

/** Total size of the files under `dir`, but for those named `except`. */
export function folderBytes(dir: string, except: readonly string[] = []): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (except.includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    bytes += entry.isDirectory() ? folderBytes(full, except) : statSync(full).size;
  }
  return bytes;
}

/** The index snapshot's size: the data folder without the quotations' snapshot. */
const indexSnapshotBytes = (dataDir: string) => folderBytes(dataDir, [QUOTES_SNAPSHOT_FILE]);

export interface DatelineInput {
  corpus: Corpus;
  passages: number;
  bytes: number;
  modules: DatelineModules;
  log: Logger;
  /** Arguments that make first-answer.js rebuild the same corpus (`--corpus ... --passages N`). */
  corpusArgs: string[];
  /** The corpus locations read (for the corpus snapshot's listing). */
  locations: readonly string[];
}

export async function benchDateline(input: DatelineInput, ctx: SideContext): Promise<EngineReport> {
  const { corpus, modules, log } = input;
  const report: EngineReport = { ingest: null, heap: null, snapshot: null, firstAnswer: null, latency: {}, slack: null, notes: [] };
  for (const m of modules.missing) report.notes.push(`not loaded: ${m}`);
  const openSourceIndex = modules.openSourceIndex;
  if (!openSourceIndex) {
    report.notes.push("src/search/snapshot.ts is missing: nothing of Dateline measured.");
    return report;
  }

  // The data folder as a bot that has run once leaves it (src/open-newsroom.ts): the index's snapshot and,
  // beside it, the quotations'.
  const dataDir = path.join(ctx.workDir, "dateline-index");
  // Built inside a function of its own, so that this index is garbage once measured and never shares the
  // heap with the snapshot's.
  const quotesSnapshot = await measureLiveIndex(input, openSourceIndex, dataDir, ctx, report);
  settledHeap();

  if (!report.snapshot) {
    // snapshot.ts's saver is not exported: open the index again with a data folder (a second build, then a save).
    ctx.progress("Dateline: snapshot (second build)");
    try {
      const t2 = performance.now();
      // Only the flag is kept: the index itself is garbage as soon as it is saved.
      const fromSnapshot = await openSourceIndex(corpus, { dataDir, log }).then((opened) => opened.fromSnapshot);
      const writeMs = performance.now() - t2;
      if (fromSnapshot) report.notes.push("the snapshot folder already held a current snapshot (reused).");
      report.snapshot = { bytes: indexSnapshotBytes(dataDir), writeMs };
    } catch (error) {
      report.snapshot = failure(error);
    }
    settledHeap();
  }
  if (report.snapshot && !("error" in report.snapshot)) report.snapshot.quotes = quotesSnapshot;
  // The corpus as the bot saves it after reading it (src/corpus/snapshot.ts): a restart reads no corpus file.
  try {
    const t3 = performance.now();
    await saveBenchCorpusSnapshot(dataDir, input.locations, corpus);
    report.notes.push(`corpus snapshot written in ${Math.round(performance.now() - t3)} ms`);
  } catch (error) {
    report.notes.push(`corpus snapshot not written: ${error instanceof Error ? error.message : String(error)}`);
  }

  if (ctx.firstAnswerScript && report.snapshot && !("error" in report.snapshot)) {
    ctx.progress("Dateline: first answer from snapshot");
    try {
      const { wallMs, report: child, stderr } = await runChild<DatelineFirstAnswer>(ctx.firstAnswerScript, ["dateline", "--data-dir", dataDir, "--query", `/sources ${FIRST_QUERY}`, ...input.corpusArgs], ctx.nodeArgs, 5 * 60_000);
      // Replicating the corpus is the benchmark's own step, not Dateline's: it is left out of the figure.
      const synthetic = child.phases.replicateMs ?? 0;
      report.firstAnswer = {
        ms: child.sinceStartMs - synthetic,
        wallMs,
        phases: child.phases,
        found: child.found,
        ...(child.quotations ? { quotations: child.quotations } : {}),
      } satisfies FirstAnswerFigures;
      if (!child.fromSnapshot) {
        report.notes.push(`first answer: the child did NOT open the snapshot (it rebuilt the index): ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
      }
      if (child.corpusFromSnapshot === false) report.notes.push("first answer: the corpus was read and replicated again (its snapshot was not current)");
      if (child.quotations && !child.quotations.fromSnapshot) {
        report.notes.push(`first /quote: the child did NOT load the quotations snapshot (it extracted them): ${child.quotations.why ?? ""}`);
      } else if (!child.quotations) {
        report.notes.push("first /quote: not asked by the child (no quote book or /quote command).");
      }
    } catch (error) {
      report.firstAnswer = failure(error);
    }
  }
  return report;
}

/** Returns the figures of the quotations' snapshot it wrote into `dataDir` (or why it could not). */
async function measureLiveIndex(
  input: DatelineInput,
  openSourceIndex: OpenSourceIndex,
  dataDir: string,
  ctx: SideContext,
  report: EngineReport,
): Promise<{ bytes: number; writeMs: number } | Failed> {
  ctx.progress("Dateline: build index");
  const { corpus, modules, log } = input;
  let quotes: QuoteBook | null = null;
  const before = settledHeap();
  const t0 = performance.now();
  const index: SourceSearch = (await openSourceIndex(corpus, { dataDir: null, log })).index;
  const indexMs = performance.now() - t0;
  const indexHeap = settledHeap() - before;
  let quotesMs = 0;
  let quotesHeap = 0;
  if (modules.buildQuoteBook) {
    ctx.progress("Dateline: extract quotations");
    const t1 = performance.now();
    try {
      quotes = modules.buildQuoteBook(corpus);
      // Ready to answer: the quotations under their canonical names (and the speaker registry behind them) may be
      // made on first use; they are part of the ingest's time and heap, not of the first query's.
      void quotes.quotations.length;
      // A running bot then learns the job titles and where topics stand, in time slices, before the first /quote
      // needs them (src/main.ts): part of the ingest too, not of some query's time.
      await quotes.titlesInBackground({ sliceMs: 1000 });
      await quotes.placesInBackground({ sliceMs: 1000 });
      quotesMs = performance.now() - t1;
      quotesHeap = settledHeap() - before - indexHeap;
      report.notes.push(`${quotes.quotations.length} quotations, ${quotes.speakers.speakers.length} speakers.`);
    } catch (error) {
      // A crash in the quote book is a finding to report, not a reason to lose the other figures.
      report.notes.push(`buildQuoteBook crashed after ${Math.round(performance.now() - t1)} ms (${(error as Error).message}): ingest excludes quotations; /quote not measured.`);
    }
  } else {
    report.notes.push("src/quotes/book.ts is missing: ingest excludes quotation extraction; /quote not measured.");
  }
  const ingestMs = indexMs + quotesMs;
  report.ingest = {
    ms: ingestMs,
    mbPerSecond: input.bytes / MB / (ingestMs / 1000),
    parts: { indexMs, quotationsMs: quotesMs, indexMbPerSecond: input.bytes / MB / (indexMs / 1000) },
  };
  report.heap = {
    bytes: indexHeap + quotesHeap,
    perPassage: (indexHeap + quotesHeap) / input.passages,
    parts: { indexPerPassage: indexHeap / input.passages, quotationsPerPassage: quotesHeap / input.passages },
  };

  const newsroom = benchNewsroom(corpus, index, quotes ?? absentQuoteBook());
  const runner = datelineRunner(newsroom, modules.commands, quotes !== null, log);
  report.notes.push(`queries ran through ${runner.path === "dispatcher" ? "the command dispatcher (commands/index.ts)" : "the index directly (commands not loadable yet)"}.`);
  const queries = BENCH_QUERIES.filter((q) => runner.canRun(q.command));
  ctx.progress(`Dateline: ${queries.length} queries x ${ctx.repetitions}`);
  const times = await timeQueries(queries, ctx.repetitions, ctx.budgetMs, (q) => runner.run(q));
  report.latency.dateline = {
    ...latencyByCommand(queries, times),
    complete: times.complete,
    slowest: slowestQueries(queries, times, 3),
    found: times.found,
  };
  if (runner.failures.length > 0) report.notes.push(`commands that crashed: ${[...new Set(runner.failures)].join("; ")}`);

  if (modules.saveSnapshot) {
    ctx.progress("Dateline: snapshot");
    try {
      const t2 = performance.now();
      await modules.saveSnapshot.save(dataDir, modules.saveSnapshot.fingerprint(corpus), index);
      report.snapshot = { bytes: indexSnapshotBytes(dataDir), writeMs: performance.now() - t2 };
    } catch (error) {
      report.snapshot = failure(error);
    }
  }
  // The quotations already extracted above, saved as the bot saves them after its first extraction.
  let quotesSnapshot: { bytes: number; writeMs: number } | Failed = { error: "not written: no quote book" };
  if (quotes) {
    ctx.progress("Dateline: quotations snapshot");
    try {
      quotesSnapshot = await writeQuotesSnapshot(dataDir, corpus, quotes);
    } catch (error) {
      quotesSnapshot = failure(error);
    }
  }

  if (ctx.slack) {
    if (runner.path === "dispatcher" && modules.commands) {
      ctx.progress("Dateline: Slack load");
      const bot = createBot({ dispatcher: createDispatcher(modules.commands), services: () => newsroom, complete: () => [], log: ctx.quietLog });
      report.slack = await ctx.slack(bot, queries);
    } else {
      report.slack = { error: "not measured: the commands are not loadable yet" };
    }
  }
  return quotesSnapshot;
}
