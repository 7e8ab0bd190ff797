/**
 * `npm run eval`: quality figures, each part beside a plain baseline in the same run. `--only NAME` runs one part.
 * - quotes (eval-quotes.ts): who said each quotation, on the seeds, PolNeAR (`--split dev|train`) and our
 *   annotated BBC articles; `--misses N` prints the N worst errors.
 */
import { packageRoot } from "../src/paths.js";
import { evalQuotes } from "./eval-quotes.js";

const PARTS: Record<string, (root: string, argv: readonly string[]) => Promise<void>> = {
  quotes: evalQuotes,
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--only");
  const only = at >= 0 ? argv[at + 1] : undefined;
  if (only !== undefined && !(only in PARTS)) throw new Error(`unknown part "${only}"; parts: ${Object.keys(PARTS).join(", ")}`);
  const root = packageRoot();
  for (const [name, run] of Object.entries(PARTS)) {
    if (only === undefined || only === name) await run(root, argv);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
