/** A quotation's Context and Copy citation buttons, through the real Bolt app over HTTP against the fake Slack. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack, type SlackHandle } from "../../src/adapters/slack/app.js";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { editorArticles } from "../quotes/editor-fixtures.js";
import { quoteNewsroom } from "../quotes/newsroom.js";
import { blockActionsBody, FakeSlack, signedPost, slashCommandBody, type Recorded } from "./fake-slack.js";

const SECRET = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
let fake: FakeSlack;
let slack: SlackHandle;
let events: string;
let sequence = 0;

beforeAll(async () => {
  fake = await FakeSlack.start();
  const log = memoryLogger("debug");
  const newsroom = quoteNewsroom(editorArticles());
  slack = await startSlack({ bot: botFor(() => newsroom, log), botToken: "xoxb-test-token", signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, host: "127.0.0.1", log });
  events = `http://127.0.0.1:${slack.port}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.stop();
});

async function command(text: string): Promise<Recorded> {
  const id = `q${++sequence}`;
  await signedPost(events, slashCommandBody({ command: "/quote", text, responseUrl: fake.responseUrl(id) }), SECRET);
  return fake.waitForResponse(id);
}

async function click(actionId: string, value: string): Promise<Recorded> {
  const id = `c${++sequence}`;
  await signedPost(events, blockActionsBody({ actionId, value, responseUrl: fake.responseUrl(id) }), SECRET);
  return fake.waitForResponse(id);
}

type Element = { action_id?: string; value?: string; text?: { text: string } };
type Block = { type: string; elements?: Element[] };

describe("a quotation's own buttons on Slack", () => {
  it("sit under each quotation, and answer privately with its context and its citation", async () => {
    const answer = await command("Pike subsidy");
    const blocks = answer.body.blocks as Block[];
    const quoteAt = blocks.findIndex((b) => b.type === "section" && JSON.stringify(b).includes("We will not cut the rail"));
    // The quotation, its citation line, then its buttons.
    const own = blocks[quoteAt + 2]!;
    expect(own.type).toBe("actions");
    const buttons = new Map((own.elements ?? []).map((e) => [e.action_id!, e]));
    expect([...buttons.keys()]).toEqual(["dateline_context", "dateline_cite"]);
    expect(buttons.get("dateline_context")!.text!.text).toBe("Context 1");

    const context = await click("dateline_context", buttons.get("dateline_context")!.value!);
    expect(context.body.response_type).toBe("ephemeral");
    const shown = JSON.stringify(context.body.blocks);
    expect(shown).toContain("The sentence that attributes it:");
    expect(shown).toContain("Mr Pike said.");

    const cite = await click("dateline_cite", buttons.get("dateline_cite")!.value!);
    expect(cite.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(cite.body.blocks)).toContain("Rowan Pike, “We will not cut the rail subsidy”, Daily Ledger, “Pike meets unions”, 2004-05-02");
  });
});
