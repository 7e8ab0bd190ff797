/** `dateline digest [--corpus DIR] [--since 24h] [--json]`: the digest of what came into the corpus. */
import { parseArgs } from "node:util";
import { digestForCli } from "../digest/for-newsroom.js";
import { sinceFlag } from "../digest/duration.js";
import { UsageError, cliConfig, cliLogger, corpusLocation, openForCli } from "./shared.js";

export async function digest(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { corpus: { type: "string" }, since: { type: "string" }, json: { type: "boolean" } },
  });
  const now = new Date();
  let since: Date;
  try {
    since = sinceFlag(values.since, now);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = cliConfig();
  const newsroom = await openForCli(corpusLocation(values.corpus, config), config, cliLogger(config));
  const { json, text } = digestForCli(newsroom, since, now);
  process.stdout.write((values.json ? JSON.stringify(json) : text) + "\n");
}
