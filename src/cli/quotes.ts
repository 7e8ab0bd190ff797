/** `dateline quotes [--corpus DIR] [--json]`: every quotation in the corpus. */
import { parseArgs } from "node:util";
import { cliConfig, cliLogger, corpusLocation, openForCli } from "./shared.js";

export async function quotes(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { corpus: { type: "string" }, json: { type: "boolean" } } });
  const config = cliConfig();
  const log = cliLogger(config);
  const newsroom = await openForCli(corpusLocation(values.corpus, config), config, log);
  for (const q of newsroom.quotes.quotations) {
    const { doc, start, end, text, speaker, kind, cue, mention, confidence } = q;
    const line = values.json
      ? JSON.stringify({ doc, start, end, text, speaker, kind, cue, mention, confidence })
      : `${doc} ¶${q.paragraph} ${speaker ?? "(unknown)"}${cue ? ` (${cue})` : ""} [${kind}, ${confidence.toFixed(2)}]: “${text}”`;
    process.stdout.write(line + "\n");
  }
}
