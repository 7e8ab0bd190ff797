/** `dateline <command> --help`: what each subcommand does and takes. */

const CORPUS = "  --corpus DIR   the corpus folder or file (default: DATELINE_CORPUS, else seeds/)";

export const SUBCOMMAND_HELP = {
  ask: `Usage: dateline ask "<command>" [--corpus DIR] [--json] [--limit N]

Answers a chat command as typed in chat, e.g. dateline ask "/sources Kyiv outlet:TASS". With no command, answers
one command per line of standard input, in order.

${CORPUS}
  --json         one JSON outcome per command
  --limit N      results per page (default 10)`,
  articles: `Usage: dateline articles [--corpus DIR] [--json]

Prints every article as read: its title, outlet, date and paragraphs, and the document text that every citation's
offsets point into.

${CORPUS}
  --json         one JSON record per article (the text and its paragraphs' offsets included)`,
  feeds: `Usage: dateline feeds [--once] [--json]

Polls the feeds of DATELINE_FEEDS (comma-separated RSS, Atom or JSON Feed URLs) and stores each new item in the
data folder, where the bot reads it with the corpus. Without --once, polls every DATELINE_FEED_INTERVAL until
SIGINT or SIGTERM.

  --once         every feed once, then exit (status 1 when a feed failed)
  --json         one JSON line per new item`,
  quotes: `Usage: dateline quotes [--corpus DIR] [--json]

Lists every quotation found in the corpus, with its speaker, document and paragraph.

${CORPUS}
  --json         one JSON record per quotation`,
  statements: `Usage: dateline statements [--corpus DIR] [--json]

Lists the statements rendered in two or more documents, with each wording.

${CORPUS}
  --json         one JSON record per statement`,
  digest: `Usage: dateline digest [--corpus DIR] [--since 24h] [--json]

Prints the digest of what came into the corpus in the period.

${CORPUS}
  --since D      how far back: 24h (default), 3d, 90m…
  --json         the digest as JSON`,
  index: `Usage: dateline index [--corpus DIR]

Builds the passage index and extracts the quotations (or checks that their snapshots in DATELINE_DATA_DIR are
current), saves the snapshots, and prints a summary.

${CORPUS}`,
  start: `Usage: dateline start

Runs the bot: on Slack and/or Discord when their tokens are set (see README.md for the environment), else the
terminal console over the corpus. One bot per DATELINE_DATA_DIR; SIGTERM or SIGINT stops it after the answers
in flight.`,
  "slack-manifest": `Usage: dateline slack-manifest (--socket | --request-url URL) [--name NAME]

Prints the Slack app manifest for Dateline's commands.

  --socket           the app connects in Socket Mode (no public address needed)
  --request-url URL  Slack posts to this https:// address (ending in /slack/events)
  --name NAME        the app's name in Slack`,
  "discord-register": `Usage: dateline discord-register [--guild ID]

Registers the slash commands with Discord (DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set).

  --guild ID     in one server only, available at once (default: globally, up to an hour to appear)`,
  db: `Usage: dateline db migrate
       dateline db status [--json]

With DATABASE_URL (PostgreSQL shared by several replicas): migrate applies the pending schema migrations (each bot
also does at start, once across replicas); status shows the schema, the replicas seen with their heartbeat, the
roles held, the documents known, the subscriptions and each channel's last digest.

  --json         status as one JSON object`,
} as const satisfies Record<string, string>;

export type SubcommandName = keyof typeof SUBCOMMAND_HELP;

export function isSubcommandName(name: string): name is SubcommandName {
  return Object.hasOwn(SUBCOMMAND_HELP, name);
}

/** Whether the arguments ask for help (before a `--`, after which everything is a positional). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}
