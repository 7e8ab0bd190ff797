/**
 * The Slack HTTP endpoint refuses early, through the real Bolt app against the fake Slack: oversized bodies with 413
 * and unsigned or out-of-window requests with 401 before their body is sent at all (the answer comes while the client
 * still holds the body back), and a retried or replayed request is answered once.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import type { SlackHandle } from "../../src/adapters/slack/app.js";
import { FakeSlack, sign, signedPost, slashCommandBody } from "./fake-slack.js";
import { startHttpSlack, testServices } from "./test-bot.js";

const SECRET = "guard-secret-0123456789abcdef";

let fake: FakeSlack;
let slack: SlackHandle;
let services: ReturnType<typeof testServices>;
let events: string;
let sequence = 0;

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

/**
 * Sends the headers of a POST and the first `sent` bytes of a body of `declared` bytes (or a chunked one), then
 * waits for the answer without sending the rest. Resolves with the status and how many body bytes had been sent.
 */
function postHeld(headers: Record<string, string>, options: { declared?: number; sent?: Buffer } = {}) {
  return new Promise<{ status: number; bodyBytesSent: number }>((resolve, reject) => {
    const url = new URL(events);
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(options.declared !== undefined ? { "content-length": String(options.declared) } : {}),
        ...headers,
      } },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, bodyBytesSent: options.sent?.length ?? 0 });
        req.destroy();
      },
    );
    req.on("error", reject);
    if (options.sent) req.write(options.sent);
    else req.flushHeaders();
  });
}

const now = () => Math.floor(Date.now() / 1000);

function signed(body: string, timestamp = now()): Record<string, string> {
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(SECRET, timestamp, body) };
}

function slashBody(text: string) {
  const id = `g${++sequence}`;
  return { id, body: slashCommandBody({ command: "/sources", text, responseUrl: fake.responseUrl(id) }) };
}

describe("the Slack HTTP endpoint refuses early", () => {
  it("refuses a declared 200 MB body with 413 before any of it is sent", async () => {
    const answer = await postHeld(signed("x"), { declared: 200 * 1024 * 1024 });
    expect(answer).toEqual({ status: 413, bodyBytesSent: 0 });
  });

  it("refuses an unsigned 200 MB POST with 401 before any of the body is sent", async () => {
    const answer = await postHeld({}, { declared: 200 * 1024 * 1024 });
    expect(answer).toEqual({ status: 401, bodyBytesSent: 0 });
  });

  it("refuses a request with a signature but no timestamp, or with one that is not a number, before the body", async () => {
    expect(await postHeld({ "x-slack-signature": "v0=00" }, { declared: 100 })).toMatchObject({ status: 401 });
    expect(await postHeld({ "x-slack-signature": "v0=00", "x-slack-request-timestamp": "soon" }, { declared: 100 })).toMatchObject({
      status: 401,
    });
  });

  it("refuses timestamps more than five minutes in the past or in the future before the body, even correctly signed", async () => {
    const { id, body } = slashBody("from another time");
    for (const timestamp of [now() - 6 * 60, now() + 6 * 60]) {
      expect(await postHeld(signed(body, timestamp), { declared: Buffer.byteLength(body) })).toEqual({ status: 401, bodyBytesSent: 0 });
      expect((await signedPost(events, body, SECRET, { timestamp })).status).toBe(401);
    }
    // Within the window, the same body is taken.
    expect((await signedPost(events, body, SECRET, { timestamp: now() + 60 })).status).toBe(200);
    await fake.waitForResponse(id);
    expect(services.runs.filter((r) => r.query === "from another time")).toHaveLength(1);
  });

  it("stops reading a chunked body past 1 MB and answers 413; the command is not run", async () => {
    const runs = services.runs.length;
    const chunk = Buffer.alloc(256 * 1024, "a");
    const answer = await new Promise<number | string>((resolve) => {
      const url = new URL(events);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...signed("x"), "transfer-encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      // The server closing the connection on a body it refuses to read further may reach us first.
      req.on("error", (error: NodeJS.ErrnoException) => setTimeout(() => resolve(error.code ?? "error"), 200));
      // 1.5 MB, and the body never ends: the endpoint must answer without waiting for it.
      for (let i = 0; i < 6; i++) req.write(chunk);
    });
    expect([413, "ECONNRESET", "EPIPE"]).toContain(answer);
    expect(services.runs.length).toBe(runs);
  });

  it("takes a body of just under 1 MB", async () => {
    const { id, body } = slashBody("big but allowed " + "x".repeat(1000));
    const padded = `${body}&pad=${"p".repeat(1024 * 1024 - body.length - 5)}`;
    expect(Buffer.byteLength(padded)).toBeLessThanOrEqual(1024 * 1024);
    expect((await signedPost(events, padded, SECRET)).status).toBe(200);
    expect((await fake.waitForResponse(id)).body.response_type).toBe("ephemeral");
  });
});

