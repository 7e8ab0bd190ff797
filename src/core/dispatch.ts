/**
 * Chat text in, Reply out. The dispatcher never throws: unknown commands and bad arguments get a private
 * usage answer; a crash gets a private "something went wrong (ref …)" and a log line with the same ref.
 */
import { randomBytes } from "node:crypto";
import { parseArgs, splitCommand } from "./args.js";
import { encodeAction } from "./actions.js";
import { MAX_INPUT_LENGTH, type Command, type CommandContext, type CommandMeta } from "./command.js";
import { isUserError } from "./errors.js";
import { privateReply, type Action, type Reply } from "./reply.js";

export interface DispatchOutcome {
  input: string;
  /** The command's name, or null when the input named none we know. */
  command: string | null;
  ok: boolean;
  error?: string;
  results: unknown[];
  reply: Reply;
}

export type DispatchContext<S> = Omit<CommandContext<S>, "commands" | "page" | "limit"> & {
  page?: number;
  limit?: number;
};

export interface Dispatcher<S> {
  readonly commands: readonly CommandMeta[];
  find(name: string): Command<S, unknown> | undefined;
  dispatch(input: string, ctx: DispatchContext<S>): Promise<DispatchOutcome>;
}

export const DEFAULT_LIMIT = 10;

// Commands are registered with their own argument types; the dispatcher only passes validated values through.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createDispatcher<S>(commands: ReadonlyArray<Command<S, any>>): Dispatcher<S> {
  const byName = new Map(commands.map((c) => [c.name, c as Command<S, unknown>]));
  const visible: CommandMeta[] = commands.filter((c) => !c.hidden).map(toMeta);

  async function dispatch(input: string, partial: DispatchContext<S>): Promise<DispatchOutcome> {
    const ctx: CommandContext<S> = {
      ...partial,
      page: partial.page ?? 0,
      limit: partial.limit ?? DEFAULT_LIMIT,
      commands: visible,
    };
    const fail = (command: string | null, error: string, text: string): DispatchOutcome => ({
      input,
      command,
      ok: false,
      error,
      results: [],
      reply: privateReply(text, [{ type: "paragraph", text }]),
    });

    const split = splitCommand(input);
    if (!split) {
      return fail(null, "unknown-command", `Type a command, for example \`/sources Kyiv\`. ${listHint(visible)}`);
    }
    const command = byName.get(split.name);
    if (!command) {
      return fail(null, "unknown-command", `There is no command /${split.name}. ${listHint(visible)}`);
    }
    if (split.rest.length > MAX_INPUT_LENGTH) {
      return fail(
        command.name,
        "too-long",
        `That is ${split.rest.length.toLocaleString("en")} characters; /${command.name} takes at most ${MAX_INPUT_LENGTH.toLocaleString("en")}. Try a few distinctive words.`,
      );
    }
    const parsed = command.schema.safeParse(parseArgs(split.rest));
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? "Those arguments are not valid.";
      return fail(command.name, "usage", `${reason}\nUsage: \`${command.usage}\``);
    }
    try {
      const result = await command.run(parsed.data, ctx);
      const reply = withActions(result.reply, command.name, split.rest, ctx.page, result.hasMore === true);
      return { input, command: command.name, ok: true, results: result.results, reply };
    } catch (error) {
      if (isUserError(error)) return fail(command.name, error.code, error.message);
      const ref = randomBytes(4).toString("hex");
      ctx.log.error("command failed", { ref, command: command.name, platform: ctx.platform, err: error });
      return fail(command.name, "internal", `Something went wrong (ref ${ref}). The error has been logged.`);
    }
  }

  return { commands: visible, find: (name) => byName.get(name.toLowerCase()), dispatch };
}

/** Private answers that found something can be shared; a result list with more behind it can be paged. */
function withActions(reply: Reply, name: string, text: string, page: number, hasMore: boolean): Reply {
  const actions: Action[] = [];
  if (reply.visibility === "private" && reply.blocks.some((b) => b.type === "quote" || b.type === "source")) {
    actions.push({ kind: "share", label: "Share in channel", value: encodeAction({ c: name, t: text, p: page }) });
  }
  if (hasMore) {
    actions.push({ kind: "more", label: "More results", value: encodeAction({ c: name, t: text, p: page + 1 }) });
  }
  if (actions.length === 0) return reply;
  return { ...reply, blocks: [...reply.blocks, { type: "actions", actions }] };
}

function listHint(commands: readonly CommandMeta[]): string {
  return `Commands: ${commands.map((c) => `/${c.name}`).join(", ")}. Type /help for more.`;
}

function toMeta<S>(c: Command<S, unknown>): CommandMeta {
  const { name, summary, usage, examples, visibility, hidden, params } = c;
  return { name, summary, usage, examples, visibility, hidden, params };
}
