import { describe, expect, it } from "vitest";
import { citationOf } from "../../src/core/reply.js";

const place = { doc: "wire/7.txt", paragraph: 3, start: 120, end: 164 };
const article = { title: "Strike ends", outlet: "Wire", published: "2026-11-30", url: "https://example.test/7" };

describe("citationOf: the one citation every command builds", () => {
  it("takes the article's own facts over what the index recorded, and the exact range of the place", () => {
    const citation = citationOf(place, article, { title: "Old headline", outlet: "Other", published: null, url: null });
    expect(citation).toEqual({ ...place, ...article });
  });

  it("falls back to what the index recorded when the article has left the corpus", () => {
    const citation = citationOf(place, undefined, { title: "Old headline", outlet: "Wire" });
    expect(citation).toEqual({ ...place, title: "Old headline", outlet: "Wire", published: null, url: null });
  });

  it("marks a feed item kept as its summary, and nothing else", () => {
    expect(citationOf(place, { ...article, origin: "feed-summary" }).origin).toBe("feed-summary");
    expect("origin" in citationOf(place, article)).toBe(false);
  });
});
