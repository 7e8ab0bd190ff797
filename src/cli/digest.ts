/** `dateline digest [--corpus DIR] [--since 24h|DATE] [--json]`: the digest of what came into the corpus. */
import { parseArgs } from "node:util";
import { digestForCli } from "../digest/for-newsroom.js";
import { parseSince, periodStart, type Since } from "../digest/duration.js";
import { UsageError, cliConfig, cliLogger, corpusLocation, openForCli } from "./shared.js";

export async function digest(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { corpus: { type: "string" }, since: { type: "string" }, json: { type: "boolean" } },
  });
  let since: Since;
  try {
    since = parseSince(values.since);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = cliConfig();
  const newsroom = await openForCli(corpusLocation(values.corpus, config), config, cliLogger(config));
  // The period ends once the corpus has been read: the articles first seen while reading it are in it.
  const now = new Date();
  const { json, text } = digestForCli(newsroom, periodStart(since, now), now);
  process.stdout.write((values.json ? JSON.stringify(json) : text) + "\n");
}
