/**
 * A probe of /quote query by query and of the heap each structure takes (not part of `npm run bench`): builds the
 * passage index and the quote book over the bench corpora replicated to `--passages` (as the bench's ingest does:
 * titles and topic places learnt), prints the settled heap after each step, then runs each /quote query of the
 * bench set (and `--sources` the /sources ones) `--rounds` times through the command dispatcher and prints its
 * median and worst wall and CPU times. `--out FILE` writes every answer's results; `--compare FILE` checks them
 * against such a file (same answers before and after a change).
 *
 * usage: node --expose-gc dist/bench/probe-quotes.js --passages N [--rounds R] [--sources] [--only TEXT]
 *        [--out FILE] [--compare FILE] [--profile DIR]  (a CPU profile of each query's runs but the first)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDispatcher } from "../src/core/dispatch.js";
import { memoryLogger } from "../src/core/log.js";
import { buildQuoteBook } from "../src/quotes/book.js";
import { openSourceIndex } from "../src/search/snapshot.js";
import { commands } from "../commands/index.js";
import { defaultCorpusLocations, loadBenchCorpus } from "./corpora.js";
import { benchNewsroom } from "./engine.js";
import { settledHeap } from "./heap.js";
import { BENCH_QUERIES, queryInput } from "./queries.js";

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      passages: { type: "string" },
      rounds: { type: "string" },
      sources: { type: "boolean" },
      only: { type: "string" },
      out: { type: "string" },
      compare: { type: "string" },
      profile: { type: "string" },
    },
  });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const locations = defaultCorpusLocations(root);
  if (!locations) {
    console.log("../shared/corpora is absent: nothing to probe.");
    return;
  }
  const passages = values.passages ? Number(values.passages.replace(/_/g, "")) : null;
  const rounds = values.rounds ? Number(values.rounds) : 5;
  const log = memoryLogger();
  const bench = await loadBenchCorpus(locations, passages);
  const per = (bytes: number) => `${Math.round(bytes / bench.passages)} B/passage`;
  let heap = settledHeap();
  const step = (label: string, t: number) => {
    const now = settledHeap();
    console.log(`${label}: ${Math.round(performance.now() - t)} ms, heap +${per(now - heap)}`);
    heap = now;
  };
  console.log(`corpus: ${bench.corpus.articles.length} articles, ${bench.passages} passages`);
  let t = performance.now();
  const index = (await openSourceIndex(bench.corpus, { dataDir: null, log })).index;
  step("index", t);
  t = performance.now();
  const quotes = buildQuoteBook(bench.corpus);
  void quotes.quotations.length;
  step("quote book", t);
  t = performance.now();
  await quotes.titlesInBackground({ sliceMs: 1000 });
  step("titles", t);
  t = performance.now();
  await quotes.placesInBackground({ sliceMs: 1000 });
  step("topic places", t);
  const newsroom = benchNewsroom(bench.corpus, index, quotes);
  const dispatcher = createDispatcher(commands);
  const queries = BENCH_QUERIES.filter((q) => (q.command === "quote" || values.sources) && (!values.only || q.text.includes(values.only)));
  const wall = queries.map(() => [] as number[]);
  const cpu = queries.map(() => [] as number[]);
  const answers: unknown[] = queries.map(() => null);
  const run = async (i: number) => {
    const q = queries[i]!;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const outcome = await dispatcher.dispatch(queryInput(q), { services: newsroom, platform: "cli", user: null, channel: null, log, now: () => new Date(0) });
    wall[i]!.push(performance.now() - t0);
    cpu[i]!.push(cpuMs(c0));
    answers[i] = { input: queryInput(q), outcome };
  };
  if (values.profile) {
    // One profile per query, of its runs after the first (the first makes what is kept from query to query).
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    for (const [i, q] of queries.entries()) {
      await run(i);
      await session.post("Profiler.start");
      for (let round = 1; round < rounds; round++) await run(i);
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(path.join(values.profile, `${q.text.slice(0, 24).replace(/\W+/g, "-")}.cpuprofile`), JSON.stringify(profile));
    }
  } else {
    for (let round = 0; round < rounds; round++) for (const i of queries.keys()) await run(i);
  }
  step("after the queries", performance.now());
  for (const [i, q] of queries.entries()) {
    const w = wall[i]!;
    const c = cpu[i]!;
    console.log(`${queryInput(q).slice(0, 60).padEnd(60)} wall p50 ${median(w).toFixed(2)} max ${Math.max(...w).toFixed(2)}  cpu p50 ${median(c).toFixed(2)} first ${c[0]!.toFixed(2)}`);
  }
  if (values.out) writeFileSync(values.out, JSON.stringify(answers));
  if (values.compare) {
    const before = JSON.parse(readFileSync(values.compare, "utf8")) as unknown[];
    const now = JSON.parse(JSON.stringify(answers)) as unknown[];
    const same = now.filter((a, i) => JSON.stringify(a) === JSON.stringify(before[i])).length;
    console.log(`same answers: ${same} of ${now.length}`);
  }
}

await main();
