/**
 * Worker thread of the Slack measurement: plays Slack (a fake Web API and the response_url receiver on 127.0.0.1)
 * and sends the signed slash commands. It runs on its own event loop, so that its clocks do not wait for the
 * bot's searches on the main thread: what it measures is what Slack would see.
 *
 * Messages: it posts {fakePort} once listening; it is sent {port, inputs, requests, concurrency, secret}; it
 * posts back the figures.
 */
import { writeFile } from "node:fs/promises";
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
  /** A file written (a new article arriving in the corpus) as request number `afterRequests` is sent. */
  write?: { afterRequests: number; path: string; text: string };
  /** Replicas behind a load balancer: request n goes to ports[n % ports.length] (instead of `port`). */
  ports?: number[];
  /** Counts the answers whose body holds this text (`matched`). */
  expect?: string;
}

/** Answers by command ("/digest": …), and the notes sent before an answer ("Composing the digest…"). */
export interface LoadExtras {
  answerByCommand: Record<string, SlackFigures["answer"]>;
  notes: number;
  /** When the file of `write` was written, in ms after the first request. */
  writtenAtMs: number | null;
  /** Answers holding the plan's `expect`. */
  matched: number;
  /** Acks of each client loop's first request (on a connection of its own, opened for it) and of the others. */
  ackFirst: SlackFigures["ack"];
  ackLater: SlackFigures["ack"];
  /** What the /digest answers held: how many grouped stories (and of how many new articles), how many had nothing. */
  digests: DigestAnswers;
}

export interface DigestAnswers {
  /** Answers with stories: the most new articles and stories one of them counted. */
  withStories: number;
  articles: number;
  stories: number;
  /** Of the answers with stories, those saying more new articles were still being read (not in them yet). */
  withStoriesMoreReading: number;
  /** Answers with no story yet because the period's new articles were still being read ("Nothing new read yet"). */
  stillReading: number;
  /** Answers with nothing new in the period at all. */
  nothingNew: number;
}

export function noDigestAnswers(): DigestAnswers {
  return { withStories: 0, articles: 0, stories: 0, withStoriesMoreReading: 0, stillReading: 0, nothingNew: 0 };
}

/**
 * Reads a /digest answer's summary line (src/digest/render.ts): "218 new articles in 143 stories since …" (maybe
 * with "3 more new articles are still being read"), "Nothing new read yet since …: 300 new articles are still
 * being read", or "Nothing new in the corpus since …".
 */
export function readDigestAnswer(body: string, into: DigestAnswers): void {
  const summary = /([\d,]+) new articles? in ([\d,]+) stor(?:y|ies)/.exec(body);
  const reading = /still being read/.test(body);
  if (summary) {
    into.withStories++;
    if (reading) into.withStoriesMoreReading++;
    into.articles = Math.max(into.articles, Number(summary[1]!.replace(/,/g, "")));
    into.stories = Math.max(into.stories, Number(summary[2]!.replace(/,/g, "")));
  } else if (/Nothing new/.test(body)) {
    if (reading) into.stillReading++;
    else into.nothingNew++;
  }
}

/** How long one request may wait for its answer before it counts as failed. */
const ANSWER_TIMEOUT_MS = 60_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8").on("data", (d: string) => (body += d)).on("end", () => resolve(body)).on("error", reject);
  });
}

/**
 * The fake Slack: Web API methods answer ok; POSTs to /respond/{n} resolve request n's answer. A post without
 * blocks is a note that the answer is coming ("Composing the digest…"), counted apart: the answer follows it.
 */
