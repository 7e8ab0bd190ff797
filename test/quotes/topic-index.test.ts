/**
 * The topic index written from packed postings (topic-index.ts) must be the index MiniSearch's `addAll` makes over
 * the same quotations: the same short ids, terms in the same order, postings, field lengths and average, so that
 * every score and every tie of /quote is what it was.
 */
import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import type { MiniSearchInternals } from "../../src/index/minisearch-internals.js";
import { QUOTE_INDEX_OPTIONS, TopicIndexBuilder, type IndexedQuote } from "../../src/quotes/topic-index.js";

function bothIndexes(quotes: readonly IndexedQuote[]) {
  const byAdd = new MiniSearch<IndexedQuote>(QUOTE_INDEX_OPTIONS);
  byAdd.addAll(quotes);
  const builder = new TopicIndexBuilder();
  for (const q of quotes) builder.add(q);
  return { byAdd, built: builder.finish() };
}

function expectSameIndex(byAdd: MiniSearch<IndexedQuote>, built: MiniSearch<IndexedQuote>, count: number): void {
  const a = byAdd as unknown as MiniSearchInternals;
  const b = built as unknown as MiniSearchInternals;
  expect(b._documentCount).toBe(a._documentCount);
  expect(b._nextId).toBe(a._nextId);
  expect(b._avgFieldLength).toEqual(a._avgFieldLength);
  for (let shortId = 0; shortId < count; shortId++) {
    expect(b._documentIds.get(shortId)).toBe(a._documentIds.get(shortId));
    expect(b._fieldLength.get(shortId)?.[0]).toBe(a._fieldLength.get(shortId)?.[0]);
  }
  const termsOf = (ms: MiniSearchInternals) => [...ms._index].map(([term, fields]) => [term, [...fields.get(0)!]] as const);
  expect(termsOf(b)).toEqual(termsOf(a));
}

describe("topic index written from packed postings", () => {
  it("is the index addAll makes: repeated words, case, stop words, variants, a text of stop words only", () => {
    const quotes: IndexedQuote[] = [
      { id: "a#q0", text: "We will not, we will NOT, accept it." },
      { id: "a#q1", text: "The US and the us: Kiev, Kyiv, children and a child." },
      { id: "b#q0", text: "It is what it is." },
      { id: "b#q1", text: "Neutrality is not for sale, Spoljarić said; Spoljaric meant it." },
    ];
    const { byAdd, built } = bothIndexes(quotes);
    expectSameIndex(byAdd, built, quotes.length);
    for (const query of ["will", "kyiv child", "neutrality spoljaric", "sale"]) {
      expect(built.search(query, { combineWith: "OR" })).toEqual(byAdd.search(query, { combineWith: "OR" }));
    }
  });

  describe("over the sample corpus's quotations", () => {
    let quotes: IndexedQuote[];
    beforeAll(async () => {
      const corpus = await loadCorpus("seeds");
      quotes = corpus.articles.flatMap((article) => quoteArticle(article).quotations.map((q) => ({ id: q.id, text: q.text })));
    });

    it("holds the same postings, lengths and scores", () => {
      expect(quotes.length).toBeGreaterThan(40);
      const { byAdd, built } = bothIndexes(quotes);
      expectSameIndex(byAdd, built, quotes.length);
      for (const query of ["neutrality", "POW video", "Minsk agreements sponsors", "ceasefire humanitarian access"]) {
        expect(built.search(query, { combineWith: "OR" })).toEqual(byAdd.search(query, { combineWith: "OR" }));
      }
    });

    it("takes quotations added and removed afterwards as MiniSearch does", () => {
      const { byAdd, built } = bothIndexes(quotes.slice(0, -5));
      for (const ms of [byAdd, built]) {
        ms.addAll(quotes.slice(-5));
        ms.remove(quotes[3]!);
      }
      for (const query of ["neutrality", "POW video", "Minsk"]) {
        expect(built.search(query, { combineWith: "OR" })).toEqual(byAdd.search(query, { combineWith: "OR" }));
      }
    });
  });
});
