/**
 * The feed poller against feeds served on 127.0.0.1: RSS, Atom and JSON Feed; 304 answers; pages that cannot be
 * read (slow, not HTML, a redirect loop, not an article) keeping the feed's summary; a failing feed retried with
 * back-off; a restart fetching nothing again; private addresses refused unless allowed.
 */
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchUrl } from "../../src/feeds/fetch.js";
import { createHostGate } from "../../src/feeds/host-gate.js";
import { FEED_ITEMS_DIR } from "../../src/feeds/item-file.js";
import { retryDelayMs, type FeedPollerOptions } from "../../src/feeds/poller.js";
import { isPrivateAddress } from "../../src/feeds/private-address.js";
import { FEED_STATE_FILE } from "../../src/feeds/state.js";
import { extractHtmlArticle } from "../../src/html/extract.js";
import { tempDir } from "../digest/helpers.js";
import { articlePage, atomFeed, jsonFeed, rssFeed, testPoller } from "./feeds.js";
import { html, startLocalServer, withEtag, type LocalServer } from "./local-server.js";

let server: LocalServer;
let dataDir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  server = await startLocalServer();
  ({ dir: dataDir, cleanup } = await tempDir("dateline-feeds-"));
});
afterEach(async () => {
  await server.close();
  await cleanup();
});

const poller = (feeds: string[], extra: Partial<FeedPollerOptions> = {}) => testPoller(dataDir, feeds, extra);

function serveThreeFormats(): string[] {
  server.routes.set("/rss.xml", withEtag(rssFeed([{ path: "/news/flood.html", guid: "rss-1", title: "Flood barriers hold" }], server.url), "application/rss+xml", '"rss-v1"'));
  server.routes.set("/atom.xml", withEtag(atomFeed([{ path: "/news/port.html", id: "urn:atom:1", title: "Port strike ends" }], server.url), "application/atom+xml", '"atom-v1"'));
  server.routes.set("/feed.json", withEtag(jsonFeed([{ path: "/news/tram.html", id: "json-1", title: "Tram vote delayed" }], server.url), "application/feed+json", '"json-v1"'));
  server.routes.set("/news/flood.html", html(articlePage("Flood barriers hold", "Ilse Bergman", "the barriers did what they were bought to do")));
  server.routes.set("/news/port.html", html(articlePage("Port strike ends", "Renata Obi", "nobody wanted to be out this long")));
  server.routes.set("/news/tram.html", html(articlePage("Tram vote delayed", "Petra Vance", "we owe residents a figure that will still be true")));
  return ["/rss.xml", "/atom.xml", "/feed.json"].map(server.url);
}

