/**
 * The warm-up searches run when the passage index opens (warm-up.ts): they follow the query plan's paths with the
 * index's own words, and leave nothing behind (the answers after them are the answers without them).
 */
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { PassageIndex } from "../../src/search/source-index.js";
import type { SourceQuery } from "../../src/search/types.js";
import { warmUpQueries } from "../../src/search/warm-up.js";

describe("warm-up queries", () => {
  // 40 frequent words (documents 1000 down to 610), a few rare ones, and terms that are not plain words.
  const vocabulary = new Map<string, number>();
  for (let i = 0; i < 40; i++) vocabulary.set(`word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`, 1000 - i * 10);
  vocabulary.set("government", 5000);
  vocabulary.set("2016", 9000);
  vocabulary.set("zakharova", 12);
  vocabulary.set("guterres", 30);
  vocabulary.set("kyiv", 1);

  const queries = warmUpQueries(vocabulary);
  const plain = queries.filter((q) => q.phrases.length === 0);

  it("starts from the most frequent plain words", () => {
    expect(queries[0]!.words[0]).toBe("government");
    expect(queries.flatMap((q) => q.words)).not.toContain("2016");
  });

  it("covers two common words, three words, a dozen words, an unknown word and a rare one", () => {
    const lengths = new Set(plain.map((q) => q.words.length));
    expect([...lengths].sort((a, b) => a - b)).toEqual([1, 2, 3, 12]);
    const single = plain.filter((q) => q.words.length === 1).map((q) => q.words[0]!);
    // "government" with two letters swapped: unknown, so matched fuzzily.
    expect(single).toContain("gvoernment");
    expect(single.filter((w) => vocabulary.has(w))).toEqual(["zakharova", "guterres"]);
    expect(single.every((w) => !vocabulary.has(w) || vocabulary.get(w)! <= 50)).toBe(true);
  });

  it("asks nothing of an empty index", () => {
    expect(warmUpQueries(new Map())).toEqual([]);
  });
});

describe("warming up the passage index", () => {
  it("leaves the answers as they were", async () => {
    const corpus = await loadCorpus("seeds");
    const asked: SourceQuery[] = [
      { words: ["neutrality"], phrases: [] },
      { words: ["POW", "video"], phrases: [] },
      { words: ["Spoljaric", "Red", "Cross", "neutrality", "Ukraine"], phrases: [] },
      { words: ["Zakharova"], phrases: [] },
      { words: ["Lavorv"], phrases: [] },
    ];
    const page = { offset: 0, limit: 10 };
    const cold = PassageIndex.build(corpus.articles);
    const before = asked.map((q) => cold.search(q, page));
    const warmed = PassageIndex.build(corpus.articles);
    warmed.warmUp();
    expect(asked.map((q) => warmed.search(q, page))).toEqual(before);
    expect(before.some((r) => r.hits.length > 0)).toBe(true);
  });
});

describe("warming up after the first search", () => {
  it("answers the first search without the warm-up, runs it once after, and answers as a warmed index", async () => {
    const corpus = await loadCorpus("seeds");
    const page = { offset: 0, limit: 10 };
    const query: SourceQuery = { words: ["POW", "video"], phrases: [] };
    const warmed = PassageIndex.build(corpus.articles);
    warmed.warmUp();
    const index = PassageIndex.build(corpus.articles);
    let warmUps = 0;
    const steps = index.warmUpSteps.bind(index);
    index.warmUpSteps = () => {
      warmUps++;
      return steps();
    };
    index.warmUpAfterFirstSearch({ sliceMs: 1 });
    expect(warmUps).toBe(0);
    expect(index.search(query, page)).toEqual(warmed.search(query, page));
    expect(warmUps).toBe(1);
    await index.warmUpDone();
    expect(index.search({ words: ["neutrality"], phrases: [] }, page)).toEqual(warmed.search({ words: ["neutrality"], phrases: [] }, page));
    expect(warmUps).toBe(1);
  });
});
