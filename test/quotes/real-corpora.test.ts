import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildQuoteBook } from "../../src/quotes/book.js";

const BBC = "../shared/corpora/bbc";

describe.skipIf(!existsSync(BBC))("quotations of the BBC corpus (research copy, absent in a user's clone)", () => {
  it("extracts and attributes quotations from all 2,225 articles, every one verbatim", async () => {
    const corpus = await loadCorpus(BBC);
    expect(corpus.articles.length).toBe(2225);
    const book = buildQuoteBook(corpus);
    const quotations = book.quotations;
    expect(quotations.length).toBeGreaterThan(5000);
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    for (const q of quotations) expect(byId.get(q.doc)!.text.slice(q.start, q.end)).toBe(q.text);
    const attributed = quotations.filter((q) => q.speaker !== null).length;
    expect(attributed / quotations.length).toBeGreaterThan(0.8);
    // A well-known speaker of the corpus is found under one canonical name.
    const blair = book.speakers.resolve("Mr Blair");
    expect(blair?.name).toBe("Tony Blair");
    const hits = book.search({ speaker: "Tony Blair", words: ["election"], phrases: [] }, { offset: 0, limit: 5 }).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.quotation.speaker).toBe("Tony Blair");
  });
});
