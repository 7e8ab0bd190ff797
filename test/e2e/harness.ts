/**
 * The three front ends over one BotCore, each driven the way its users drive it: the real Bolt app behind a fake
 * Slack (signed slash commands in, response_url posts out), the real discord.js client behind a fake Discord
 * (INTERACTION_CREATE in, interaction callbacks and webhook edits out), and the console over streams.
 */
import { PassThrough } from "node:stream";
import { runConsole } from "../../src/adapters/console/console.js";
import { startDiscord, type DiscordHandle } from "../../src/adapters/discord/client.js";
import { startSlack, type SlackHandle } from "../../src/adapters/slack/app.js";
import type { BotCore } from "../../src/core/bot.js";
import { APP_ID, FakeDiscord, TOKEN, type Captured, type FakeMessage, type InteractionOption } from "../discord/fake-discord.js";
import { blockActionsBody, FakeSlack, signedPost, slashCommandBody, type Recorded } from "../slack/fake-slack.js";

export const SLACK_SECRET = "e2e-signing-secret-0123456789abcdef";
const LOADING = 128;

export interface SlackSide {
  fake: FakeSlack;
  handle: SlackHandle;
  /** Sends `/name text` as a signed slash command; resolves with what the app posted to the response_url. */
  ask(name: string, text: string): Promise<Recorded>;
  /** Clicks a button as `user` in `channel`; resolves once the HTTP request was acknowledged. */
  click(actionId: string, value: string, user: string, channel: string): Promise<void>;
  stop(): Promise<void>;
}

export async function slackOver(bot: BotCore): Promise<SlackSide> {
  const fake = await FakeSlack.start();
  const handle = await startSlack({
    bot,
    botToken: "xoxb-e2e",
    signingSecret: SLACK_SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: "127.0.0.1",
    log: bot.log,
  });
  const events = `http://127.0.0.1:${handle.port}/slack/events`;
  let sequence = 0;
  return {
    fake,
    handle,
    async ask(name, text) {
      const id = `e2e${++sequence}`;
      const http = await signedPost(events, slashCommandBody({ command: `/${name}`, text, responseUrl: fake.responseUrl(id) }), SLACK_SECRET);
      if (http.status !== 200) throw new Error(`Slack app answered ${http.status} to /${name}`);
      return fake.waitForResponse(id);
    },
    async click(actionId, value, user, channel) {
      const body = blockActionsBody({ actionId, value, user, channel, responseUrl: fake.responseUrl(`click${++sequence}`) });
      const http = await signedPost(events, body, SLACK_SECRET);
      if (http.status !== 200) throw new Error(`Slack app answered ${http.status} to a click on ${actionId}`);
    },
    async stop() {
      await handle.stop();
      await fake.stop();
    },
  };
}

export interface DiscordAnswer {
  /** The message as it stands once answered (the deferred original edited, or the private follow-up). */
  message: FakeMessage;
  /** The request that put the answer there (PATCH of @original, or POST of a follow-up). */
  request: Captured;
}

export interface DiscordSide {
  fake: FakeDiscord;
  handle: DiscordHandle;
  ask(name: string, options: InteractionOption[]): Promise<DiscordAnswer>;
  stop(): Promise<void>;
}

export async function discordOver(bot: BotCore): Promise<DiscordSide> {
  const fake = await FakeDiscord.start();
  const handle = await startDiscord({ bot, token: TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl, log: bot.log });
  return {
    fake,
    handle,
    ask: (name, options) => discordAnswer(fake, fake.command(name, options)),
    async stop() {
      await handle.stop();
      await fake.close();
    },
  };
}

/** Waits until the interaction has left a visible, finished message and returns it with the request behind it. */
export async function discordAnswer(fake: FakeDiscord, token: string): Promise<DiscordAnswer> {
  return fake.waitFor(() => {
    const message = fake.messagesFor(token).find((m) => !m.deleted && (m.flags & LOADING) === 0);
    const request = fake
      .requestsFor(token)
      .filter((r) => (r.method === "PATCH" && r.route.endsWith("/@original")) || (r.method === "POST" && r.route.startsWith("/webhooks/")))
      .at(-1);
    return message && request ? { message, request } : undefined;
  }, `answer to ${token}`);
}

/** How a Discord user types a chat command into the slash command's options. */
export function discordOptions(name: string, text: string): InteractionOption[] {
  if (name === "quote") {
    const [speaker, ...topic] = text.split(/\s+/);
    return [
      { name: "speaker", value: speaker ?? "" },
      { name: "topic", value: topic.join(" ") },
    ].filter((o) => o.value !== "");
  }
  return [{ name: "topic", value: text }];
}

/** Types one line into the console (not a terminal) and returns what it printed. */
export async function consoleAsk(bot: BotCore, line: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = "";
  output.on("data", (chunk: Buffer) => (written += chunk.toString("utf8")));
  const done = runConsole({ bot, input, output, interactive: false });
  input.end(line + "\n");
  await done;
  return written;
}
