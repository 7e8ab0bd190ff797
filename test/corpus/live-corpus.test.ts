/** The live corpus: a file dropped into (or removed from) the corpus folder reaches /sources without a restart. */
import { cp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { watchCorpus, type CorpusWatcher } from "../../src/corpus/watch.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { tempDir } from "../digest/helpers.js";
import { root } from "../digest/seed-data.js";

let corpusDir: string;
let dataDir: string;
let cleanups: Array<() => Promise<void>> = [];
let watcher: CorpusWatcher | null = null;
let newsroom: OpenedNewsroom;

beforeEach(async () => {
  const corpus = await tempDir("dateline-live-corpus-");
  const data = await tempDir("dateline-live-data-");
  cleanups = [corpus.cleanup, data.cleanup];
  corpusDir = corpus.dir;
  dataDir = data.dir;
  await cp(join(root, "seeds"), corpusDir, { recursive: true });
  const log = memoryLogger();
  newsroom = await openNewsroom(corpusDir, { dataDir, log });
  watcher = watchCorpus(corpusDir, async (rel) => void (await newsroom.refreshFile(rel)), { log, debounceMs: 100 });
});
afterEach(async () => {
  await watcher?.close();
  for (const cleanup of cleanups) await cleanup();
});

const find = (word: string) =>
  newsroom.sources.search({ words: [word], phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => h.doc);

describe("live corpus", () => {
  it("answers from a file dropped into the folder, and records when it was first seen", async () => {
    expect(find("Zanzibar")).toEqual([]);
    await writeFile(
      join(corpusDir, "005_new.txt"),
      "Ferry service to Zanzibar resumes\n\nThe ferry service between Dar es Salaam and Zanzibar resumed on Monday after repairs.\n",
    );
    await expect.poll(() => find("Zanzibar"), { timeout: 10_000 }).toEqual(["005_new.txt"]);
    expect(newsroom.firstSeen("005_new.txt")).not.toBeNull();
    expect(newsroom.articles().map((a) => a.id)).toContain("005_new.txt");
  });

  it("forgets a file removed from the folder", async () => {
    await rm(join(corpusDir, "004_1d59ece23a73440c.txt"));
    await expect.poll(() => newsroom.article("004_1d59ece23a73440c.txt"), { timeout: 10_000 }).toBeUndefined();
    expect(find("Makijivka")).toEqual([]);
  });
});

describe("live corpus: metadata", () => {
  // A record's metadata lives beside its body: a new headline, outlet or date leaves the text as it was.
  const record = (title: string, outlet: string, published: string) =>
    JSON.stringify({ id: "berth-1", title, outlet, published, body: "The harbour authority in Mombasa reopened the container berth after dredging." }) + "\n";
  const byTitle = (word: string) => newsroom.sources.search({ words: [word], phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => h.doc);

  it("takes a record whose metadata alone changed (same text): headline, outlet and date", async () => {
    await writeFile(join(corpusDir, "wire.jsonl"), record("Quayside works finished at Likoni", "Coast Herald", "2024-03-01"));
    await expect.poll(() => newsroom.article("berth-1")?.title, { timeout: 10_000 }).toBe("Quayside works finished at Likoni");
    const before = newsroom.article("berth-1")!;
    expect(await newsroom.refreshFile("wire.jsonl")).toBe("unchanged");

    await writeFile(join(corpusDir, "wire.jsonl"), record("Kilindini berth back in service", "Port Weekly", "2024-03-02"));
    await expect.poll(() => newsroom.article("berth-1")?.outlet, { timeout: 10_000 }).toBe("Port Weekly");
    const after = newsroom.article("berth-1")!;
    expect(after.text).toBe(before.text);
    expect(after.title).toBe("Kilindini berth back in service");
    expect(after.published).toBe("2024-03-02");
    // The passage index holds the new headline, not the old one.
    expect(byTitle("Kilindini")).toEqual(["berth-1"]);
    expect(byTitle("Likoni")).toEqual([]);
  });
});
