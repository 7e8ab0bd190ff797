/**
 * The newsroom computes its statements across outlets in the background (a running bot): they are published
 * when done, equal to the synchronous ones, and a corpus change during the computation discards it.
 */
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { perturbText, rareWords } from "../../bench/replicate.js";
import { compareCommand } from "../../commands/compare.js";
import { digestCommand } from "../../commands/digest.js";
import type { Platform } from "../../src/core/command.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { digestComposer } from "../../src/digest/for-newsroom.js";
import { subscriptionSchema } from "../../src/digest/subscriptions.js";
import type { Newsroom } from "../../src/newsroom.js";
import { QUOTES_SNAPSHOT_FILE } from "../../src/quotes/snapshot.js";
import { isCorpusFile } from "../../src/corpus/watch.js";
import { openNewsroom, prepareStatements, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { buildStatements } from "../../src/statements/group.js";
import type { StatementIndex } from "../../src/statements/types.js";
import { tempDir } from "../digest/helpers.js";
import { root } from "../digest/seed-data.js";

let corpusDir: string;
let dataDir: string;
let newsroom: OpenedNewsroom;
let cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  const corpus = await tempDir("dateline-statements-corpus-");
  const data = await tempDir("dateline-statements-data-");
  dataDir = data.dir;
  cleanups = [corpus.cleanup, data.cleanup];
  corpusDir = corpus.dir;
  await cp(join(root, "seeds"), corpusDir, { recursive: true });
  newsroom = await openNewsroom(corpusDir, { dataDir: data.dir, log: memoryLogger() });
});
afterEach(async () => {
  newsroom.stopBackgroundWork();
  // The quotations' snapshot is saved in the background: removing its folder under it would fail.
  await newsroom.pendingWrites();
  for (const cleanup of cleanups) await cleanup();
});

/** Replicas of the seed files with about half of their rare words respelled (bench/replicate.ts). */
async function addReplicas(count: number): Promise<void> {
  const seeds = newsroom.articles();
  const rare = rareWords(seeds);
  for (let replica = 1; replica <= count; replica++) {
    for (const seed of seeds) {
      const text = await readFile(join(corpusDir, seed.source), "utf8");
      await writeFile(join(corpusDir, `r${replica}_${seed.source}`), perturbText(text, replica, rare));
    }
  }
}

const asText = (index: StatementIndex) => JSON.stringify({ s: index.statements, d: index.duplicates });
/** The statements of the corpus as the newsroom holds it now, computed at once. */
const current = () => buildStatements(newsroom.articles(), newsroom.quotes.quotations);

describe("statements in the background", () => {
  it("are published when done, and are the statements computed at once", async () => {
    const running = newsroom.statementsInBackground({ sliceMs: 0 });
    expect(newsroom.statementsIfReady()).toBeNull();
    const index = await running;
    expect(index).not.toBeNull();
    expect(newsroom.statementsIfReady()).toBe(index);
    expect(newsroom.statements()).toBe(index);
    expect(index!.statements.length).toBeGreaterThan(0);
    expect(asText(index!)).toBe(asText(current()));
  });

  it("are computed once for callers asking while they run", async () => {
    const first = newsroom.statementsInBackground({ sliceMs: 0 });
    const second = newsroom.statementsInBackground({ sliceMs: 0 });
    expect(second).toBe(first);
    const index = await first;
    expect(await newsroom.statementsInBackground()).toBe(index);
  });

  it("are discarded when the corpus changes while they run, and computed afresh from the changed corpus", async () => {
    // Other wordings of the seeds, so that the computation takes many more slices than the change takes turns.
    await addReplicas(12);
    newsroom = await openNewsroom(corpusDir, { dataDir: null, log: memoryLogger() });
    // A syndicated copy of a seed: the changed corpus has a duplicate group the stale statements lack.
    const seed = newsroom.articles()[1]!;
    await cp(join(corpusDir, seed.source), join(corpusDir, "900_syndicated.txt"));

    const running = newsroom.statementsInBackground({ sliceMs: 0 });
    let settled = false;
    void running.then(() => (settled = true));
    expect(await newsroom.refreshFile("900_syndicated.txt")).toBe("added");
    expect(settled, "the computation ended before the change: the test proves nothing").toBe(false);

    expect(await running).toBeNull();
    expect(newsroom.statementsIfReady()).toBeNull();

    const fresh = await newsroom.statementsInBackground({ sliceMs: 0 });
    expect(fresh).not.toBeNull();
    expect(fresh!.duplicates.some((g) => g.includes("900_syndicated.txt"))).toBe(true);
    expect(asText(fresh!)).toBe(asText(current()));
    expect(newsroom.statementsIfReady()).toBe(fresh);
  });

  it("are taken from a synchronous computation that overtakes them", async () => {
    const running = newsroom.statementsInBackground({ sliceMs: 0 });
    const atOnce = newsroom.statements();
    expect(await running).toBe(atOnce);
    expect(newsroom.statementsIfReady()).toBe(atOnce);
  });

  it("end with null when stopped (shutting down), publishing nothing", async () => {
    const running = newsroom.statementsInBackground({ sliceMs: 0 });
    newsroom.stopBackgroundWork();
    expect(await running).toBeNull();
    expect(newsroom.statementsIfReady()).toBeNull();
  });

  it("are computed on request for a corpus too large to wait for, and at once for a small one", async () => {
    // The seeds are a small corpus: prepared before the first answer, synchronously.
    prepareStatements(newsroom, { background: false });
    expect(newsroom.statementsIfReady()).not.toBeNull();
    // A newsroom reporting more articles than the eager limit is prepared in the background.
    await writeFile(join(corpusDir, "901_note.txt"), "A note\n\nNothing was said here.\n");
    await newsroom.refreshFile("901_note.txt");
    const many = new Proxy(newsroom, {
      get: (target, key, receiver) =>
        key === "articles" ? () => Array.from({ length: 5001 }, () => target.articles()[0]!) : Reflect.get(target, key, receiver),
    });
    prepareStatements(many, { background: true });
    expect(newsroom.statementsIfReady()).toBeNull();
    await expect.poll(() => newsroom.statementsIfReady(), { timeout: 10_000 }).not.toBeNull();
  });
});

