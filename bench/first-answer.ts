/**
 * Child process of the benchmark: starts cold, opens a saved index and answers one query, then prints one JSON
 * line: `{sinceStartMs, phases, found, fromSnapshot}` (Dateline's adds `path` and `quotations`: see
 * first-answer-dateline.ts, which also asks a first /quote). `sinceStartMs` is the time since this process
 * started (Node's performance time origin), so it includes Node's own start-up and every import.
 *
 *   node dist/bench/first-answer.js minisearch --snapshot FILE --query TEXT
 *   node dist/bench/first-answer.js dateline --data-dir DIR --query "/sources TEXT" [--corpus PATH]... [--passages N]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

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
    const dataDir = values["data-dir"];
    if (!dataDir) throw new Error("dateline needs --data-dir DIR (the folder holding the snapshots)");
    const t = performance.now();
    // Imported here, so that its cost (and every module of Dateline's) counts as Dateline's start-up.
    const { datelineFirstAnswer } = await import("./first-answer-dateline.js");
    const importMs = performance.now() - t;
    const report = await datelineFirstAnswer({
      dataDir,
      query,
      locations: values.corpus ?? [],
      passages: values.passages === undefined ? null : Number(values.passages),
    });
    report.phases.importMs = importMs + (report.phases.importMs ?? 0);
    print(report);
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
