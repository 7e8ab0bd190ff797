/**
 * The same command, asked on Slack, on Discord and in the console, over the sample corpus with the real commands,
 * shows the same quotation (or excerpt), speaker and citation, and that answer is the hand-checked one. Each
 * platform is read from what it rendered (Block Kit, the Discord message, the console text), as a person sees it.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { botFor } from "../../src/bot-for.js";
import type { BotCore } from "../../src/core/bot.js";
import { memoryLogger } from "../../src/core/log.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { consoleAsk, discordOptions, discordOver, slackOver, type DiscordSide, type SlackSide } from "./harness.js";
import { SEEDS, expectedFirst, seedQuery } from "./seed-truth.js";
import { firstOnConsole, firstOnDiscord, firstOnSlack, type Shown, type SlackBlockLike } from "./shown.js";

const ASKED = ["/quote Spoljaric neutrality", "/quote Blinken Putin", "/sources POW video", "/quote Lavrov Minsk"];

let newsroom: OpenedNewsroom;
let bot: BotCore;
let slack: SlackSide;
let discord: DiscordSide;

beforeAll(async () => {
  const log = memoryLogger("warn");
  newsroom = await openNewsroom(SEEDS, { dataDir: null, log });
  bot = botFor(() => newsroom, log);
  [slack, discord] = await Promise.all([slackOver(bot), discordOver(bot)]);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([slack?.stop(), discord?.stop()]);
});

async function onEveryPlatform(asked: string): Promise<Record<"slack" | "discord" | "console", Shown>> {
  const [, name, text] = /^\/(\w+) (.*)$/.exec(asked)!;
  const [slackAnswer, discordAnswer, consoleOutput] = await Promise.all([
    slack.ask(name!, text!),
    discord.ask(name!, discordOptions(name!, text!)),
    consoleAsk(bot, asked),
  ]);
  return {
    slack: firstOnSlack(slackAnswer.body.blocks as SlackBlockLike[]),
    discord: firstOnDiscord(discordAnswer.message.embeds),
    console: firstOnConsole(consoleOutput),
  };
}

describe.each(ASKED)("%s", (asked) => {
  test("shows the same first result everywhere, and it is the hand-checked one", async () => {
    const shown = await onEveryPlatform(asked);
    const expected = expectedFirst(seedQuery(asked), shown.slack, newsroom.articles());
    for (const platform of ["slack", "discord", "console"] as const) {
      const { cue: _c, ...seen } = shown[platform];
      expect(seen, platform).toEqual(expected);
    }
    // The cue ("said", "told reporters") is part of what is shown, and shown alike.
    expect(shown.discord.cue).toBe(shown.slack.cue);
    expect(shown.console.cue).toBe(shown.slack.cue);
  });
});
