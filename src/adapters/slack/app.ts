/**
 * Dateline on Slack: a Bolt app that registers every command as a slash command, in Socket Mode when an app
 * token is given (no public address needed) or over HTTP at /slack/events otherwise. Over HTTP, the endpoint is a
 * front door in a worker thread (front-door.ts): it refuses oversized, unsigned, stale and forged requests
 * (request-guard.ts), answers a retried or replayed request once, and acknowledges slash commands and button clicks
 * itself, so that acknowledgements never wait for the main thread.
 *
 * Every handler acknowledges first, so Slack's 3 seconds are kept however slow the command, then runs the command
 * through the BotCore and answers through the response_url. The buttons carry everything they need in their
 * value (core/actions.ts), so they keep working after a restart.
 */
import {
  App,
  LogLevel,
  SocketModeReceiver,
  webApi,
  type BlockAction,
  type ButtonAction,
  type RespondArguments,
  type RespondFn,
  type SlashCommand,
} from "@slack/bolt";
import { decodeAction } from "../../core/actions.js";
import type { BotCore, ChannelPoster, Origin } from "../../core/bot.js";
import type { LogFields, Logger } from "../../core/log.js";
import type { Reply } from "../../core/reply.js";
import { ACTION_IDS, type SlackMessage } from "./blocks.js";
import { describeSlackFailure, isAuthFailure } from "./errors.js";
import { boltLogger } from "./logger.js";
import { FrontDoorReceiver } from "./front-door.js";
import { renderSlack } from "./render.js";

export interface SlackOptions {
  bot: BotCore;
  /** xoxb-… */
  botToken: string;
  /** HTTP mode: verifies that requests come from Slack. */
  signingSecret?: string;
  /** xapp-…: Socket Mode. */
  appToken?: string;
  /** Web API base, e.g. a proxy or a test fake (SLACK_API_URL). Also used by Socket Mode's apps.connections.open. */
  apiUrl?: string;
  /** HTTP mode: the port to listen on (0 picks a free one). Default 3000. */
  port?: number;
  /** HTTP mode: the address to listen on. Default: all interfaces. */
  host?: string;
  log: Logger;
}

export interface SlackHandle extends ChannelPoster {
  /** Stops taking requests, finishes the answers in flight, closes the server or socket. */
  stop(): Promise<void>;
  /** The HTTP port listened on; null in Socket Mode. */
  readonly port: number | null;
}

/** Where an answer goes: the response_url, else an ephemeral message to the user in the channel. */
interface Target {
  respond: RespondFn;
  user: string;
  channel: string | null;
}

const SOCKET_CLOSE_TIMEOUT_MS = 5000;
const EVENTS_PATH = "/slack/events";