describe("feed poller", () => {
  it("stores each new item of RSS, Atom and JSON feeds as a page file with its URL; a restart fetches nothing again", async () => {
    const feeds = serveThreeFormats();
    const first = await poller(feeds);
    const result = await first.poller.pollOnce({ force: true });
    expect(result.failed).toEqual([]);
    expect(result.items.map((i) => [i.title, i.origin]).sort()).toEqual([
      ["Flood barriers hold", "page"],
      ["Port strike ends", "page"],
      ["Tram vote delayed", "page"],
    ]);
    for (const item of result.items) {
      expect(item.doc).toMatch(/^feed:127\.0\.0\.1\//);
      const file = join(dataDir, FEED_ITEMS_DIR, item.doc.slice("feed:".length));
      const read = extractHtmlArticle(await readFile(file), file);
      expect(read).toMatchObject({ ok: true, article: { url: item.url, origin: "page" } });
    }

    // A restart: the state file says what was stored; the feeds answer 304 to the conditional requests.
    const again = await poller(feeds);
    expect((await again.poller.pollOnce({ force: true })).items).toEqual([]);
    expect(server.headers.get("/rss.xml")?.["if-none-match"]).toBe('"rss-v1"');
    for (const page of ["/news/flood.html", "/news/port.html", "/news/tram.html"]) expect(server.hits.get(page)).toBe(1);

    // Even with the state file lost, an item whose file exists is not fetched again.
    await rm(join(dataDir, FEED_STATE_FILE));
    const fresh = await poller(feeds);
    expect((await fresh.poller.pollOnce({ force: true })).items).toEqual([]);
    for (const page of ["/news/flood.html", "/news/port.html", "/news/tram.html"]) expect(server.hits.get(page)).toBe(1);
  });

  it("keeps the feed's title and summary, marked, for an item whose page cannot be read, and logs why", async () => {
    const items = [
      { path: "/slow.html", guid: "slow", title: "Slow page story" },
      { path: "/report.pdf", guid: "pdf", title: "Annual report published" },
      { path: "/loop-a", guid: "loop", title: "Looping story" },
      { path: "/section/", guid: "index", title: "Section front" },
      { path: "/gone.html", guid: "gone", title: "Deleted story" },
    ];
    server.routes.set("/rss.xml", html(rssFeed(items, server.url), "application/rss+xml"));
    server.routes.set("/slow.html", (_req, res) => void setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(articlePage("Slow", "A B", "late")), 1500));
    server.routes.set("/report.pdf", html("%PDF-1.4 ...", "application/pdf"));
    server.routes.set("/loop-a", (_req, res) => void res.writeHead(302, { location: "/loop-b" }).end());
    server.routes.set("/loop-b", (_req, res) => void res.writeHead(302, { location: "/loop-a" }).end());
    server.routes.set("/section/", html(`<html><body>${Array.from({ length: 20 }, (_, i) => `<h2><a href="/s/${i}">Story number ${i} in this section about the council and its budget plans for the year</a></h2>`).join("")}</body></html>`));
    const { poller: p, log } = await poller([server.url("/rss.xml")], { timeoutMs: 300 });
    const result = await p.pollOnce({ force: true });
    expect(result.items.map((i) => i.origin)).toEqual(Array(5).fill("feed-summary"));
    const reasons = Object.fromEntries(result.items.map((i) => [i.title, i.reason]));
    expect(reasons["Slow page story"]).toMatch(/timed out/);
    expect(reasons["Annual report published"]).toMatch(/not an HTML page \(application\/pdf\)/);
    expect(reasons["Looping story"]).toMatch(/redirect loop/);
    expect(reasons["Section front"]).toMatch(/not an article/);
    expect(reasons["Deleted story"]).toMatch(/HTTP status 404/);
    const refused = log.lines.filter((l) => l.msg === "feed item page refused; keeping the feed's title and summary");
    expect(refused).toHaveLength(5);

    const slow = result.items.find((i) => i.title === "Slow page story")!;
    const stored = extractHtmlArticle(await readFile(join(dataDir, FEED_ITEMS_DIR, slow.doc.slice(5))), "x.html");
    expect(stored).toMatchObject({ ok: true, article: { origin: "feed-summary", title: "Slow page story", url: server.url("/slow.html") } });
    expect(stored.ok && stored.article.text).toContain("Summary of Slow page story");
  });

  it("retries a failing feed with back-off, reports it, and never throws", async () => {
    server.routes.set("/broken.xml", (_req, res) => void res.writeHead(500).end("oops"));
    server.routes.set("/malformed.xml", html("<rss><channel><item><title>half", "application/rss+xml"));
    let clock = Date.parse("2026-12-02T10:00:00Z");
    const feeds = [server.url("/broken.xml"), server.url("/malformed.xml")];
    const { poller: p, log } = await poller(feeds, { now: () => new Date(clock) });
    const first = await p.pollOnce();
    expect(first.failed.map((f) => f.error)).toEqual([expect.stringMatching(/HTTP status 500/), expect.stringMatching(/not a feed/)]);
    expect(p.status().map((s) => [s.state.failures, s.state.retryAt])).toEqual([
      [1, new Date(clock + retryDelayMs(1)).toISOString()],
      [1, new Date(clock + retryDelayMs(1)).toISOString()],
    ]);
    expect(log.lines.filter((l) => l.msg === "feed failed; retrying with back-off")).toHaveLength(2);

    // Not due yet: no request.
    await p.pollOnce();
    expect(server.hits.get("/broken.xml")).toBe(1);
    // Due: retried, and the back-off doubles.
    clock += retryDelayMs(1);
    await p.pollOnce();
    expect(server.hits.get("/broken.xml")).toBe(2);
    expect(p.status()[0]!.state).toMatchObject({ failures: 2, retryAt: new Date(clock + retryDelayMs(2)).toISOString() });
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    // The feed mends: the next poll clears its failures.
    server.routes.set("/broken.xml", html(rssFeed([], server.url), "application/rss+xml"));
    clock += retryDelayMs(2);
    await p.pollOnce();
    expect(p.status()[0]!.state).toMatchObject({ failures: 0, lastError: null, retryAt: null });
  });

  it("refuses private-network addresses unless allowed", async () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.0.10", "172.20.0.1", "::1", "fd00::1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(address)).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2001:4860:4860::8888"]) expect(isPrivateAddress(address)).toBe(false);

    server.routes.set("/page.html", html(articlePage("Local", "A B", "quote")));
    const options = { gate: createHostGate(0), timeoutMs: 1000, maxBytes: 1e6, maxRedirects: 3, accept: "*/*", userAgent: "test" };
    await expect(fetchUrl(server.url("/page.html"), { ...options, allowPrivate: false })).rejects.toThrow(/private-network address/);
    await expect(fetchUrl("file:///etc/passwd", { ...options, allowPrivate: true })).rejects.toThrow(/only http and https/);
    // A name that resolves to a loopback address is refused at connection time.
    const named = server.url("/page.html").replace("127.0.0.1", "localhost");
    await expect(fetchUrl(named, { ...options, allowPrivate: false })).rejects.toThrow(/private-network address/);
    expect(server.hits.get("/page.html") ?? 0).toBe(0);
    await expect(fetchUrl(server.url("/page.html"), { ...options, allowPrivate: true })).resolves.toMatchObject({ status: 200 });
  });

  it("refuses a response over the size limit", async () => {
    server.routes.set("/big.html", html("x".repeat(200_000)));
    const options = { gate: createHostGate(0), timeoutMs: 1000, maxBytes: 100_000, maxRedirects: 3, accept: "*/*", userAgent: "test", allowPrivate: true };
    await expect(fetchUrl(server.url("/big.html"), options)).rejects.toThrow(/limit: refused/);
    expect(existsSync(dataDir)).toBe(true);
  });
});
