/**
 * Makes a benchmark data folder and keeps it, for the benches that open one (bench/snapshot-slices.ts,
 * bench/first-answer.ts): the corpora replicated to N passages, their corpus.bin, sources-index.bin, quotes.bin
 * and quotes-learnt.bin, written as `npm run bench` writes them (which removes its folder when done).
 *
 *   node --max-old-space-size=16384 dist/bench/data-dir.js --out DIR [--passages N] [--corpus PATH]...
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "../src/core/log.js";
import { packageRoot } from "../src/paths.js";
import { buildQuoteBook } from "../src/quotes/book.js";
import { openSourceIndex } from "../src/search/snapshot.js";
import { defaultCorpusLocations, loadBenchCorpus, saveBenchCorpusSnapshot } from "./corpora.js";
import { writeQuotesSnapshot } from "./quotes-snapshot.js";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" }, passages: { type: "string" }, corpus: { type: "string", multiple: true } }, strict: true });
  const dataDir = values.out;
  if (!dataDir) throw new Error("--out DIR is required");
  mkdirSync(dataDir, { recursive: true });
  const log = createLogger("warn");
  const locations = (values.corpus ?? defaultCorpusLocations(packageRoot()) ?? []).map((l) => path.resolve(l));
  const say = (message: string) => process.stderr.write(`data-dir [${(performance.now() / 1000).toFixed(1)} s] ${message}\n`);
  const bench = await loadBenchCorpus(locations, values.passages === undefined ? null : Number(values.passages));
  say(`${bench.corpus.articles.length} articles, ${bench.passages} passages`);
  await openSourceIndex(bench.corpus, { dataDir, log });
  say("sources-index.bin written");
  const book = buildQuoteBook(bench.corpus);
  void book.quotations.length;
  await book.titlesInBackground({ sliceMs: 1000 });
  await book.placesInBackground({ sliceMs: 1000 });
  say("quotations extracted");
  await writeQuotesSnapshot(dataDir, bench.corpus, book);
  await saveBenchCorpusSnapshot(dataDir, locations, bench.corpus);
  say("done");
}

await main();