export async function startSlack(options: SlackOptions): Promise<SlackHandle> {
  const { bot } = options;
  const log = options.log.child({ platform: "slack" });
  const socketMode = Boolean(options.appToken);
  if (!socketMode && !options.signingSecret) {
    throw new Error("Slack over HTTP needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)");
  }

  const clientOptions = (name: string): webApi.WebClientOptions => ({
    ...(options.apiUrl ? { slackApiUrl: withTrailingSlash(options.apiUrl) } : {}),
    logger: boltLogger(log, name),
    // A 429 is reported (and told to the user) instead of silently retried for minutes.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    timeout: 10_000,
  });
  const web = new webApi.WebClient(options.botToken, clientOptions("web-api"));

  let identity: webApi.AuthTestResponse = { ok: false };
  try {
    identity = await web.auth.test();
    log.info("connected to Slack", { team: identity.team, bot: identity.user, mode: socketMode ? "socket" : "http" });
  } catch (error) {
    const failure = describeSlackFailure(error);
    // A bad token will not get better: stop here. Slack being briefly unreachable should not keep us down.
    if (isAuthFailure(failure)) {
      log.error("Slack refused the bot token", { ...failureFields(failure) });
      throw new Error(`Slack refused the bot token: ${failure.reason}`, { cause: error });
    }
    log.warn("could not check the bot token with Slack; starting anyway", { ...failureFields(failure) });
  }

  const receiver = socketMode
    ? new SocketModeReceiver({
        appToken: options.appToken!,
        logger: boltLogger(log, "socket-mode"),
        logLevel: LogLevel.INFO,
        // Socket Mode's own Web API client (apps.connections.open) must use the same base URL.
        installerOptions: { clientOptions: clientOptions("socket-mode") },
      })
    : new FrontDoorReceiver({
        signingSecret: options.signingSecret!,
        endpoints: [EVENTS_PATH],
        port: options.port ?? 3000,
        ...(options.host !== undefined ? { host: options.host } : {}),
        log,
      });
  const app = new App({
    receiver,
    logger: boltLogger(log, "bolt"),
    logLevel: LogLevel.INFO,
    clientOptions: clientOptions("bolt"),
    // We checked the token above: no second auth.test by Bolt.
    authorize: async () => ({ botToken: options.botToken, botId: identity.bot_id, botUserId: identity.user_id }),
  });
  app.error(async (error) => {
    log.error("Bolt error", { code: error.code, err: error });
  });

  // Answers in flight, so that stop() can let them finish.
  const inflight = new Set<Promise<void>>();
  const track = (work: () => Promise<void>): Promise<void> => {
    const running = work()
      .catch((error: unknown) => log.error("Slack handler failed", { err: error }))
      .finally(() => inflight.delete(running));
    inflight.add(running);
    return running;
  };

  async function respondWith(target: Target, message: RespondArguments, fields: LogFields): Promise<void> {
    try {
      await target.respond(message);
    } catch (error) {
      await tellRefusal(target, error, fields, false);
    }
  }

  /** Logs a refusal and tells the user, through the response_url if it still works, else ephemerally. */
  async function tellRefusal(target: Target, error: unknown, fields: LogFields, respondWorks: boolean): Promise<void> {
    const failure = describeSlackFailure(error);
    log.error("Slack refused the answer", { ...fields, ...failureFields(failure), user: target.user });
    const text = `Slack refused the answer: ${failure.reason}`;
    try {
      if (respondWorks) {
        await target.respond({ response_type: "ephemeral", replace_original: false, text });
      } else if (target.channel) {
        await web.chat.postEphemeral({ channel: target.channel, user: target.user, text });
      }
    } catch (again) {
      log.warn("could not tell the user that Slack refused the answer", {
        ...fields,
        ...failureFields(describeSlackFailure(again)),
      });
    }
  }

  async function runCommand(name: string, command: SlashCommand, respond: RespondFn): Promise<void> {
    const origin: Origin = {
      platform: "slack",
      user: { id: command.user_id, name: command.user_name },
      channel: command.channel_id || null,
      // A private note through the response_url (one of its five uses); the answer follows as a message of its own.
      notify: async (text) => {
        try {
          await respond({ response_type: "ephemeral", replace_original: false, text });
        } catch (error) {
          log.warn("could not tell the user the answer is coming", { command: name, ...failureFields(describeSlackFailure(error)) });
        }
      },
    };
    const outcome = await bot.run(`/${name} ${unescapeSlack(command.text ?? "")}`, origin);
    const target = { respond, user: command.user_id, channel: origin.channel };
    await respondWith(target, asResponse(outcome.reply), { command: name });
  }

  const registered = new Set(bot.commands.map((meta) => meta.name));
  for (const name of registered) {
    app.command(`/${name}`, async ({ command, ack, respond }) => {
      await ack();
      await track(() => runCommand(name, command, respond));
    });
  }
  // A slash command the workspace has but the list does not (renamed, or a hidden one added by hand) still gets
  // an answer in time: the dispatcher runs hidden commands and explains unknown ones.
  app.command(/^\/[\w-]+$/, async ({ command, ack, respond }) => {
    const name = command.command.slice(1).toLowerCase();
    if (registered.has(name)) return;
    await ack();
    await track(() => runCommand(name, command, respond));
  });

  // "More results", "Compare wordings", a quotation's "Context" and "Copy citation" answer privately with the
  // command their value carries.
  for (const kind of ["more", "expand", "context", "cite"] as const) {
    app.action<BlockAction<ButtonAction>>(ACTION_IDS[kind], async ({ ack, body, action, respond }) => {
      await ack();
      await track(async () => {
        const target: Target = { respond, user: body.user.id, channel: body.channel?.id ?? null };
        const payload = decodeAction(action.value ?? "");
        if (!payload) return respondWith(target, expiredButton(), { action: kind });
        const outcome = await bot.run(`/${payload.c} ${payload.t}`, originOf(body, payload.p));
        const message = renderSlack({ ...outcome.reply, visibility: "private" });
        await respondWith(target, { response_type: "ephemeral", replace_original: false, ...message }, {
          action: kind,
          command: payload.c,
        });
      });
    });
  }

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async ({ ack, body, action, respond }) => {
    await ack();
    await track(async () => {
      const target: Target = { respond, user: body.user.id, channel: body.channel?.id ?? null };
      const fields = { action: "share" };
      const payload = decodeAction(action.value ?? "");
      if (!payload) return respondWith(target, expiredButton(), fields);
      const outcome = await bot.run(`/${payload.c} ${payload.t}`, originOf(body, payload.p));
      if (!outcome.ok) return respondWith(target, asResponse(outcome.reply), fields);
      const message = renderSlack(forChannel(outcome.reply), { sharedBy: body.user.id });
      const publicly: RespondArguments = { response_type: "in_channel", replace_original: false, ...message };
      if (!target.channel) return respondWith(target, publicly, fields);
      try {
        await web.chat.postMessage({ channel: target.channel, ...message, unfurl_links: false, unfurl_media: false });
      } catch (error) {
        const failure = describeSlackFailure(error);
        // The bot cannot post in private channels and DMs it is not a member of; the response_url can.
        if (failure.code === "not_in_channel" || failure.code === "channel_not_found") {
          log.info("sharing through the response_url", { ...fields, ...failureFields(failure) });
          return respondWith(target, publicly, fields);
        }
        await tellRefusal(target, error, { ...fields, command: payload.c }, true);
      }
    });
  });

  let port: number | null = null;
  try {
    if (receiver instanceof FrontDoorReceiver) port = await receiver.start();
    else await app.start();
  } catch (error) {
    const failure = describeSlackFailure(error);
    log.error("Slack app failed to start", { ...failureFields(failure), err: error });
    throw error;
  }
  log.info("Slack app started", { mode: socketMode ? "socket" : "http", port });

  let stopping: Promise<void> | null = null;
  async function shutdown(): Promise<void> {
    // Stop taking connections first, then let the requests received and the answers in flight finish.
    if (receiver instanceof FrontDoorReceiver) {
      // The listener is closed when stopTaking() returns; it settles once every request received is acknowledged
      // and handed to Bolt, whose handlers then finish their answers.
      await receiver.stopTaking();
      await receiver.idle();
      await Promise.allSettled([...inflight]);
      await receiver.stop();
    } else {
      const closing = disconnectSocket(receiver);
      await Promise.allSettled([...inflight]);
      await closing;
    }
    log.info("Slack app stopped");
  }

  return {
    platform: "slack",
    port,
    stop: () => (stopping ??= shutdown()),
    async post(channel: string, reply: Reply): Promise<void> {
      const message = renderSlack(forChannel(reply));
      try {
        await web.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
      } catch (error) {
        log.error("Slack refused the post", { channel, ...failureFields(describeSlackFailure(error)) });
        throw error;
      }
    },
  };
}

