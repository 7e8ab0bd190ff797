/** `dateline statements [--corpus DIR] [--json]`: every statement rendered in two or more documents. */
import { parseArgs } from "node:util";
import { statementRecords } from "../statements/summary.js";
import { cliConfig, cliLogger, corpusLocation, openForCli } from "./shared.js";

export async function statements(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { corpus: { type: "string" }, json: { type: "boolean" } } });
  const config = cliConfig();
  const log = cliLogger(config);
  const newsroom = await openForCli(corpusLocation(values.corpus, config), config, log);
  const index = newsroom.statements();
  if (values.json) {
    for (const record of statementRecords(index)) process.stdout.write(JSON.stringify(record) + "\n");
    return;
  }
  for (const s of index.statements) {
    process.stdout.write(`${s.speaker ?? "(unknown speaker)"} · ${s.renderings.length} documents · ${s.wordings} wordings\n`);
    for (const r of s.renderings) process.stdout.write(`  ${r.primary ? "*" : "-"} ${r.doc}: “${r.text}”\n`);
  }
}
