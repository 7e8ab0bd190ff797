/** `npm run bench` options (pure: argv in, options or a usage message out). */
import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Corpus folders or files to bench; empty means the default corpora of ../shared/corpora. */
  corpora: string[];
  /** Replicate (or cut) the passages to this many; null keeps the corpus as it is. */
  passages: number | null;
  /** Timed repetitions of each query (after a short untimed warm-up). */
  repetitions: number;
  json: boolean;
  /** Slash commands sent through the Slack HTTP adapter, and how many at a time. */
  slackRequests: number;
  concurrency: number;
  /** Upper bound on the time spent timing queries, per engine configuration, in seconds. */
  budgetSeconds: number;
  /** Parts to leave out (a faster run): "slack", "first-answer", "minisearch", "load", "replicas". */
  skip: Set<string>;
  /** Only this part ("load": the load scenario alone; "replicas": two replicas alone), or null for every part not skipped. */
  only: string | null;
}

export const BENCH_USAGE =
  "usage: npm run bench -- [--corpus PATH]... [--passages N] [--queries N] [--json] " +
  "[--slack-requests N] [--concurrency N] [--budget SECONDS] [--skip slack|first-answer|minisearch|load|replicas]... [--only load|replicas]";

export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BenchUsageError";
  }
}

const SKIPPABLE = new Set(["slack", "first-answer", "minisearch", "load", "replicas"]);

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < 1) throw new BenchUsageError(`--${name} takes a whole number of at least 1, not "${value}"`);
  return n;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        corpus: { type: "string", multiple: true },
        passages: { type: "string" },
        queries: { type: "string" },
        json: { type: "boolean" },
        "slack-requests": { type: "string" },
        concurrency: { type: "string" },
        budget: { type: "string" },
        skip: { type: "string", multiple: true },
        only: { type: "string" },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const v = parsed.values;
  const skip = new Set(v.skip ?? []);
  for (const s of skip) if (!SKIPPABLE.has(s)) throw new BenchUsageError(`--skip takes ${[...SKIPPABLE].join(", ")}, not "${s}"`);
  if (v.only !== undefined && v.only !== "load" && v.only !== "replicas") throw new BenchUsageError(`--only takes load or replicas, not "${v.only}"`);
  return {
    corpora: v.corpus ?? [],
    passages: v.passages === undefined ? null : positive(v.passages, "passages", 1),
    repetitions: positive(v.queries, "queries", 5),
    json: v.json === true,
    slackRequests: positive(v["slack-requests"], "slack-requests", 200),
    concurrency: positive(v.concurrency, "concurrency", 50),
    budgetSeconds: positive(v.budget, "budget", 60),
    skip,
    only: v.only ?? null,
  };
}
