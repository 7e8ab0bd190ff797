/** Feeds and article pages for the feed tests, written for them, and the poller the tests use. */
import { memoryLogger } from "../../src/core/log.js";
import { createHostGate } from "../../src/feeds/host-gate.js";
import { createFeedPoller, type FeedPollerOptions } from "../../src/feeds/poller.js";
import { openFileFeedState } from "../../src/feeds/state.js";

/** A poller over `feeds` storing into `dataDir`, for servers on 127.0.0.1 (private addresses allowed, no politeness wait). */
export async function testPoller(dataDir: string, feeds: string[], extra: Partial<FeedPollerOptions> = {}) {
  const log = memoryLogger();
  const poller = createFeedPoller({
    feeds,
    dataDir,
    store: await openFileFeedState(dataDir, log),
    log,
    intervalMs: 15 * 60_000,
    allowPrivate: true,
    gate: createHostGate(0),
    timeoutMs: 2000,
    ...extra,
  });
  return { poller, log };
}

export interface TestItem {
  path: string;
  title: string;
  guid?: string;
  id?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function rssFeed(items: TestItem[], url: (path: string) => string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Wire</title><link>${url("/")}</link>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${url(i.path)}</link><guid>${i.guid ?? i.path}</guid><description>&lt;p&gt;Summary of ${esc(i.title)}.&lt;/p&gt;</description><pubDate>Wed, 02 Dec 2026 09:00:00 GMT</pubDate></item>`).join("\n")}
</channel></rss>`;
}

export function atomFeed(items: TestItem[], url: (path: string) => string): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Test Atom</title><id>urn:test</id><updated>2026-12-02T09:00:00Z</updated>
${items.map((i) => `<entry><title>${esc(i.title)}</title><id>${i.id ?? i.path}</id><link rel="alternate" href="${url(i.path)}"/><summary>Summary of ${esc(i.title)}.</summary><published>2026-12-02T09:00:00Z</published><updated>2026-12-02T09:00:00Z</updated></entry>`).join("\n")}
</feed>`;
}

export function jsonFeed(items: TestItem[], url: (path: string) => string): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Test JSON",
    items: items.map((i) => ({ id: i.id ?? i.path, url: url(i.path), title: i.title, summary: `Summary of ${i.title}.`, date_published: "2026-12-02T09:00:00Z" })),
  });
}

/** An article page whose second paragraph quotes `speaker` saying `words`. */
export function articlePage(title: string, speaker: string, words: string): string {
  const ld = JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", headline: title, datePublished: "2026-12-02T08:00:00Z", publisher: { "@type": "Organization", name: "Test Wire" } });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | Test Wire</title><script type="application/ld+json">${ld}</script></head><body>
<nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>${esc(title)}</h1>
<p>Officials in the county confirmed the news on Wednesday morning, after a week in which residents, councillors and local businesses had all asked for a clear answer.</p>
<p>"Frankly, ${esc(words)}," said ${esc(speaker)}, speaking to reporters outside the county hall after the meeting had ended.</p>
<p>The decision will be reviewed next spring, when the county publishes its annual report on the matter and the council sets its budget for the following year.</p>
</article><footer>© 2026 Test Wire</footer></body></html>`;
}
