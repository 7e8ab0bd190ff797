/**
 * A newsroom with a grouping worker (a running bot): its statements across outlets are grouped there, equal to
 * those computed at once; a result grouped from a corpus that changed meanwhile is discarded and grouped afresh;
 * answers that need no statements come while the grouping is held, and the ones that wait for them follow it.
 * The worker's answer is held on purpose (held-pool.ts): order, not time.
 */
import { cp, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compareCommand } from "../../commands/compare.js";
import { digestCommand } from "../../commands/digest.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { isCorpusFile } from "../../src/corpus/watch.js";
import { digestComposer } from "../../src/digest/for-newsroom.js";
import { subscriptionSchema } from "../../src/digest/subscriptions.js";
import type { Newsroom } from "../../src/newsroom.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { buildStatements } from "../../src/statements/group.js";
import type { StatementIndex } from "../../src/statements/types.js";
import { createWorkerPool, type WorkerPool } from "../../src/workers/pool.js";
import { tempDir } from "../digest/helpers.js";
import { root } from "../digest/seed-data.js";
import { heldPool } from "../helpers/held-pool.js";

let corpusDir: string;
let newsroom: OpenedNewsroom;
let grouping: ReturnType<typeof heldPool>;
let cleanups: Array<() => Promise<void>> = [];

const open = async (dir: string) => {
  grouping = heldPool(createWorkerPool({ size: 1, log: memoryLogger() }), "groupingRun");
  newsroom = await openNewsroom(dir, { dataDir: null, log: memoryLogger(), grouping: grouping.pool });
};

beforeEach(async () => {
  const corpus = await tempDir("dateline-grouping-corpus-");
  cleanups = [corpus.cleanup];
  corpusDir = corpus.dir;
  await cp(join(root, "seeds"), corpusDir, { recursive: true });
  await open(corpusDir);
});
afterEach(async () => {
  newsroom.stopBackgroundWork();
  await newsroom.pendingWrites();
  await grouping.pool.close();
  for (const cleanup of cleanups) await cleanup();
});

const asText = (index: StatementIndex) => JSON.stringify({ s: index.statements, d: index.duplicates });
const current = () => buildStatements(newsroom.articles(), newsroom.quotes.quotations);

