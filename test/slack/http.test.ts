/** The real Bolt app over HTTP against the fake Slack: signed requests in, response_url posts and Web API calls out. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decodeAction } from "../../src/core/actions.js";
import { memoryLogger, type LogFields } from "../../src/core/log.js";
import type { SlackHandle } from "../../src/adapters/slack/app.js";
import {
  blockActionsBody,
  FakeSlack,
  signedPost,
  slashCommandBody,
  type Recorded,
} from "./fake-slack.js";
import { startHttpSlack, testServices } from "./test-bot.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

let fake: FakeSlack;
let slack: SlackHandle;
let log: ReturnType<typeof memoryLogger>;
let services: ReturnType<typeof testServices>;
let events: string;
let sequence = 0;

beforeAll(async () => {
  fake = await FakeSlack.start();
  log = memoryLogger("debug");
  services = testServices();
  slack = await startHttpSlack(fake, SECRET, services, log);
  events = `http://127.0.0.1:${slack.port}/slack/events`;
});

afterAll(async () => {
  services.openGate();
  await slack?.stop();
  await fake?.stop();
});

beforeEach(() => {
  fake.onApi("chat.postMessage", null);
});

/** Sends a signed slash command and returns the HTTP answer and the response_url post it leads to. */
async function command(name: string, text: string, extra: { user?: string; channel?: string } = {}) {
  const id = `r${++sequence}`;
  const body = slashCommandBody({ command: `/${name}`, text, responseUrl: fake.responseUrl(id), ...extra });
  const http = await signedPost(events, body, SECRET);
  return { id, http, response: () => fake.waitForResponse(id) };
}

async function click(actionId: string, value: string, extra: { user?: string; channel?: string } = {}) {
  const id = `c${++sequence}`;
  const http = await signedPost(events, blockActionsBody({ actionId, value, responseUrl: fake.responseUrl(id), ...extra }), SECRET);
  return { id, http, response: () => fake.waitForResponse(id) };
}

type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: unknown; action_id?: string; value?: string }> };

function blocksOf(r: Recorded): Block[] {
  return r.body.blocks as Block[];
}

function buttons(r: Recorded): Map<string, string> {
  const actions = blocksOf(r).find((b) => b.type === "actions");
  return new Map((actions?.elements ?? []).map((e) => [e.action_id!, e.value!]));
}

/** Everything Slack shows or parses as markup (button values are neither). */
function shown(r: Recorded): string {
  return JSON.stringify(r.body, (key, value: unknown) => (key === "value" ? undefined : value));
}

function linesWith(fields: LogFields): LogFields[] {
  return log.lines.filter((line) => Object.entries(fields).every(([k, v]) => line[k] === v));
}

