/**
 * Postings must score exactly as MiniSearch.search does (same documents, same scores, same clauses matched),
 * since it replaces it on the hot path. Checked on the seeds always, and on the BBC corpus when present.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type MiniSearch from "minisearch";
import type { SearchResult } from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { analyze, glossaryLexicon } from "../../src/text/analysis.js";
import { OrdinalMarks } from "../../src/search/article-scores.js";
import { bitCount, Postings, type ScoredClause } from "../../src/index/postings.js";
import { indexedTexts, type IndexedDoc } from "../../src/search/source-index.js";
import { BothIndexes } from "./test-term-index.js";

const SEEDS = join(process.cwd(), "seeds");
const BBC = join(process.cwd(), "..", "shared", "corpora", "bbc");

/** MiniSearch and the term index, fed the same passages. */
function buildBoth(articles: readonly Article[]): BothIndexes {
  const lexicon = glossaryLexicon();
  const both = new BothIndexes();
  for (const article of articles) {
    for (const { id, text } of indexedTexts(article)) {
      const terms = analyze(text, lexicon);
      if (terms.length > 0) both.add({ id, terms: terms.join(" ") });
    }
  }
  return both;
}

/** What MiniSearch itself returns for the clauses, as the index used to ask it. */
function reference(ms: MiniSearch<IndexedDoc>, clauses: readonly ScoredClause[], boost?: (id: string) => number): SearchResult[] {
  return ms.search(
    { combineWith: "OR", queries: clauses.map((c) => c.term) },
    {
      prefix: false,
      fuzzy: (term) => (clauses.find((c) => c.term === term)?.fuzzy ? 0.25 : false),
      maxFuzzy: 2,
      tokenize: (text) => [text],
      processTerm: (term) => term,
      ...(boost ? { boostDocument: boost } : {}),
    },
  );
}

function expectSame(ms: MiniSearch<IndexedDoc>, postings: Postings, clauses: ScoredClause[], accept?: (id: string) => boolean): number {
  const expected = reference(ms, clauses, accept ? (id) => (accept(id) ? 1 : 0) : undefined);
  const ids = new Map([...postings.documents()].map(([short, id]) => [short, id]));
  const touched = postings.score(postings.expand(clauses), accept ? (short) => accept(ids.get(short)!) : null);
  const got = new Map<string, { score: number; clauses: string[] }>();
  for (let i = 0; i < touched.count; i++) {
    const doc = touched.docs[i]!;
    const mask = touched.mask[doc]!;
    got.set(ids.get(doc)!, { score: touched.score[doc]!, clauses: clauses.filter((_, c) => mask & (1 << c)).map((c) => c.term) });
    expect(bitCount(mask)).toBeGreaterThan(0);
  }
  expect(got.size).toBe(expected.length);
  for (const r of expected) {
    const mine = got.get(r.id as string);
    expect(mine, `${r.id} for ${clauses.map((c) => c.term).join(" ")}`).toBeDefined();
    expect(mine!.score).toBe(r.score);
    expect(mine!.clauses.sort()).toEqual([...r.queryTerms].sort());
  }
  return expected.length;
}

const clause = (term: string, fuzzy = false): ScoredClause => ({ term, fuzzy });

