/**
 * The Slack app manifest, derived from the command metadata: paste it into "Create New App > From an app
 * manifest" (https://api.slack.com/apps) and every command is there with its usage hint and description.
 */
import type { CommandMeta } from "../../core/command.js";

export interface SlackManifestOptions {
  /** The app's name in Slack (at most 35 characters). Default "Dateline". */
  name?: string;
  /** HTTP mode: the public address of /slack/events, e.g. https://dateline.example.org/slack/events. */
  requestUrl?: string;
  socketMode: boolean;
}

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: Array<{
      command: string;
      description: string;
      usage_hint?: string;
      should_escape: boolean;
      url?: string;
    }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** The scopes Dateline needs: slash commands, posting, and posting in public channels it has not joined. */
export const SLACK_BOT_SCOPES = ["commands", "chat:write", "chat:write.public"] as const;

const LIMITS = { name: 35, description: 100, usageHint: 100, command: 32 } as const;

export function slackManifest(commands: readonly CommandMeta[], options: SlackManifestOptions): SlackManifest {
  const name = cut(options.name?.trim() || "Dateline", LIMITS.name);
  const url = options.socketMode ? undefined : options.requestUrl;
  return {
    display_information: {
      name,
      description: "Verbatim, cited quotations and sources from your newsroom's corpus.",
      background_color: "#1d2b3a",
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: commands
        .filter((c) => !c.hidden)
        .map((c) => {
          const hint = usageHint(c);
          return {
            command: `/${c.name}`.slice(0, LIMITS.command),
            description: cut(c.summary, LIMITS.description),
            ...(hint ? { usage_hint: hint } : {}),
            // We unescape &amp; &lt; &gt; ourselves; user and channel mentions need not be converted to ids.
            should_escape: false,
            ...(url ? { url } : {}),
          };
        }),
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}

/** "/quote <speaker> <topic>" -> "<speaker> <topic>". */
function usageHint(command: CommandMeta): string {
  const usage = command.usage.trim().replace(new RegExp(`^/?${escapeRegExp(command.name)}\\b\\s*`, "i"), "");
  return cut(usage, LIMITS.usageHint);
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