describe("statements of a newsroom with a grouping worker", () => {
  it("are grouped in the worker and published, equal to the statements computed at once", async () => {
    const index = await newsroom.statementsInBackground({ sliceMs: 0 });
    expect(grouping.jobs).toContain("groupingRun");
    expect(index).not.toBeNull();
    expect(newsroom.statementsIfReady()).toBe(index);
    expect(index!.statements.length).toBeGreaterThan(0);
    expect(asText(index!)).toBe(asText(current()));
  });

  it("are grouped here in slices when worker threads cannot start (never in one piece on this thread)", async () => {
    newsroom.stopBackgroundWork();
    await grouping.pool.close();
    // A worker module that cannot be loaded: the pool runs its jobs on this thread.
    const unstartable = createWorkerPool({ size: 1, log: memoryLogger(), script: new URL("http://127.0.0.1/no-worker.js") });
    grouping = heldPool(unstartable, "groupingRun");
    const log = memoryLogger();
    newsroom = await openNewsroom(corpusDir, { dataDir: null, log, grouping: grouping.pool });
    const index = await newsroom.statementsInBackground({ sliceMs: 0 });
    expect(unstartable.inProcess).toBe(true);
    expect(grouping.jobs).not.toContain("groupingRun");
    expect(asText(index!)).toBe(asText(current()));
  });

  it("grouped from a corpus that changed meanwhile are discarded, and grouped afresh from the changed corpus", async () => {
    const held = grouping.hold();
    const running = newsroom.statementsInBackground({ sliceMs: 0 });
    // The worker has grouped the corpus as it was; its answer waits here while a syndicated copy comes in.
    await held.reached;
    const seed = newsroom.articles()[1]!;
    await cp(join(corpusDir, seed.source), join(corpusDir, "900_syndicated.txt"));
    expect(await newsroom.refreshFile("900_syndicated.txt")).toBe("added");
    held.release();
    expect(await running).toBeNull();
    expect(newsroom.statementsIfReady()).toBeNull();

    const fresh = await newsroom.statementsInBackground({ sliceMs: 0 });
    expect(fresh).not.toBeNull();
    expect(fresh!.duplicates.some((g) => g.includes("900_syndicated.txt"))).toBe(true);
    expect(asText(fresh!)).toBe(asText(current()));
    expect(grouping.jobs.filter((j) => j === "groupingRun")).toHaveLength(2);
  });

  it("/digest in chat is answered while the grouping is held; the scheduled digest follows once it is done", async () => {
    // The seeds come in after a first start over an empty folder, so that they are news.
    newsroom.stopBackgroundWork();
    await grouping.pool.close();
    const empty = await tempDir("dateline-grouping-news-");
    cleanups.push(empty.cleanup);
    await open(empty.dir);
    await cp(join(root, "seeds"), empty.dir, { recursive: true });
    for (const file of await readdir(empty.dir)) if (isCorpusFile(file)) await newsroom.refreshFile(file);

    const held = grouping.hold();
    const dispatcher = createDispatcher<Newsroom>([digestCommand]);
    const out = await dispatcher.dispatch("/digest", { services: newsroom, platform: "discord", user: { id: "U1" }, channel: "C1", log: memoryLogger(), now: () => new Date(), limit: 10 });
    expect(out.ok).toBe(true);
    // The answer started the grouping and did not wait for it: it is held in the worker now.
    await held.reached;
    expect(newsroom.statementsIfReady()).toBeNull();

    const now = new Date();
    const subscription = subscriptionSchema.parse({ platform: "slack", channel: "C1", time: "08:00", zone: "UTC", createdAt: now.toISOString() });
    let posted = false;
    const compose = digestComposer(newsroom);
    const scheduled = Promise.resolve(compose(new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 60_000), false, subscription)).then((reply) => {
      posted = true;
      return reply;
    });
    // Turns of the event loop, for a digest that did not wait to be composed.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(posted).toBe(false);
    held.release();
    const reply = await scheduled;
    expect(newsroom.statementsIfReady()).not.toBeNull();
    expect(reply.text).toContain("worded");
  });
});

describe("/compare in chat with worker threads", () => {
  const ask = (input: string, platform: "slack" | "cli") =>
    createDispatcher<Newsroom>([compareCommand]).dispatch(input, { services: newsroom, platform, user: { id: "U1" }, channel: "C1", log: memoryLogger(), now: () => new Date(), limit: 10 });

  /** The newsroom opened again with a general pool too (`busy`: both pools report work waiting). */
  const reopen = async (busy: boolean) => {
    newsroom.stopBackgroundWork();
    await grouping.pool.close();
    const workers = heldPool(createWorkerPool({ size: 1, log: memoryLogger() }), "groupArticles");
    cleanups.unshift(() => workers.pool.close());
    grouping = heldPool(createWorkerPool({ size: 1, log: memoryLogger() }), "groupingRun");
    const occupied = (pool: WorkerPool): WorkerPool => (busy ? { run: pool.run, close: pool.close, pending: 1 } : pool);
    newsroom = await openNewsroom(corpusDir, { dataDir: null, log: memoryLogger(), grouping: occupied(grouping.pool), workers: occupied(workers.pool) });
    return workers;
  };

  it("groups its candidates in an idle worker, to the answer of the command line", async () => {
    const cli = await ask("/compare infamous video", "cli");
    expect(cli.results.length).toBe(3);
    const workers = await reopen(false);
    const chat = await ask("/compare infamous video", "slack");
    expect([...grouping.jobs, ...workers.jobs]).toContain("groupArticles");
    expect(chat.results).toEqual(cli.results);
  });

  it("groups them here when every worker is busy, to the same answer", async () => {
    const cli = await ask("/compare infamous video", "cli");
    const workers = await reopen(true);
    const chat = await ask("/compare infamous video", "slack");
    expect([...grouping.jobs, ...workers.jobs]).not.toContain("groupArticles");
    expect(chat.results).toEqual(cli.results);
  });
});