describe("answers in chat while the statements are computed", () => {
  const dispatcher = createDispatcher<Newsroom>([compareCommand, digestCommand]);
  const ask = (input: string, platform: Platform) =>
    dispatcher.dispatch(input, { services: newsroom, platform, user: { id: "U1" }, channel: "C1", log: memoryLogger(), now: () => new Date(), limit: 10 });

  it("/compare in chat answers at once from the articles that can hold the statement, without the archive's statements", async () => {
    const out = await ask("/compare infamous video", "slack");
    expect(out.ok).toBe(true);
    expect(out.reply.visibility).toBe("private");
    expect(out.results.length).toBe(3);
    expect(newsroom.statementsIfReady()).toBeNull();
  });

  it("/compare from the command line gives the same answer", async () => {
    const chat = await ask("/compare infamous video", "slack");
    const cli = await ask("/compare infamous video", "cli");
    expect(cli.results).toEqual(chat.results);
  });

  it("/digest in chat goes without them; the scheduled digest waits for them", async () => {
    // The seeds come in after Dateline's first start (over an empty folder), so that they are news.
    newsroom.stopBackgroundWork();
    await newsroom.pendingWrites();
    const corpus = await tempDir("dateline-statements-news-");
    const data = await tempDir("dateline-statements-news-data-");
    cleanups.push(corpus.cleanup, data.cleanup);
    newsroom = await openNewsroom(corpus.dir, { dataDir: data.dir, log: memoryLogger() });
    await cp(join(root, "seeds"), corpus.dir, { recursive: true });
    for (const file of await readdir(corpus.dir)) if (isCorpusFile(file)) await newsroom.refreshFile(file);
    const out = await ask("/digest", "discord");
    expect(out.ok).toBe(true);
    expect(newsroom.statementsIfReady()).toBeNull();
    newsroom.stopBackgroundWork();
    const now = new Date();
    const subscription = subscriptionSchema.parse({ platform: "slack", channel: "C1", time: "08:00", zone: "UTC", createdAt: now.toISOString() });
    const reply = await digestComposer(newsroom)(new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 60_000), false, subscription);
    expect(newsroom.statementsIfReady()).not.toBeNull();
    expect(reply.visibility).toBe("public");
    expect(reply.text).toContain("worded");
  });
});

describe("writes in the background", () => {
  it("are awaited by pendingWrites: the quotations' snapshot is on disk once it settles", async () => {
    const snapshotFile = async () => {
      const folders = (await readdir(dataDir)).filter((name) => name.startsWith("index-"));
      const files = await Promise.all(folders.map((folder) => readdir(join(dataDir, folder))));
      return files.flat().includes(QUOTES_SNAPSHOT_FILE);
    };
    // Extracted now; the snapshot is written in the background (not checked before: the write may win the race).
    expect(newsroom.quotes.quotations.length).toBeGreaterThan(0);
    await newsroom.pendingWrites();
    expect(await snapshotFile()).toBe(true);
  });
});