describe("Slack over HTTP", () => {
  it("checks its token with auth.test against SLACK_API_URL at start", () => {
    const [call] = fake.callsTo("auth.test");
    expect(call?.headers.authorization).toBe("Bearer xoxb-test-token");
    expect(slack.port).toBeGreaterThan(0);
  });

  it("acks a signed slash command with an empty 200, then answers ephemerally with Block Kit", async () => {
    const { http, response } = await command("sources", "neutrality");
    expect(http.status).toBe(200);
    expect(await http.text()).toBe("");
    const answer = await response();
    expect(answer.body.response_type).toBe("ephemeral");
    expect(answer.body.replace_original).toBe(false);
    const blocks = blocksOf(answer);
    expect(blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Sources for neutrality" } });
    expect(blocks[1]?.type).toBe("section");
    expect(blocks[1]?.text?.text).toContain("&lt;!channel&gt; &amp; &lt;@U123&gt;");
    expect(blocks[1]?.text?.text).toContain("*told*");
    expect(shown(answer)).not.toMatch(/<[!@#]/);
    expect(typeof answer.body.text).toBe("string");
    // The origin reached the command.
    expect(services.runs.at(-1)).toMatchObject({ command: "sources", query: "neutrality", user: "U0ASKER", channel: "C0DESK", page: 0 });
    // Private answers with citations can be shared; a first page with more behind it can be paged.
    expect(decodeAction(buttons(answer).get("dateline_share")!)).toEqual({ c: "sources", t: "neutrality", p: 0 });
    expect(decodeAction(buttons(answer).get("dateline_more")!)).toEqual({ c: "sources", t: "neutrality", p: 1 });
  });

  it("answers a public command in the channel", async () => {
    const { response } = await command("announce", "deadline moved");
    const answer = await response();
    expect(answer.body.response_type).toBe("in_channel");
    expect(blocksOf(answer)[0]?.text?.text).toBe("*Announced:* deadline moved");
  });

  it("renders quotations with their citation and an uncertainty warning", async () => {
    const answer = await (await command("quote", "Spoljaric neutrality")).response();
    const [section, context] = blocksOf(answer);
    expect(section?.text?.text.startsWith(">Officials said &lt;!channel&gt;")).toBe(true);
    expect(context?.elements?.[0]?.text).toBe(
      "*Juraj Spoljaric* (said) · ORF · <https://orf.example/002|“Austria &amp; &lt;neutrality&gt;”> · 2023-01-20 · ¶3 · :warning: uncertain attribution",
    );
  });

  it("refuses unsigned, forged and stale requests with 401 and runs nothing", async () => {
    const runs = services.runs.length;
    const body = slashCommandBody({ command: "/sources", text: "unsigned", responseUrl: fake.responseUrl("never") });
    expect((await signedPost(events, body, null)).status).toBe(401);
    expect((await signedPost(events, body, "not-the-secret")).status).toBe(401);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await signedPost(events, body, SECRET, { timestamp: tenMinutesAgo })).status).toBe(401);
    // A correctly signed request still goes through afterwards, and only it ran.
    await (await command("sources", "after")).response();
    expect(services.runs.slice(runs).map((r) => r.query)).toEqual(["after"]);
    expect(fake.responses.some((r) => r.id === "never")).toBe(false);
  });

  describe("bad input", () => {
    it("answers empty text privately with the usage", async () => {
      const answer = await (await command("sources", "")).response();
      expect(answer.body.response_type).toBe("ephemeral");
      expect(blocksOf(answer)[0]?.text?.text).toBe("Tell me what to look for.\nUsage: `/sources &lt;topic&gt; [outlet:NAME]`");
    });

    it("answers 4,000 characters privately without running the command", async () => {
      const runs = services.runs.length;
      const answer = await (await command("sources", "a".repeat(4000))).response();
      expect(answer.body.response_type).toBe("ephemeral");
      expect(blocksOf(answer)[0]?.text?.text).toContain("4,000 characters");
      expect(services.runs.length).toBe(runs);
    });

    it("takes <!channel> and <@U123> in a query literally and pings no one", async () => {
      const answer = await (await command("sources", "<!channel> <@U123> &")).response();
      expect(services.runs.at(-1)?.query).toBe("<!channel> <@U123> &");
      expect(blocksOf(answer)[0]).toEqual({
        type: "section",
        text: { type: "mrkdwn", text: "*Sources for &lt;!channel&gt; &lt;@U123&gt; &amp;*", verbatim: true },
      });
      expect(shown(answer)).not.toMatch(/<[!@#]/);
      // The button still carries the query as typed, to re-run it.
      expect(decodeAction(buttons(answer).get("dateline_more")!)?.t).toBe("<!channel> <@U123> &");
    });

    it("unescapes the text Slack sends escaped", async () => {
      await (await command("sources", "AT&amp;T &lt;merger&gt;")).response();
      expect(services.runs.at(-1)?.query).toBe("AT&T <merger>");
    });

    it("answers a crash with a reference, privately", async () => {
      const answer = await (await command("crash", "")).response();
      expect(blocksOf(answer)[0]?.text?.text).toMatch(/^Something went wrong \(ref [0-9a-f]{8}\)/);
    });
  });

  it("answers slash commands that are not in the command list", async () => {
    const hidden = await (await command("secret", "x")).response();
    expect(blocksOf(hidden)[0]?.text?.text).toBe("psst");
    const unknown = await (await command("nonexistent", "x")).response();
    expect(unknown.body.response_type).toBe("ephemeral");
    expect(blocksOf(unknown)[0]?.text?.text).toMatch(/^There is no command \/nonexistent\./);
    // Registered commands are answered once, not also by the catch-all.
    const { id } = await command("announce", "once");
    await fake.waitForResponse(id);
    await (await command("announce", "twice")).response();
    expect(fake.responses.filter((r) => r.id === id)).toHaveLength(1);
  });

  it("acks a slow command before it finishes, then answers", async () => {
    const { http, response } = await command("slow", "");
    expect(http.status).toBe(200);
    expect(services.slowFinished).toBe(false);
    services.openGate();
    const answer = await response();
    expect(services.slowFinished).toBe(true);
    expect(blocksOf(answer)[0]?.text?.text).toBe("Finally done.");
  });

  describe("buttons", () => {
    it("'More results' answers the next page ephemerally from the value alone", async () => {
      const first = await (await command("sources", "neutrality")).response();
      const { http, response } = await click("dateline_more", buttons(first).get("dateline_more")!);
      expect(http.status).toBe(200);
      const next = await response();
      expect(next.body.response_type).toBe("ephemeral");
      expect(next.body.replace_original).toBe(false);
      expect(JSON.stringify(blocksOf(next))).toContain("Page 2");
      expect(services.runs.at(-1)).toMatchObject({ command: "sources", query: "neutrality", page: 1, user: "U0CLICKER" });
      expect(decodeAction(buttons(next).get("dateline_more")!)).toEqual({ c: "sources", t: "neutrality", p: 2 });
    });

    it("'Share in channel' posts the same answer publicly with chat.postMessage, noting who shared it", async () => {
      const first = await (await command("quote", "Spoljaric neutrality")).response();
      const before = fake.callsTo("chat.postMessage").length;
      const { http } = await click("dateline_share", buttons(first).get("dateline_share")!, { user: "U0SHARER", channel: "C0NEWS" });
      expect(http.status).toBe(200);
      const post = await fake.waitForCall("chat.postMessage", (r) => r.body.channel === "C0NEWS");
      expect(fake.callsTo("chat.postMessage").length).toBe(before + 1);
      expect(post.headers.authorization).toBe("Bearer xoxb-test-token");
      const blocks = blocksOf(post);
      expect(blocks[0]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "Shared by <@U0SHARER>", verbatim: true }] });
      // The same quotation as the private answer, and no share button on the public copy.
      expect(blocks[1]).toEqual(blocksOf(first)[0]);
      expect(blocks.some((b) => b.type === "actions")).toBe(false);
      // The only mention in the message is the sharer's.
      expect(JSON.stringify(blocks).match(/<[!@#][^>]*>/g)).toEqual(["<@U0SHARER>"]);
    });

    it("shares through the response_url where the bot is not in the channel", async () => {
      fake.onApi("chat.postMessage", () => ({ body: { ok: false, error: "not_in_channel" } }));
      const first = await (await command("sources", "neutrality")).response();
      const shared = await (await click("dateline_share", buttons(first).get("dateline_share")!, { user: "U0SHARER" })).response();
      expect(shared.body.response_type).toBe("in_channel");
      expect(blocksOf(shared)[0]?.elements?.[0]?.text).toBe("Shared by <@U0SHARER>");
    });

    it("answers an undecodable button privately", async () => {
      const answer = await (await click("dateline_more", "not ours")).response();
      expect(answer.body.response_type).toBe("ephemeral");
      expect(answer.body.text).toBe("That button no longer works. Please run the command again.");
    });
  });

  describe("platform errors", () => {
    it("a rate-limited chat.postMessage is logged with platform slack and told to the user", async () => {
      fake.onApi("chat.postMessage", () => ({ status: 429, headers: { "retry-after": "7" }, body: { ok: false, error: "ratelimited" } }));
      const first = await (await command("sources", "neutrality")).response();
      const told = await (await click("dateline_share", buttons(first).get("dateline_share")!)).response();
      expect(told.body.response_type).toBe("ephemeral");
      expect(told.body.text).toBe("Slack refused the answer: too many messages at once. Try again in 7 s.");
      expect(linesWith({ msg: "Slack refused the answer", platform: "slack", code: "rate_limited", retryAfter: 7 })).toHaveLength(1);
    });

    it("an expired response_url (404) is logged and the user is told with chat.postEphemeral", async () => {
      const id = `r${++sequence}`;
      fake.failResponseUrl(id, 404);
      const body = slashCommandBody({ command: "/sources", text: "late", responseUrl: fake.responseUrl(id), user: "U0LATE", channel: "C0LATE" });
      expect((await signedPost(events, body, SECRET)).status).toBe(200);
      const ephemeral = await fake.waitForCall("chat.postEphemeral", (r) => r.body.user === "U0LATE");
      expect(ephemeral.body.channel).toBe("C0LATE");
      expect(ephemeral.body.text).toBe("Slack refused the answer: the answer came too late for this command; run it again.");
      expect(linesWith({ msg: "Slack refused the answer", platform: "slack", code: "expired_url", status: 404 })).toHaveLength(1);
    });

    it("post() sends the digest with chat.postMessage and rejects (logged) when Slack refuses", async () => {
      await slack.post("C0DIGEST", {
        visibility: "public",
        text: "Daily digest",
        blocks: [{ type: "heading", text: "Daily digest" }, { type: "paragraph", text: "3 stories" }],
      });
      const post = await fake.waitForCall("chat.postMessage", (r) => r.body.channel === "C0DIGEST");
      expect(blocksOf(post).map((b) => b.type)).toEqual(["header", "section"]);
      expect(post.body.text).toBe("Daily digest");

      fake.onApi("chat.postMessage", () => ({ body: { ok: false, error: "not_in_channel" } }));
      await expect(slack.post("C0PRIVATE", { visibility: "public", text: "x", blocks: [] })).rejects.toThrow(/not_in_channel/);
      expect(linesWith({ msg: "Slack refused the post", platform: "slack", code: "not_in_channel", channel: "C0PRIVATE" })).toHaveLength(1);
    });
  });

  it("answers 200 slash commands sent at once", async () => {
    const sent = await Promise.all(Array.from({ length: 200 }, (_, i) => command("sources", `load ${i}`)));
    expect(sent.every((s) => s.http.status === 200)).toBe(true);
    const answers = await Promise.all(sent.map((s) => s.response()));
    expect(answers).toHaveLength(200);
    expect(new Set(answers.map((a) => (blocksOf(a)[0]?.text as { text: string }).text)).size).toBe(200);
  });
});
