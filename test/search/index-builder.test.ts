/**
 * The index builder must make the index MiniSearch's own `add` makes: same documents and short ids, same
 * lengths and average, same postings, hence the same scores. Seeds always; the BBC corpus when present.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { analyze, glossaryLexicon } from "../../src/text/analysis.js";
import { IndexBuilder } from "../../src/search/index-builder.js";
import { Postings } from "../../src/index/postings.js";
import { indexedTexts, MINISEARCH_OPTIONS, type IndexedDoc } from "../../src/search/source-index.js";

const SEEDS = join(process.cwd(), "seeds");
const BBC = join(process.cwd(), "..", "shared", "corpora", "bbc");

interface Internals {
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}

/** The corpus indexed twice: by the builder, and by MiniSearch's own `add`. */
async function buildBoth(location: string) {
  const { articles } = await loadCorpus(location, { log: memoryLogger("error") });
  const lexicon = glossaryLexicon();
  const builder = new IndexBuilder();
  const added = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  for (const article of articles) {
    for (const { id, paragraph, text } of indexedTexts(article)) {
      const terms = analyze(text, lexicon);
      if (terms.length === 0) continue;
      builder.add(article, paragraph, terms);
      added.add({ id, terms: terms.join(" ") });
    }
  }
  return { articles, lexicon, added, built: builder.finish<IndexedDoc>(MINISEARCH_OPTIONS, "terms").miniSearch };
}

async function compare(location: string, queries: string[]): Promise<void> {
  const { lexicon, added, built } = await buildBoth(location);
  const a = built as unknown as Internals;
  const b = added as unknown as Internals;
  expect(a._documentCount).toBe(b._documentCount);
  expect([...a._documentIds]).toEqual([...b._documentIds]);
  expect([...a._fieldLength]).toEqual([...b._fieldLength]);
  expect(a._avgFieldLength).toEqual(b._avgFieldLength);
  expect(built.termCount).toBe(added.termCount);

  const p = Postings.of(built, "terms");
  const q = Postings.of(added, "terms");
  const scores = (postings: Postings, words: string) => {
    // A word in capitals stands for a misspelled name: matched fuzzily.
    const clauses = words.split(" ").flatMap((word) => analyze(word, lexicon).map((term) => ({ term, fuzzy: word === word.toUpperCase() })));
    const t = postings.score(postings.expand(clauses));
    return new Map(Array.from(t.docs.subarray(0, t.count), (doc) => [doc, [t.score[doc], t.mask[doc]]]));
  };
  for (const words of queries) {
    const expected = scores(q, words);
    expect(expected.size, words).toBeGreaterThan(0);
    expect(scores(p, words), words).toEqual(expected);
  }
}

describe("IndexBuilder", () => {
  it("makes the index MiniSearch's add makes, on the seeds", async () => {
    await compare(SEEDS, ["Lavrov", "prisoners of war video", "Red Cross humanitarian Moscow neutrality", "LAVROW MOSKOW video"]);
  });

  it.skipIf(!existsSync(BBC))("makes the index MiniSearch's add makes, on the BBC corpus", async () => {
    await compare(BBC, ["government said", "Mourinho Chelsea", "what did the finance minister say about interest rates and inflation", "MOURINO GREENSPAM"]);
  }, 120_000);
});

describe("MiniSearch over the built index (document maps without a Map entry per document)", () => {
  it("adds, discards, finds and searches as MiniSearch on its own Maps does", async () => {
    const { articles, added: plain, built } = await buildBoth(SEEDS);
    const both = [built, plain];
    const someId = articles[1]!.paragraphs.find((p) => p.role === "body")!.id;
    for (const ms of both) {
      expect(ms.has(someId)).toBe(true);
      expect(ms.has(`${someId}0`)).toBe(false);
      ms.discard(someId);
      ms.add({ id: "late.txt#p1", terms: "lavrov zanzibar neutrality" });
    }
    const search = (ms: MiniSearch<IndexedDoc>, q: string) => ms.search(q).map((r) => [r.id, Math.round(r.score * 1e9) / 1e9]);
    for (const q of ["lavrov", "zanzibar", "neutrality prisoner"]) expect(search(built, q), q).toEqual(search(plain, q));
    expect(built.has(someId)).toBe(false);
    expect(built.has("late.txt#p1")).toBe(true);
    expect(built.documentCount).toBe(plain.documentCount);
    const ids = (ms: MiniSearch<IndexedDoc>) => [...(ms as unknown as Internals)._documentIds.values()].sort();
    expect(ids(built)).toEqual(ids(plain));
    expect(() => built.add({ id: "late.txt#p1", terms: "x" })).toThrow(/duplicate/);
  });
});
