/**
 * Stored feed items are part of the corpus: /sources and /quote find them (offsets into the extracted text),
 * they are there again after a restart without being fetched again, /digest status reports a failing feed, and
 * `dateline feeds --once --json` and `dateline articles --json` work from the command line.
 */
import { execFile } from "node:child_process";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { digestCommand } from "../../commands/digest.js";
import { quoteCommand } from "../../commands/quote.js";
import { sourcesCommand } from "../../commands/sources.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { createDigestServices } from "../../src/digest/services.js";
import type { FeedPoller } from "../../src/feeds/poller.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { tempDir } from "../digest/helpers.js";
import { ensureBuilt, ROOT } from "../e2e/service.js";
import { articlePage, rssFeed, testPoller } from "./feeds.js";
import { html, startLocalServer, type LocalServer } from "./local-server.js";

let server: LocalServer;
let corpusDir: string;
let dataDir: string;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  server = await startLocalServer();
  const corpus = await tempDir("dateline-feed-corpus-");
  const data = await tempDir("dateline-feed-data-");
  cleanups.push(corpus.cleanup, data.cleanup);
  corpusDir = corpus.dir;
  dataDir = data.dir;
  await cp(join(ROOT, "seeds"), corpusDir, { recursive: true });
  server.routes.set("/wire.xml", html(rssFeed([{ path: "/story/barriers.html", guid: "w1", title: "Flood barriers hold at Northgate" }], server.url), "application/rss+xml"));
  server.routes.set("/story/barriers.html", html(articlePage("Flood barriers hold at Northgate", "Ilse Bergman", "the Northgate barriers did what they were bought to do")));
  server.routes.set("/down.xml", (_req, res) => void res.writeHead(503).end());
});
afterEach(async () => {
  await server.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function feedPoller(newsroom: OpenedNewsroom, feeds: string[]): Promise<FeedPoller> {
  return (await testPoller(dataDir, feeds, { onStored: async (item) => void (await newsroom.refreshFile(item.doc)) })).poller;
}

const dispatcher = createDispatcher([sourcesCommand, quoteCommand, digestCommand]);

describe("feed items in the newsroom", () => {
  it("are found by /sources and /quote with offsets into the extracted text, and survive a restart", async () => {
    const newsroom = await openNewsroom(corpusDir, { dataDir, log: memoryLogger() });
    const poller = await feedPoller(newsroom, [server.url("/wire.xml")]);
    const { items } = await poller.pollOnce({ force: true });
    expect(items).toHaveLength(1);
    const doc = items[0]!.doc;
    const ask = async (room: OpenedNewsroom, text: string) =>
      dispatcher.dispatch(text, { services: room, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date() });

    const sources = await ask(newsroom, "/sources Northgate barriers");
    const hit = (sources.results as Array<{ doc: string; start: number; end: number; excerpt: string; outlet: string }>).find((r) => r.doc === doc);
    expect(hit).toBeDefined();
    expect(hit!.outlet).toBe("Test Wire");
    expect(newsroom.article(doc)!.text.slice(hit!.start, hit!.end)).toContain("Northgate");

    const quote = await ask(newsroom, "/quote Bergman barriers");
    const q = (quote.results as Array<{ doc: string; quote: string; start: number; end: number; speaker: string }>).find((r) => r.doc === doc);
    expect(q).toMatchObject({ speaker: "Ilse Bergman" });
    expect(newsroom.article(doc)!.text.slice(q!.start, q!.end)).toBe(q!.quote);

    // A restart: the item is read from the data folder with the rest of the corpus, and not fetched again.
    const reopened = await openNewsroom(corpusDir, { dataDir, log: memoryLogger() });
    expect(reopened.article(doc)?.text).toBe(newsroom.article(doc)?.text);
    const again = await feedPoller(reopened, [server.url("/wire.xml")]);
    expect((await again.pollOnce({ force: true })).items).toEqual([]);
    expect(server.hits.get("/story/barriers.html")).toBe(1);
    await newsroom.pendingWrites();
    await reopened.pendingWrites();
  });

  it("/digest status reports a failing feed with its error and next try", async () => {
    const newsroom = await openNewsroom(corpusDir, { dataDir, log: memoryLogger() });
    const poller = await feedPoller(newsroom, [server.url("/wire.xml"), server.url("/down.xml")]);
    await poller.pollOnce({ force: true });
    const digest = createDigestServices({ dataDir, log: memoryLogger(), platforms: ["slack"], feeds: () => poller.status() });
    const out = await dispatcher.dispatch("/digest status", { services: Object.assign(newsroom, { digest }), platform: "slack", user: { id: "U1" }, channel: "C1", log: memoryLogger(), now: () => new Date() });
    expect(out.ok).toBe(true);
    expect(out.reply.text).toContain("Feeds: 1 of 2 working");
    expect(out.reply.text).toMatch(/Feed failing \(1×\): http:\/\/127\.0\.0\.1:\d+\/down\.xml: HTTP status 503; next try/);
    await newsroom.pendingWrites();
  });

  it("dateline feeds --once --json and dateline articles --json", { timeout: 120_000 }, async () => {
    ensureBuilt();
    const run = promisify(execFile);
    const env = { ...process.env, DATELINE_FEEDS: server.url("/wire.xml"), DATELINE_DATA_DIR: dataDir, DATELINE_FEEDS_ALLOW_PRIVATE: "1", LOG_LEVEL: "silent" };
    const cli = join(ROOT, "dist", "src", "cli.js");
    const polled = await run(process.execPath, [cli, "feeds", "--once", "--json"], { env });
    const lines = polled.stdout.trim().split("\n").map((l) => JSON.parse(l) as { doc: string; origin: string; title: string });
    expect(lines).toEqual([expect.objectContaining({ origin: "page", title: "Flood barriers hold at Northgate" })]);

    const listed = await run(process.execPath, [cli, "articles", "--corpus", corpusDir, "--json"], { env });
    const articles = listed.stdout.trim().split("\n").map((l) => JSON.parse(l) as { doc: string; url: string; text: string; paragraphs: Array<{ n: number; start: number; end: number; role: string }> });
    const item = articles.find((a) => a.doc === lines[0]!.doc);
    expect(item).toMatchObject({ url: server.url("/story/barriers.html") });
    expect(item!.paragraphs.map((p) => item!.text.slice(p.start, p.end))[0]).toBe("Flood barriers hold at Northgate");
    expect(articles.length).toBeGreaterThan(1);

    // A failing feed: exit status 1 and a one-line reason.
    const failing = run(process.execPath, [cli, "feeds", "--once"], { env: { ...env, DATELINE_FEEDS: server.url("/down.xml") } });
    await expect(failing).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/1 of 1 feed\(s\) failed: .*HTTP status 503/) });
  });
});
