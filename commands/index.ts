/** The explicit list of commands. /help, the Slack manifest and Discord registration derive from it. */
import type { Command } from "../src/core/command.js";
import type { Newsroom } from "../src/newsroom.js";
import type { OffThreadDigests } from "../src/workers/digests.js";
import { compareCommand } from "./compare.js";
import { digestCommand, type DigestServices } from "./digest.js";
import { helpCommand } from "./help.js";
import { quoteCommand } from "./quote.js";
import { citeCommand, contextCommand } from "./quote-actions.js";
import { sourcesCommand } from "./sources.js";

/** What commands receive as `ctx.services`: the newsroom, plus the digest's stores when the bot runs a scheduler. */
export type Services = Newsroom & { digest?: DigestServices; digests?: OffThreadDigests };

// Each command declares its own argument type; the list only needs their common shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: ReadonlyArray<Command<Services, any>> = [
  sourcesCommand,
  quoteCommand,
  compareCommand,
  digestCommand,
  helpCommand,
  contextCommand,
  citeCommand,
];
