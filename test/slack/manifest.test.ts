import { describe, expect, it } from "vitest";
import type { CommandMeta } from "../../src/core/command.js";
import { slackManifest } from "../../src/adapters/slack/manifest.js";

const commands: CommandMeta[] = [
  {
    name: "quote",
    summary: "What a speaker said about a topic, verbatim and cited",
    usage: "/quote <speaker> <topic>",
    examples: ["/quote Spoljaric neutrality"],
    visibility: "private",
    params: [],
  },
  {
    name: "sources",
    summary: "x".repeat(150),
    usage: "/sources <topic> [outlet:NAME]",
    examples: [],
    visibility: "private",
    params: [],
  },
  { name: "help", summary: "Commands", usage: "/help", examples: [], visibility: "private", params: [] },
  { name: "debug", summary: "Hidden", usage: "/debug", examples: [], visibility: "private", hidden: true, params: [] },
];

describe("slackManifest", () => {
  it("describes a Socket Mode app with every visible command", () => {
    const manifest = slackManifest(commands, { socketMode: true });
    expect(manifest.display_information.name).toBe("Dateline");
    expect(manifest.features.bot_user.display_name).toBe("Dateline");
    expect(manifest.features.slash_commands).toEqual([
      {
        command: "/quote",
        description: "What a speaker said about a topic, verbatim and cited",
        usage_hint: "<speaker> <topic>",
        should_escape: false,
      },
      { command: "/sources", description: `${"x".repeat(99)}…`, usage_hint: "<topic> [outlet:NAME]", should_escape: false },
      { command: "/help", description: "Commands", should_escape: false },
    ]);
    expect(manifest.features.slash_commands[1]?.description.length).toBe(100);
    expect(manifest.oauth_config.scopes.bot).toEqual(["commands", "chat:write", "chat:write.public"]);
    expect(manifest.settings).toEqual({
      interactivity: { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    });
  });

  it("points commands and interactivity at the request URL over HTTP", () => {
    const url = "https://dateline.example.org/slack/events";
    const manifest = slackManifest(commands, { socketMode: false, requestUrl: url, name: "Desk bot" });
    expect(manifest.display_information.name).toBe("Desk bot");
    expect(manifest.features.slash_commands.every((c) => c.url === url)).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
