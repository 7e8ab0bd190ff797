import { beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { CorpusQuoteBook } from "../../src/quotes/book.js";
import { openQuoteBookSteps } from "../../src/quotes/snapshot.js";

let articles: Article[];
beforeAll(async () => {
  const corpus = await loadCorpus("seeds");
  // Twice, the second time under other ids, and one id given twice (the later article wins, as in the constructor).
  articles = [...corpus.articles, ...corpus.articles.map((a) => ({ ...a, id: `copy/${a.id}` })), { ...corpus.articles[1]!, id: corpus.articles[0]!.id }];
});

const ask = (book: CorpusQuoteBook, words: string) =>
  book.search({ speaker: null, words: words.split(" "), phrases: [] }, { offset: 0, limit: 20 }).hits.map((h) => [h.quotation.id, h.quotation.speaker, h.quotation.text]);

/** Runs steps to the end, noting what had been extracted at each pause. */
function run<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

describe("the quote book extracted in steps (a first start without a snapshot)", () => {
  it("pauses after each article and gives the book the constructor gives", () => {
    const { value: stepped, pauses } = run(CorpusQuoteBook.extractSteps(articles));
    const atOnce = new CorpusQuoteBook(articles);
    expect(pauses).toBeGreaterThanOrEqual(articles.length);
    expect(stepped.quotations).toEqual(atOnce.quotations);
    expect(stepped.speakers.speakers.map((s) => s.name)).toEqual(atOnce.speakers.speakers.map((s) => s.name));
    const words = atOnce.quotations.slice(0, 5).map((q) => q.text.split(/\W+/).reduce((a, b) => (b.length > a.length ? b : a), ""));
    for (const word of words) expect(ask(stepped, word)).toEqual(ask(atOnce, word));
  });

  it("is how the book opens without a snapshot: steps, not one long one", () => {
    const { value: opened, pauses } = run(openQuoteBookSteps(articles, { dataDir: null, fingerprint: "f", log: memoryLogger() }));
    expect(opened.fromSnapshot).toBe(false);
    expect(pauses).toBeGreaterThanOrEqual(articles.length);
    expect(opened.book.quotations).toEqual(new CorpusQuoteBook(articles).quotations);
  });
});
