/**
 * Slash-command registration, derived from the same command metadata as /help and the Slack manifest.
 * `dateline discord-register [--guild ID]` (npm run register) calls registerDiscordCommands.
 */
import { REST, Routes } from "discord.js";
import { describeDiscordError, discordRestBase } from "./api.js";
import { cutPlain } from "./limits.js";
import type { CommandMeta, CommandParam } from "../../core/command.js";
import type { Logger } from "../../core/log.js";

/** Application command option type STRING; command type CHAT_INPUT. */
const STRING_OPTION = 3;
const CHAT_INPUT = 1;
const MAX_DESCRIPTION = 100;
const MAX_OPTIONS = 25;
const MAX_OPTION_LENGTH = 6000;

export interface DiscordCommandOption {
  type: 3;
  name: string;
  description: string;
  required: boolean;
  autocomplete?: true;
  max_length?: number;
}

export interface DiscordCommandPayload {
  type: 1;
  name: string;
  description: string;
  options: DiscordCommandOption[];
}

export function discordCommandsPayload(commands: readonly CommandMeta[]): DiscordCommandPayload[] {
  return commands
    .filter((c) => !c.hidden)
    .map((c) => ({
      type: CHAT_INPUT,
      name: c.name.toLowerCase(),
      description: description(c.summary, c.name),
      // Discord requires required options before optional ones; the chat text keeps the command's own order.
      options: [...c.params.filter((p) => p.required), ...c.params.filter((p) => !p.required)]
        .slice(0, MAX_OPTIONS)
        .map(option),
    }));
}

function option(p: CommandParam): DiscordCommandOption {
  const o: DiscordCommandOption = {
    type: STRING_OPTION,
    name: p.name.toLowerCase(),
    description: description(p.description, p.name),
    required: p.required,
  };
  if (p.autocomplete) o.autocomplete = true;
  if (p.maxLength !== undefined) o.max_length = Math.max(1, Math.min(MAX_OPTION_LENGTH, Math.floor(p.maxLength)));
  return o;
}

/** Discord requires a description of 1 to 100 characters. */
function description(text: string, fallback: string): string {
  return cutPlain(text.replace(/\s+/g, " ").trim() || fallback, MAX_DESCRIPTION);
}

export interface RegisterOptions {
  token: string;
  applicationId: string;
  apiUrl?: string;
  /** Guild commands appear at once (for trying out); global ones are for every server the bot is in. */
  guildId?: string;
  commands: readonly CommandMeta[];
  log: Logger;
}

/** Replaces the application's commands (bulk overwrite) with Dateline's. Rejects with Discord's error. */
export async function registerDiscordCommands(options: RegisterOptions): Promise<{ registered: string[] }> {
  const { applicationId, guildId, log } = options;
  const rest = new REST(options.apiUrl ? { api: discordRestBase(options.apiUrl) } : {}).setToken(options.token);
  const body = discordCommandsPayload(options.commands);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  try {
    const result = (await rest.put(route, { body })) as Array<{ name: string }>;
    const registered = result.map((c) => c.name);
    log.info("discord commands registered", { platform: "discord", scope: guildId ? `guild ${guildId}` : "global", registered });
    return { registered };
  } catch (err) {
    const info = describeDiscordError(err);
    log.error("discord command registration failed", { platform: "discord", status: info.status, code: info.code, err });
    throw err;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
