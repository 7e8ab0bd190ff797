import { test } from "vitest";
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { buildStatements } from "../../src/statements/group.js";
test("bbc", async () => {
  const c = await loadCorpus("/work/shared/corpora/bbc");
  const book = buildQuoteBook(c);
  const q = book.quotations;
  const session = new Session(); session.connect();
  await session.post("Profiler.enable"); await session.post("Profiler.start");
  let t = Date.now();
  const idx = buildStatements(c.articles, q);
  console.log("build", Date.now() - t, "statements", idx.statements.length, "dups", idx.duplicates.length);
  const { profile } = await session.post("Profiler.stop");
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas!; const samples = profile.samples!;
  for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]!)!; const k = `${n.callFrame.functionName}@${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + dt[i]!); }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join("\n"));
  writeFileSync("/tmp/bbc-statements.json", JSON.stringify(idx.statements));
}, 180000);
