/**
 * The topic index written from packed postings (topic-index.ts) must be the index MiniSearch's `addAll` makes over
 * the same quotations: the same short ids, terms in the same order, postings, field lengths and average, so that
 * every score and every tie of /quote is what it was; and it must take quotations added and removed afterwards
 * as MiniSearch does. MiniSearch is the reference here (its private fields read only to compare).
 */
import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import { PackedDocMap } from "../../src/index/packed-postings.js";
import { QUOTE_INDEX_OPTIONS, TopicIndexBuilder, type IndexedQuote, type TopicIndex } from "../../src/quotes/topic-index.js";

/** What the reference MiniSearch keeps. */
interface MiniSearchInternals {
  _documentCount: number;
  _nextId: number;
  _avgFieldLength: number[];
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
}

function bothIndexes(quotes: readonly IndexedQuote[]) {
  const byAdd = new MiniSearch<IndexedQuote>(QUOTE_INDEX_OPTIONS);
  byAdd.addAll(quotes);
  const builder = new TopicIndexBuilder();
  for (const q of quotes) builder.add(q);
  return { byAdd, built: builder.finish() };
}

function expectSameIndex(byAdd: MiniSearch<IndexedQuote>, built: TopicIndex, count: number): void {
  const a = byAdd as unknown as MiniSearchInternals;
  const b = built.index;
  expect(b.documentCount).toBe(a._documentCount);
  expect(b.nextId).toBe(a._nextId);
  expect(b.averageLength).toBe(a._avgFieldLength[0]);
  const ids = new Map([...built.entries()]);
  for (let shortId = 0; shortId < count; shortId++) {
    expect(ids.get(shortId)).toBe(a._documentIds.get(shortId));
    expect(b.length(shortId)).toBe(a._fieldLength.get(shortId)?.[0] ?? 0);
  }
  const reference = [...a._index].map(([term, fields]) => [term, [...fields.get(0)!]] as const);
  expect([...b.terms].map(([term, postings]) => [term, [...postings]] as const)).toEqual(reference);
}

/** The terms whose postings are not packed bytes. */
function unpackedTerms(built: TopicIndex): string[] {
  return [...built.index.terms].filter(([, postings]) => !(postings instanceof PackedDocMap && postings.bytes)).map(([term]) => term);
}

/** What MiniSearch's `search` with `combineWith: "OR"` returns, as id, score and terms matched, from the topic index's postings. */
function search(built: TopicIndex, query: string) {
  const terms = [...new Set(QUOTE_INDEX_OPTIONS.tokenize!(query, "text").map((t) => QUOTE_INDEX_OPTIONS.processTerm!(t, "text")).filter((t): t is string => typeof t === "string" && t !== ""))];
  const found = built.postings.scoreMany(built.postings.expand(terms.map((term) => ({ term, fuzzy: false }))));
  const ids = new Map([...built.entries()]);
  const hits = Array.from(found.docs.subarray(0, found.count), (doc) => ({ id: ids.get(doc), score: found.score[doc], matched: found.matched[doc] }));
  return hits.sort((x, y) => y.score! - x.score!);
}

function reference(byAdd: MiniSearch<IndexedQuote>, query: string) {
  return byAdd.search(query, { combineWith: "OR" }).map((r) => ({ id: r.id as string, score: r.score, matched: r.queryTerms.length }));
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
      expect(search(built, query)).toEqual(reference(byAdd, query));
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
        expect(search(built, query)).toEqual(reference(byAdd, query));
      }
    });

    it("takes quotations added and removed afterwards as MiniSearch does", () => {
      const { byAdd, built } = bothIndexes(quotes.slice(0, -5));
      byAdd.addAll(quotes.slice(-5));
      byAdd.remove(quotes[3]!);
      for (const q of quotes.slice(-5)) built.add(q);
      built.remove(quotes[3]!);
      // Added to and removed from as bytes (packed-postings.ts): no term was unpacked on the way.
      expect(unpackedTerms(built)).toEqual([]);
      expectSameIndex(byAdd, built, quotes.length);
      for (const query of ["neutrality", "POW video", "Minsk"]) {
        expect(search(built, query)).toEqual(reference(byAdd, query));
      }
    });

    it("takes an article's quotations removed together, then changed ones added, as MiniSearch's remove and add do", () => {
      const { byAdd, built } = bothIndexes(quotes);
      // A changed article: its quotations out (from the middle of the postings), their new wording in (at the end).
      const out = quotes.slice(10, 20);
      const changed = out.map((q) => ({ id: q.id, text: q.text.replace(/\bthe\b/g, "this") + " ceasefire" }));
      for (const q of out) byAdd.remove(q);
      byAdd.addAll(changed);
      built.removeAll(out);
      for (const q of changed) built.add(q);
      expect(unpackedTerms(built)).toEqual([]);
      expectSameIndex(byAdd, built, quotes.length + changed.length);
      for (const query of ["neutrality", "POW video", "ceasefire", "Minsk agreements sponsors"]) {
        expect(search(built, query)).toEqual(reference(byAdd, query));
      }
    });
  });
});