describe("Postings on the seeds", () => {
  let ms: MiniSearch<IndexedDoc>;
  let postings: Postings;
  beforeAll(async () => {
    const corpus = await loadCorpus(SEEDS, { log: memoryLogger("error") });
    const both = buildBoth(corpus.articles);
    ms = both.ms;
    postings = both.postings;
  });

  it("scores one term, several terms and misspelled terms exactly as MiniSearch", () => {
    const terms = analyze("Lavrov prisoners video Red Cross humanitarian Moscow", glossaryLexicon());
    expect(terms.length).toBeGreaterThan(4);
    expect(expectSame(ms, postings, [clause(terms[0]!)])).toBeGreaterThan(0);
    expect(expectSame(ms, postings, terms.map((t) => clause(t)))).toBeGreaterThan(3);
    expect(expectSame(ms, postings, [clause("lavrow", true), clause("spoljarik", true), clause(terms[2]!)])).toBeGreaterThan(0);
  });

  it("scores any number of clauses as MiniSearch, counting the clauses each document matches (scoreMany)", () => {
    const text =
      "Lavrov prisoners video Red Cross humanitarian Moscow Kyiv Ukraine Russia war talks minister foreign said " +
      "government president army soldiers city attack peace deal week year people country officials support " +
      "military forces border region capital news statement agency international meeting security council";
    const terms = [...new Set(analyze(text, glossaryLexicon()))];
    expect(terms.length).toBeGreaterThan(32);
    const expected = reference(ms, terms.map((t) => clause(t)));
    const ids = new Map([...postings.documents()]);
    const found = postings.scoreMany(postings.expand(terms.map((t) => clause(t))));
    const got = new Map<string, [number, number]>();
    for (let i = 0; i < found.count; i++) {
      const doc = found.docs[i]!;
      got.set(ids.get(doc)!, [found.score[doc]!, found.matched[doc]!]);
    }
    expect(got.size).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(10);
    for (const r of expected) expect(got.get(r.id as string), r.id as string).toEqual([r.score, r.queryTerms.length]);
    // And `score` afterwards starts clean.
    expectSame(ms, postings, [clause(terms[0]!)]);
  });

  it("scores only the documents accepted, and forgets the last query's documents", () => {
    const terms = analyze("Lavrov humanitarian", glossaryLexicon()).map((t) => clause(t));
    expectSame(ms, postings, terms, (id) => id.startsWith("002"));
    expectSame(ms, postings, [clause(terms[1]!.term)]);
  });

  it("scores the clauses it is told to in the given documents alone, and the others everywhere", () => {
    const clauses = postings.expand([clause("lavrov"), clause(analyze("humanitarian", glossaryLexicon())[0]!)]);
    const all = postings.score(clauses);
    const full = new Map(Array.from(all.docs.subarray(0, all.count), (doc) => [doc, [all.score[doc]!, all.mask[doc]!]] as const));
    const some = new Uint8Array(postings.nextId);
    const chosen = [...full.keys()].filter((_, i) => i % 2 === 0);
    for (const doc of chosen) some[doc] = 1;
    // Each document its own group here; the passage index groups them by article.
    const group = Int32Array.from({ length: postings.nextId }, (_, doc) => doc);
    const restricted = postings.score(clauses, null, { group, allowed: some, clauses: 0b10 });
    for (let i = 0; i < restricted.count; i++) {
      const doc = restricted.docs[i]!;
      const mask = restricted.mask[doc]!;
      if (some[doc] === 1) expect([restricted.score[doc], mask]).toEqual(full.get(doc));
      else expect(mask & 0b10).toBe(0);
    }
    const lavrovOnly = [...full].filter(([doc, [, mask]]) => some[doc] === 0 && mask & 0b01).length;
    expect(restricted.count).toBe(chosen.length + lavrovOnly);
  });

  it("leaves out discarded documents", () => {
    const fresh = buildBoth([]);
    fresh.add({ id: "a#p1", terms: "lavrov said" });
    fresh.add({ id: "b#p1", terms: "lavrov spoke" });
    fresh.discard("a#p1");
    const p = fresh.postings;
    const touched = p.score(p.expand([clause("lavrov")]));
    expect(touched.count).toBe(1);
    expect([...p.documents()].find(([short]) => short === touched.docs[0])?.[1]).toBe("b#p1");
  });

  it("marks each group with the clauses its live documents hold, fuzzy matches included", () => {
    const fresh = buildBoth([]);
    fresh.add({ id: "a#p1", terms: "lavrov said" });
    fresh.add({ id: "a#p2", terms: "moscow talks" });
    fresh.add({ id: "b#p1", terms: "lavrov spoke" });
    fresh.add({ id: "c#p1", terms: "moscow lavrov" });
    fresh.add({ id: "d#p1", terms: "other words" });
    fresh.discard("c#p1");
    const p = fresh.postings;
    const groupOf: Record<string, number> = { a: 0, b: 1, c: 2, d: 3 };
    const group = new Int32Array(p.nextId).fill(-1);
    for (const [short, id] of p.documents()) group[short] = groupOf[id[0]!]!;
    const marks = new OrdinalMarks();
    marks.begin(4);
    p.markGroups(p.expand([clause("lavrow", true), clause("moscow")]), group, marks, { paragraphs: new Int32Array(p.nextId).fill(1), body: new Float64Array(32), title: new Float64Array(32) });
    const marked = [...marks.touched.subarray(0, marks.count)].map((g) => [g, marks.value[g]]);
    // "c" holds both words only in a discarded passage; "d" holds neither.
    expect(marked.sort((x, y) => x[0]! - y[0]!)).toEqual([
      [0, 0b11],
      [1, 0b01],
    ]);
  });
});

describe.skipIf(!existsSync(BBC))("Postings on the BBC corpus", () => {
  let ms: MiniSearch<IndexedDoc>;
  let postings: Postings;
  beforeAll(async () => {
    const corpus = await loadCorpus(BBC, { log: memoryLogger("error") });
    const both = buildBoth(corpus.articles);
    ms = both.ms;
    postings = both.postings;
  }, 120_000);

  it("gives MiniSearch's scores for common, rare, long and misspelled queries", () => {
    const lexicon = glossaryLexicon();
    const queries = [
      "government said",
      "economic growth",
      "Mourinho",
      "what did the finance minister say about interest rates and inflation in the first quarter of the year",
      "shares in the largest oil companies fell sharply after the cartel failed to agree on production cuts",
    ];
    for (const q of queries) expect(expectSame(ms, postings, analyze(q, lexicon).map((t) => clause(t)))).toBeGreaterThan(0);
    expect(expectSame(ms, postings, [clause("mourino", true), clause("chelsea")])).toBeGreaterThan(0);
    expect(expectSame(ms, postings, [clause("blair"), clause("elektion", true)], (id) => id.startsWith("politics/"))).toBeGreaterThan(0);
  });
});

describe("bitCount", () => {
  it("counts the bits of any 32-bit mask", () => {
    const byLoop = (mask: number) => [...(mask >>> 0).toString(2)].filter((b) => b === "1").length;
    const masks = [0, 1, 2, 3, 0xff, 0x7fffffff, 0x80000000, 0xffffffff, (1 << 31) | 1, 0x55555555, 0xaaaaaaaa];
    for (let i = 0; i < 1000; i++) masks.push(Math.floor(Math.random() * 2 ** 32));
    for (const mask of masks) expect(bitCount(mask), mask.toString(16)).toBe(byLoop(mask));
  });
});
