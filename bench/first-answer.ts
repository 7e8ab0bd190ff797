/**
 * Child process of the benchmark: starts cold, opens a saved index and answers one query, then prints one JSON
 * line: `{sinceStartMs, phases, found, fromSnapshot}`. `sinceStartMs` is the time since this process started
 * (Node's performance time origin), so it includes Node's own start-up and every import.
 *
 *   node dist/bench/first-answer.js minisearch --snapshot FILE --query TEXT
 *   node dist/bench/first-answer.js dateline --data-dir DIR --query "/sources TEXT" [--corpus PATH]... [--passages N]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { QuoteBook } from "../src/quotes/types.js";

/** The first /quote asked after the first /sources answer. */
const FIRST_QUOTE = "minister government";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      snapshot: { type: "string" },
      "data-dir": { type: "string" },
      query: { type: "string" },
      corpus: { type: "string", multiple: true },
      passages: { type: "string" },
    },
    allowPositionals: true,
  });
  const engine = positionals[0];
  const query = values.query ?? "government said";
  const phases: Record<string, number> = {};
  const mark = (name: string, since: number) => (phases[name] = performance.now() - since);

  if (engine === "minisearch") {
    let t = performance.now();
    // Imported here, so that its cost counts as the baseline's start-up.
    const { default: MiniSearch } = await import("minisearch");
    const { MINISEARCH_OPTIONS } = await import("./minisearch-side.js");
    mark("importMs", t);
    t = performance.now();
    const json = readFileSync(values.snapshot ?? "", "utf8");
    mark("readMs", t);
    t = performance.now();
    const ms = MiniSearch.loadJSON(json, MINISEARCH_OPTIONS);
    mark("loadMs", t);
    t = performance.now();
    const found = ms.search(query).length;
    mark("queryMs", t);
    print({ sinceStartMs: performance.now(), phases, found, fromSnapshot: true });
    return;
  }

  if (engine === "dateline") {
    let t = performance.now();
    const { createLogger } = await import("../src/core/log.js");
    const { loadBenchCorpus, defaultCorpusLocations } = await import("./corpora.js");
    const { loadDatelineModules, benchNewsroom, datelineRunner, absentQuoteBook } = await import("./engine.js");
    const { packageRoot } = await import("../src/paths.js");
    const modules = await loadDatelineModules();
    mark("importMs", t);
    if (!modules.openSourceIndex) throw new Error(modules.missing.join("; "));
    const log = createLogger("warn");
    const locations = values.corpus ?? defaultCorpusLocations(packageRoot()) ?? [];
    const passages = values.passages === undefined ? null : Number(values.passages);
    const bench = await loadBenchCorpus(locations, passages);
    phases.corpusMs = bench.loadMs;
    phases.replicateMs = bench.replicateMs;
    t = performance.now();
    const { index, fromSnapshot } = await modules.openSourceIndex(bench.corpus, { dataDir: values["data-dir"] ?? null, log });
    mark("indexOpenMs", t);
    // As src/open-newsroom.ts does, quotations are extracted on first use: /sources does not wait for them.
    const buildQuoteBook = modules.buildQuoteBook;
    let book: QuoteBook | null = null;
    const quotes = () => (book ??= buildQuoteBook ? buildQuoteBook(bench.corpus) : absentQuoteBook());
    t = performance.now();
    const newsroom = benchNewsroom(bench.corpus, index, quotes);
    const runner = datelineRunner(newsroom, modules.commands, buildQuoteBook !== null, log);
    const text = query.replace(/^\/sources\s+/, "");
    const found = await runner.run({ command: "sources", kind: "common", text });
    mark("queryMs", t);
    const sinceStartMs = performance.now();
    // Then the first /quote, which pays for the quotation extraction.
    t = performance.now();
    try {
      if (runner.canRun("quote")) await runner.run({ command: "quote", kind: "common", text: FIRST_QUOTE });
      mark("firstQuoteMs", t);
    } catch (error) {
      process.stderr.write(`first-answer: the first /quote failed: ${(error as Error).message}\n`);
    }
    print({ sinceStartMs, phases, found, fromSnapshot, path: runner.path });
    return;
  }
  throw new Error(`unknown engine "${engine ?? ""}" (minisearch or dateline)`);
}

function print(report: object): void {
  process.stdout.write(JSON.stringify(report) + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`first-answer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
