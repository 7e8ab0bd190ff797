import { test } from "vitest";
import { buildStatements } from "../../src/statements/group.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { seedArticles } from "./seed-data.js";
test("x", async () => {
  const articles = await seedArticles();
  const book = buildQuoteBook({ articles });
  for (const q of book.quotations) console.log("Q", q.doc.slice(0,3), q.start, q.end, q.kind, q.speaker, q.text.slice(0, 50));
  const idx = buildStatements(articles, book.quotations);
  for (const s of idx.statements) {
    console.log("==", s.speaker, s.wordings);
    for (const r of s.renderings) console.log("  ", r.doc.slice(0, 3), r.start, r.kind, r.primary ? "P" : " ", r.text);
  }
});
