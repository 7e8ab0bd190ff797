/** The fake Slack refuses what Slack refuses: the rules it applies, then one refusal seen through the real Bolt app. */
import { describe, expect, it } from "vitest";
import { blockProblems, slackRefusal } from "./slack-payload-rules.js";
import { FakeSlack } from "./fake-slack.js";

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text, verbatim: true } });
const button = (label: string, actionId = "a1") => ({ type: "button", text: { type: "plain_text", text: label }, action_id: actionId, value: "v" });
const message = (blocks: unknown[]) => ({ text: "fallback", blocks });
const plain = (text: string) => ({ type: "plain_text", text });
const confirm = (over: Record<string, unknown>) =>
  JSON.parse(JSON.stringify({ title: plain("Sure?"), text: { type: "mrkdwn", text: "This posts in the channel." }, confirm: plain("Post"), deny: plain("Cancel"), ...over }));

describe("Slack's rules for a message", () => {
  it("accepts a message made of the block types Dateline sends", () => {
    const ok = message([
      { type: "header", text: { type: "plain_text", text: "Sources for Kyiv" } },
      section("x".repeat(3000)),
      { type: "section", fields: Array.from({ length: 10 }, () => ({ type: "mrkdwn", text: "f" })) },
      { type: "context", elements: [{ type: "mrkdwn", text: "ORF, 2023" }] },
      { type: "actions", elements: [button("Share"), button("More", "a2")] },
      { type: "actions", elements: [{ ...button("Open", "a3"), url: "https://news.example/a", accessibility_label: "Open the article", confirm: confirm({ style: "primary" }) }] },
      { type: "divider" },
    ]);
    expect(slackRefusal(ok)).toBeNull();
  });

  it.each([
    ["a section over 3,000 characters", [section("x".repeat(3001))]],
    ["51 blocks", Array.from({ length: 51 }, () => section("x"))],
    ["a header over 150 characters", [{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }]],
    ["a header in mrkdwn", [{ type: "header", text: { type: "mrkdwn", text: "h" } }]],
    ["an empty section text", [section("")]],
    ["a section with neither text nor fields", [{ type: "section" }]],
    ["11 fields", [{ type: "section", fields: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "f" })) }]],
    ["a button label over 75 characters", [{ type: "actions", elements: [button("b".repeat(76))] }]],
    ["two buttons with one action_id", [{ type: "actions", elements: [button("A"), button("B")] }]],
    ["an unknown block type", [{ type: "table", rows: [] }]],
    ["an unknown field on a block", [{ ...section("x"), colour: "red" }]],
    ["an unknown field on a text object", [{ type: "section", text: { type: "mrkdwn", text: "x", bold: true } }]],
    ["verbatim on plain_text", [{ type: "header", text: { type: "plain_text", text: "h", verbatim: true } }]],
    ["11 context elements", [{ type: "context", elements: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "c" })) }]],
    ["a repeated block_id", [{ ...section("a"), block_id: "b1" }, { ...section("b"), block_id: "b1" }]],
    ["a 26th button in an actions block", [{ type: "actions", elements: Array.from({ length: 26 }, (_, i) => button("B", `a${i}`)) }]],
    ["a button value over 2,000 characters", [{ type: "actions", elements: [{ ...button("B"), value: "v".repeat(2001) }] }]],
    ["an action_id over 255 characters", [{ type: "actions", elements: [button("B", "a".repeat(256))] }]],
    ["a section field over 2,000 characters", [{ type: "section", fields: [{ type: "mrkdwn", text: "f".repeat(2001) }] }]],
    ["verbatim that is not a boolean", [{ type: "section", text: { type: "mrkdwn", text: "x", verbatim: "yes" } }]],
    ["expand that is not a boolean", [{ ...section("x"), expand: 1 }]],
    ["an accessibility label over 75 characters", [{ type: "actions", elements: [{ ...button("B"), accessibility_label: "l".repeat(76) }] }]],
    ["a button URL that is not a URL", [{ type: "actions", elements: [{ ...button("B"), url: "not a url" }] }]],
    ["a confirmation whose title is over 100 characters", [{ type: "actions", elements: [{ ...button("B"), confirm: confirm({ title: plain("t".repeat(101)) }) }] }]],
    ["a confirmation without its deny button", [{ type: "actions", elements: [{ ...button("B"), confirm: confirm({ deny: undefined }) }] }]],
    ["an unknown field on a confirmation", [{ type: "actions", elements: [{ ...button("B"), confirm: confirm({ colour: "red" }) }] }]],
  ])("refuses %s (invalid_blocks)", (_, blocks) => {
    expect(blockProblems(message(blocks)).length).toBeGreaterThan(0);
    expect(slackRefusal(message(blocks))).toBe("invalid_blocks");
  });

  it("refuses a message with no text and no blocks, and a text over 40,000 characters", () => {
    expect(slackRefusal({ text: " " })).toBe("no_text");
    expect(slackRefusal({ text: "t".repeat(40_001) })).toBe("msg_too_long");
    expect(slackRefusal({ delete_original: true })).toBeNull();
  });
});

describe("the fake Slack applies them", () => {
  it("answers invalid_blocks to chat.postMessage and 400 to a response_url, and records nothing as delivered", async () => {
    const fake = await FakeSlack.start();
    try {
      const bad = message([section("x".repeat(3001))]);
      const api = await fetch(`${fake.apiUrl}chat.postMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "C1", ...bad }),
      });
      expect(await api.json()).toEqual({ ok: false, error: "invalid_blocks" });
      const posted = await fetch(fake.responseUrl("r1"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(bad) });
      expect(posted.status).toBe(400);
      expect(await posted.text()).toBe("invalid_blocks");
      expect(fake.responses).toEqual([]);
      expect(fake.refused.map((r) => r.error)).toEqual(["invalid_blocks", "invalid_blocks"]);
      const good = await fetch(fake.responseUrl("r2"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message([section("ok")])) });
      expect(good.status).toBe(200);
      expect(fake.responses.map((r) => r.id)).toEqual(["r2"]);
    } finally {
      await fake.stop();
    }
  });
});
