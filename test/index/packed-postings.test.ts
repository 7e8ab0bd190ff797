/**
 * Packed postings: the same scores as MiniSearch's own Maps, MiniSearch still working on a packed index, and a
 * live-updated index answering exactly as one built afresh.
 */
import { join } from "node:path";
import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { analyze, glossaryLexicon } from "../../src/text/analysis.js";
import { PackedDocMap, packTerms } from "../../src/index/packed-postings.js";
import { Postings } from "../../src/index/postings.js";
import { indexedTexts, MINISEARCH_OPTIONS, PassageIndex, type IndexedDoc } from "../../src/search/source-index.js";

const SEEDS = join(process.cwd(), "seeds");
let articles: Article[];
beforeAll(async () => {
  articles = (await loadCorpus(SEEDS, { log: memoryLogger("error") })).articles;
});

function buildMiniSearch(from: readonly Article[]): MiniSearch<IndexedDoc> {
  const ms = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  for (const article of from) {
    for (const { id, text } of indexedTexts(article)) {
      const terms = analyze(text, glossaryLexicon());
      if (terms.length > 0) ms.add({ id, terms: terms.join(" ") });
    }
  }
  return ms;
}

type TermIndex = { get(term: string): Map<number, Map<number, number>> | undefined };
const postingsOf = (ms: MiniSearch<IndexedDoc>, term: string) => (ms as unknown as { _index: TermIndex })._index.get(term)?.get(0);

describe("PackedDocMap", () => {
  it("answers its size from the bytes, and unpacks into the same postings when read", () => {
    const ms = buildMiniSearch(articles);
    const before = new Map(postingsOf(ms, "lavrov"));
    expect(before.size).toBeGreaterThan(3);
    packTerms(ms, "terms");
    const packed = postingsOf(ms, "lavrov") as PackedDocMap;
    expect(packed).toBeInstanceOf(PackedDocMap);
    expect(packed.size).toBe(before.size);
    expect(packed.bytes).not.toBeNull();
    expect([...packed]).toEqual([...before]);
    expect(packed.bytes).toBeNull();
  });

  it("scores exactly as the unpacked index, and MiniSearch still searches, adds and discards", () => {
    const plain = buildMiniSearch(articles);
    const packed = buildMiniSearch(articles);
    packTerms(packed, "terms");
    const clauses = analyze("Lavrov prisoners video humanitarian Moscow", glossaryLexicon()).map((term) => ({ term, fuzzy: false }));
    const a = Postings.of(plain, "terms");
    const b = Postings.of(packed, "terms");
    const scoresOf = (p: Postings) => {
      const t = p.score(p.expand(clauses));
      return new Map(Array.from(t.docs.subarray(0, t.count), (doc) => [doc, [t.score[doc], t.mask[doc]]]));
    };
    expect(scoresOf(b)).toEqual(scoresOf(a));
    expect(scoresOf(b).size).toBeGreaterThan(5);

    packed.add({ id: "new#p1", terms: "lavrov zanzibar" });
    expect(packed.search("zanzibar").map((r) => r.id)).toEqual(["new#p1"]);
    expect(packed.search("lavrov").map((r) => r.id)).toContain("new#p1");
    packed.discard("new#p1");
    packTerms(packed, "terms", ["lavrov", "zanzibar"]);
    expect(postingsOf(packed, "zanzibar")).toBeUndefined();
    const lavrov = postingsOf(packed, "lavrov") as PackedDocMap;
    expect(lavrov.bytes).not.toBeNull();
    expect(lavrov.size).toBe(postingsOf(plain, "lavrov")!.size);
    // Adding and discarding a document moves MiniSearch's running average length by a rounding error only.
    const after = scoresOf(b);
    const expected = scoresOf(a);
    expect([...after.keys()]).toEqual([...expected.keys()]);
    for (const [doc, [score, mask]] of expected) {
      expect(after.get(doc)![1]).toBe(mask);
      expect(after.get(doc)![0]).toBeCloseTo(score!, 9);
    }
  });
});

describe("a live-updated passage index", () => {
  it("answers as one built afresh after articles are added, changed and removed", () => {
    const queries = ["Lavrov neutrality", "prisoners of war video", "Red Cross humanitarian", "Kyiv", "Spoljaric Moscow talks"];
    const answer = (index: PassageIndex) =>
      queries.map((q) => index.search({ words: q.split(" "), phrases: [] }, { offset: 0, limit: 10 }));

    const fresh = PassageIndex.build(articles);
    const live = PassageIndex.build(articles.slice(1));
    live.upsert(articles[0]!);
    // A change of the same length keeps the paragraphs' offsets.
    const changed = { ...articles[2]!, text: articles[2]!.text.replace(/Lavrov/g, "Lavrow") };
    live.upsert(changed);
    live.upsert(articles[2]!);
    live.remove(articles[4]!.id);
    expect(answer(live)).not.toEqual(answer(fresh));
    live.upsert(articles[4]!);
    expect(answer(live)).toEqual(answer(fresh));
    expect(answer(fresh).every((r) => r.hits.length > 0)).toBe(true);
  });
});
