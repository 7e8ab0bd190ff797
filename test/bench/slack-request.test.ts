import { isValidSlackRequest } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { slackSignature, slashCommandBody } from "../../bench/slack-request.js";

describe("the benchmark's slash command requests", () => {
  it("are signed so that Bolt's own verifier accepts them, and only with the right secret", () => {
    const body = slashCommandBody("/sources government said", "http://127.0.0.1:9/respond/3", 3);
    const now = Date.now();
    const timestamp = Math.floor(now / 1000);
    const headers = { "x-slack-signature": slackSignature("s3cret", timestamp, body), "x-slack-request-timestamp": timestamp };
    expect(isValidSlackRequest({ signingSecret: "s3cret", body, headers, nowMilliseconds: now })).toBe(true);
    expect(isValidSlackRequest({ signingSecret: "other", body, headers, nowMilliseconds: now })).toBe(false);
  });

  it("carry the command, its text and the response_url as Slack's form fields", () => {
    const form = new URLSearchParams(slashCommandBody("/quote Blair Iraq & <war>", "http://127.0.0.1:9/respond/7", 7));
    expect(form.get("command")).toBe("/quote");
    expect(form.get("text")).toBe("Blair Iraq & <war>");
    expect(form.get("response_url")).toBe("http://127.0.0.1:9/respond/7");
    expect(form.get("user_id")).toMatch(/^U/);
    expect(form.get("channel_id")).toMatch(/^C/);
  });

  it("send a command without text as an empty text", () => {
    const form = new URLSearchParams(slashCommandBody("/help", "http://127.0.0.1:9/r", 0));
    expect(form.get("command")).toBe("/help");
    expect(form.get("text")).toBe("");
  });
});
