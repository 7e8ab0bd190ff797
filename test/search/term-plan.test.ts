import { describe, expect, it, vi } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { PassageIndex } from "../../src/search/source-index.js";
import { maxDocumentScore, neededClauses, planByRarity } from "../../src/search/term-plan.js";
import type { SourceQuery } from "../../src/search/types.js";
import { makeArticle } from "../helpers/articles.js";

const tf = (term: string, documents: number) => ({ term, documents });
const options = { fullSearchPostings: 10, fullSearchShare: 0 };

describe("planByRarity", () => {
  it("searches everything at once for one term or few postings", () => {
    expect(planByRarity([tf("year", 5000)], 10_000, options).mode).toBe("all");
    expect(planByRarity([tf("a", 3), tf("b", 4), tf("c", 2)], 10_000, options).mode).toBe("all");
  });

  it("with two words, takes as candidates the holders of the rarer one when it is rare", () => {
    expect(planByRarity([tf("year", 900), tf("greenspan", 8)], 10_000, options)).toEqual({
      mode: "candidates",
      required: ["greenspan"],
      minTerms: 1,
      bounded: true,
    });
  });

  it("with two common words, takes as candidates the holders of both", () => {
    expect(planByRarity([tf("year", 900), tf("new", 1200)], 10_000, options)).toEqual({
      mode: "candidates",
      required: ["year", "new"],
      minTerms: 1,
      bounded: true,
    });
  });

  it("with three words or more, takes as candidates the holders of half of them", () => {
    const terms = [tf("bank", 900), tf("cartel", 4), tf("rate", 700), tf("price", 800), tf("lending", 9), tf("key", 50)];
    expect(neededClauses(terms.length)).toBe(3);
    expect(planByRarity(terms, 10_000, options)).toEqual({ mode: "candidates", required: [], minTerms: 3, bounded: false });
  });

  it("requires a phrase's words of every candidate, and no other article can match", () => {
    const plan = planByRarity([tf("market", 900), tf("report", 800)], 10_000, options, ["market", "report"]);
    expect(plan).toEqual({ mode: "candidates", required: ["market", "report"], minTerms: 1, bounded: false });
  });

  it("bounds a document's score above by its terms' rarity", () => {
    expect(maxDocumentScore([tf("rare", 2)], 1000)).toBeGreaterThan(maxDocumentScore([tf("common", 500)], 1000));
    expect(maxDocumentScore([tf("a", 500), tf("b", 500)], 1000)).toBeCloseTo(4 * maxDocumentScore([tf("a", 500)], 1000));
  });
});

/** Many articles with common words, a few with rare ones: enough for the planner to restrict candidates. */
function corpus(): Article[] {
  const articles: Article[] = [];
  for (let i = 0; i < 40; i++) {
    const parts = [`The market report for week ${i} was published by the ministry.`, "Traders said the market was calm and the report routine."];
    if (i % 3 === 0) parts.push("The weather stayed mild over the harbour.");
    articles.push(makeArticle(`common-${i}.txt`, parts));
  }
  articles.push(makeArticle("zanzibar-all.txt", ["Zanzibar traders read the market report with interest.", "Cloves sold well."]));
  articles.push(makeArticle("zanzibar-only.txt", ["Zanzibar cloves sold well this season at the harbour."]));
  articles.push(makeArticle("zanzibar-market.txt", ["A new market opened in Zanzibar.", "Its report is due next month."]));
  return articles;
}

const page = { offset: 0, limit: 10 };
const q = (words: string, phrases: string[] = []): SourceQuery => ({ words: words.split(" "), phrases });