/** Ran once and answered once: checked after a later command's answer, by when copies would have been too. */
async function expectAnsweredOnce(query: string, id: string): Promise<void> {
  const later = slashBody(`after ${query}`);
  await signedPost(events, later.body, SECRET);
  await fake.waitForResponse(later.id);
  expect(services.runs.filter((r) => r.query === query)).toHaveLength(1);
  expect(fake.responses.filter((r) => r.id === id)).toHaveLength(1);
}

describe("each request Slack sends is answered once", () => {
  it("a signed request replayed as is: acknowledged, not run again", async () => {
    const { id, body } = slashBody("replayed");
    const timestamp = now();
    expect((await signedPost(events, body, SECRET, { timestamp })).status).toBe(200);
    await fake.waitForResponse(id);
    expect((await signedPost(events, body, SECRET, { timestamp })).status).toBe(200);
    expect((await signedPost(events, body, SECRET, { timestamp })).status).toBe(200);
    await expectAnsweredOnce("replayed", id);
  });

  it("Slack's retries (X-Slack-Retry-Num, signed anew) of a request already received are acknowledged, not run again", async () => {
    const { id, body } = slashBody("retried");
    expect((await signedPost(events, body, SECRET)).status).toBe(200);
    for (const retry of ["1", "2"]) {
      const again = await signedPost(events, body, SECRET, {
        timestamp: now() + Number(retry),
        headers: { "x-slack-retry-num": retry, "x-slack-retry-reason": "http_timeout" },
      });
      expect(again.status).toBe(200);
    }
    await fake.waitForResponse(id);
    await expectAnsweredOnce("retried", id);
  });

  it("a retry of a request that never arrived is run", async () => {
    const { id, body } = slashBody("first seen as a retry");
    const http = await signedPost(events, body, SECRET, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_error" } });
    expect(http.status).toBe(200);
    await fake.waitForResponse(id);
    expect(services.runs.filter((r) => r.query === "first seen as a retry")).toHaveLength(1);
  });

  it("a forged copy of a request does not count as having seen it", async () => {
    const { id, body } = slashBody("forged first");
    expect((await signedPost(events, body, "not-the-secret")).status).toBe(401);
    expect((await signedPost(events, body, SECRET)).status).toBe(200);
    await fake.waitForResponse(id);
    expect(services.runs.filter((r) => r.query === "forged first")).toHaveLength(1);
  });
});

describe("Slack's SSL check (ssl_check=1 with a token, to the slash commands' URL)", () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const unsigned = (body: string) =>
    fetch(events, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });

  it("is answered 200 with an empty body, unsigned as Slack may send it, while another command is still being answered", async () => {
    const held = slashBody("held while the check comes");
    // A command held in its answer (the slow command waits for the gate, which the suite opens only at the end).
    const slow = slashCommandBody({ command: "/slow", text: "", responseUrl: fake.responseUrl(`slow-${held.id}`) });
    expect((await signedPost(events, slow, SECRET)).status).toBe(200);
    const check = await unsigned(form({ ssl_check: "1", token: "verification-token" }));
    expect(check.status).toBe(200);
    expect(await check.text()).toBe("");
    expect(services.slowFinished).toBe(false);
  });

  it("is answered 200 when signed too, and repeated checks are all answered", async () => {
    const body = form({ ssl_check: "1", token: "verification-token" });
    expect((await signedPost(events, body, SECRET)).status).toBe(200);
    expect((await signedPost(events, body, SECRET)).status).toBe(200);
    expect((await unsigned(body)).status).toBe(200);
    expect((await unsigned(body)).status).toBe(200);
  });

  it("runs nothing smuggled into an unsigned check, and refuses unsigned bodies that are no check", async () => {
    const smuggled = form({ ssl_check: "1", token: "t", command: "/sources", text: "smuggled", response_url: fake.responseUrl("smuggled") });
    expect((await unsigned(smuggled)).status).toBe(200);
    expect((await unsigned(form({ ssl_check: "0", token: "t" }))).status).toBe(401);
    expect((await unsigned(form({ ssl_check: "1", token: "t", pad: "p".repeat(2000) }))).status).toBe(401);
    // A later signed command's answer is in: a smuggled one would have been run before it.
    const later = slashBody("after the checks");
    expect((await signedPost(events, later.body, SECRET)).status).toBe(200);
    await fake.waitForResponse(later.id);
    expect(services.runs.filter((r) => r.query === "smuggled")).toHaveLength(0);
    expect(fake.responses.filter((r) => r.id === "smuggled")).toHaveLength(0);
  });
});
