/** The real Bolt app in Socket Mode against the fake Slack: apps.connections.open, hello, envelopes and their acks. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAction } from "../../src/core/actions.js";
import { memoryLogger } from "../../src/core/log.js";
import { startSlack, type SlackHandle } from "../../src/adapters/slack/app.js";
import { blockActionsPayload, FakeSlack, slashCommandPayload, type Recorded } from "./fake-slack.js";
import { testBot, testServices } from "./test-bot.js";

type Block = { type: string; text?: { text: string }; elements?: Array<{ action_id?: string; value?: string; text?: unknown }> };

function blocksOf(r: Recorded): Block[] {
  return r.body.blocks as Block[];
}

describe("Slack in Socket Mode", () => {
  let fake: FakeSlack;
  let slack: SlackHandle;
  const services = testServices();
  const log = memoryLogger("debug");

  beforeAll(async () => {
    fake = await FakeSlack.start();
    slack = await startSlack({
      bot: testBot(log, services),
      botToken: "xoxb-test-token",
      appToken: "xapp-test-token",
      apiUrl: fake.apiUrl,
      log,
    });
  });

  afterAll(async () => {
    services.openGate();
    await slack?.stop();
    await fake?.stop();
  });

  it("opens the connection through SLACK_API_URL with the app token and listens on no port", () => {
    const [open] = fake.callsTo("apps.connections.open");
    expect(open?.headers.authorization).toBe("Bearer xapp-test-token");
    expect(fake.callsTo("auth.test")[0]?.headers.authorization).toBe("Bearer xoxb-test-token");
    expect(fake.socketOpen).toBe(true);
    expect(slack.port).toBeNull();
  });

  it("acknowledges a slash command envelope, then answers through the response_url", async () => {
    const payload = slashCommandPayload({ command: "/quote", text: "Spoljaric neutrality", responseUrl: fake.responseUrl("s1") });
    const ack = await fake.sendEnvelope("slash_commands", payload);
    expect(ack.envelope_id).toEqual(expect.any(String));
    const answer = await fake.waitForResponse("s1");
    expect(answer.body.response_type).toBe("ephemeral");
    expect(blocksOf(answer)[0]?.text?.text.startsWith(">Officials said &lt;!channel&gt;")).toBe(true);
    expect(services.runs.at(-1)).toMatchObject({ command: "quote", query: "Spoljaric neutrality", user: "U0ASKER" });
  });

  it("acknowledges a slow command before it finishes", async () => {
    const payload = slashCommandPayload({ command: "/slow", text: "", responseUrl: fake.responseUrl("s2") });
    await fake.sendEnvelope("slash_commands", payload);
    expect(services.slowFinished).toBe(false);
    services.openGate();
    await fake.waitForResponse("s2");
    expect(services.slowFinished).toBe(true);
  });

  it("handles button clicks delivered as interactive envelopes", async () => {
    await fake.sendEnvelope("slash_commands", slashCommandPayload({ command: "/sources", text: "neutrality", responseUrl: fake.responseUrl("s3") }));
    const first = await fake.waitForResponse("s3");
    const more = blocksOf(first)
      .find((b) => b.type === "actions")
      ?.elements?.find((e) => e.action_id === "dateline_more")?.value;
    expect(decodeAction(more!)).toEqual({ c: "sources", t: "neutrality", p: 1 });
    const ack = await fake.sendEnvelope(
      "interactive",
      blockActionsPayload({ actionId: "dateline_more", value: more!, responseUrl: fake.responseUrl("s4") }),
    );
    expect(ack.envelope_id).toEqual(expect.any(String));
    const next = await fake.waitForResponse("s4");
    expect(JSON.stringify(next.body.blocks)).toContain("Page 2");
  });

  it("closes the socket on stop", async () => {
    await slack.stop();
    expect(fake.socketOpen).toBe(false);
  });
});

describe("Slack start-up failures", () => {
  it("refuses to start with a revoked token, logging it with platform slack", async () => {
    const fake = await FakeSlack.start();
    fake.onApi("auth.test", () => ({ body: { ok: false, error: "invalid_auth" } }));
    const log = memoryLogger("debug");
    try {
      await expect(
        startSlack({
          bot: testBot(log, testServices()),
          botToken: "xoxb-revoked",
          signingSecret: "secret",
          apiUrl: fake.apiUrl,
          port: 0,
          host: "127.0.0.1",
          log,
        }),
      ).rejects.toThrow(/invalid_auth/);
      expect(log.lines.some((l) => l.platform === "slack" && l.code === "invalid_auth" && l.level === "error")).toBe(true);
    } finally {
      await fake.stop();
    }
  });

  it("starts anyway when Slack cannot be reached to check the token", async () => {
    const fake = await FakeSlack.start();
    fake.onApi("auth.test", () => ({ status: 500, body: { ok: false } }));
    const log = memoryLogger("debug");
    const slack = await startSlack({
      bot: testBot(log, testServices()),
      botToken: "xoxb-x",
      signingSecret: "secret",
      apiUrl: fake.apiUrl,
      port: 0,
      host: "127.0.0.1",
      log,
    });
    try {
      expect(slack.port).toBeGreaterThan(0);
      expect(log.lines.some((l) => l.level === "warn" && l.platform === "slack" && l.code === "http_500")).toBe(true);
    } finally {
      await slack.stop();
      await fake.stop();
    }
  });

  it("needs a signing secret over HTTP", async () => {
    const log = memoryLogger("debug");
    await expect(startSlack({ bot: testBot(log, testServices()), botToken: "xoxb-x", log })).rejects.toThrow(/SLACK_SIGNING_SECRET/);
  });
});
