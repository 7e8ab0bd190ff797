/**
 * A misspelled name's fuzzy matches are kept from query to query (src/index/postings.ts): asked again after
 * articles were added, replaced or removed, it must match exactly what a freshly built index matches.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { PassageIndex } from "../../src/search/source-index.js";
import type { SourceQuery } from "../../src/search/types.js";
import { makeArticle } from "../helpers/articles.js";

const q = (words: string): SourceQuery => ({ words: words.split(" "), phrases: [] });

function page(index: PassageIndex, query: SourceQuery) {
  const found = index.search(query, { offset: 0, limit: 10 });
  return { total: found.total, hint: found.hint, hits: found.hits.map((h) => [h.doc, h.score, h.paragraph, h.start, h.end, h.marks]) };
}

const article = (id: string, text: string): Article => makeArticle(id, [text, "The ministry gave no further details on Monday."], { title: null });

describe("fuzzy matches kept from query to query", () => {
  it("match what a fresh index matches after articles are added, replaced and removed", () => {
    const articles = [
      article("a1", "Maria Zakharova said the talks would go on."),
      article("a2", "The spokeswoman, Zakharova, declined to comment."),
      article("a3", "Officials in Brussels met again."),
    ];
    const index = PassageIndex.build(articles);
    const query = q("Zaharova");
    const now = new Map(articles.map((a) => [a.id, a]));
    const expectFresh = () => expect(page(index, query)).toEqual(page(PassageIndex.build([...now.values()]), query));

    expectFresh();
    expect(page(index, query).total).toBe(2);
    // A new spelling one edit away: a new fuzzy match.
    const added = article("a4", "Zaharov, a deputy, spoke after her.");
    index.upsert(added);
    now.set(added.id, added);
    expectFresh();
    expect(page(index, query).total).toBe(3);
    // Replaced without the name, then removed: the matches go with the articles.
    const replaced = article("a1", "The talks would go on, the ministry said.");
    index.upsert(replaced);
    now.set(replaced.id, replaced);
    expectFresh();
    index.remove("a2");
    now.delete("a2");
    expectFresh();
    index.remove("a4");
    now.delete("a4");
    expectFresh();
    expect(page(index, query).total).toBe(0);
  });
});
