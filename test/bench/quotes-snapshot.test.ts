import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadBenchCorpus, type BenchCorpus } from "../../bench/corpora.js";
import { datelineFirstAnswer } from "../../bench/first-answer-dateline.js";
import { openBenchQuotes, QUOTES_SNAPSHOT_FILE, writeQuotesSnapshot } from "../../bench/quotes-snapshot.js";
import { createLogger } from "../../src/core/log.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { openSourceIndex } from "../../src/search/snapshot.js";

const seeds = fileURLToPath(new URL("../../seeds", import.meta.url));
const log = createLogger("silent");

/**
 * The benchmark's data folder must hold what a bot that has run once leaves (the index's snapshot and the
 * quotations'), and its first-answer child must open both, as a restarted bot does.
 */
describe("the benchmark's quotations snapshot", () => {
  let bench: BenchCorpus;
  let dataDir: string;
  beforeAll(async () => {
    // The corpus as the benchmark and its child build it (merged, fingerprinted for the benchmark).
    bench = await loadBenchCorpus([seeds], null);
  });
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "dateline-bench-quotes-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const firstAnswer = () => datelineFirstAnswer({ dataDir, query: "/sources Red Cross", locations: [seeds], passages: null });

  it("is written from the quotations already extracted and opened by the bot's own loader, unchanged", async () => {
    const extracted = buildQuoteBook(bench.corpus);
    expect(extracted.quotations.length).toBeGreaterThan(10);
    const written = await writeQuotesSnapshot(dataDir, bench.corpus, extracted);
    expect(readdirSync(dataDir)).toEqual([QUOTES_SNAPSHOT_FILE]);
    expect(written.bytes).toBeGreaterThan(0);

    const opened = openBenchQuotes(bench.corpus, dataDir);
    expect(opened.why).toBeNull();
    expect(opened.fromSnapshot).toBe(true);
    expect(opened.book.quotations).toEqual(extracted.quotations);
  });

  it("lets the first-answer child load both snapshots and say the first /quote's quotations came from one", async () => {
    await openSourceIndex(bench.corpus, { dataDir, log });
    await writeQuotesSnapshot(dataDir, bench.corpus, buildQuoteBook(bench.corpus));

    const answer = await firstAnswer();
    expect(answer.fromSnapshot).toBe(true);
    expect(answer.found).toBeGreaterThan(0);
    expect(answer.quotations).toEqual({ fromSnapshot: true });
    expect(Object.keys(answer.phases)).toEqual(expect.arrayContaining(["firstQuoteMs", "quotesSnapshotMs"]));
    expect(answer.phases).not.toHaveProperty("quotesExtractMs");
  });

  it("says why when the data folder has no quotations snapshot, rather than extracting unseen", async () => {
    await openSourceIndex(bench.corpus, { dataDir, log });

    const answer = await firstAnswer();
    expect(answer.fromSnapshot).toBe(true);
    expect(answer.quotations?.fromSnapshot).toBe(false);
    expect(answer.quotations?.why).toMatch(/no quotations snapshot/);
    expect(answer.phases).toHaveProperty("quotesExtractMs");
  });

  it("refuses a snapshot keyed to another corpus (a different passage count gives another fingerprint)", async () => {
    const other = await loadBenchCorpus([seeds], 3);
    await writeQuotesSnapshot(dataDir, other.corpus, buildQuoteBook(other.corpus));

    const opened = openBenchQuotes(bench.corpus, dataDir);
    expect(opened.fromSnapshot).toBe(false);
    expect(opened.why).toMatch(/stale/);
  });
});
