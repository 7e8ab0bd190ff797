/**
 * The Slack HTTP endpoint's front door (a worker thread), through the real Bolt app against the fake Slack:
 * - a slash command and a button click are acknowledged while the main thread is blocked (it waits on a shared
 *   flag that only the client, in a thread of its own, sets once it has the HTTP 200), and answered after;
 * - what the app acknowledges itself (events, view submissions) gets the app's acknowledgement, its body included,
 *   or 404 when no listener acknowledges it; Slack's URL verification, malformed bodies and other paths.
 */
import { Worker } from "node:worker_threads";
import { App, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import type { SlackHandle } from "../../src/adapters/slack/app.js";
import { FrontDoorReceiver } from "../../src/adapters/slack/front-door.js";
import { boltLogger } from "../../src/adapters/slack/logger.js";
import { blockActionsBody, FakeSlack, sign, signedPost, slashCommandBody } from "./fake-slack.js";
import { startHttpSlack, testServices } from "./test-bot.js";
import { encodeAction } from "../../src/core/actions.js";

const SECRET = "front-door-secret-0123456789abcdef";
/** A deadlock fails the test after this long instead of hanging it. */
const BLOCK_AT_MOST_MS = 30_000;

/**
 * A client in a thread of its own: once told to go, it posts the signed body, then stores the HTTP status in the
 * shared flag (or -1 on a network error) and wakes the main thread.
 */
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const flag = new Int32Array(workerData.flag);
const done = (status) => { Atomics.store(flag, 0, status); Atomics.notify(flag, 0); };
parentPort.once("message", () => {
  const url = new URL(workerData.url);
  const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: workerData.headers }, (res) => {
    res.resume();
    done(res.statusCode);
  });
  req.on("error", () => done(-1));
  req.end(workerData.body);
});
parentPort.postMessage("ready");
`;

/**
 * Sends `body` from another thread while this one is blocked, and returns how the wait ended and the status the
 * client got, with what `during` saw right after the wait (before this thread ran anything else).
 */
async function postWhileBlocked<T>(url: string, body: string, during: () => T): Promise<{ wait: string; status: number; seen: T }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const flag = new SharedArrayBuffer(4);
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "content-length": String(Buffer.byteLength(body)),
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": sign(SECRET, timestamp, body),
  };
  const client = new Worker(CLIENT, { eval: true, workerData: { url, body, headers, flag } });
  try {
    await new Promise<void>((resolve, reject) => {
      client.once("message", () => resolve());
      client.once("error", reject);
    });
    client.postMessage("go");
    // Blocked: no timer, no I/O, no message of the front door is handled on this thread until the client wakes it.
    const wait = Atomics.wait(new Int32Array(flag), 0, 0, BLOCK_AT_MOST_MS);
    const seen = during();
    return { wait, status: Atomics.load(new Int32Array(flag), 0), seen };
  } finally {
    await client.terminate();
  }
}

describe("acknowledgements do not wait for the main thread", () => {
  let fake: FakeSlack;
  let slack: SlackHandle;
  let services: ReturnType<typeof testServices>;
  let events: string;

  beforeAll(async () => {
    fake = await FakeSlack.start();
    services = testServices();
    slack = await startHttpSlack(fake, SECRET, services, memoryLogger("debug"));
    events = `http://127.0.0.1:${slack.port}/slack/events`;
  });

  afterAll(async () => {
    services.openGate();
    await slack?.stop();
    await fake?.stop();
  });

  it("acknowledges a slash command on a new connection while the main thread is blocked; the answer follows", async () => {
    const body = slashCommandBody({ command: "/sources", text: "blocked main", responseUrl: fake.responseUrl("blocked") });
    const { wait, status, seen } = await postWhileBlocked(events, body, () => services.runs.map((r) => r.query));
    expect(wait).toBe("ok");
    expect(status).toBe(200);
    // Acknowledged before the command ran: the command runs on this thread, which was blocked.
    expect(seen).not.toContain("blocked main");
    const answer = await fake.waitForResponse("blocked");
    expect(answer.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.body.blocks)).toContain("Sources for blocked main");
    expect(services.runs.filter((r) => r.query === "blocked main")).toHaveLength(1);
  });

  it("acknowledges a 'Share in channel' click while the main thread is blocked; the chat.postMessage follows", async () => {
    const value = encodeAction({ c: "announce", t: "shared while blocked", p: 0 });
    const body = blockActionsBody({ actionId: "dateline_share", value, responseUrl: fake.responseUrl("share-blocked"), channel: "C0BLOCKED" });
    const { wait, status, seen } = await postWhileBlocked(events, body, () => fake.callsTo("chat.postMessage").length);
    expect(wait).toBe("ok");
    expect(status).toBe(200);
    expect(seen).toBe(0);
    const post = await fake.waitForCall("chat.postMessage", (r) => r.body.channel === "C0BLOCKED");
    expect(JSON.stringify(post.body.blocks)).toContain("shared while blocked");
  });
});