describe("PassageIndex with rare terms first", () => {
  const articles = corpus();
  const planned = PassageIndex.build(articles);
  planned.planning = options;
  const plain = PassageIndex.build(articles);
  plain.planning = { fullSearchPostings: Number.MAX_SAFE_INTEGER, fullSearchShare: 0 };

  const queries = [
    "zanzibar market report",
    "zanzibar market",
    "market report weather",
    "market report weather ministry traders",
    "harbour market",
    "77777 market",
    "cloves market report calm",
    "market report",
    "traders weather",
  ];

  for (const text of queries) {
    it(`gives the same page and total as a full search: ${text}`, () => {
      expect(plain.termPlan(q(text)).mode).toBe("all");
      const a = planned.search(q(text), page);
      const b = plain.search(q(text), page);
      expect(a.hits.map((h) => [h.doc, h.score, h.start, h.end])).toEqual(b.hits.map((h) => [h.doc, h.score, h.start, h.end]));
      expect(a.total).toBe(b.total);
    });
  }

  /** The restriction (`only`) of each call to the postings' `score`: null for a full search. */
  function scoreCalls(run: () => void): unknown[] {
    const postings = (planned as unknown as { postings: { score: (...args: unknown[]) => unknown } }).postings;
    const score = vi.spyOn(postings, "score");
    run();
    const calls = score.mock.calls.map((call) => call[2] ?? null);
    score.mockRestore();
    return calls;
  }

  it("scores the candidates alone and still puts the article matching every word first", () => {
    expect(planned.termPlan(q("zanzibar market report"))).toMatchObject({ mode: "candidates", minTerms: 2, bounded: false });
    let result = planned.search(q("zanzibar market report"), page);
    const calls = scoreCalls(() => (result = planned.search(q("zanzibar market report"), page)));
    // Scored once, among the candidates only (no fallback to scoring every passage).
    expect(calls).toHaveLength(1);
    expect(calls[0]).not.toBeNull();
    expect(result.hits[0]?.doc).toBe("zanzibar-all.txt");
  });

  it("takes the holders of the rarer of two words as candidates, and counts the holders of the commoner", () => {
    expect(planned.termPlan(q("zanzibar market"))).toEqual({ mode: "candidates", required: ["zanzibar"], minTerms: 1, bounded: true });
    // A page the candidates fill: the articles holding "market" alone cannot score into it.
    const top = { offset: 0, limit: 2 };
    let result = planned.search(q("zanzibar market"), top);
    expect(scoreCalls(() => (result = planned.search(q("zanzibar market"), top)))).not.toContain(null);
    expect(result.hits.map((h) => h.doc).sort()).toEqual(["zanzibar-all.txt", "zanzibar-market.txt"]);
    expect(result.hits).toEqual(plain.search(q("zanzibar market"), top).hits);
    expect(result.total).toBe(43);
  });

  it("falls back to a full search when the rare term is in no article", () => {
    expect(planned.termPlan(q("77777 market")).required).toEqual(["77777"]);
    let result = planned.search(q("77777 market"), page);
    expect(scoreCalls(() => (result = planned.search(q("77777 market"), page)))).toEqual([null]);
    expect(result.total).toBe(42);
    expect(result.hits).toHaveLength(10);
  });

  it("pages through the same ranking", () => {
    const first = planned.search(q("market report weather"), { offset: 0, limit: 5 });
    const second = planned.search(q("market report weather"), { offset: 5, limit: 5 });
    const whole = plain.search(q("market report weather"), { offset: 0, limit: 10 });
    expect([...first.hits, ...second.hits].map((h) => h.doc)).toEqual(whole.hits.map((h) => h.doc));
  });

  it("keeps exact phrases required among the candidates", () => {
    const a = planned.search(q("zanzibar", ["market report"]), page);
    const b = plain.search(q("zanzibar", ["market report"]), page);
    expect(a.hits.map((h) => h.doc)).toEqual(b.hits.map((h) => h.doc));
    expect(a.hits.map((h) => h.doc)).toContain("zanzibar-all.txt");
    expect(a.hits.map((h) => h.doc)).not.toContain("zanzibar-market.txt");
  });
});
