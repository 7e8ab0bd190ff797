import { describe, expect, it } from "vitest";
import { LogLevel } from "@slack/bolt";
import { memoryLogger } from "../../src/core/log.js";
import { describeSlackFailure } from "../../src/adapters/slack/errors.js";
import { boltLogger } from "../../src/adapters/slack/logger.js";

describe("describeSlackFailure", () => {
  it("reads a rate-limited Web API call with its Retry-After", () => {
    const error = Object.assign(new Error("rate limited"), { code: "slack_webapi_rate_limited_error", retryAfter: 30 });
    expect(describeSlackFailure(error)).toEqual({
      code: "rate_limited",
      status: 429,
      retryAfter: 30,
      reason: "too many messages at once. Try again in 30 s.",
    });
  });

  it("reads revoked tokens and missing channel membership", () => {
    const platform = (error: string) =>
      Object.assign(new Error(error), { code: "slack_webapi_platform_error", data: { ok: false, error } });
    expect(describeSlackFailure(platform("token_revoked")).code).toBe("token_revoked");
    expect(describeSlackFailure(platform("invalid_auth")).reason).toContain("no longer valid");
    expect(describeSlackFailure(platform("not_in_channel")).reason).toContain("/invite");
    expect(describeSlackFailure(platform("weird_error"))).toEqual({ code: "weird_error", reason: "Slack answered `weird_error`." });
  });

  it("reads a failed response_url post", () => {
    const axios = (status: number, headers: Record<string, string> = {}, data: unknown = "") =>
      Object.assign(new Error(`status ${status}`), { isAxiosError: true, response: { status, headers, data } });
    expect(describeSlackFailure(axios(404, {}, "expired_url")).code).toBe("expired_url");
    expect(describeSlackFailure(axios(429, { "retry-after": "3" }))).toMatchObject({ code: "rate_limited", retryAfter: 3 });
    expect(describeSlackFailure(axios(500))).toMatchObject({ code: "http_500", status: 500 });
  });

  it("reads a network failure", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(describeSlackFailure(error)).toEqual({ code: "ECONNREFUSED", reason: "Slack could not be reached (ECONNREFUSED)." });
  });
});

describe("boltLogger", () => {
  it("routes Bolt's lines to our logger with platform and source, honouring Bolt's level", () => {
    const log = memoryLogger("debug");
    const logger = boltLogger(log, "bolt");
    logger.debug("hidden at info");
    logger.warn("Failed to verify", new Error("signature mismatch"), { a: 1 });
    logger.setLevel(LogLevel.DEBUG);
    logger.debug("now shown");
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
    expect(log.lines.map((l) => [l.level, l.msg, l.platform, l.source])).toEqual([
      ["warn", 'Failed to verify signature mismatch {"a":1}', "slack", "bolt"],
      ["debug", "now shown", "slack", "bolt"],
    ]);
  });
});
