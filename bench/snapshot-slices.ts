/**
 * How long a running bot's event loop is held while it opens and saves its snapshots (issue 14 point 1, issue 20
 * point 1): the longest gap between two turns of the event loop, opening the data folder's sources-index.bin and
 * quotes.bin at once (as the command line does) and in time slices (as a running bot does), then saving the quote
 * book at once on this thread and in slices with a worker thread writing.
 *
 *   node dist/bench/snapshot-slices.js --data-dir DIR [--corpus PATH]...
 * DIR is a benchmark data folder kept after `npm run bench` (its corpus.bin, sources-index.bin, quotes.bin); the
 * corpus locations must be those it was made from (default: the corpora beside the project).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "../src/core/log.js";
import type { Corpus } from "../src/corpus/types.js";
import { packageRoot } from "../src/paths.js";
import type { CorpusQuoteBook } from "../src/quotes/book.js";
import { openQuoteBook, openQuoteBookSteps, quotesFingerprint, saveQuoteSnapshot, QUOTES_SNAPSHOT_FILE } from "../src/quotes/snapshot.js";
import { openSourceIndex } from "../src/search/snapshot.js";
import { runInSlices } from "../src/statements/steps.js";
import { createWorkerPool } from "../src/workers/pool.js";
import { offThreadWriter } from "../src/workers/snapshot-writer.js";
import { defaultCorpusLocations, openBenchCorpusSnapshot } from "./corpora.js";

const SLICE_MS = 10;

/** Runs `work`, noting the longest time between two turns of the event loop meanwhile (and its wall time). */
async function held(work: () => Promise<unknown>): Promise<{ wallMs: number; longestMs: number; turns: number }> {
  let last = performance.now();
  let longest = 0;
  let turns = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  tick();
  running = false;
  return { wallMs: Math.round(wallMs), longestMs: Math.round(longest), turns };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "data-dir": { type: "string" }, corpus: { type: "string", multiple: true } }, strict: true });
  const dataDir = values["data-dir"];
  if (!dataDir) throw new Error("--data-dir DIR is required");
  const log = createLogger("warn");
  const locations = values.corpus ?? defaultCorpusLocations(packageRoot()) ?? [];
  const corpus: Corpus | null = await openBenchCorpusSnapshot(dataDir, locations.map((l) => path.resolve(l)), log);
  if (!corpus) throw new Error("the data folder's corpus.bin does not match these corpus locations");
  const out: Record<string, unknown> = { articles: corpus.articles.length };

  out.indexAtOnce = await held(() => openSourceIndex(corpus, { dataDir, log }));
  out.indexInSlices = await held(() => openSourceIndex(corpus, { dataDir, log, sliceMs: SLICE_MS }));
  const options = { dataDir, fingerprint: corpus.fingerprint, log };
  let book: CorpusQuoteBook | null = null;
  out.quotesAtOnce = await held(async () => {
    book = openQuoteBook(corpus.articles, options).book;
    void book.quotations.length;
  });
  out.quotesInSlices = await held(async () => {
    const opened = await runInSlices(openQuoteBookSteps(corpus.articles, options), { sliceMs: SLICE_MS });
    await runInSlices(opened.book.readySteps(), { sliceMs: SLICE_MS });
  });

  const scratch = mkdtempSync(path.join(tmpdir(), "dateline-slices-"));
  const pool = createWorkerPool({ size: 1, log });
  try {
    const file = path.join(scratch, QUOTES_SNAPSHOT_FILE);
    const fingerprint = quotesFingerprint(corpus.fingerprint);
    out.saveAtOnce = await held(() => saveQuoteSnapshot(file, fingerprint, book!));
    out.saveInSlicesOffThread = await held(() => saveQuoteSnapshot(file, fingerprint, book!, { write: offThreadWriter(pool), sliced: { sliceMs: SLICE_MS } }));
  } finally {
    await pool.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}

await main();
