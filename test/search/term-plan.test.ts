import { describe, expect, it, vi } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { PassageIndex } from "../../src/search/source-index.js";
import { maxDocumentScore, neededClauses, planByRarity } from "../../src/search/term-plan.js";
import type { SourceQuery } from "../../src/search/types.js";
import { makeArticle } from "../helpers/articles.js";

const tf = (term: string, documents: number) => ({ term, documents });
const options = { minLeaderPostings: 10, leaderShare: 0 };

describe("planByRarity", () => {
  it("searches everything at once for one term or few postings", () => {
    expect(planByRarity([tf("year", 5000)], 10_000, options).mode).toBe("all");
    expect(planByRarity([tf("a", 3), tf("b", 4), tf("c", 2)], 10_000, options).mode).toBe("all");
  });

  it("leads two terms with the rarer one", () => {
    expect(planByRarity([tf("year", 900), tf("greenspan", 12)], 10_000, options)).toEqual({
      mode: "bounded",
      leaders: ["greenspan"],
      boosters: ["year"],
      minLeaders: 1,
    });
  });

  it("makes fewer boosters than the words an article must match, commonest first", () => {
    const terms = [tf("bank", 900), tf("cartel", 4), tf("rate", 700), tf("price", 800), tf("lending", 9), tf("key", 50)];
    const plan = planByRarity(terms, 10_000, options);
    expect(neededClauses(terms.length)).toBe(3);
    expect(plan.mode).toBe("complete");
    expect(plan.boosters).toEqual(["bank", "price"]);
    expect(plan.leaders).toEqual(["cartel", "lending", "key", "rate"]);
    // An article matching 3 of the 6 words holds at least 3 - 2 leaders.
    expect(plan.minLeaders).toBe(1);
  });

  it("keeps terms under the budget as leaders", () => {
    const plan = planByRarity([tf("a", 5), tf("b", 8), tf("c", 9), tf("d", 500)], 10_000, options);
    expect(plan.boosters).toEqual(["d"]);
    expect(plan.minLeaders).toBe(1);
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
  plain.planning = { minLeaderPostings: Number.MAX_SAFE_INTEGER, leaderShare: 0 };

  const queries = [
    "zanzibar market report",
    "zanzibar market",
    "market report weather",
    "market report weather ministry traders",
    "harbour market",
    "77777 market",
    "cloves market report calm",
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

  it("restricts candidates to the rare term and still puts the article matching every word first", () => {
    const plan = planned.termPlan(q("zanzibar market report"));
    expect(plan.mode).toBe("complete");
    expect(plan.leaders).toContain("zanzibar");
    expect(plan.boosters.length).toBeGreaterThan(0);
    // Ranked once, among the candidates only (no fallback to ranking every article).
    const gather = vi.spyOn(planned as unknown as { gather: (...args: unknown[]) => unknown }, "gather");
    const result = planned.search(q("zanzibar market report"), page);
    expect(gather).toHaveBeenCalledTimes(1);
    expect(gather.mock.calls[0]?.[3]).toMatchObject({ minLeaders: plan.minLeaders });
    gather.mockRestore();
    expect(result.hits[0]?.doc).toBe("zanzibar-all.txt");
  });

  it("leads two words with the rarer one, and counts articles holding only the commoner", () => {
    const plan = planned.termPlan(q("zanzibar market"));
    expect(plan).toMatchObject({ mode: "bounded", leaders: ["zanzibar"], boosters: ["market"] });
    const result = planned.search(q("zanzibar market"), page);
    expect(result.hits.slice(0, 2).map((h) => h.doc).sort()).toEqual(["zanzibar-all.txt", "zanzibar-market.txt"]);
    expect(result.total).toBe(43);
  });

  it("falls back to a full search when the rare term is in no article", () => {
    expect(planned.termPlan(q("77777 market")).leaders).toEqual(["77777"]);
    const gather = vi.spyOn(planned as unknown as { gather: (...args: unknown[]) => unknown }, "gather");
    const result = planned.search(q("77777 market"), page);
    expect(gather.mock.calls.map((call) => call[3])).toEqual([null]);
    gather.mockRestore();
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
