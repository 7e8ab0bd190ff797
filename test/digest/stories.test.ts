import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { composeDigest, MAX_GROUPED_ARTICLES } from "../../src/digest/compose.js";
import { digestReply } from "../../src/digest/render.js";
import { cosine, groupStories, inverseFrequencies, STORY_THRESHOLD, storyText, tfidfVector } from "../../src/digest/stories.js";
import { analyze } from "../../src/text/analysis.js";
import { makeArticle } from "../helpers/articles.js";
import { ICRC, POW, seedArticles, UNSC } from "./seed-data.js";

let seeds: Article[];
beforeAll(async () => {
  seeds = await seedArticles();
});

/** A one-paragraph article for synthetic cases. */
function article(id: string, text: string, published: string | null = null): Article {
  return makeArticle(id, [text], { published });
}

describe("story grouping", () => {
  it("has a threshold between the seeds' same-story and different-story similarities", () => {
    const terms = seeds.map((a) => analyze(storyText(a)));
    const idf = inverseFrequencies(terms);
    const vectors = new Map(seeds.map((a, i) => [a.id, tfidfVector(terms[i]!, idf)]));
    const sim = (a: string, b: string) => cosine(vectors.get(a)!, vectors.get(b)!);
    for (const a of ICRC) for (const b of ICRC) if (a < b) expect(sim(a, b)).toBeGreaterThan(STORY_THRESHOLD);
    for (const a of ICRC) for (const b of [UNSC, POW]) expect(sim(a, b)).toBeLessThan(STORY_THRESHOLD);
    expect(sim(UNSC, POW)).toBeLessThan(STORY_THRESHOLD);
  });

  it("ranks the story's most central article first", () => {
    const [icrc] = groupStories(seeds);
    expect(icrc!.centrality).toEqual([...icrc!.centrality].sort((a, b) => b - a));
  });

  it("does not join reports whose known dates are far apart", () => {
    const text = "Floods closed the Danube bridge at Novi Sad; ferries carried commuters across the river.";
    const stories = groupStories([
      article("a", text, "2024-03-01"),
      article("b", text, "2024-03-02"),
      article("c", text, "2024-04-20"),
      article("d", "Parliament passed the budget after a night session on pensions and defence spending."),
    ]);
    expect(stories.map((s) => s.articles.map((a) => a.id).sort())).toEqual([["a", "b"], ["c"], ["d"]]);
  });

  it("groups the most recent articles only on a huge period, and counts the others", () => {
    const many = Array.from({ length: MAX_GROUPED_ARTICLES + 3 }, (_, i) =>
      article(`n${i}`, `Report number${i} about topic${i % 400}`, `2024-01-01T00:00:${String(i % 60).padStart(2, "0")}Z`),
    );
    const digest = composeDigest({ articles: many, quotations: [], statements: null, from: new Date(0), to: new Date() });
    expect(digest.ungrouped).toBe(3);
    expect(digest.stories.reduce((n, s) => n + s.docs.length, 0)).toBe(MAX_GROUPED_ARTICLES);
    expect(digestReply(digest).text).toContain("3 older articles not grouped into stories");
  });
});
