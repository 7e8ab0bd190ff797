import { test } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { buildStatements } from "../../src/statements/group.js";
test("bbc", async () => {
  let t = Date.now();
  const c = await loadCorpus("/work/shared/corpora/bbc");
  console.log("load", Date.now() - t, c.articles.length); t = Date.now();
  const book = buildQuoteBook(c);
  console.log("quotes", book.quotations.length, Date.now() - t); t = Date.now();
  const idx = buildStatements(c.articles, book.quotations);
  console.log("build", Date.now() - t, "statements", idx.statements.length, "dups", idx.duplicates.length);
  for (const s of idx.statements) {
    console.log("==", s.speaker, s.wordings);
    for (const r of s.renderings) console.log("  ", r.doc, r.start, r.kind, r.speaker, r.copyOf ?? "", r.text.slice(0, 110));
  }
}, 120000);