function asResponse(reply: Reply): RespondArguments {
  const message: SlackMessage = renderSlack(reply);
  return { response_type: reply.visibility === "public" ? "in_channel" : "ephemeral", replace_original: false, ...message };
}

/** A public copy: no "Share in channel" button on what is already shared. */
function forChannel(reply: Reply): Reply {
  const blocks = reply.blocks
    .map((b) => (b.type === "actions" ? { ...b, actions: b.actions.filter((a) => a.kind !== "share") } : b))
    .filter((b) => b.type !== "actions" || b.actions.length > 0);
  return { ...reply, visibility: "public", blocks };
}

function expiredButton(): RespondArguments {
  return {
    response_type: "ephemeral",
    replace_original: false,
    text: "That button no longer works. Please run the command again.",
  };
}

function originOf(body: BlockAction, page: number): Origin {
  return {
    platform: "slack",
    user: { id: body.user.id, name: body.user.username ?? body.user.name },
    channel: body.channel?.id ?? null,
    page,
  };
}

/** Slack sends `&`, `<`, `>` in slash command text HTML-escaped; commands want the text as typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function failureFields(failure: ReturnType<typeof describeSlackFailure>): LogFields {
  return { code: failure.code, status: failure.status, retryAfter: failure.retryAfter, reason: failure.reason };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** SocketModeReceiver.stop() does not wait for the socket to close; the client's disconnect() does. */
async function disconnectSocket(receiver: SocketModeReceiver): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, SOCKET_CLOSE_TIMEOUT_MS);
  });
  await Promise.race([receiver.client.disconnect(), timeout]);
  clearTimeout(timer);
}

