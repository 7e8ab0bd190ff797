/**
 * A probe of /sources query by query (not part of `npm run bench`): builds (or opens from a snapshot kept in
 * `--data-dir`) the passage index over the bench corpora replicated to `--passages`, then runs each /sources query
 * of the bench set `--rounds` times and prints, per query, what does not depend on the machine's load (postings
 * decoded, articles scored, matching articles) beside its times (median and worst). `--minisearch` also builds
 * plain MiniSearch over the same passages and times its search of each query in the same rounds (the load changes
 * both alike: compare the ratios). `--out FILE` writes every page (ids, scores, passages, offsets, totals);
 * `--compare FILE` checks the pages against such a file (same pages before and after a change of the search).
 *
 * usage: node dist/bench/probe-sources.js --passages N [--data-dir DIR] [--rounds R] [--minisearch]
 *        [--out FILE] [--compare FILE] [--only TEXT] [--baseline PLANNING-JSON]
 *
 * `--baseline '{"windowMaxScore":false}'` also runs each query with those planning options (term-plan.ts) in the
 * same rounds, and prints its counts and times beside (a before and after in one run, under the same load).
 * `--reuse-snapshot` takes the snapshot in `--data-dir` as current although the code changed (its fingerprint
 * hashes the code): for comparing changes of the search that leave the index as it was.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { memoryLogger } from "../src/core/log.js";
import { openSourceIndex, SNAPSHOT_FILE, snapshotFingerprint } from "../src/search/snapshot.js";
import type { PassageIndex } from "../src/search/source-index.js";
import { defaultCorpusLocations, loadBenchCorpus } from "./corpora.js";
import { passageDocs } from "./passages.js";
import { queriesFor } from "./queries.js";

const LIMIT = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Milliseconds of CPU (user and system) since `start`. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Writes `fingerprint` into the snapshot's header line (the checksum covers what follows it). */
function reuseSnapshot(file: string, fingerprint: string): void {
  if (!existsSync(file)) return;
  const bytes = readFileSync(file);
  const end = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.toString("utf8", 0, end)) as { fingerprint: string };
  header.fingerprint = fingerprint;
  writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(header), "utf8"), bytes.subarray(end)]));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      passages: { type: "string" },
      "data-dir": { type: "string" },
      rounds: { type: "string" },
      minisearch: { type: "boolean" },
      out: { type: "string" },
      compare: { type: "string" },
      only: { type: "string" },
      baseline: { type: "string" },
      "reuse-snapshot": { type: "boolean" },
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
  let t = performance.now();
  const bench = await loadBenchCorpus(locations, passages);
  console.log(`corpus: ${bench.corpus.articles.length} articles, ${bench.passages} passages (${Math.round(performance.now() - t)} ms)`);
  const dataDir = values["data-dir"];
  if (values["reuse-snapshot"] && dataDir) reuseSnapshot(path.join(dataDir, SNAPSHOT_FILE), snapshotFingerprint(bench.corpus));
  t = performance.now();
  const opened = await openSourceIndex(bench.corpus, { dataDir: values["data-dir"] ?? null, log: memoryLogger() });
  const index = opened.index as PassageIndex;
  console.log(`index: ${opened.fromSnapshot ? "from snapshot" : "built"} in ${Math.round(performance.now() - t)} ms`);
  let mini: MiniSearch<{ id: string; text: string }> | null = null;
  if (values.minisearch) {
    t = performance.now();
    mini = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], storeFields: [] });
    mini.addAll(passageDocs(bench.corpus.articles));
    console.log(`plain MiniSearch built in ${Math.round(performance.now() - t)} ms`);
  }
  const queries = queriesFor("sources").filter((q) => !values.only || q.text.includes(values.only));
  const times = queries.map(() => [] as number[]);
  const miniTimes = queries.map(() => [] as number[]);
  const probes = queries.map(() => ({ postingsRead: 0, scored: 0, candidates: 0 }));
  const pages: unknown[] = queries.map(() => null);
  const baseline = values.baseline ? { ...index.planning, ...(JSON.parse(values.baseline) as object) } : null;
  const current = index.planning;
  const baseTimes = queries.map(() => [] as number[]);
  // CPU time of the process during each search: less sensitive than wall time to other work on the machine.
  const cpu = queries.map(() => [] as number[]);
  const baseCpu = queries.map(() => [] as number[]);
  const baseProbes = queries.map(() => ({ postingsRead: 0, scored: 0, candidates: 0 }));
  for (let round = 0; round < rounds; round++) {
    queries.forEach((q, i) => {
      const query = { words: q.text.split(/\s+/).filter(Boolean), phrases: [] };
      index.lastSearch = { candidates: 0, scored: 0, postingsRead: 0 };
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const found = index.search(query, { offset: 0, limit: LIMIT });
      times[i]!.push(performance.now() - t0);
      cpu[i]!.push(cpuMs(c0));
      probes[i] = { ...index.lastSearch };
      pages[i] = { query: q.text, total: found.total, hits: found.hits.map((h) => [h.doc, h.score, h.paragraph, h.start, h.end]) };
      if (baseline) {
        index.planning = baseline;
        index.lastSearch = { candidates: 0, scored: 0, postingsRead: 0 };
        const c2 = process.cpuUsage();
        const t2 = performance.now();
        const again = index.search(query, { offset: 0, limit: LIMIT });
        baseTimes[i]!.push(performance.now() - t2);
        baseCpu[i]!.push(cpuMs(c2));
        baseProbes[i] = { ...index.lastSearch };
        index.planning = current;
        const page = { query: q.text, total: again.total, hits: again.hits.map((h) => [h.doc, h.score, h.paragraph, h.start, h.end]) };
        if (JSON.stringify(page) !== JSON.stringify(pages[i])) console.log(`BASELINE DIFFERS: ${q.text}`);
      }
      if (mini) {
        const t1 = performance.now();
        mini.search(q.text);
        miniTimes[i]!.push(performance.now() - t1);
      }
    });
  }
  const rows = queries.map((q, i) => {
    const ms = median(times[i]!);
    const row: Record<string, string | number> = {
      query: q.text.length > 40 ? q.text.slice(0, 37) + "..." : q.text,
      kind: q.kind,
      postings: probes[i]!.postingsRead,
      scored: probes[i]!.scored,
      matching: probes[i]!.candidates,
      "ms p50": Number(ms.toFixed(2)),
      "ms max": Number(Math.max(...times[i]!).toFixed(2)),
      "cpu p50": Number(median(cpu[i]!).toFixed(2)),
      // The first run apart: it makes the blocks of the query's common words (kept for the next queries).
      "cpu first": Number(cpu[i]![0]!.toFixed(2)),
      "cpu max after": Number(Math.max(0, ...cpu[i]!.slice(1)).toFixed(2)),
    };
    if (baseline) {
      row["base postings"] = baseProbes[i]!.postingsRead;
      row["base scored"] = baseProbes[i]!.scored;
      row["base ms p50"] = Number(median(baseTimes[i]!).toFixed(2));
      row["base cpu p50"] = Number(median(baseCpu[i]!).toFixed(2));
    }
    if (mini) row["/ MiniSearch"] = Number((ms / median(miniTimes[i]!)).toFixed(3));
    return row;
  });
  console.table(rows);
  const all = times.flat().sort((a, b) => a - b);
  const at = (p: number) => all[Math.min(all.length - 1, Math.ceil(p * all.length) - 1)]!.toFixed(2);
  const cpuAll = cpu.flat().sort((a, b) => a - b);
  const cpuAt = (p: number) => cpuAll[Math.min(cpuAll.length - 1, Math.ceil(p * cpuAll.length) - 1)]!.toFixed(2);
  console.log(`cpu: p50 ${cpuAt(0.5)} p95 ${cpuAt(0.95)} p99 ${cpuAt(0.99)} ms`);
  console.log(`all samples: p50 ${at(0.5)} p95 ${at(0.95)} p99 ${at(0.99)} ms; postings ${probes.reduce((s, p) => s + p.postingsRead, 0)}, scored ${probes.reduce((s, p) => s + p.scored, 0)}`);
  if (values.out) writeFileSync(values.out, JSON.stringify(pages));
  if (values.compare) {
    const expected = JSON.parse(readFileSync(values.compare, "utf8")) as unknown[];
    const byQuery = new Map(expected.map((p) => [(p as { query: string }).query, JSON.stringify(p)]));
    let same = 0;
    for (const p of pages) {
      const before = byQuery.get((p as { query: string }).query);
      if (before === JSON.stringify(p)) same++;
      else console.log(`DIFFERENT: ${(p as { query: string }).query}\n  before ${before}\n  now    ${JSON.stringify(p)}`);
    }
    console.log(`pages identical: ${same} of ${pages.length}`);
  }
}

await main();
