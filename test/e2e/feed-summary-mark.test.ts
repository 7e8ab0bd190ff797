/**
 * A feed item whose page could not be fetched is stored as the feed's own title and summary: every answer that
 * cites it says so ("feed summary only; page not fetched"), in the console, through the real Bolt app behind a
 * fake Slack, through the real discord.js client behind a fake Discord, and in the --json results; an article
 * whose page was read carries no such mark.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { FEED_SUMMARY_NOTE } from "../../src/core/reply.js";
import { digestJson } from "../../src/digest/compose.js";
import { digestForNewsroom } from "../../src/digest/for-newsroom.js";
import { digestReply } from "../../src/digest/render.js";
import { renderConsole } from "../../src/adapters/console/render.js";
import { renderDiscord } from "../../src/adapters/discord/render.js";
import { renderSlack } from "../../src/adapters/slack/render.js";
import { openNewsroom, prepareStatements, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { articlePage, testPoller } from "../feeds/feeds.js";
import { html, startLocalServer, type LocalServer } from "../feeds/local-server.js";
import { consoleAsk, discordOptions, discordOver, slackOver, type DiscordSide, type SlackSide } from "./harness.js";

const SUMMARY_TITLE = "Harbour gates stay shut at Kelmouth";
const SUMMARY = `"The Kelmouth harbour gates will stay shut until the storm has passed," said Tomas Varga, the harbour master, on Wednesday evening.`;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function feed(url: (path: string) => string): string {
  const item = (path: string, guid: string, title: string, description: string) =>
    `<item><title>${esc(title)}</title><link>${url(path)}</link><guid>${guid}</guid><description>${esc(description)}</description><pubDate>Wed, 02 Dec 2026 09:00:00 GMT</pubDate></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Wire</title><link>${url("/")}</link>
${item("/gone.html", "g1", SUMMARY_TITLE, `<p>${esc(SUMMARY)}</p>`)}
${item("/story/barriers.html", "w1", "Flood barriers hold at Northgate", "<p>Summary of the barriers.</p>")}
</channel></rss>`;
}

let server: LocalServer;
let corpusDir: string;
let dataDir: string;
let newsroom: OpenedNewsroom;
let slack: SlackSide;
let discord: DiscordSide;
let summaryDoc: string;
let pageDoc: string;

beforeAll(async () => {
  server = await startLocalServer();
  corpusDir = await mkdtemp(join(tmpdir(), "dateline-feed-mark-corpus-"));
  dataDir = await mkdtemp(join(tmpdir(), "dateline-feed-mark-data-"));
  await cp("seeds", corpusDir, { recursive: true });
  server.routes.set("/wire.xml", html(feed(server.url), "application/rss+xml"));
  server.routes.set("/gone.html", (_req, res) => void res.writeHead(404).end("gone"));
  server.routes.set("/story/barriers.html", html(articlePage("Flood barriers hold at Northgate", "Ilse Bergman", "the Northgate barriers did what they were bought to do")));

  newsroom = await openNewsroom(corpusDir, { dataDir, log: memoryLogger() });
  const { poller } = await testPoller(dataDir, [server.url("/wire.xml")], { onStored: async (item) => void (await newsroom.refreshFile(item.doc)) });
  const { items } = await poller.pollOnce({ force: true });
  summaryDoc = items.find((i) => i.origin === "feed-summary")!.doc;
  pageDoc = items.find((i) => i.origin === "page")!.doc;
  prepareStatements(newsroom, { background: false });
  const bot = botFor(() => newsroom, memoryLogger());
  slack = await slackOver(bot);
  discord = await discordOver(bot);
}, 60_000);

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await newsroom?.pendingWrites();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  await rm(corpusDir, { recursive: true, force: true });
});

/** All the text of a Slack answer's blocks. */
const slackText = (body: unknown) => JSON.stringify((body as { blocks?: unknown }).blocks ?? []);
const discordText = (message: { embeds?: unknown; content?: string }) => JSON.stringify(message.embeds ?? []) + (message.content ?? "");

