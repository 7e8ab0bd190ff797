import { describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { PassageIndex } from "../../src/search/source-index.js";
import { termScoreBound } from "../../src/index/bm25.js";
import { articleBound, firstRoundBound, worthPruning } from "../../src/search/term-plan.js";
import type { SourceQuery } from "../../src/search/types.js";
import { makeArticle } from "../helpers/articles.js";

describe("pruning bounds", () => {
  it("prunes only queries with many postings", () => {
    expect(worthPruning(100, 10_000, { fullSearchPostings: 2000, fullSearchShare: 0.02 })).toBe(false);
    expect(worthPruning(5000, 10_000, { fullSearchPostings: 2000, fullSearchShare: 0.02 })).toBe(true);
    expect(worthPruning(5000, 1_000_000, { fullSearchPostings: 2000, fullSearchShare: 0.02 })).toBe(false);
  });

  it("bounds a posting by the highest frequency in the shortest document", () => {
    const idf = 2;
    expect(termScoreBound(idf, 3, 5, 10)).toBeGreaterThan(termScoreBound(idf, 1, 5, 10));
    expect(termScoreBound(idf, 1, 2, 10)).toBeGreaterThan(termScoreBound(idf, 1, 20, 10));
  });

  it("bounds an article by its clauses' sums (body, and title weighted) times their number", () => {
    const body = new Float64Array([1, 2, 4]);
    const title = new Float64Array([3, 0, 5]);
    expect(articleBound(0b101, body, title, 1)).toBeCloseTo((1 + 4 + 3 + 5) * 2);
    expect(articleBound(0b010, body, title, 0.5)).toBeCloseTo(2);
  });

  it("finds the bound that at least the wanted number of articles reach", () => {
    const bounds = new Float64Array([5, 1, 9, 5, 3, 5, 7]);
    expect(firstRoundBound(bounds, 7, 1)).toBe(9);
    expect(firstRoundBound(bounds, 7, 3)).toBe(5);
    expect(firstRoundBound(bounds, 7, 5)).toBe(5);
    expect(firstRoundBound(bounds, 7, 6)).toBe(3);
    expect(firstRoundBound(bounds, 7, 7)).toBe(-Infinity);
  });
});

/** A seeded pseudo-random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Made-up words, drawn with Zipf-like frequencies: a few very common, many rare. */
const WORDS = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x${"abcdefgh"[i % 8]}`);

function zipfWord(next: () => number): string {
  return WORDS[Math.min(WORDS.length - 1, Math.floor(Math.pow(WORDS.length, next()) - 1))]!;
}

function randomCorpus(next: () => number, count: number): Article[] {
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const paragraphs = 1 + Math.floor(next() * 5);
    for (let p = 0; p < paragraphs; p++) {
      const length = 3 + Math.floor(next() * 40);
      parts.push(Array.from({ length }, () => zipfWord(next)).join(" ") + ".");
    }
    const title = next() < 0.7 ? Array.from({ length: 2 + Math.floor(next() * 5) }, () => zipfWord(next)).join(" ") : null;
    articles.push(makeArticle(`a${String(i).padStart(4, "0")}.txt`, parts, { title, outlet: i % 3 === 0 ? "Wire" : "Daily" }));
  }
  return articles;
}

const q = (words: string, phrases: string[] = []): SourceQuery => ({ words: words.split(" "), phrases });

describe("PassageIndex with safe dynamic pruning", () => {
  const next = random(13);
  const articles = randomCorpus(next, 600);
  const pruned = PassageIndex.build(articles);
  // Per-article bounds alone (the path of queries with filters or phrases); block-max.test.ts tests block maxima.
  pruned.planning = { fullSearchPostings: 0, fullSearchShare: 0, blockMax: false };
  const exhaustive = PassageIndex.build(articles);
  exhaustive.planning = { fullSearchPostings: Number.MAX_SAFE_INTEGER, fullSearchShare: 0 };

  it("gives exactly the page and total of scoring everything, on 300 random queries", () => {
    let prunedSomething = 0;
    for (let i = 0; i < 300; i++) {
      const length = 1 + Math.floor(next() * 8);
      const query = q(Array.from({ length }, () => zipfWord(next)).join(" "));
      const limit = [1, 5, 10, 25][i % 4]!;
      const offset = i % 5 === 0 ? 10 : 0;
      const page = { offset, limit };
      if (i % 7 === 0) query.outlet = "wire";
      const a = pruned.search(query, page);
      const b = exhaustive.search(query, page);
      expect(a.hits.map((h) => [h.doc, h.score, h.paragraph, h.start, h.end]), query.words.join(" ")).toEqual(
        b.hits.map((h) => [h.doc, h.score, h.paragraph, h.start, h.end]),
      );
      expect(a.total, query.words.join(" ")).toBe(b.total);
      if (pruned.lastSearch.scored < pruned.lastSearch.candidates) prunedSomething++;
    }
    // Most queries left articles unscored.
    expect(prunedSomething).toBeGreaterThan(150);
  });

  it("keeps phrases exact under pruning", () => {
    for (let i = 0; i < 40; i++) {
      const phrase = `${zipfWord(next)} ${zipfWord(next)}`;
      const query = q(zipfWord(next), [phrase]);
      const a = pruned.search(query, { offset: 0, limit: 10 });
      const b = exhaustive.search(query, { offset: 0, limit: 10 });
      expect(a.hits.map((h) => [h.doc, h.score])).toEqual(b.hits.map((h) => [h.doc, h.score]));
      expect(a.total).toBe(b.total);
    }
  });

  it("counts every article holding a word of the query, and pages through one ranking", () => {
    const common = `${WORDS[0]} ${WORDS[1]} ${WORDS[2]}`;
    const holds = (a: Article, w: string) => new RegExp(`\\b${w}\\b`).test(a.text + " " + (a.title ?? ""));
    const holders = articles.filter((a) => [WORDS[0]!, WORDS[1]!, WORDS[2]!].some((w) => holds(a, w))).length;
    const result = pruned.search(q(common), { offset: 0, limit: 10 });
    expect(holders).toBeGreaterThan(100);
    expect(result.total).toBe(holders);
    expect(result.hits).toHaveLength(10);
    const pages = [0, 10, 20].flatMap((offset) => pruned.search(q(common), { offset, limit: 10 }).hits.map((h) => h.doc));
    expect(pages).toEqual(exhaustive.search(q(common), { offset: 0, limit: 30 }).hits.map((h) => h.doc));
  });
});
