/** Reads the real corpora in ../shared/corpora when they are there (research use: never copied). */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Corpus } from "../../src/corpus/types.js";

const corpora = path.resolve(import.meta.dirname, "../../../shared/corpora");
const bbc = path.join(corpora, "bbc");
const reuters = path.join(corpora, "reuters/articles.jsonl");

function expectOffsetsHold(corpus: Corpus) {
  let bad = 0;
  for (const a of corpus.articles) {
    for (const p of a.paragraphs) {
      const text = a.text.slice(p.start, p.end);
      if (text.length === 0 || text !== text.trim()) bad++;
    }
  }
  expect(bad).toBe(0);
}

describe.skipIf(!existsSync(bbc))("the BBC corpus", () => {
  it("reads 2,225 articles, sport/199.txt decoded as Windows-1252 with a warning", async () => {
    const corpus = await loadCorpus(bbc);
    expect(corpus.articles).toHaveLength(2225);
    expect(corpus.problems).toEqual([
      { file: "sport/199.txt", severity: "warning", message: expect.stringMatching(/Windows-1252/) },
    ]);
    const mutu = corpus.articles.find((a) => a.id === "sport/199.txt");
    expect(mutu?.text).not.toContain("\uFFFD");
    expect(mutu?.text).toMatch(/[\u00a0-\u00ff\u2018-\u201d]/);
    // BBC files: the headline is the first line, and no story paragraph is taken for furniture.
    expect(corpus.articles.every((a) => a.paragraphs[0]?.role === "headline" && a.title !== null)).toBe(true);
    const furniture = corpus.articles.flatMap((a) => a.paragraphs.filter((p) => p.role === "furniture"));
    expect(furniture.length).toBeLessThan(5);
    expectOffsetsHold(corpus);
  });
});

describe.skipIf(!existsSync(reuters))("the Reuters corpus", () => {
  it("reads 19,043 records with their metadata and wrapped paragraphs joined", async () => {
    const corpus = await loadCorpus(reuters);
    expect(corpus.articles).toHaveLength(19043);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.every((a) => a.outlet === "Reuters" && a.title !== null)).toBe(true);
    expect(corpus.articles.filter((a) => a.published?.startsWith("1987")).length).toBeGreaterThan(19000);
    // Hard-wrapped wire copy: paragraphs, not lines.
    const paragraphs = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
    const lines = corpus.articles.reduce((n, a) => n + a.text.split("\n").length, 0);
    expect(paragraphs * 2).toBeLessThan(lines);
    expectOffsetsHold(corpus);
  });
});
