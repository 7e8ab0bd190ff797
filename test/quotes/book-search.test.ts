/**
 * CorpusQuoteBook.search answers exactly what the straightforward algorithm answers: MiniSearch over every
 * quotation, the speaker and phrase filters applied to every result, every result ranked and marked, then the
 * repeats within an article collapsed. That algorithm (the book's own until it was made fast) is kept here as
 * the reference, and the book must give the same hits (ids, order, scores, marks) and the same total, for
 * queries drawn from the corpus itself: speakers and none, common and rare words, phrases, pages 1 and 2.
 *
 * One deliberate difference from the old code: query words are normalized once, as the indexed words are. The
 * old code normalized them, joined them and let MiniSearch normalize them a second time, which is not the same
 * for a few words ("US" -> us -> a stop word, so "US" found nothing; "AIDS" -> aids -> aid, so it found "aid"
 * and not "AIDS"). The reference searches the once-normalized words, and a test below pins the difference.
 */
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { PackedDocMap } from "../../src/index/packed-postings.js";
import { article } from "./helpers.js";
import { articlesOf, expectSameAnswers, organisationsOf, PAGES, queriesFrom, ReferenceSearch } from "./reference-search.js";

const BBC = "../shared/corpora/bbc";

describe("quotation search gives the reference answers", () => {
  let seeds: Article[];

  beforeAll(async () => {
    seeds = (await loadCorpus("seeds")).articles;
  });

  it("on the sample corpus", () => {
    const book = buildQuoteBook({ articles: seeds });
    const queries = queriesFrom(book.quotations);
    const withHits = expectSameAnswers(book, queries);
    expect(withHits).toBeGreaterThan(queries.length);
  });

  it("whatever was asked before: a query's arrays are reused by the next, larger or smaller", () => {
    const book = buildQuoteBook({ articles: seeds });
    const queries = queriesFrom(book.quotations);
    const reference = new ReferenceSearch(book.quotations, articlesOf(book), organisationsOf(book));
    const page = { offset: 0, limit: 10 };
    // Each query between the one with the most hits and one with few, in both orders.
    const sized = queries.map((query) => ({ query, total: reference.search(query, page).total })).sort((a, b) => b.total - a.total);
    const [largest, smallest] = [sized[0]!.query, sized.at(-1)!.query];
    for (const query of [...queries, ...[...queries].reverse()]) {
      for (const q of [largest, query, smallest, query]) expect(book.search(q, page), JSON.stringify(q)).toEqual(reference.search(q, page));
    }
  });

  it("after an article is removed and another replaced", () => {
    const book = buildQuoteBook({ articles: seeds });
    const queries = queriesFrom(book.quotations);
    expectSameAnswers(book, queries);
    book.remove(seeds[0]!.id);
    const changed = seeds[1]!;
    book.upsert({ ...changed, text: changed.text.replace(/Minsk/g, "Munsk") });
    expect(book.quotations.some((q) => q.doc === seeds[0]!.id)).toBe(false);
    expectSameAnswers(book, queries);
  });

  it("keeps every term's postings packed (scoring reads them fastest), also after live changes", () => {
    const book = buildQuoteBook({ articles: seeds });
    const unpacked = () => [...book.topicIndex.index.terms].filter(([, postings]) => !(postings instanceof PackedDocMap && postings.bytes)).map(([term]) => term);
    expect(unpacked()).toEqual([]);
    book.remove(seeds[0]!.id);
    book.upsert({ ...seeds[1]!, text: seeds[1]!.text.replace(/Minsk/g, "Munsk") });
    // Quotations are appended to the packed postings and removed from them as bytes (packed-postings.ts).
    expect(unpacked()).toEqual([]);
    const reference = new ReferenceSearch(book.quotations, articlesOf(book), organisationsOf(book));
    expect(unpacked()).toEqual([]);
    for (const query of queriesFrom(book.quotations)) expect(book.search(query, PAGES[0]!)).toEqual(reference.search(query, PAGES[0]!));
  });

  it("searches a word as the index holds it: “US” and “AIDS” find those words", () => {
    const book = buildQuoteBook({
      articles: [
        article("us.txt", [`"The US will not stand by," Anna Moor said.`, `"We fight AIDS every day," she added.`, `"Aid is coming," Paul Brook said.`]),
      ],
    });
    const texts = (words: string[]) => book.search({ speaker: null, words, phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => h.quotation.text);
    expect(texts(["US"])).toEqual(["The US will not stand by,"]);
    expect(texts(["AIDS"])).toEqual(["We fight AIDS every day,"]);
    expect(texts(["aid"])).toEqual(["Aid is coming,"]);
  });

  it("shows the same words quoted twice in one article once, and a wire copy in another article as a copy, on every page, counting them once", () => {
    const repeated = (n: number) => `"The harbour tax must go, and soon," Anna Moor said in speech ${n}.`;
    const book = buildQuoteBook({
      articles: [
        article("a.txt", [repeated(1), `"The harbour tax must go," she said again.`, `"The harbour tax is fair," Paul Brook said.`]),
        // Twice the same words with the same attribution: the first is shown.
        article("c.txt", [`"Ferries will run all winter," Paul Brook said.`, `"Ferries will run all winter," Paul Brook said.`]),
        article("b.txt", [repeated(2)]),
      ],
    });
    const query = { speaker: null, words: ["harbour", "tax"], phrases: [] };
    const found = book.search(query, { offset: 0, limit: 10 });
    expect(found.hits.map((h) => [h.quotation.doc, h.quotation.text, h.copies])).toEqual(
      expect.arrayContaining([
        ["a.txt", "The harbour tax must go, and soon,", ["b.txt#q0"]],
        ["a.txt", "The harbour tax is fair,", []],
      ]),
    );
    expect(found.total).toBe(2);
    expect(found.hits).toEqual(new ReferenceSearch(book.quotations, articlesOf(book), organisationsOf(book)).search(query, { offset: 0, limit: 10 }).hits);
    const ferries = book.search({ speaker: null, words: ["ferries"], phrases: [] }, { offset: 0, limit: 10 });
    expect(ferries.total).toBe(1);
    expect(ferries.hits[0]!.quotation.paragraph).toBe(1);
    const second = book.search(query, { offset: 1, limit: 10 });
    expect(second.total).toBe(2);
    expect(second.hits).toHaveLength(1);
    expect(second.hits[0]!.quotation.text).not.toBe(found.hits[0]!.quotation.text);
  });

  it("never folds different quotations of an article together through a word or two quoted alone", () => {
    const saysRiver = "The river is higher than anyone said it would be, and that frightens me,";
    const book = buildQuoteBook({
      articles: [
        article("w.txt", [
          `"${saysRiver}" Mara Bell said.`,
          `"That," Ms Bell said of the river gauge, "is the worst reading of the year."`,
          `Asked about the river, Ms Bell said: "I have lived here for forty years and never seen anything that comes close to this."`,
        ]),
      ],
    });
    const query = { speaker: "Mara Bell", words: ["river"], phrases: [] };
    const found = book.search(query, { offset: 0, limit: 10 });
    // The quotation saying "river" is shown as itself, first; the others, in sentences about it, each as itself.
    expect([found.hits[0]!.quotation.text, found.hits[0]!.match]).toEqual([saysRiver, "words"]);
    expect(found.hits.slice(1).map((h) => h.match)).toEqual(found.hits.slice(1).map(() => "sentence"));
    expect(found.total).toBe(found.hits.length);
    expect(found.hits.map((h) => h.quotation.text)).toContain("I have lived here for forty years and never seen anything that comes close to this.");
    expect(found.hits).toEqual(new ReferenceSearch(book.quotations, articlesOf(book), organisationsOf(book)).search(query, { offset: 0, limit: 10 }).hits);
  });
});

describe.skipIf(!existsSync(BBC))("quotation search gives the reference answers on the BBC corpus (research copy)", () => {
  it("for speakers and none, common and rare words, phrases, pages 1 and 2", async () => {
    const corpus = await loadCorpus(BBC);
    const book = buildQuoteBook(corpus);
    const queries = queriesFrom(book.quotations);
    const withHits = expectSameAnswers(book, queries);
    expect(withHits).toBeGreaterThan(queries.length);
  });
});

describe("speakersSaying: which speakers a topic search would first show saying the words", () => {
  /** What /quote asked before: one search per speaker, its first hit matching the words themselves. */
  function oneByOne(book: ReturnType<typeof buildQuoteBook>, speakers: readonly string[], topic: { words: string[]; phrases: string[] }): string[] {
    return speakers.filter((speaker) => book.search({ speaker, ...topic }, { offset: 0, limit: 1 }).hits[0]?.match === "words");
  }

  async function check(articles: Article[]): Promise<number> {
    const book = buildQuoteBook({ articles });
    await book.placesInBackground();
    const counts = new Map<string, number>();
    for (const q of book.quotations) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
    // The most quoted (repeats and wire copies are theirs most often), with an unknown name among them.
    const speakers = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 24).map(([name]) => name);
    speakers.push("Nobody Ever Quoted");
    let found = 0;
    for (const query of queriesFrom(book.quotations)) {
      if (query.speaker !== null) continue;
      const topic = { words: query.words, phrases: query.phrases };
      for (let from = 0; from < speakers.length; from += 8) {
        const group = speakers.slice(from, from + 8);
        const expected = oneByOne(book, group, topic);
        expect([...book.speakersSaying(group, topic)].sort(), JSON.stringify(topic)).toEqual([...expected].sort());
        found += expected.length;
      }
    }
    return found;
  }

  it("on the sample corpus", async () => {
    expect(await check((await loadCorpus("seeds")).articles)).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(BBC))("on the BBC corpus (research copy)", async () => {
    expect(await check((await loadCorpus(BBC)).articles)).toBeGreaterThan(20);
  }, 120_000);
});
