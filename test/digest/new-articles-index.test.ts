/**
 * The running bot's index of new articles answers as `newArticles` does over the same newsroom, for periods
 * around first sightings, the baseline and publication dates, and after articles are removed, changed and added.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { newArticles, type DigestSource } from "../../src/digest/for-newsroom.js";
import { NewArticlesIndex } from "../../src/digest/new-articles-index.js";
import { makeArticle } from "../helpers/articles.js";

function newsroom() {
  const articles = new Map<string, Article>();
  const seen = new Map<string, { at: string; baseline: boolean }>();
  const add = (id: string, published: string | null, at: string | null, baseline = false) => {
    articles.set(id, makeArticle(id, [`Story ${id}`], { published }));
    if (at) seen.set(id, { at, baseline });
  };
  const source: DigestSource = {
    articles: () => [...articles.values()],
    quotes: { quotations: [] },
    firstSeen: (doc) => seen.get(doc)?.at ?? null,
    inBaseline: (doc) => seen.get(doc)?.baseline ?? false,
    statements: () => {
      throw new Error("not asked");
    },
  };
  return { articles, seen, add, source };
}

const periods = [
  ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"],
  ["2026-01-01T12:00:00Z", "2026-01-03T00:00:00Z"],
  ["2025-12-01T00:00:00Z", "2026-02-01T00:00:00Z"],
  ["2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z"],
].map(([from, to]) => [new Date(from!), new Date(to!)] as const);

const ids = (articles: readonly Article[]) => articles.map((a) => a.id);

describe("the index of new articles", () => {
  it("gives newArticles' answers, in its order, before and after corpus changes", () => {
    const n = newsroom();
    n.add("a", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z");
    n.add("b", "2025-06-01T00:00:00Z", "2026-01-01T06:00:00Z", true);
    n.add("c", "2026-01-01T08:00:00Z", "2026-01-01T00:00:00Z", true);
    n.add("d", null, "2026-01-02T00:00:00Z");
    n.add("e", "2026-01-01T09:00:00Z", null);
    n.add("f", "not a date", "2026-01-02T13:00:00Z");
    const index = new NewArticlesIndex(n.source);
    const check = () => {
      for (const [from, to] of periods) expect(ids(index.between(from, to))).toEqual(ids(newArticles(n.source, from, to)));
    };
    check();
    expect(ids(index.between(...periods[0]!))).toEqual(["a", "c", "d"]);

    n.articles.delete("a");
    n.add("g", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z");
    n.add("c", "2026-01-01T08:00:00Z", "2026-01-01T00:00:00Z", true);
    index.changed(["a"], [n.articles.get("g")!, n.articles.get("c")!]);
    check();
    expect(ids(index.between(...periods[0]!))).toEqual(["c", "d", "g"]);
  });
});
