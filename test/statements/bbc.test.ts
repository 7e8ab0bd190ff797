import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { buildStatements } from "../../src/statements/group.js";
import type { StatementIndex } from "../../src/statements/types.js";

const BBC = fileURLToPath(new URL("../../../shared/corpora/bbc", import.meta.url));

// Research corpus, absent from a user's clone: the whole suite skips then. No timing assertion here (the
// benchmarks measure speed); this checks that grouping completes on 2,225 articles and keeps its promises.
describe.skipIf(!existsSync(BBC))("statements over the BBC corpus", () => {
  let articles: Map<string, Article>;
  let index: StatementIndex;

  beforeAll(async () => {
    const corpus = await loadCorpus(BBC);
    articles = new Map(corpus.articles.map((a) => [a.id, a]));
    index = buildStatements(corpus.articles, buildQuoteBook(corpus).quotations);
  }, 300_000);

  it("finds statements, each in two or more documents, every rendering verbatim", () => {
    expect(index.statements.length).toBeGreaterThan(0);
    for (const statement of index.statements) {
      const originals = statement.renderings.filter((r) => !r.copyOf).map((r) => r.doc);
      expect(new Set(originals).size).toBe(originals.length);
      expect(originals.length).toBeGreaterThanOrEqual(2);
      for (const r of statement.renderings) {
        expect(articles.get(r.doc)!.text.slice(r.start, r.end)).toBe(r.text);
        expect(r.speaker).toBe(statement.speaker);
      }
    }
  });

  it("recognises the stories the corpus repeats as duplicates, and lists a copy under its original", () => {
    expect(index.duplicates.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const group of index.duplicates) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const doc of group) {
        expect(seen.has(doc)).toBe(false);
        seen.add(doc);
      }
    }
    for (const statement of index.statements) {
      for (const copy of statement.renderings.filter((r) => r.copyOf)) {
        const group = index.duplicates.find((g) => g[0] === copy.copyOf)!;
        expect(group).toContain(copy.doc);
        expect(statement.renderings.some((r) => r.doc === copy.copyOf && r.text === copy.text)).toBe(true);
      }
    }
  });

  it("finds each statement again from one of its renderings", () => {
    for (const statement of index.statements.slice(0, 50)) {
      const r = statement.renderings[0]!;
      expect(index.containing(r.doc, r.start, r.end)).toBe(statement);
      const found = index.find(r.text);
      expect(found?.renderings.some((x) => x.doc === r.doc)).toBe(true);
    }
  });
});
