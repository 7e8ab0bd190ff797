/**
 * The daily digest through the real adapters: the scheduler posts the seeds' digest to a Slack channel
 * (chat.postMessage) and a Discord channel (a channel message), each at its own time, with the same stories.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { digestComposer } from "../../src/digest/for-newsroom.js";
import { createDigestScheduler } from "../../src/digest/schedule.js";
import { openSubscriptions } from "../../src/digest/subscriptions.js";
import { openNewsroom, prepareStatements } from "../../src/open-newsroom.js";
import { CHANNEL_ID } from "../discord/fake-discord.js";
import { discordOver, slackOver, type DiscordSide, type SlackSide } from "./harness.js";
import { slackVisibleText, type SlackBlockLike } from "./shown.js";

const MINUTE = 60_000;
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe("digest posted through Slack and Discord", () => {
  let slack: SlackSide;
  let discord: DiscordSide;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "dateline-digest-e2e-"));
    const newsroom = await openNewsroom("seeds", { dataDir, log: memoryLogger() });
    prepareStatements(newsroom, { background: false });
    const bot = botFor(() => newsroom, memoryLogger());
    slack = await slackOver(bot);
    discord = await discordOver(bot);
  });

  afterAll(async () => {
    await slack?.stop();
    await discord?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("posts once in each channel at its own time, with the same stories on both", async () => {
    // Ten past the next hour: the seeds, first seen just now, fall inside the day the digest covers.
    let now = new Date(Math.ceil(Date.now() / (60 * MINUTE)) * 60 * MINUTE + 10 * MINUTE);
    const subscriptions = openSubscriptions(dataDir, memoryLogger());
    await subscriptions.subscribe({ platform: "slack", channel: "C0NEWSDESK", time: hhmm(new Date(now.getTime() + 2 * MINUTE)), zone: "UTC" }, now);
    await subscriptions.subscribe({ platform: "discord", channel: CHANNEL_ID, time: hhmm(new Date(now.getTime() + 4 * MINUTE)), zone: "UTC" }, now);
    const newsroom = await openNewsroom("seeds", { dataDir, log: memoryLogger() });
    const scheduler = createDigestScheduler({
      dataDir,
      posters: [slack.handle, discord.handle],
      compose: digestComposer(newsroom),
      now: () => now,
      log: memoryLogger(),
      subscriptions,
    });

    await scheduler.tick();
    expect(slack.fake.callsTo("chat.postMessage")).toHaveLength(0);
    now = new Date(now.getTime() + 3 * MINUTE);
    await scheduler.tick();
    await scheduler.tick();
    const slackPosts = slack.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0NEWSDESK");
    expect(slackPosts).toHaveLength(1);
    expect(discord.fake.messages.filter((m) => m.channel_id === CHANNEL_ID && m.token === "")).toHaveLength(0);

    now = new Date(now.getTime() + 2 * MINUTE);
    await scheduler.tick();
    await scheduler.tick();
    const discordPosts = discord.fake.messages.filter((m) => m.channel_id === CHANNEL_ID && m.token === "");
    expect(discordPosts).toHaveLength(1);
    expect(slack.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0NEWSDESK")).toHaveLength(1);

    const onSlack = slackVisibleText(blocksOf(slackPosts[0]!.body.blocks));
    const post = discordPosts[0]!;
    const onDiscord = [post.content, ...post.embeds.map((e: { title?: string; description?: string; author?: { name?: string } }) => [e.title, e.author?.name, e.description].join("\n"))].join("\n");
    for (const shown of [onSlack, onDiscord]) {
      expect(shown).toContain("Secretary of State Blinken and Russia’s Lavrov face off at UN");
      expect(shown).toContain("The Kremlin released a video accusing Ukraine of executing dozens of POWs.");
      for (const speaker of ["Mirjana Spoljaric", "Sergey Lavrov", "Antony Blinken", "Marija Zakharova"]) expect(shown).toContain(speaker);
    }
    await scheduler.stop();
  });
});

/** chat.postMessage may carry its blocks as JSON text (form-encoded) or as an array (JSON body). */
function blocksOf(blocks: unknown): SlackBlockLike[] {
  return (typeof blocks === "string" ? JSON.parse(blocks) : blocks) as SlackBlockLike[];
}
