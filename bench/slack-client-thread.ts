/**
 * The worker thread that plays Slack for the load and replica benches (slack-client.ts), seen from the bench: its
 * fake's port once it has started, the figures of each plan it is sent, and its end.
 */
import { Worker } from "node:worker_threads";
import type { SlackFigures } from "./results.js";
import type { LoadExtras, SlackLoadPlan } from "./slack-client.js";

type FromClient = { fakePort: number } | { figures: SlackFigures & LoadExtras } | { error: string };

export interface SlackClientThread {
  /** The port of the fake Slack API the client serves (response URLs and chat.postMessage go there). */
  fakePort(): Promise<number>;
  /** Runs a plan of slash commands and returns what was measured. */
  figures(plan: SlackLoadPlan & { keepOpen: true }): Promise<SlackFigures & LoadExtras>;
  close(): Promise<void>;
}

export function startSlackClientThread(): SlackClientThread {
  const client = new Worker(new URL("./slack-client.js", import.meta.url));
  const messages: FromClient[] = [];
  let wake: (() => void) | null = null;
  client.on("message", (m: FromClient) => (messages.push(m), wake?.()));
  client.on("error", (error) => (messages.push({ error: String(error) }), wake?.()));
  const nextMessage = async (): Promise<FromClient> => {
    while (messages.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return messages.shift()!;
  };
  return {
    async fakePort() {
      const hello = await nextMessage();
      if (!("fakePort" in hello)) throw new Error("error" in hello ? hello.error : "the Slack client did not start");
      return hello.fakePort;
    },
    async figures(plan) {
      client.postMessage(plan);
      const reply = await nextMessage();
      if ("figures" in reply) return reply.figures;
      throw new Error("error" in reply ? reply.error : "unexpected message from the Slack client");
    },
    async close() {
      client.postMessage({ done: true });
      await client.terminate();
    },
  };
}
