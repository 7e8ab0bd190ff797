/**
 * Heavy work off the main thread, through the real Bolt app over HTTP against the fake Slack: /digest is
 * acknowledged and told to be coming while the digest is composed in a worker thread held on purpose, other
 * commands are answered meanwhile, and the digest follows; a large corpus file is read and its quotations
 * extracted in worker threads while commands are answered.
 */
import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack, type SlackHandle } from "../../src/adapters/slack/app.js";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import type { JobInput, JobName, JobOutput } from "../../src/workers/jobs.js";
import { offThreadDigests, type OffThreadDigests } from "../../src/workers/digests.js";
import { createWorkerPool, type WorkerPool } from "../../src/workers/pool.js";
import { tempDir } from "../digest/helpers.js";
import { root } from "../digest/seed-data.js";
import { FakeSlack, signedPost, slashCommandBody, type Recorded } from "./fake-slack.js";

const SECRET = "off-thread-signing-secret";

/** A worker pool whose jobs of one kind are held, once done in their worker, until the test lets them go. */
function heldPool(inner: WorkerPool, held: JobName): { pool: WorkerPool; jobs: JobName[]; reached: Promise<void>; release(): void } {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reachedNow = (): void => undefined;
  const reached = new Promise<void>((resolve) => (reachedNow = resolve));
  const jobs: JobName[] = [];
  const pool: WorkerPool = {
    async run<K extends JobName>(job: K, input: JobInput<K>): Promise<JobOutput<K>> {
      jobs.push(job);
      const output = await inner.run(job, input);
      if (job === held) {
        reachedNow();
        await gate;
      }
      return output;
    },
    get pending() {
      return inner.pending;
    },
    close: () => inner.close(),
  };
  return { pool, jobs, reached, release };
}

let fake: FakeSlack;
let slack: SlackHandle;
let newsroom: OpenedNewsroom;
let digests: OffThreadDigests;
let workers: ReturnType<typeof heldPool>;
let digestWorker: ReturnType<typeof heldPool>;
let corpusDir: string;
let cleanup: () => Promise<void>;
let sequence = 0;

beforeAll(async () => {
  const corpus = await tempDir("dateline-off-thread-");
  cleanup = corpus.cleanup;
  corpusDir = corpus.dir;
  await cp(join(root, "seeds"), corpusDir, { recursive: true });
  const log = memoryLogger();
  workers = heldPool(createWorkerPool({ size: 1, log }), "quoteArticle");
  digestWorker = heldPool(createWorkerPool({ size: 1, log }), "composeDigest");
  newsroom = await openNewsroom(corpusDir, { dataDir: null, log, workers: workers.pool });
  newsroom.statements();
  digests = offThreadDigests(newsroom, { log, pool: digestWorker.pool });
  fake = await FakeSlack.start();
  slack = await startSlack({
    bot: botFor(() => Object.assign(newsroom, { digests }), log),
    botToken: "xoxb-test",
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: "127.0.0.1",
    log,
  });
});

afterAll(async () => {
  workers?.release();
  digestWorker?.release();
  await slack?.stop();
  await fake?.stop();
  await digests?.close();
  await workers?.pool.close();
  await cleanup?.();
});

async function command(name: string, text: string) {
  const id = `r${++sequence}`;
  const http = await signedPost(`http://127.0.0.1:${slack.port}/slack/events`, slashCommandBody({ command: `/${name}`, text, responseUrl: fake.responseUrl(id) }), SECRET);
  return { id, http };
}

const shown = (r: Recorded) => JSON.stringify(r.body);
const posts = (id: string) => fake.responses.filter((r) => r.id === id);

describe("heavy work in worker threads, seen from Slack", () => {
  it("acknowledges /digest at once, says it is coming, answers others meanwhile, then gives the digest", async () => {
    // A period with articles in it (one without any is answered at once, with no worker: nothing to compose).
    const digest = await command("digest", "from:2022-11-01T00:00Z to:2030-01-01T00:00Z");
    expect(digest.http.status).toBe(200);
    await digestWorker.reached;
    // The digest is composed and held: the asker has been told it is coming, and nothing else yet.
    const note = await fake.waitForResponse(digest.id);
    expect(note.body.text).toMatch(/Composing the digest/);
    expect(note.body.blocks).toBeUndefined();

    const sources = await command("sources", "neutrality");
    expect(sources.http.status).toBe(200);
    expect(shown(await fake.waitForResponse(sources.id))).toMatch(/neutrality/i);
    expect(posts(digest.id)).toHaveLength(1);

    digestWorker.release();
    await expect.poll(() => posts(digest.id).length, { timeout: 10_000 }).toBe(2);
    const answer = posts(digest.id)[1]!;
    expect(Array.isArray(answer.body.blocks)).toBe(true);
    expect(shown(answer)).not.toMatch(/Composing/);
    expect(digestWorker.jobs).toContain("composeDigest");
  });

  it("reads a large new file and extracts its quotations in worker threads while commands are answered", async () => {
    const paragraph = "“The ferries to Zanzibar will run again,” the harbour master said on Monday. Repairs took a month.\n\n";
    await writeFile(join(corpusDir, "harbour.txt"), "Harbour reopens\n\n" + paragraph.repeat(3000));
    const refreshed = newsroom.refreshFile("harbour.txt");
    await workers.reached;
    // Extraction done in its worker and held: commands are answered meanwhile, and the quotations are not in the
    // book yet (the passage index may take the file first: searches need not wait for the quotations).
    const sources = await command("sources", "neutrality");
    expect(sources.http.status).toBe(200);
    expect(shown(await fake.waitForResponse(sources.id))).toMatch(/neutrality/i);
    expect(newsroom.quotes.quotations.filter((q) => q.doc === "harbour.txt")).toHaveLength(0);

    workers.release();
    await expect(refreshed).resolves.toBe("added");
    expect(workers.jobs.slice(-2)).toEqual(["readCorpusFile", "quoteArticle"]);
    expect(newsroom.quotes.quotations.filter((q) => q.doc === "harbour.txt")).toHaveLength(3000);
    const found = newsroom.sources.search({ words: ["Zanzibar"], phrases: [] }, { offset: 0, limit: 10 });
    expect(found.hits.map((h) => h.doc)).toEqual(["harbour.txt"]);
  });
});
