import type { z } from "zod";
import type { ParsedArgs } from "./args.js";
import type { Logger } from "./log.js";
import type { Reply, Visibility } from "./reply.js";

export type Platform = "slack" | "discord" | "console" | "cli";

/**
 * One parameter as chat platforms present it (Discord options, Slack usage hints). Adapters turn the values
 * back into chat text: positional parameters joined with spaces, `filter` parameters as `key:"value"`.
 */
export interface CommandParam {
  name: string;
  description: string;
  required: boolean;
  /** Written into the chat text as `filter:"value"` instead of positionally. */
  filter?: string;
  /** What the chat platform may offer as choices while the user types. */
  autocomplete?: "speaker" | "outlet";
  maxLength?: number;
}

/** What a command is, without how it runs: enough for /help, the Slack manifest and Discord registration. */
export interface CommandMeta {
  name: string;
  summary: string;
  usage: string;
  examples: string[];
  /** Who sees the answer by default. */
  visibility: Visibility;
  /** Hidden commands work but are not listed in /help or registered on platforms. */
  hidden?: boolean;
  params: CommandParam[];
}

export interface CommandContext<S> {
  services: S;
  platform: Platform;
  user: { id: string; name?: string } | null;
  channel: string | null;
  /** 0-based page of results ("More results" asks for the next one). */
  page: number;
  /** Results per page. */
  limit: number;
  log: Logger;
  now(): Date;
  /**
   * Tells the asker, before the answer, that it is on its way (a command whose work takes a while: the answer
   * follows when it is done). Absent where nobody sees messages before the answer (the CLI).
   */
  notify?(text: string): Promise<void>;
  /** Every visible command, for /help. */
  commands: readonly CommandMeta[];
}

/** What a command produced: the Reply to show and the machine-readable results (`dateline ask --json`). */
export interface CommandResult {
  reply: Reply;
  results: unknown[];
  /** True when a further page of results exists ("More results"). */
  hasMore?: boolean;
}

export interface Command<S = unknown, A = unknown> extends CommandMeta {
  /** Validates the parsed chat text; its error messages are shown to the user with the usage line. */
  schema: z.ZodType<A>;
  run(args: A, ctx: CommandContext<S>): Promise<CommandResult> | CommandResult;
}

export function defineCommand<S, A>(command: Command<S, A>): Command<S, A> {
  return command;
}

/** Upper bound on the text of any command, in characters. */
export const MAX_INPUT_LENGTH = 1000;

/** Re-exported for command schemas. */
export type { ParsedArgs };
