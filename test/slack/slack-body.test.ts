/** What Slack posts, read as Bolt reads it, and who may acknowledge it (the front door or the app). */
import { describe, expect, it } from "vitest";
import { parseSlackBody, slackRequestKind } from "../../src/adapters/slack/slack-body.js";
import { blockActionsBody, slashCommandBody } from "./fake-slack.js";

const FORM = "application/x-www-form-urlencoded";

describe("parseSlackBody", () => {
  it("reads a slash command's form fields, '+' and escapes decoded", () => {
    const body = parseSlackBody(slashCommandBody({ command: "/sources", text: "AT&T + <merger>", responseUrl: "http://x/respond/1" }), FORM);
    expect(body).toMatchObject({ command: "/sources", text: "AT&T + <merger>", response_url: "http://x/respond/1", user_id: "U0ASKER" });
  });

  it("reads interactivity from the form's JSON payload", () => {
    const raw = Buffer.from(blockActionsBody({ actionId: "dateline_more", value: "v", responseUrl: "http://x/respond/2" }));
    const body = parseSlackBody(raw, `${FORM}; charset=utf-8`);
    expect(body.type).toBe("block_actions");
    expect((body.actions as Array<{ action_id: string }>)[0]?.action_id).toBe("dateline_more");
  });

  it("reads events as JSON, and refuses what is neither a form nor a JSON object", () => {
    expect(parseSlackBody('{"type":"event_callback","event":{"type":"app_mention"}}', "application/json")).toMatchObject({ type: "event_callback" });
    expect(() => parseSlackBody("{not json", "application/json")).toThrow();
    expect(() => parseSlackBody("[1,2]", "application/json")).toThrow();
    expect(() => parseSlackBody("payload=%7Bbroken", FORM)).toThrow();
  });
});

describe("slackRequestKind", () => {
  it("lets the door acknowledge slash commands and block actions, and answer Slack's checks", () => {
    expect(slackRequestKind({ ssl_check: "1", token: "t" })).toBe("ssl-check");
    expect(slackRequestKind({ type: "url_verification", challenge: "c" })).toBe("url-verification");
    expect(slackRequestKind({ command: "/sources", text: "x" })).toBe("ack-now");
    expect(slackRequestKind({ type: "block_actions", actions: [] })).toBe("ack-now");
  });

  it("leaves to the app what it may acknowledge with a body of its own", () => {
    for (const type of ["event_callback", "view_submission", "view_closed", "block_suggestion", "shortcut", "message_action", "interactive_message"]) {
      expect(slackRequestKind({ type })).toBe("ask-bolt");
    }
    expect(slackRequestKind({ ssl_check: "0", command: undefined })).toBe("ask-bolt");
  });
});
