/**
 * The terminal chat used when no platform is configured. On a terminal it prompts; otherwise it reads
 * standard input line by line, answers each line in order and returns at its end.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { BotCore } from "../../core/bot.js";
import { DEFAULT_LIMIT } from "../../core/dispatch.js";
import type { Reply } from "../../core/reply.js";
import { quoteActionCommand, renderConsole } from "./render.js";

export interface ConsoleOptions {
  bot: BotCore;
  input?: Readable;
  output?: Writable;
  /** Prompt and colours; defaults to whether input and output are terminals. */
  interactive?: boolean;
  banner?: string;
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive =
    options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const write = (text: string) => output.write(text + "\n");
  if (interactive) {
    write(options.banner ?? "Dateline console. Type /help, or a command such as /sources Kyiv. Ctrl-D to quit.");
    lines.setPrompt("dateline> ");
    lines.prompt();
  }
  let last: { text: string; page: number } | null = null;
  let lastReply: Reply | null = null;
  // Each page numbers on where the previous one stopped, as the reply's text and the chat buttons do.
  const firstOf = (page: number) => page * DEFAULT_LIMIT + 1;
  for await (const raw of lines) {
    const line = raw.trim();
    // "/context 12" and "/cite 12" act on the previous answer's quotation numbered so, as its buttons do in chat.
    const action = line ? quoteActionCommand(line, lastReply, firstOf(last?.page ?? 0)) : null;
    if (action) {
      const outcome = await options.bot.run(action, { platform: "console", user: null, channel: "console" });
      write(renderConsole(outcome.reply, { color: interactive }));
      if (interactive) write("");
    } else if (line) {
      // "/more" pages the previous command, as the "More results" button does in chat.
      const previous: { text: string; page: number } | null = last;
      const wantsMore = /^\/?more$/i.test(line);
      if (wantsMore && previous === null) {
        write("Nothing to page yet: /more shows the next page of the previous command. Try /sources Kyiv, then /more.");
        if (interactive) lines.prompt();
        continue;
      }
      const more = wantsMore && previous !== null;
      const text: string = more && previous ? previous.text : line;
      const page: number = more && previous ? previous.page + 1 : 0;
      const notify = async (note: string) => void write(note);
      const outcome = await options.bot.run(text, { platform: "console", user: null, channel: "console", page, notify });
      last = { text, page };
      lastReply = outcome.reply;
      write(renderConsole(outcome.reply, { color: interactive, first: firstOf(page) }));
      if (interactive) write("");
    }
    if (interactive) lines.prompt();
  }
}
