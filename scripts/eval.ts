/**
 * `npm run eval`: quality figures, each part beside a plain baseline in the same run. `--only NAME` runs one part.
 * - quotes (eval-quotes.ts): who said each quotation, on the seeds, PolNeAR (`--split dev|train`) and our
 *   annotated BBC articles; `--misses N` prints the N worst errors.
 * - search (eval-search.ts): nDCG@10 and recall@100 of /sources on the judged collections and our news queries.
 * - digest (eval-digest.ts): pairwise precision and recall of the digest's stories on a hand-grouped wire day.
 * - editor (eval-editor.ts): the editor's requests whose first answer is right, and misattributions at >= 0.8.
 * - html (eval-html.ts): web-page extraction (shingle F1, title, date, outlet) and its speed.
 */
import { packageRoot } from "../src/paths.js";
import { evalDigest } from "./eval-digest.js";
import { evalEditor } from "./eval-editor.js";
import { evalHtml } from "./eval-html.js";
import { evalQuotes } from "./eval-quotes.js";
import { evalSearch, parseSearchOptions } from "./eval-search.js";

const PARTS: Record<string, (root: string, argv: readonly string[]) => Promise<void>> = {
  quotes: async (root, argv) => void (await evalQuotes(root, argv)),
  search: async (root, argv) => void (await evalSearch(root, parseSearchOptions(argv))),
  digest: async (root, argv) => void (await evalDigest(root, argv)),
  editor: async (root, argv) => void (await evalEditor(root, argv)),
  html: async () => void evalHtml(),
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