describe("what the app acknowledges itself", () => {
  let fake: FakeSlack;
  let door: FrontDoorReceiver;
  let events: string;
  const log = memoryLogger("debug");

  beforeAll(async () => {
    fake = await FakeSlack.start();
    door = new FrontDoorReceiver({ signingSecret: SECRET, endpoints: ["/slack/events"], port: 0, host: "127.0.0.1", log });
    const app = new App({
      receiver: door,
      logger: boltLogger(log, "bolt"),
      logLevel: LogLevel.INFO,
      clientOptions: { slackApiUrl: fake.apiUrl },
      authorize: async () => ({ botToken: "xoxb-test", botId: "B0BOT", botUserId: "U0BOT" }),
    });
    app.command("/sources", async ({ ack }) => {
      await ack();
    });
    app.view("edition_form", async ({ ack }) => {
      await ack({ response_action: "errors", errors: { headline: "A headline is needed." } });
    });
    events = `http://127.0.0.1:${await door.start()}/slack/events`;
  });

  afterAll(async () => {
    await door?.stopTaking();
    await door?.stop();
    await fake?.stop();
  });

  const json = (body: unknown, secret = SECRET) => {
    const text = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(events, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(secret, timestamp, text) },
      body: text,
    });
  };
  const viewSubmission = (callbackId: string) =>
    new URLSearchParams({
      payload: JSON.stringify({
        type: "view_submission",
        team: { id: "T0FAKE" },
        user: { id: "U0ASKER" },
        api_app_id: "A0FAKE",
        trigger_id: `t-${callbackId}`,
        view: { id: "V1", type: "modal", callback_id: callbackId, state: { values: {} }, hash: "h" },
      }),
    }).toString();

  it("sends back the app's acknowledgement with its body (a form's errors)", async () => {
    const res = await signedPost(events, viewSubmission("edition_form"), SECRET);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ response_action: "errors", errors: { headline: "A headline is needed." } });
  });

  it("answers an event with Bolt's acknowledgement, though no listener takes it", async () => {
    const res = await json({ type: "event_callback", team_id: "T0FAKE", api_app_id: "A0FAKE", event: { type: "app_mention", user: "U1", text: "hi", ts: "1.2", channel: "C1" }, event_id: "Ev1", event_time: 1 });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("answers 404 when no listener acknowledges, as Bolt's own receiver does", async () => {
    const res = await signedPost(events, viewSubmission("nobody_listens"), SECRET);
    expect(res.status).toBe(404);
    expect(log.lines.some((l) => l.msg === "A Slack request was not acknowledged in time: answered 404" && l.component === "front-door")).toBe(true);
  });

  it("answers Slack's URL verification with its challenge, and refuses a forged one", async () => {
    const res = await json({ type: "url_verification", token: "t", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    expect((await json({ type: "url_verification", challenge: "c" }, "not-the-secret")).status).toBe(401);
  });

  it("answers a signed body it cannot read with 400, and what is not a POST to the endpoint with 404", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const broken = "{not json";
    const res = await fetch(events, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(SECRET, timestamp, broken) },
      body: broken,
    });
    expect(res.status).toBe(400);
    expect((await fetch(events)).status).toBe(404);
    expect((await signedPost(events.replace("/slack/events", "/elsewhere"), "a=1", SECRET)).status).toBe(404);
  });

  it("starts its thread again on the same port when it dies, and goes on acknowledging", async () => {
    // The thread dying as a crash would end it (the test reaches the private worker to end it).
    await (door as unknown as { worker: Worker }).worker.terminate();
    const command = () => slashCommandBody({ command: "/sources", text: "after the crash", responseUrl: fake.responseUrl("after-crash") });
    await expect
      .poll(async () => (await signedPost(events, command(), SECRET).catch(() => null))?.status ?? "refused", { timeout: 20_000, interval: 100 })
      .toBe(200);
    expect(log.lines.some((l) => l.msg === "the Slack front door's thread failed; starting it again")).toBe(true);
  });

  it("relays the door's log lines to the main logger", async () => {
    expect((await signedPost(events, "command=%2Fx", null)).status).toBe(401);
    await expect.poll(() => log.lines.some((l) => l.msg === "Slack request refused" && l.why === "not signed" && l.status === 401)).toBe(true);
  });
});
