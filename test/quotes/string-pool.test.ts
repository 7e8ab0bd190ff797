/**
 * The string pool (string-pool.ts) keeps one copy of each name and label: the extracted articles hold the same
 * values after pooling, and equal strings from two articles become one copy.
 */
import { describe, expect, it } from "vitest";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import { pooled, StringPool } from "../../src/quotes/string-pool.js";
import { article } from "./helpers.js";

describe("pooled", () => {
  it("keeps every value of the extraction and shares equal strings between articles", () => {
    const text = 'Foreign Minister Sergei Lavrov said: "We will not accept this." Lavrov added that "talks must go on".';
    const first = quoteArticle(article("a1", [text]));
    const second = quoteArticle(article("a2", [text]));
    const expected = JSON.parse(JSON.stringify([first, second])) as unknown;
    const pool = new StringPool();
    pooled(first, pool);
    pooled(second, pool);
    expect(JSON.parse(JSON.stringify([first, second]))).toEqual(expected);
    expect(first.named.length).toBeGreaterThan(0);
    expect(first.quotations.length).toBeGreaterThan(0);
    // One copy per distinct value, however many articles hold it.
    const values = [first, second].flatMap((x) => [
      ...x.named.flatMap((n) => [n.name, ...n.forms, ...n.titled, ...(n.organisation === undefined ? [] : [n.organisation])]),
      ...x.quotations.flatMap((q) => [q.speaker, q.cue, q.mention, q.evidence].filter((v): v is string => v !== null)),
    ]);
    expect(pool.size).toBe(new Set(values).size);
    expect(pool.size).toBeLessThan(values.length);
  });
});
