/** A very large article's quotations, found window by window: the same quotations as reading it whole. */
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { articleFromText } from "../../src/corpus/article.js";
import { quoteArticle, quoteWhole } from "../../src/quotes/article-quotes.js";
import { WINDOWED_ABOVE } from "../../src/quotes/windows.js";

describe("quotations of a very large article", () => {
  it("are those found reading it whole, verbatim, numbered in order", async () => {
    const seeds = await loadCorpus("seeds");
    const parts: string[] = [];
    for (let size = 0, i = 0; size <= WINDOWED_ABOVE * 1.3; i++) {
      // Each copy's lines told apart, so that none reads as furniture repeated on every page.
      const text = seeds.articles[i % seeds.articles.length]!.text.replace(/^(?=\S)/gm, `Copy ${i}: `);
      parts.push(text);
      size += text.length;
    }
    const article = articleFromText("archive.txt", "archive.txt", parts.join("\n\n")).article;
    const windowed = quoteArticle(article);
    const whole = quoteWhole(article);
    expect(windowed.quotations.length).toBeGreaterThan(100);
    const spans = (q: typeof windowed) => q.quotations.map(({ start, end, kind, paragraph }) => ({ start, end, kind, paragraph }));
    expect(spans(windowed)).toEqual(spans(whole));
    windowed.quotations.forEach((q, i) => {
      expect(article.text.slice(q.start, q.end)).toBe(q.text);
      expect(q.id).toBe(`archive.txt#q${i}`);
    });
    // Speakers are found from what comes before in the window: nearly always the same as read whole.
    const same = windowed.quotations.filter((q, i) => q.speaker === whole.quotations[i]!.speaker).length;
    expect(same / windowed.quotations.length).toBeGreaterThan(0.95);
  });
});
