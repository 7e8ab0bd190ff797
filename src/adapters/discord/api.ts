/** Small helpers around Discord's REST API: the base address, and what an API error means for the user. */
import { DiscordAPIError, HTTPError } from "discord.js";

/**
 * The REST base discord.js expects: the address *without* the version segment (it appends `/v10` itself), e.g.
 * `https://discord.com/api`. DISCORD_API_URL may be given with or without `/v10` and a trailing slash.
 */
export function discordRestBase(apiUrl: string): string {
  return apiUrl.trim().replace(/\/+$/, "").replace(/\/v\d+$/, "");
}

export interface DiscordErrorInfo {
  /** HTTP status, when Discord answered. */
  status?: number;
  /** Discord's JSON error code (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
  code?: number | string;
  message: string;
}

export function describeDiscordError(error: unknown): DiscordErrorInfo {
  if (error instanceof DiscordAPIError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof HTTPError) return { status: error.status, message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** Unknown interaction, unknown webhook, invalid webhook token: the token expired or was used up. */
const UNREACHABLE = new Set<number | string>([10062, 10015, 50027]);

/** True when the interaction can no longer be answered at all (so telling the user is impossible). */
export function interactionGone(info: DiscordErrorInfo): boolean {
  return info.code !== undefined && UNREACHABLE.has(info.code);
}

/** Missing Access, Missing Permissions: the bot may not post (or embed links) in that channel. */
export function missingAccess(info: DiscordErrorInfo): boolean {
  return info.code === 50001 || info.code === 50013;
}

/** What to tell the user when Discord refused one of our requests. */
export function userNotice(info: DiscordErrorInfo): string {
  if (missingAccess(info)) {
    return "I can't post in this channel. Ask a server admin to give Dateline the Send Messages and Embed Links permissions here.";
  }
  const ref = info.code ?? info.status;
  return `Discord would not accept this answer${ref !== undefined ? ` (error ${ref})` : ""}. It has been logged; please try again.`;
}
