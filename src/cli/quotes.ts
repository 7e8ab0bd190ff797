/** `dateline quotes [--corpus DIR] [--json]`: every quotation in the corpus. */
import { parseArgs } from "node:util";
import { quotationRecords } from "../quotes/records.js";
import { cliConfig, cliLogger, corpusLocation, openForCli } from "./shared.js";

export async function quotes(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { corpus: { type: "string" }, json: { type: "boolean" } } });
  const config = cliConfig();
  const log = cliLogger(config);
  const newsroom = await openForCli(corpusLocation(values.corpus, config), config, log);
  if (values.json) {
    for (const record of quotationRecords(newsroom.quotes)) process.stdout.write(JSON.stringify(record) + "\n");
    return;
  }
  for (const q of newsroom.quotes.quotations) {
    const who = `${q.speaker ?? "(unknown)"}${q.cue ? ` (${q.cue})` : ""}`;
    process.stdout.write(`${q.doc} ¶${q.paragraph} ${who} [${q.kind}, ${q.confidence.toFixed(2)}]: “${q.text}”\n`);
  }
}