function fakeSlack(onAnswer: (n: number, body: string) => void, onNote: () => void = () => undefined): Server {
  const server = createServer((req, res) => {
    void readBody(req).then((posted) => {
      const url = req.url ?? "/";
      const respond = /^\/respond\/(\d+)/.exec(url);
      if (respond) {
        if (isNote(posted)) onNote();
        else onAnswer(Number(respond[1]), posted);
      }
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

function isNote(body: string): boolean {
  try {
    return !Array.isArray((JSON.parse(body) as { blocks?: unknown }).blocks);
  } catch {
    return false;
  }
}

/** Plans run so far in this worker (each plan's request bodies differ from every earlier plan's). */
let plansRun = 0;

async function load(plan: SlackLoadPlan, fakePort: number, waiting: Map<number, (body: string) => void>): Promise<SlackFigures & LoadExtras> {
  plansRun++;
  const acks: number[] = [];
  const acksFirst: number[] = [];
  const acksLater: number[] = [];
  const answers: number[] = [];
  const byCommand = new Map<string, number[]>();
  let writtenAtMs: number | null = null;
  let failed = 0;
  let matched = 0;
  let next = 0;
  const digests = noDigestAnswers();
  const one = async (n: number, first: boolean) => {
    const input = plan.inputs[n % plan.inputs.length] ?? "/help";
    // Unique across plans: the bot answers a body it has seen in the last 15 minutes as a replay (request-guard.ts).
    const body = slashCommandBody(input, `http://127.0.0.1:${fakePort}/respond/${n}`, plansRun * 1_000_000 + n);
    if (plan.write && n === plan.write.afterRequests) {
      const { path, text } = plan.write;
      void writeFile(path, text).then(() => (writtenAtMs = performance.now() - started));
    }
    const command = input.split(" ")[0] ?? input;
    const timestamp = Math.floor(Date.now() / 1000);
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<boolean>((resolve) => {
      waiting.set(n, (answer) => {
        if (plan.expect !== undefined && answer.includes(plan.expect)) matched++;
        if (command === "/digest") readDigestAnswer(answer, digests);
        resolve(true);
      });
      timer = setTimeout(() => resolve(false), ANSWER_TIMEOUT_MS);
    });
    const t = performance.now();
    try {
      const port = plan.ports ? plan.ports[n % plan.ports.length]! : plan.port;
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
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
      (first ? acksFirst : acksLater).push(performance.now() - t);
      if (!res.ok) failed++;
      else if (await answered) {
        const ms = performance.now() - t;
        answers.push(ms);
        byCommand.set(command, [...(byCommand.get(command) ?? []), ms]);
      } else failed++;
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
    for (let first = true; next < plan.requests && performance.now() - started < budget; first = false) await one(next++, first);
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, plan.requests) }, worker));
  return {
    requests: next,
    concurrency: plan.concurrency,
    ack: summarize(acks),
    answer: summarize(answers),
    failed,
    wallMs: performance.now() - started,
    answerByCommand: Object.fromEntries([...byCommand].map(([command, samples]) => [command, summarize(samples)])),
    notes: notes.count,
    writtenAtMs,
    matched,
    ackFirst: summarize(acksFirst),
    ackLater: summarize(acksLater),
    digests,
  };
}

/** Notes received (see fakeSlack). */
const notes = { count: 0 };

if (parentPort) {
  const port = parentPort;
  const waiting = new Map<number, (body: string) => void>();
  const server = fakeSlack(
    (n, body) => waiting.get(n)?.(body),
    () => notes.count++,
  );
  server.listen(0, "127.0.0.1", () => {
    const fakePort = (server.address() as AddressInfo).port;
    // Plans one after the other (a warm-up, then the load) until {done: true}, or a single plan (slack-load.ts).
    const more = (message: SlackLoadPlan | { done: true }, keepOpen: boolean) => {
      if ("done" in message) return close();
      notes.count = 0;
      void load(message, fakePort, waiting)
        .then((figures) => port.postMessage({ figures }), (error: unknown) => port.postMessage({ error: String(error) }))
        .finally(() => {
          if (!keepOpen) close();
        });
    };
    const close = () => {
      server.closeAllConnections();
      server.close();
      port.close();
    };
    port.once("message", (first: SlackLoadPlan & { keepOpen?: boolean }) => {
      if (first.keepOpen) port.on("message", (next: SlackLoadPlan | { done: true }) => more(next, true));
      more(first, first.keepOpen === true);
    });
    port.postMessage({ fakePort });
  });
}
