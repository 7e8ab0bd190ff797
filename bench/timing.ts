/**
 * Timing a query set: a short untimed warm-up (the first `WARM_UP` queries of each command, for the JIT: each
 * command has code paths of its own), then timed passes
 * over the whole set. The first pass always runs to its end, so every query has at least one sample however slow
 * the engine; further passes stop once the time budget is spent (and the figures say so).
 */
import type { BenchCommand, BenchQuery } from "./queries.js";
import { summarize, type LatencySummary } from "./stats.js";

export const WARM_UP = 3;

export interface QueryTimes {
  /** Milliseconds per timed run, per query (same order as the query set). */
  samples: number[][];
  /** Results found by each query on its first timed run (a sanity check: both engines should find something). */
  found: number[];
  /** False when the budget ran out before every repetition was timed. */
  complete: boolean;
}

/** `run` returns how many results the query found. */
export async function timeQueries(
  queries: readonly BenchQuery[],
  repetitions: number,
  budgetMs: number,
  run: (q: BenchQuery) => number | Promise<number>,
): Promise<QueryTimes> {
  for (const command of new Set(queries.map((q) => q.command))) {
    for (const q of queries.filter((x) => x.command === command).slice(0, WARM_UP)) await run(q);
  }
  const started = performance.now();
  const found: number[] = [];
  const samples: number[][] = queries.map(() => []);
  for (let r = 0; r < repetitions; r++) {
    for (const [i, q] of queries.entries()) {
      if (r > 0 && performance.now() - started > budgetMs) return { samples, found, complete: false };
      const t = performance.now();
      const n = await run(q);
      samples[i]!.push(performance.now() - t);
      if (r === 0) found.push(n);
    }
  }
  return { samples, found, complete: true };
}

/** Latency per command over all of its queries' samples. */
export function latencyByCommand(
  queries: readonly BenchQuery[],
  times: QueryTimes,
): Record<BenchCommand, LatencySummary | null> {
  const of = (command: BenchCommand) =>
    summarize(queries.flatMap((q, i) => (q.command === command ? (times.samples[i] ?? []) : [])));
  return { sources: of("sources"), quote: of("quote") };
}

/** The slowest queries (by their worst sample), for pointing at bottlenecks. */
export function slowestQueries(queries: readonly BenchQuery[], times: QueryTimes, count: number): Array<{ input: string; maxMs: number; found: number }> {
  return queries
    .map((q, i) => ({ input: `/${q.command} ${q.text}`, maxMs: Math.max(0, ...(times.samples[i] ?? [])), found: times.found[i] ?? 0 }))
    .sort((a, b) => b.maxMs - a.maxMs)
    .slice(0, count);
}
