/** `dateline index [--corpus DIR]`: builds (or checks) the index snapshot and prints a summary. */
import { parseArgs } from "node:util";
import { cliConfig, cliLogger, corpusLocation, openForCli } from "./shared.js";

export async function index(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { corpus: { type: "string" } } });
  const config = cliConfig();
  const log = cliLogger(config);
  const started = Date.now();
  const newsroom = await openForCli(corpusLocation(values.corpus, config), config, log, progressBar());
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const problems = newsroom.problems();
  const skipped = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - skipped;
  process.stdout.write(
    [
      `Index of ${newsroom.location}: ${newsroom.fromSnapshot ? "snapshot was current, reused" : "built and saved"}`,
      `  documents:  ${newsroom.articles().length}`,
      `  passages:   ${newsroom.sources.passageCount}`,
      `  quotations: ${newsroom.quotes.quotations.length}`,
      `  skipped:    ${skipped} file(s) or record(s)${warnings ? `, ${warnings} warning(s)` : ""}`,
      `  time:       ${seconds} s`,
    ].join("\n") + "\n",
  );
}

/** A progress bar on a terminal; nothing when standard error is a file or a pipe. */
function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === last) return;
    last = percent;
    const filled = Math.round(percent / 5);
    process.stderr.write(`\r[${"#".repeat(filled)}${" ".repeat(20 - filled)}] ${percent}% ${done}/${total} passages`);
    if (done >= total) process.stderr.write("\n");
  };
}
