/**
 * Dateline on Slack: a Bolt app that registers every command as a slash command, in Socket Mode when an app
 * token is given (no public address needed) or over HTTP at /slack/events otherwise. Over HTTP, the endpoint is a
 * front door in a worker thread (front-door.ts): it refuses oversized, unsigned, stale and forged requests
 * (request-guard.ts), answers a retried or replayed request once, and acknowledges slash commands and button clicks
 * itself, so that acknowledgements never wait for the main thread.
 *
 * `startSlack` wires the parts, each with one job: the Web API client's options, the token check, the receiver,
 * the handlers (handlers.ts), the answers in flight (answers.ts) and shutdown.
 */
import { App, LogLevel, SocketModeReceiver, webApi } from "@slack/bolt";
import type { BotCore, ChannelPoster } from "../../core/bot.js";
import type { Logger } from "../../core/log.js";
import type { Reply } from "../../core/reply.js";
import { failureFields, SlackAnswers } from "./answers.js";
import { describeSlackFailure, isAuthFailure } from "./errors.js";
import { boltLogger } from "./logger.js";
import { FrontDoorReceiver } from "./front-door.js";
import { forChannel, handleButtons, handleCommands } from "./handlers.js";
import { renderSlack } from "./render.js";

export { unescapeSlack } from "./handlers.js";

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

const SOCKET_CLOSE_TIMEOUT_MS = 5000;
const EVENTS_PATH = "/slack/events";

export async function startSlack(options: SlackOptions): Promise<SlackHandle> {
  const log = options.log.child({ platform: "slack" });
  const socketMode = Boolean(options.appToken);
  if (!socketMode && !options.signingSecret) {
    throw new Error("Slack over HTTP needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)");
  }
  const clientOptions = webClientOptions(options.apiUrl, log);
  const web = new webApi.WebClient(options.botToken, clientOptions("web-api"));
  const identity = await checkToken(web, log, socketMode ? "socket" : "http");
  const receiver = receiverFor(options, log, clientOptions);
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
  const answers = new SlackAnswers(web, log);
  handleCommands({ app, bot: options.bot, answers, web, log });
  handleButtons({ app, bot: options.bot, answers, web, log });

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
  return {
    platform: "slack",
    port,
    stop: () => (stopping ??= shutdown(receiver, answers, log)),
    post: (channel, reply) => post(web, log, channel, reply),
  };
}

type ClientOptionsFor = (name: string) => webApi.WebClientOptions;

/** The options of every Web API client (ours, Bolt's, Socket Mode's), logging as `name`. */
function webClientOptions(apiUrl: string | undefined, log: Logger): ClientOptionsFor {
  return (name) => ({
    ...(apiUrl ? { slackApiUrl: withTrailingSlash(apiUrl) } : {}),
    logger: boltLogger(log, name),
    // A 429 is reported (and told to the user) instead of silently retried for minutes.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    timeout: 10_000,
  });
}

/** Who the bot is (auth.test). A refused token throws; Slack briefly unreachable is only a warning. */
async function checkToken(web: webApi.WebClient, log: Logger, mode: "socket" | "http"): Promise<webApi.AuthTestResponse> {
  try {
    const identity = await web.auth.test();
    log.info("connected to Slack", { team: identity.team, bot: identity.user, mode });
    return identity;
  } catch (error) {
    const failure = describeSlackFailure(error);
    // A bad token will not get better: stop here. Slack being briefly unreachable should not keep us down.
    if (isAuthFailure(failure)) {
      log.error("Slack refused the bot token", { ...failureFields(failure) });
      throw new Error(`Slack refused the bot token: ${failure.reason}`, { cause: error });
    }
    log.warn("could not check the bot token with Slack; starting anyway", { ...failureFields(failure) });
    return { ok: false };
  }
}

/** Socket Mode with an app token; otherwise the HTTP front door. */
function receiverFor(options: SlackOptions, log: Logger, clientOptions: ClientOptionsFor): SocketModeReceiver | FrontDoorReceiver {
  if (options.appToken) {
    return new SocketModeReceiver({
      appToken: options.appToken,
      logger: boltLogger(log, "socket-mode"),
      logLevel: LogLevel.INFO,
      // Socket Mode's own Web API client (apps.connections.open) must use the same base URL.
      installerOptions: { clientOptions: clientOptions("socket-mode") },
    });
  }
  return new FrontDoorReceiver({
    signingSecret: options.signingSecret!,
    endpoints: [EVENTS_PATH],
    port: options.port ?? 3000,
    ...(options.host !== undefined ? { host: options.host } : {}),
    log,
  });
}

/** Stops taking connections first, then lets the requests received and the answers in flight finish. */
async function shutdown(receiver: SocketModeReceiver | FrontDoorReceiver, answers: SlackAnswers, log: Logger): Promise<void> {
  if (receiver instanceof FrontDoorReceiver) {
    // The listener is closed when stopTaking() returns; it settles once every request received is acknowledged
    // and handed to Bolt, whose handlers then finish their answers.
    await receiver.stopTaking();
    await receiver.idle();
    await answers.settled();
    await receiver.stop();
  } else {
    const closing = disconnectSocket(receiver);
    await answers.settled();
    await closing;
  }
  log.info("Slack app stopped");
}

/** A message of the bot's own in a channel (the digest). */
async function post(web: webApi.WebClient, log: Logger, channel: string, reply: Reply): Promise<void> {
  const message = renderSlack(forChannel(reply));
  try {
    await web.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
  } catch (error) {
    log.error("Slack refused the post", { channel, ...failureFields(describeSlackFailure(error)) });
    throw error;
  }
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

