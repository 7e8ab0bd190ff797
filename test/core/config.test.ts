import { describe, expect, it } from "vitest";
import { ConfigError, discordEnabled, readConfig, slackEnabled } from "../../src/config.js";

describe("readConfig", () => {
  it("defaults to the console with no platform configured", () => {
    const c = readConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATELINE_DATA_DIR).toBe(".dateline");
    expect(c.LOG_LEVEL).toBe("info");
    expect(slackEnabled(c)).toBe(false);
    expect(discordEnabled(c)).toBe(false);
  });

  it("treats blank values as unset", () => {
    const c = readConfig({ SLACK_BOT_TOKEN: "  ", PORT: "" });
    expect(slackEnabled(c)).toBe(false);
    expect(c.PORT).toBe(3000);
  });

  it("reports every problem at once", () => {
    try {
      readConfig({ PORT: "70000", SLACK_API_URL: "ftp://x", LOG_LEVEL: "loud", SLACK_BOT_TOKEN: "xoxb-1" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toContain("PORT");
      expect(problems).toContain("SLACK_API_URL");
      expect(problems).toContain("LOG_LEVEL");
      expect(problems).toContain("SLACK_SIGNING_SECRET");
    }
  });

  it("accepts Socket Mode without a signing secret", () => {
    const c = readConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", PORT: "0" });
    expect(slackEnabled(c)).toBe(true);
    expect(c.PORT).toBe(0);
  });
});
