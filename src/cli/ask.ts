/** `dateline ask "<command as typed in chat>" [--corpus DIR] [--json] [--limit N]`, or commands on standard input. */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { commands } from "../../commands/index.js";
import { quoteActionCommand, renderConsole } from "../adapters/console/render.js";
import type { Reply } from "../core/reply.js";
import { createDispatcher, DEFAULT_LIMIT } from "../core/dispatch.js";
import { prepareStatements } from "../open-newsroom.js";
import { cliConfig, cliLogger, corpusLocation, openForCli, positiveInt } from "./shared.js";

export async function ask(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { corpus: { type: "string" }, json: { type: "boolean" }, limit: { type: "string" } },
    allowPositionals: true,
  });
  const limit = positiveInt(values.limit, "limit", DEFAULT_LIMIT);
  const config = cliConfig();
  const log = cliLogger(config);
  const newsroom = await openForCli(corpusLocation(values.corpus, config), config, log);
  prepareStatements(newsroom, { background: false });
  const dispatcher = createDispatcher(commands);
  const color = Boolean(process.stdout.isTTY) && !values.json;

  const answer = async (input: string): Promise<Reply> => {
    const outcome = await dispatcher.dispatch(input, {
      services: newsroom,
      platform: "cli",
      user: null,
      channel: null,
      limit,
      log,
      now: () => new Date(),
    });
    process.stdout.write((values.json ? JSON.stringify(outcome) : renderConsole(outcome.reply, { color }) + "\n") + "\n");
    return outcome.reply;
  };

  if (positionals.length > 0) {
    await answer(positionals.join(" "));
    return;
  }
  // No command given: one command per line of standard input, answered in order. As in the console, "/context N"
  // and "/cite N" act on the previous answer's quotation numbered N.
  let previous: Reply | null = null;
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const action = quoteActionCommand(line, previous);
    const reply = await answer(action ?? line);
    if (!action) previous = reply;
  }
}
