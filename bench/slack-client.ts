/**
 * Worker thread of the Slack measurement: plays Slack (a fake Web API and the response_url receiver on 127.0.0.1)
 * and sends the signed slash commands. It runs on its own event loop, so that its clocks do not wait for the
 * bot's searches on the main thread: what it measures is what Slack would see.
 *
 * Messages: it posts {fakePort} once listening; it is sent {port, inputs, requests, concurrency, secret}; it
 * posts back the figures.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parentPort } from "node:worker_threads";
import type { SlackFigures } from "./results.js";
import { slackSignature, slashCommandBody } from "./slack-request.js";
import { summarize } from "./stats.js";

export interface SlackLoadPlan {
  port: number;
  inputs: string[];
  requests: number;
  concurrency: number;
  secret: string;
  /** No new request is sent after this many milliseconds (those in flight are still awaited). */
  budgetMs?: number;
}

/** How long one request may wait for its answer before it counts as failed. */
const ANSWER_TIMEOUT_MS = 60_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8").on("data", (d: string) => (body += d)).on("end", () => resolve(body)).on("error", reject);
  });
}

/** The fake Slack: Web API methods answer ok; POSTs to /respond/{n} resolve request n's answer. */
function fakeSlack(onAnswer: (n: number) => void): Server {
  const server = createServer((req, res) => {
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
  // Node closes idle keep-alive sockets after 5 s; a client reusing one at that moment gets ECONNRESET. The bot
  // answers seconds apart under load, so keep sockets open longer than any wait here, as Slack's servers do.
  server.keepAliveTimeout = 120_000;
  return server;
}

async function load(plan: SlackLoadPlan, fakePort: number, waiting: Map<number, () => void>): Promise<SlackFigures> {
  const acks: number[] = [];
  const answers: number[] = [];
  let failed = 0;
  let next = 0;
  const one = async (n: number) => {
    const input = plan.inputs[n % plan.inputs.length] ?? "/help";
    const body = slashCommandBody(input, `http://127.0.0.1:${fakePort}/respond/${n}`, n);
    const timestamp = Math.floor(Date.now() / 1000);
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<boolean>((resolve) => {
      waiting.set(n, () => resolve(true));
      timer = setTimeout(() => resolve(false), ANSWER_TIMEOUT_MS);
    });
    const t = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${plan.port}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": slackSignature(plan.secret, timestamp, body),
        },
        body,
      });
      await res.arrayBuffer();
      acks.push(performance.now() - t);
      if (!res.ok) failed++;
      else if (await answered) answers.push(performance.now() - t);
      else failed++;
    } catch {
      failed++;
    } finally {
      clearTimeout(timer);
      waiting.delete(n);
    }
  };
  const started = performance.now();
  const budget = plan.budgetMs ?? Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (next < plan.requests && performance.now() - started < budget) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, plan.requests) }, worker));
  return { requests: next, concurrency: plan.concurrency, ack: summarize(acks), answer: summarize(answers), failed, wallMs: performance.now() - started };
}

if (parentPort) {
  const port = parentPort;
  const waiting = new Map<number, () => void>();
  const server = fakeSlack((n) => waiting.get(n)?.());
  server.listen(0, "127.0.0.1", () => {
    const fakePort = (server.address() as AddressInfo).port;
    port.once("message", (plan: SlackLoadPlan) => {
      void load(plan, fakePort, waiting)
        .then((figures) => port.postMessage({ figures }), (error: unknown) => port.postMessage({ error: String(error) }))
        .finally(() => {
          server.closeAllConnections();
          server.close();
          port.close();
        });
    });
    port.postMessage({ fakePort });
  });
}