describe("a feed item kept as the feed's summary is marked wherever it is cited", () => {
  it("was stored as the feed's summary, and the page that was read was not", () => {
    expect(newsroom.article(summaryDoc)?.origin).toBe("feed-summary");
    expect(newsroom.article(summaryDoc)?.text).toContain("harbour gates will stay shut");
    expect(newsroom.article(pageDoc)?.origin).toBeUndefined();
  });

  it("/sources: console, Slack, Discord and the results", async () => {
    const typed = "Kelmouth harbour gates";
    const printed = await consoleAsk(botFor(() => newsroom, memoryLogger()), `/sources ${typed}`);
    const line = printed.split("\n").find((l) => l.includes("Test Wire") && l.includes(SUMMARY_TITLE));
    expect(line).toContain(`(${FEED_SUMMARY_NOTE})`);

    const slackAnswer = await slack.ask("sources", typed);
    expect(slackText(slackAnswer.body)).toContain(FEED_SUMMARY_NOTE);
    const discordAnswer = await discord.ask("sources", discordOptions("sources", typed));
    expect(discordText(discordAnswer.message)).toContain(FEED_SUMMARY_NOTE);

    const outcome = await botFor(() => newsroom, memoryLogger()).run(`/sources ${typed}`, { platform: "cli", user: null, channel: null });
    const results = outcome.results as Array<{ doc: string; origin?: string }>;
    expect(results.find((r) => r.doc === summaryDoc)?.origin).toBe("feed-summary");
  });

  it("/quote: console, Slack, Discord, the paste-ready citation and the results", async () => {
    const typed = "Varga harbour gates";
    const printed = await consoleAsk(botFor(() => newsroom, memoryLogger()), `/quote ${typed}`);
    expect(printed).toContain("will stay shut until the storm has passed");
    expect(printed).toContain(FEED_SUMMARY_NOTE);

    expect(slackText((await slack.ask("quote", typed)).body)).toContain(FEED_SUMMARY_NOTE);
    expect(discordText((await discord.ask("quote", discordOptions("quote", typed))).message)).toContain(FEED_SUMMARY_NOTE);

    const outcome = await botFor(() => newsroom, memoryLogger()).run(`/quote ${typed}`, { platform: "cli", user: null, channel: null });
    const found = (outcome.results as Array<{ doc: string; origin?: string; citation: string; start: number; end: number; quote: string }>).find((r) => r.doc === summaryDoc);
    expect(found?.origin).toBe("feed-summary");
    expect(found?.citation).toContain(FEED_SUMMARY_NOTE);
    expect(newsroom.article(summaryDoc)!.text.slice(found!.start, found!.end)).toBe(found!.quote);
  });

  it("an article whose page was read carries no mark", async () => {
    const outcome = await botFor(() => newsroom, memoryLogger()).run("/sources Northgate barriers", { platform: "cli", user: null, channel: null });
    const results = outcome.results as Array<{ doc: string; origin?: string }>;
    expect(results.find((r) => r.doc === pageDoc)).toBeDefined();
    expect(results.find((r) => r.doc === pageDoc)).not.toHaveProperty("origin");
    const printed = await consoleAsk(botFor(() => newsroom, memoryLogger()), "/sources Northgate barriers");
    const line = printed.split("\n").find((l) => l.includes("Flood barriers hold at Northgate"));
    expect(line).toBeDefined();
    expect(line).not.toContain(FEED_SUMMARY_NOTE);
  });

  it("the digest: its quotation from the summary is marked in every renderer and in --json", () => {
    const digest = digestForNewsroom(newsroom, new Date(Date.now() - 24 * 3600_000), new Date(Date.now() + 60_000));
    const json = digestJson(digest);
    const quoted = json.stories.flatMap((s) => s.quotes).filter((q) => q.doc === summaryDoc);
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.every((q) => q.origin === "feed-summary")).toBe(true);
    expect(json.stories.some((s) => s.feedSummaryDocs?.includes(summaryDoc))).toBe(true);
    expect(json.stories.flatMap((s) => s.quotes).filter((q) => q.doc !== summaryDoc).every((q) => q.origin === undefined)).toBe(true);

    const reply = digestReply(digest, { visibility: "private" });
    expect(reply.text).toContain(FEED_SUMMARY_NOTE);
    expect(renderConsole(reply, { color: false })).toContain(FEED_SUMMARY_NOTE);
    expect(JSON.stringify(renderSlack(reply))).toContain(FEED_SUMMARY_NOTE);
    expect(JSON.stringify(renderDiscord(reply))).toContain(FEED_SUMMARY_NOTE);
  });
});
