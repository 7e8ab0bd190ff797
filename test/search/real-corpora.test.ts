/**
 * The passage index on the real corpora of ../shared/corpora (research use only; skipped when absent).
 * Known-item search: an article's own title, searched as words, must bring that article back near the top.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article, Corpus } from "../../src/corpus/types.js";
import { hasSearchableContent } from "../../src/search/query-plan.js";
import { PassageIndex } from "../../src/search/source-index.js";

const CORPORA = join(process.cwd(), "..", "shared", "corpora");

const cases = [
  { name: "bbc", location: join(CORPORA, "bbc") },
  { name: "reuters", location: join(CORPORA, "reuters", "articles.jsonl") },
];

for (const { name, location } of cases) {
  describe.skipIf(!existsSync(location))(`passage index on ${name}`, () => {
    let corpus: Corpus;
    let index: PassageIndex;
    let byId: Map<string, Article>;
    beforeAll(async () => {
      corpus = await loadCorpus(location, { log: memoryLogger("error") });
      byId = new Map(corpus.articles.map((a) => [a.id, a]));
      index = PassageIndex.build(corpus.articles);
    }, 180_000);

    it("finds articles by their own titles, with verbatim excerpts", () => {
      const stride = Math.max(1, Math.floor(corpus.articles.length / 60));
      let tried = 0;
      let found = 0;
      for (let i = 0; i < corpus.articles.length; i += stride) {
        const article = corpus.articles[i]!;
        if (!article.title || !hasSearchableContent(article.title)) continue;
        tried++;
        const result = index.search({ words: article.title.split(/\s+/), phrases: [] }, { offset: 0, limit: 10 });
        // Reuters repeats some wire stories under one title: any copy of the same text counts.
        if (result.hits.some((h) => h.doc === article.id || byId.get(h.doc)?.text === article.text)) found++;
        for (const hit of result.hits) {
          const text = byId.get(hit.doc)!.text;
          expect(text.slice(hit.start, hit.end)).toBe(hit.excerpt);
        }
      }
      expect(tried).toBeGreaterThan(30);
      expect(found / tried).toBeGreaterThan(0.9);
    });

    it("marks matched words in every excerpt of a topical query", () => {
      const result = index.search({ words: ["oil", "prices"], phrases: [] }, { offset: 0, limit: 10 });
      expect(result.total).toBeGreaterThan(10);
      for (const hit of result.hits) {
        expect(hit.marks.length).toBeGreaterThan(0);
        const marked = hit.marks.map(([s, e]) => hit.excerpt.slice(s, e).toLowerCase());
        expect(marked.some((m) => m.startsWith("oil") || m.startsWith("price"))).toBe(true);
      }
    });

    if (name === "bbc") {
      it("serves the Latin-1 file sport/199.txt", () => {
        const article = corpus.articles.find((a) => a.id === "sport/199.txt");
        expect(article).toBeDefined();
        const result = index.search({ words: article!.title!.split(/\s+/), phrases: [] }, { offset: 0, limit: 10 });
        expect(result.hits.map((h) => h.doc)).toContain("sport/199.txt");
      });
    }
  });
}
