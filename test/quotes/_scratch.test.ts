import { it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { readFileSync } from "node:fs";
it("scratch", async () => {
  const c = await loadCorpus("seeds");
  const fx = JSON.parse(readFileSync("test/fixtures/seed-quotes.json", "utf8")).quotes;
  const book = buildQuoteBook(c);
  for (const q of book.quotations) {
      const f = fx.find((x: any) => x.doc === q.doc && x.start === q.start && x.end === q.end);
      const ok = f ? (f.speaker === q.speaker && f.kind === q.kind ? "OK " : `BAD(${f.speaker},${f.kind})`) : (q.kind === "transcript" ? "T  " : "EXTRA");
      if (ok !== "OK " && ok !== "T  ") console.log(ok, q.doc, q.start, q.end, q.kind, JSON.stringify(q.speaker), q.cue, JSON.stringify(q.mention), q.confidence, q.evidence, "|", q.text.slice(0, 50));
  }
  for (const f of fx.filter((x: any) => x.start !== undefined)) {
      if (!book.quotations.some((q) => q.doc === f.doc && q.start === f.start && q.end === f.end)) console.log("MISS", f.start, f.end, f.text.slice(0, 60));
  }
  for (const s of book.speakers.speakers) console.log(s.name, s.kind, s.gender, s.quotes, JSON.stringify(s.aliases));
});
