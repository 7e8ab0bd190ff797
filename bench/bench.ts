/**
 * `npm run bench`: Dateline beside plain MiniSearch on the same passages, in the same process. See
 * docs/performance.md for what each figure means and how to reproduce them. Options: bench/options.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import { createLogger, type LogLevel } from "../src/core/log.js";
import { packageRoot } from "../src/paths.js";
import { defaultCorpusLocations, loadBenchCorpus } from "./corpora.js";
import { benchDateline } from "./dateline-side.js";
import { loadDatelineModules } from "./engine.js";
import { canCollect } from "./heap.js";
import { benchMiniSearch, type SideContext } from "./minisearch-side.js";
import { BENCH_USAGE, BenchUsageError, parseBenchOptions, type BenchOptions } from "./options.js";
import { passageBytes, passageDocs } from "./passages.js";
import { checkTargets, computeRatios, renderReport } from "./report.js";
import type { BenchReport, EngineReport } from "./results.js";
import { isFailed } from "./results.js";
import { quietLog } from "./quiet-log.js";
import { loadStartSlack, measureSlack } from "./slack-load.js";
import { renderLoad, runLoadScenario } from "./load-scenario.js";
import { renderReplicas, runReplicas } from "./replicas.js";

/** Heap ceiling for the benchmark and its children: 1,000,000 passages of plain MiniSearch alone need ~2 GB. */
const HEAP_MB = 16384;
const NODE_ARGS = [`--max-old-space-size=${HEAP_MB}`];
const RESPAWNED = "DATELINE_BENCH_RESPAWNED";

/** Re-runs this script under `node --expose-gc` (heap figures need full collections), returning its exit status. */
function respawnWithGc(): number {
  const result = spawnSync(process.execPath, ["--expose-gc", ...NODE_ARGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, [RESPAWNED]: "1" },
  });
  return result.status ?? 1;
}

async function run(options: BenchOptions): Promise<number> {
  const locations = options.corpora.length > 0 ? options.corpora : defaultCorpusLocations(packageRoot());
  if (!locations) {
    process.stderr.write("bench: skipped: ../shared/corpora (bbc, polnear, reuters) is not beside the project; give --corpus PATH to bench another corpus.\n");
    return 0;
  }
  // The load scenario: /digest and a large article arriving under a burst of slash commands (load.ts).
  const loadScenario = () =>
    runLoadScenario(options.corpora.length > 0 ? options.corpora : locations, { requests: options.slackRequests === 200 ? 300 : options.slackRequests, concurrency: options.concurrency, nodeArgs: NODE_ARGS });
  // Two replicas on one PostgreSQL database behind a round-robin (replicas.ts); needs DATABASE_URL.
  const replicas = () =>
    runReplicas(options.corpora.length > 0 ? options.corpora : locations, { requests: options.slackRequests === 200 ? 300 : options.slackRequests, concurrency: options.concurrency, nodeArgs: NODE_ARGS });
  if (options.only === "replicas") {
    const outcome = await replicas();
    process.stdout.write((options.json ? JSON.stringify(outcome) : renderReplicas(outcome).join("\n")) + "\n");
    return 0;
  }
  if (options.only === "load") {
    const outcome = await loadScenario();
    process.stdout.write((options.json ? JSON.stringify(outcome) : renderLoad(outcome).join("\n")) + "\n");
    return 0;
  }
  const started = performance.now();
  const progress = (message: string) =>
    process.stderr.write(`bench [${((performance.now() - started) / 1000).toFixed(1)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB] ${message}\n`);
  const log = createLogger((process.env.LOG_LEVEL as LogLevel | undefined) ?? "warn", undefined, {}, "pretty");

  progress(`reading ${locations.join(", ")}`);
  const bench = await loadBenchCorpus(locations, options.passages);
  progress(`${bench.corpus.articles.length} articles, ${bench.passages} passages (read in ${Math.round(bench.loadMs)} ms, replicated in ${Math.round(bench.replicateMs)} ms)`);
  let docs: ReturnType<typeof passageDocs> | null = passageDocs(bench.corpus.articles);
  const bytes = passageBytes(docs);

  const workDir = mkdtempSync(path.join(tmpdir(), "dateline-bench-"));
  try {
    const startSlack = options.skip.has("slack") ? null : await loadStartSlack();
    const quiet = quietLog();
    const ctx: SideContext = {
      workDir,
      repetitions: options.repetitions,
      budgetMs: options.budgetSeconds * 1000,
      firstAnswerScript: options.skip.has("first-answer") ? null : fileURLToPath(new URL("./first-answer.js", import.meta.url)),
      nodeArgs: NODE_ARGS,
      slack:
        startSlack === null
          ? null
          : isFailed(startSlack)
            ? () => Promise.resolve(startSlack)
            : (bot, queries) =>
                measureSlack(startSlack, bot, queries, {
                  requests: options.slackRequests,
                  concurrency: options.concurrency,
                  budgetMs: options.budgetSeconds * 1000,
                }),
      quietLog: quiet.log,
      progress,
    };

    let minisearch: EngineReport | null = null;
    if (!options.skip.has("minisearch")) minisearch = await benchMiniSearch(docs, bytes, ctx);
    docs = null; // Dateline indexes the articles themselves; the baseline's documents can go.

    const modules = await loadDatelineModules();
    const corpusArgs = [...locations.flatMap((l) => ["--corpus", l]), ...(options.passages === null ? [] : ["--passages", String(options.passages)])];
    const dateline = await benchDateline({ corpus: bench.corpus, passages: bench.passages, bytes, modules, log, corpusArgs, locations }, ctx);

    if (quiet.count() > 0) {
      dateline.notes.push(`${quiet.count()} warning/error lines were logged under load by the bot under load, first: ${quiet.first().join(" || ")}`);
    }
    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model.trim() ?? "unknown",
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      corpus: {
        locations,
        articles: bench.corpus.articles.length,
        passages: bench.passages,
        megabytes: bytes / 2 ** 20,
        baseArticles: bench.baseArticles,
        basePassages: bench.basePassages,
        copies: bench.copies,
        loadMs: bench.loadMs,
        replicateMs: bench.replicateMs,
      },
      repetitions: options.repetitions,
      minisearch,
      dateline,
      ratios: computeRatios(minisearch, dateline),
      targets: checkTargets(minisearch, dateline),
    };
    if (!options.skip.has("load")) {
      progress("load scenario (a child process)");
      report.load = await loadScenario();
    }
    if (!options.skip.has("replicas")) {
      progress("replicas (bot processes on one database)");
      report.replicas = await replicas();
    }
    progress("done");
    const text =
      renderReport(report) +
      (report.load ? "\n\n" + renderLoad(report.load).join("\n") : "") +
      (report.replicas ? "\n\n" + renderReplicas(report.replicas).join("\n") : "");
    process.stdout.write((options.json ? JSON.stringify(report) : text) + "\n");
    return 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  const roomy = getHeapStatistics().heap_size_limit >= 8 * 2 ** 30;
  if ((!canCollect() || !roomy) && !process.env[RESPAWNED]) return respawnWithGc();
  if (!canCollect()) process.stderr.write("bench: global.gc is missing (run node with --expose-gc): heap figures are rough.\n");
  return run(options);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
