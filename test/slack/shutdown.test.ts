/**
 * Stopping the Slack HTTP adapter keeps its promise, through the real Bolt app against the fake Slack: the listener
 * closes at once (a new connection is refused), while every request already received, even one whose body is still
 * arriving, is acknowledged and answered before stop() settles.
 */
import { connect } from "node:net";
import { expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { FakeSlack, heldSignedPost, signedPost, slashCommandBody } from "./fake-slack.js";
import { startHttpSlack, testServices } from "./test-bot.js";

const SECRET = "shutdown-secret-0123456789abcdef";

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

it("closes the listener, then acknowledges and answers every request received before stop() settles", async () => {
  const fake = await FakeSlack.start();
  const services = testServices();
  const log = memoryLogger("debug");
  const slack = await startHttpSlack(fake, SECRET, services, log);
  const events = `http://127.0.0.1:${slack.port}/slack/events`;
  const body = (id: string) => slashCommandBody({ command: "/slow", text: id, responseUrl: fake.responseUrl(id) });
  try {
    // Five slow commands acknowledged and waiting for the gate; three more received, their bodies held back.
    const acked = await Promise.all(["a1", "a2", "a3", "a4", "a5"].map((id) => signedPost(events, body(id), SECRET)));
    expect(acked.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const held = ["h1", "h2", "h3"].map((id) => heldSignedPost(events, body(id), SECRET));
    await Promise.all(held.map((h) => h.received));

    let answeredWhenStopped = -1;
    const stopped = slack.stop().then(() => (answeredWhenStopped = fake.responses.length));
    expect(await refusesConnections(slack.port!)).toBe(true);

    // The held requests arrive in full after stop() was called: still acknowledged.
    expect(await Promise.all(held.map((h) => h.finish()))).toEqual([200, 200, 200]);
    expect(answeredWhenStopped).toBe(-1);
    services.openGate();
    await stopped;
    const answered = fake.responses.map((r) => r.id).sort();
    expect(answered).toEqual(["a1", "a2", "a3", "a4", "a5", "h1", "h2", "h3"]);
    expect(answeredWhenStopped).toBe(8);
    expect(fake.responses.every((r) => (r.body.blocks as Array<{ text?: { text: string } }>)[0]?.text?.text === "Finally done.")).toBe(true);
  } finally {
    services.openGate();
    await slack.stop();
    await fake.stop();
  }
});
