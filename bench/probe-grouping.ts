/**
 * How long the event loop is held while the statements across outlets are grouped (issue 14, point 1): the
 * longest delay of a 10 ms timer, the main thread's busy time (event loop utilisation) and its longest garbage
 * collection pause, grouping in time slices on this thread (as before) and in the grouping worker (src/workers/grouping.ts: the
 * first grouping fills the worker's copy of the articles from this thread, the second finds it in place).
 *
 *   node dist/bench/probe-grouping.js [--corpus PATH]... [--passages N] [--only slices|worker]
 * Default corpora: BBC and Reuters beside the project (skipped cleanly when absent).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createLogger } from "../src/core/log.js";
import { packageRoot } from "../src/paths.js";
import { buildQuoteBook } from "../src/quotes/book.js";
import { buildStatementsInSlices } from "../src/statements/group.js";
import { offThreadGrouping } from "../src/workers/grouping.js";
import { createWorkerPool } from "../src/workers/pool.js";
import { loadBenchCorpus } from "./corpora.js";

const SLICE_MS = 20;

interface Held {
  wallMs: number;
  /** The longest delay of a 10 ms timer (monitorEventLoopDelay): how long the event loop was held at most. */
  longestMs: number;
  /** The main thread's busy time (event loop utilisation's active time). */
  mainBusyMs: number;
  /** The longest garbage collection pause of this thread meanwhile (a hold no slicing removes). */
  longestGcMs: number;
  statements: number;
}

/** Runs `work`, noting how long the event loop was held at most meanwhile, and how busy it was. */
async function held(work: () => Promise<{ statements: readonly unknown[] }>): Promise<Held> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let longestGc = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  gc.observe({ entryTypes: ["gc"] });
  delay.enable();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const index = await work();
  const wallMs = performance.now() - started;
  const busy = performance.eventLoopUtilization(elu);
  delay.disable();
  gc.disconnect();
  return {
    wallMs: Math.round(wallMs),
    longestMs: Math.round(delay.max / 1e6),
    mainBusyMs: Math.round(busy.active),
    longestGcMs: Math.round(longestGc),
    statements: index.statements.length,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: "string", multiple: true }, passages: { type: "string" }, only: { type: "string" } },
    strict: true,
  });
  const base = path.join(packageRoot(), "..", "shared", "corpora");
  const locations = values.corpus ?? [path.join(base, "bbc"), path.join(base, "reuters", "articles.jsonl")];
  if (!locations.every((l) => existsSync(l))) {
    console.log(JSON.stringify({ skipped: "corpora absent", locations }));
    return;
  }
  const log = createLogger("warn");
  const bench = await loadBenchCorpus(locations.map((l) => path.resolve(l)), values.passages ? Number(values.passages) : null);
  const articles = bench.corpus.articles;
  const t0 = performance.now();
  const book = buildQuoteBook({ articles });
  const out: Record<string, unknown> = {
    articles: articles.length,
    passages: bench.passages,
    quotations: book.quotationCount,
    extractionMs: Math.round(performance.now() - t0),
  };
  if (values.only !== "worker") {
    out.slices = await held(() => buildStatementsInSlices(articles, book.quotations, {}, { sliceMs: SLICE_MS }));
  }
  if (values.only !== "slices") {
    const grouping = offThreadGrouping(
      { location: bench.corpus.location, readOptions: {}, fingerprint: bench.corpus.fingerprint, given: true, articles: () => articles },
      { pool: createWorkerPool({ size: 1, log }), log },
    );
    try {
      const signal = new AbortController().signal;
      out.workerFirst = await held(() => grouping.statements(articles, book, { signal, sliceMs: SLICE_MS }));
      out.workerAgain = await held(() => grouping.statements(articles, book, { signal, sliceMs: SLICE_MS }));
    } finally {
      await grouping.close();
    }
  }
  console.log(JSON.stringify(out, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
