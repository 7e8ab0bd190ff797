/**
 * End-to-end latency of slash commands through Dateline's Slack HTTP adapter (src/adapters/slack/app.ts), under
 * concurrent load. Everything stays on 127.0.0.1: a local fake of Slack's Web API and of the response_url
 * receiver, and the adapter's own HTTP port. Each request is signed as Slack signs it.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotCore } from "../src/core/bot.js";
import type { Logger } from "../src/core/log.js";
import { queryInput, type BenchQuery } from "./queries.js";
import { failure, type Failed, type SlackFigures } from "./results.js";
import { summarize } from "./stats.js";

export type StartSlack = (options: {
  bot: BotCore;
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  port: number;
  log: Logger;
}) => Promise<{ stop(): Promise<void> }>;

const SECRET = "bench-signing-secret";
const TOKEN = "xoxb-bench";
/** How long one request may wait for its answer before it counts as failed. */
const ANSWER_TIMEOUT_MS = 60_000;

export async function loadStartSlack(): Promise<StartSlack | Failed> {
  const url = new URL("../src/adapters/slack/app.js", import.meta.url).href;
  try {
    const module = (await import(url)) as { startSlack?: StartSlack };
    return module.startSlack ?? { error: "src/adapters/slack/app.ts has no export startSlack" };
  } catch (error) {
    return { error: `not measured: src/adapters/slack/app.ts cannot be loaded (${(error as Error).message.split("\n")[0]})` };
  }
}

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return "v0=" + createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
}

/** The form body Slack posts for a slash command. */
export function slashCommandBody(input: string, responseUrl: string, n: number): string {
  const space = input.indexOf(" ");
  const command = space < 0 ? input : input.slice(0, space);
  const text = space < 0 ? "" : input.slice(space + 1);
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0BENCH",
    team_domain: "bench",
    channel_id: "C0BENCH",
    channel_name: "bench",
    user_id: `U0BENCH${n % 7}`,
    user_name: "bench",
    command,
    text,
    api_app_id: "A0BENCH",
    response_url: responseUrl,
    trigger_id: `1.2.${n}`,
  }).toString();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8").on("data", (d: string) => (body += d)).on("end", () => resolve(body)).on("error", reject);
  });
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** A free TCP port on 127.0.0.1 (the adapter takes a port number, not a server). */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await close(probe);
  return port;
}

/** The fake Slack: Web API methods answer ok; POSTs to /respond/{n} resolve request n's answer. */
function fakeSlack(onAnswer: (n: number) => void): Server {
  return createServer((req, res) => {
    void readBody(req).then(() => {
      const url = req.url ?? "/";
      const respond = /^\/respond\/(\d+)/.exec(url);
      if (respond) onAnswer(Number(respond[1]));
      const body = url.startsWith("/api/auth.test")
        ? { ok: true, url: "https://bench.slack.test/", team: "bench", user: "dateline", team_id: "T0BENCH", user_id: "U0BOT", bot_id: "B0BOT" }
        : { ok: true };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
}

/** Sends `requests` slash commands (cycling through `queries`), `concurrency` at a time, and times each. */
export async function measureSlack(
  startSlack: StartSlack,
  bot: BotCore,
  queries: readonly BenchQuery[],
  options: { requests: number; concurrency: number; log: Logger },
): Promise<SlackFigures | Failed> {
  const waiting = new Map<number, () => void>();
  const fake = fakeSlack((n) => waiting.get(n)?.());
  let app: { stop(): Promise<void> } | null = null;
  try {
    const fakePort = await listen(fake);
    const port = await freePort();
    app = await startSlack({ bot, botToken: TOKEN, signingSecret: SECRET, apiUrl: `http://127.0.0.1:${fakePort}/api/`, port, log: options.log });
    const acks: number[] = [];
    const answers: number[] = [];
    let failed = 0;
    let next = 0;
    const one = async (n: number) => {
      const q = queries[n % queries.length]!;
      const body = slashCommandBody(queryInput(q), `http://127.0.0.1:${fakePort}/respond/${n}`, n);
      const timestamp = Math.floor(Date.now() / 1000);
      let timer: NodeJS.Timeout | undefined;
      const answered = new Promise<boolean>((resolve) => {
        waiting.set(n, () => resolve(true));
        timer = setTimeout(() => resolve(false), ANSWER_TIMEOUT_MS);
      });
      const t = performance.now();
      try {
        const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-slack-request-timestamp": String(timestamp),
            "x-slack-signature": slackSignature(SECRET, timestamp, body),
          },
          body,
        });
        await res.arrayBuffer();
        acks.push(performance.now() - t);
        if (!res.ok) {
          failed++;
          return;
        }
        if (await answered) answers.push(performance.now() - t);
        else failed++;
      } catch {
        failed++;
      } finally {
        clearTimeout(timer);
        waiting.delete(n);
      }
    };
    const started = performance.now();
    const worker = async () => {
      while (next < options.requests) await one(next++);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, worker));
    return {
      requests: options.requests,
      concurrency: options.concurrency,
      ack: summarize(acks),
      answer: summarize(answers),
      failed,
      wallMs: performance.now() - started,
    };
  } catch (error) {
    return failure(error);
  } finally {
    if (app) await app.stop().catch(() => undefined);
    await close(fake);
  }
}
