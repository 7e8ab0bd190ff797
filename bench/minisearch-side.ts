/** The baseline: plain MiniSearch over the same passages, default options, searched with and without prefix+fuzzy. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import type { BotCore } from "../src/core/bot.js";
import { createLogger, type Logger } from "../src/core/log.js";
import { privateReply, type Block } from "../src/core/reply.js";
import { runChild } from "./child.js";
import { settledHeap } from "./heap.js";
import type { PassageDoc } from "./passages.js";
import { BENCH_QUERIES, type BenchQuery } from "./queries.js";
import { failure, type EngineReport, type FirstAnswerFigures, type SlackFigures, type Failed } from "./results.js";
import { latencyByCommand, slowestQueries, timeQueries } from "./timing.js";

/** The index options of the baseline: MiniSearch's defaults, one text field. */
export const MINISEARCH_OPTIONS: Options<PassageDoc> = { fields: ["text"] };
export const FUZZY: SearchOptions = { prefix: true, fuzzy: 0.2 };
export const FIRST_QUERY = "government said";

export interface SideContext {
  workDir: string;
  repetitions: number;
  budgetMs: number;
  /** dist/bench/first-answer.js, or null to skip that measurement. */
  firstAnswerScript: string | null;
  nodeArgs: string[];
  /** Measures slash commands (these queries) through the Slack adapter against this bot, or null to skip. */
  slack: ((bot: BotCore, queries: readonly BenchQuery[]) => Promise<SlackFigures | Failed>) | null;
  /** For what runs under load: counts error lines instead of printing hundreds of them. */
  quietLog: Logger;
  progress: (message: string) => void;
}

const MB = 1024 * 1024;

export async function benchMiniSearch(docs: readonly PassageDoc[], bytes: number, ctx: SideContext): Promise<EngineReport> {
  const report: EngineReport = { ingest: null, heap: null, snapshot: null, firstAnswer: null, latency: {}, slack: null, notes: [] };
  ctx.progress("MiniSearch: addAll");
  const before = settledHeap();
  const t0 = performance.now();
  const ms = new MiniSearch<PassageDoc>(MINISEARCH_OPTIONS);
  ms.addAll(docs);
  const ingestMs = performance.now() - t0;
  report.ingest = { ms: ingestMs, mbPerSecond: bytes / MB / (ingestMs / 1000) };
  const heap = settledHeap() - before;
  report.heap = { bytes: heap, perPassage: heap / docs.length };

  ctx.progress("MiniSearch: snapshot");
  const file = path.join(ctx.workDir, "minisearch.json");
  try {
    const t1 = performance.now();
    const json = JSON.stringify(ms);
    writeFileSync(file, json);
    report.snapshot = { bytes: Buffer.byteLength(json), writeMs: performance.now() - t1 };
  } catch (error) {
    // At large sizes the JSON can exceed V8's maximum string length: that is a finding, not a crash.
    report.snapshot = failure(error);
  }

  for (const [name, options] of [["default", {}], ["prefix+fuzzy", FUZZY]] as const) {
    ctx.progress(`MiniSearch ${name}: queries`);
    const times = await timeQueries(BENCH_QUERIES, ctx.repetitions, ctx.budgetMs, (q) => ms.search(q.text, options).length);
    report.latency[name] = {
      ...latencyByCommand(BENCH_QUERIES, times),
      complete: times.complete,
      slowest: slowestQueries(BENCH_QUERIES, times, 3),
      found: times.found,
    };
  }
  report.notes.push("/quote queries are run as plain searches of all their words (MiniSearch has no speakers).");

  if (ctx.slack) {
    ctx.progress("MiniSearch: Slack load");
    report.slack = await ctx.slack(miniSearchBot(ms, docs), BENCH_QUERIES);
  }

  if (ctx.firstAnswerScript && !("error" in report.snapshot)) {
    ctx.progress("MiniSearch: first answer from snapshot");
    try {
      const { wallMs, report: child } = await runChild<{ sinceStartMs: number; phases: Record<string, number>; found: number }>(
        ctx.firstAnswerScript,
        ["minisearch", "--snapshot", file, "--query", FIRST_QUERY],
        ctx.nodeArgs,
        5 * 60_000,
      );
      report.firstAnswer = { ms: child.sinceStartMs, wallMs, phases: child.phases, found: child.found } satisfies FirstAnswerFigures;
    } catch (error) {
      report.firstAnswer = failure(error);
    }
  }
  return report;
}

/** A bot answering every command with plain MiniSearch's top 10 passages: the Slack baseline. */
function miniSearchBot(ms: MiniSearch<PassageDoc>, docs: readonly PassageDoc[]): BotCore {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    commands: [],
    log: createLogger("silent"),
    complete: () => [],
    run: (input) => {
      const text = input.replace(/^\/\S+\s*/, "");
      const hits = ms.search(text).slice(0, 10);
      const blocks: Block[] = hits.map((h) => {
        const doc = String(h.id);
        const excerpt = (byId.get(doc)?.text ?? "").slice(0, 300);
        const citation = { doc, title: null, outlet: null, published: null, url: null, paragraph: 1, start: 0, end: excerpt.length };
        return { type: "source", excerpt, cutStart: false, cutEnd: false, citation };
      });
      const reply = privateReply(`${hits.length} passages`, blocks);
      return Promise.resolve({ input, command: "sources", ok: true, results: hits, reply });
    },
  };
}
