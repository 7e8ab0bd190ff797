/** `dateline index [--corpus DIR]`: builds (or checks) the index snapshot and prints a summary. */
import { parseArgs } from "node:util";
import { terminalProgress } from "./progress.js";
import { cliConfig, cliLogger, corpusLocation, openForCli } from "./shared.js";

export async function index(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { corpus: { type: "string" } } });
  const config = cliConfig();
  const log = cliLogger(config);
  const started = Date.now();
  const progress = terminalProgress();
  const newsroom = await openForCli(corpusLocation(values.corpus, config), config, log, progress?.indexed);
  // The quotations are extracted (or read from their snapshot) on first use: here, inside the time reported.
  progress?.stage("Extracting quotations…");
  const quotations = newsroom.quotes.quotations.length;
  await newsroom.pendingWrites();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const problems = newsroom.problems();
  const skipped = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - skipped;
  process.stdout.write(
    [
      `Index of ${newsroom.location}: ${newsroom.fromSnapshot ? "snapshot was current, reused" : "built and saved"}`,
      `  documents:  ${newsroom.articles().length}`,
      `  passages:   ${newsroom.sources.passageCount}`,
      `  quotations: ${quotations}`,
      `  skipped:    ${skipped} file(s) or record(s)${warnings ? `, ${warnings} warning(s)` : ""}`,
      `  time:       ${seconds} s`,
    ].join("\n") + "\n",
  );
}
