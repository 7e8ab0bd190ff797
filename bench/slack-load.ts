/**
 * End-to-end latency of slash commands through Dateline's Slack HTTP adapter (src/adapters/slack/app.ts), under
 * concurrent load. The adapter and the bot run here, on the main thread, as in production; Slack is played by a
 * worker thread (slack-client.ts) with its own event loop. Nothing leaves 127.0.0.1.
 */
import { createServer } from "node:net";
import { Worker } from "node:worker_threads";
import type { BotCore } from "../src/core/bot.js";
import type { Logger } from "../src/core/log.js";
import { quietLog } from "./quiet-log.js";
import { queryInput, type BenchQuery } from "./queries.js";
import { failure, type Failed, type SlackFigures } from "./results.js";
import type { SlackLoadPlan } from "./slack-client.js";

export type StartSlack = (options: {
  bot: BotCore;
  botToken: string;
  signingSecret?: string;
  apiUrl?: string;
  port: number;
  log: Logger;
}) => Promise<{ stop(): Promise<void> }>;

const SECRET = "bench-signing-secret";

export async function loadStartSlack(): Promise<StartSlack | Failed> {
  // A computed specifier: the adapter is written by another helper and may not be there yet.
  const url = new URL("../src/adapters/slack/app.js", import.meta.url).href;
  try {
    const module = (await import(url)) as { startSlack?: StartSlack };
    return module.startSlack ?? { error: "not measured: src/adapters/slack/app.ts has no export startSlack" };
  } catch (error) {
    return { error: `not measured: src/adapters/slack/app.ts cannot be loaded (${(error as Error).message.split("\n")[0]})` };
  }
}

/** A free TCP port on 127.0.0.1 (the adapter takes a port number). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

type FromClient = { fakePort: number } | { figures: SlackFigures } | { error: string };

/**
 * Sends `requests` slash commands (cycling through `queries`), `concurrency` at a time, and times each; no new
 * request is started once `budgetMs` has gone (the figures then say how many were sent).
 */
export async function measureSlack(
  startSlack: StartSlack,
  bot: BotCore,
  queries: readonly BenchQuery[],
  options: { requests: number; concurrency: number; budgetMs: number },
): Promise<SlackFigures | Failed> {
  const client = new Worker(new URL("./slack-client.js", import.meta.url));
  const messages: FromClient[] = [];
  let wake: (() => void) | null = null;
  client.on("message", (m: FromClient) => {
    messages.push(m);
    wake?.();
  });
  client.on("error", (error) => {
    messages.push({ error: String(error) });
    wake?.();
  });
  const nextMessage = async (): Promise<FromClient> => {
    while (messages.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return messages.shift()!;
  };
  let app: { stop(): Promise<void> } | null = null;
  const adapterLog = quietLog();
  try {
    const hello = await nextMessage();
    if (!("fakePort" in hello)) throw new Error("error" in hello ? hello.error : "the Slack client did not start");
    const port = await freePort();
    app = await startSlack({ bot, botToken: "xoxb-bench", signingSecret: SECRET, apiUrl: `http://127.0.0.1:${hello.fakePort}/api/`, port, log: adapterLog.log });
    const plan: SlackLoadPlan = { port, inputs: queries.map(queryInput), requests: options.requests, concurrency: options.concurrency, secret: SECRET, budgetMs: options.budgetMs };
    client.postMessage(plan);
    const result = await nextMessage();
    if ("figures" in result) return { ...result.figures, logged: adapterLog.count(), loggedSample: adapterLog.first() };
    throw new Error("error" in result ? result.error : "unexpected message from the Slack client");
  } catch (error) {
    return failure(error);
  } finally {
    if (app) await app.stop().catch(() => undefined);
    await client.terminate();
  }
}
