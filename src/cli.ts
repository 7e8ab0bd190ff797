#!/usr/bin/env node
/** The `dateline` command line: ask, quotes, statements, index, digest, start, slack-manifest, discord-register. */
import { ask } from "./cli/ask.js";
import { index } from "./cli/index-command.js";
import { quotes } from "./cli/quotes.js";
import { UsageError, cliConfig, corpusLocation } from "./cli/shared.js";
import { statements } from "./cli/statements.js";
import { createLogger } from "./core/log.js";
import { start } from "./main.js";

const USAGE = `Usage: dateline <command> [options]

  ask "<command>" [--corpus DIR] [--json] [--limit N]   answer a chat command (or one per line of standard input)
  quotes [--corpus DIR] [--json]                        every quotation in the corpus
  statements [--corpus DIR] [--json]                    statements rendered in two or more documents
  index [--corpus DIR]                                  build the index snapshot and print a summary
  start                                                 run the bot (the terminal console when no chat platform is set)

The corpus is --corpus, else DATELINE_CORPUS, else seeds/. See README.md for the environment.`;

type Subcommand = (argv: string[]) => Promise<void>;

const subcommands: Record<string, Subcommand> = {
  ask,
  quotes,
  statements,
  index,
  start: runBot,
};

async function runBot(argv: string[]): Promise<void> {
  if (argv.length > 0) throw new UsageError(`start takes no arguments (got "${argv.join(" ")}")`);
  const config = cliConfig();
  const log = createLogger(config.LOG_LEVEL);
  const running = await start(config, corpusLocation(undefined, config), log);
  if (!running) return;
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info("shutting down", { signal });
      void running.stop().then(resolve);
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(USAGE + "\n");
    return name ? 0 : 2;
  }
  const subcommand = subcommands[name];
  if (!subcommand) throw new UsageError(`unknown command "${name}"; try: dateline --help`);
  await subcommand(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`dateline: ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`dateline: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
