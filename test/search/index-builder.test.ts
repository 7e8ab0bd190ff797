/**
 * The index builder must make the index MiniSearch's own `add` makes: same documents and short ids, same
 * lengths and average, same terms in the same order (the fuzzy look-ups' order), same postings, hence the same
 * scores as the term index fed one passage at a time. Seeds always; the BBC corpus when present.
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
import { TestTermIndex } from "../index/test-term-index.js";

const SEEDS = join(process.cwd(), "seeds");
const BBC = join(process.cwd(), "..", "shared", "corpora", "bbc");

/** What the reference MiniSearch keeps (its private fields, read here only to compare). */
interface Internals {
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _index: { keys(): Iterable<string> };
}

/** The corpus indexed three times: by the builder, by MiniSearch's own `add`, and by the term index's `add`. */
async function buildBoth(location: string) {
  const { articles } = await loadCorpus(location, { log: memoryLogger("error") });
  const lexicon = glossaryLexicon();
  const builder = new IndexBuilder();
  const added = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  const addedHere = new TestTermIndex();
  for (const article of articles) {
    for (const { id, paragraph, text } of indexedTexts(article)) {
      const terms = analyze(text, lexicon);
      if (terms.length === 0) continue;
      builder.add(article, paragraph, terms);
      added.add({ id, terms: terms.join(" ") });
      addedHere.add({ id, terms: terms.join(" ") });
    }
  }
  return { articles, lexicon, added, addedHere, built: builder.finish("terms") };
}

async function compare(location: string, queries: string[]): Promise<void> {
  const { lexicon, added, addedHere, built } = await buildBoth(location);
  const reference = added as unknown as Internals;
  const { index, docs } = built;
  expect(index.documentCount).toBe(reference._documentCount);
  expect(index.nextId).toBe(reference._documentCount);
  expect([...docs.entries()]).toEqual([...reference._documentIds]);
  expect(Array.from(index.documentLengths().subarray(0, index.nextId))).toEqual([...reference._fieldLength].map(([, [length]]) => length));
  expect(index.averageLength).toBe(reference._avgFieldLength[0]);
  expect([...index.terms.keys()]).toEqual([...reference._index.keys()]);
  expect([...addedHere.index.terms.keys()]).toEqual([...reference._index.keys()]);
  expect(addedHere.index.averageLength).toBe(reference._avgFieldLength[0]);

  const p = new Postings(index, docs);
  const q = addedHere.postings;
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
