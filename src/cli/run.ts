/**
 * The `dateline` command line: ask, quotes, articles, feeds, statements, index, digest, start, slack-manifest,
 * discord-register, db. Loaded by src/cli.ts once the Node.js version is known to be enough.
 */
import { existsSync } from "node:fs";
import { SUBCOMMAND_HELP, isSubcommandName, wantsHelp, type SubcommandName } from "./help.js";
import { UsageError } from "./shared.js";

const USAGE = `Usage: dateline <command> [options]

  ask "<command>" [--corpus DIR] [--json] [--limit N]   answer a chat command (or one per line of standard input)
  quotes [--corpus DIR] [--json]                        every quotation in the corpus
  articles [--corpus DIR] [--json]                      every article as read (the text citations point into)
  feeds [--once] [--json]                               poll DATELINE_FEEDS and store new items (--once: one poll)
  statements [--corpus DIR] [--json]                    statements rendered in two or more documents
  digest [--corpus DIR] [--since 24h] [--json]          the digest of what came into the corpus
  index [--corpus DIR]                                  build the index snapshot and print a summary
  start                                                 run the bot (the terminal console when no chat platform is set)
  slack-manifest (--socket | --request-url URL)         the Slack app manifest for these commands
  discord-register [--guild ID]                         register the slash commands with Discord
  db (migrate | status) [--json]                        DATABASE_URL: apply the schema migrations, or show replicas and state

The corpus is --corpus, else DATELINE_CORPUS, else seeds/. See README.md for the environment.`;

type Subcommand = (argv: string[]) => Promise<void>;

// Loaded on demand: the chat libraries take a second to import, and `ask` does not need them. Typed by the help
// table's names, so that a subcommand without its --help text does not compile.
const subcommands: Record<SubcommandName, () => Promise<Subcommand>> = {
  ask: async () => (await import("./ask.js")).ask,
  quotes: async () => (await import("./quotes.js")).quotes,
  articles: async () => (await import("./articles.js")).articles,
  feeds: async () => (await import("./feeds.js")).feeds,
  statements: async () => (await import("./statements.js")).statements,
  digest: async () => (await import("./digest.js")).digest,
  index: async () => (await import("./index-command.js")).index,
  start: async () => (await import("./start.js")).startCommand,
  "slack-manifest": async () => (await import("./slack-manifest.js")).slackManifestCommand,
  "discord-register": async () => (await import("./discord-register.js")).discordRegister,
  db: async () => (await import("./db.js")).db,
};

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(USAGE + "\n");
    return name ? 0 : 2;
  }
  if (!isSubcommandName(name)) throw new UsageError(`unknown command "${name}"; try: dateline --help`);
  const load = subcommands[name];
  if (wantsHelp(rest)) {
    process.stdout.write(SUBCOMMAND_HELP[name] + "\n");
    return 0;
  }
  await (await load())(rest);
  return 0;
}

// Output piped into `head` and closed early is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

export function runCli(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
        process.stderr.write(`dateline: ${(error as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      // One line for people (a refused token, a port in use); the stack only when asked for with LOG_LEVEL=debug.
      const detail = process.env.LOG_LEVEL === "debug" ? ((error as Error).stack ?? String(error)) : String((error as Error).message ?? error);
      process.stderr.write(`dateline: ${detail}\n`);
      process.exitCode = 1;
    },
  );
}

/** Reads ./.env when there is one; variables already set in the environment win. */
function loadDotEnv(): void {
  if (!existsSync(".env")) return;
  try {
    process.loadEnvFile(".env");
  } catch (error) {
    throw new UsageError(`cannot read .env: ${(error as Error).message}`);
  }
}
