/**
 * Packed postings: the same scores as the index's Maps, the term index still adding and discarding on packed
 * postings, and a live-updated index answering exactly as one built afresh.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { analyze, glossaryLexicon } from "../../src/text/analysis.js";
import { PackedDocMap, packTerms } from "../../src/index/packed-postings.js";
import type { Postings } from "../../src/index/postings.js";
import { indexedTexts, PassageIndex } from "../../src/search/source-index.js";
import { TestTermIndex } from "./test-term-index.js";

const SEEDS = join(process.cwd(), "seeds");
let articles: Article[];
beforeAll(async () => {
  articles = (await loadCorpus(SEEDS, { log: memoryLogger("error") })).articles;
});

function buildIndex(from: readonly Article[]): TestTermIndex {
  const built = new TestTermIndex();
  for (const article of from) {
    for (const { id, text } of indexedTexts(article)) {
      const terms = analyze(text, glossaryLexicon());
      if (terms.length > 0) built.add({ id, terms: terms.join(" ") });
    }
  }
  return built;
}

const postingsOf = (built: TestTermIndex, term: string) => built.index.terms.get(term);

describe("PackedDocMap", () => {
  it("answers its size from the bytes, and unpacks into the same postings when read", () => {
    const built = buildIndex(articles);
    const before = new Map(postingsOf(built, "lavrov"));
    expect(before.size).toBeGreaterThan(3);
    packTerms(built.index);
    const packed = postingsOf(built, "lavrov") as PackedDocMap;
    expect(packed).toBeInstanceOf(PackedDocMap);
    expect(packed.size).toBe(before.size);
    expect(packed.bytes).not.toBeNull();
    expect([...packed]).toEqual([...before]);
    expect(packed.bytes).toBeNull();
  });

  it("scores exactly as the unpacked index, and the index still adds and discards", () => {
    const plain = buildIndex(articles);
    const packed = buildIndex(articles);
    packTerms(packed.index);
    const clauses = analyze("Lavrov prisoners video humanitarian Moscow", glossaryLexicon()).map((term) => ({ term, fuzzy: false }));
    const a = plain.postings;
    const b = packed.postings;
    const scoresOf = (p: Postings) => {
      const t = p.score(p.expand(clauses));
      return new Map(Array.from(t.docs.subarray(0, t.count), (doc) => [doc, [t.score[doc], t.mask[doc]]]));
    };
    expect(scoresOf(b)).toEqual(scoresOf(a));
    expect(scoresOf(b).size).toBeGreaterThan(5);

    packed.add({ id: "new#p1", terms: "lavrov zanzibar" });
    const found = (p: Postings, term: string) => {
      const t = p.score(p.expand([{ term, fuzzy: false }]));
      const ids = new Map([...p.documents()]);
      return Array.from(t.docs.subarray(0, t.count), (doc) => ids.get(doc));
    };
    expect(found(b, "zanzibar")).toEqual(["new#p1"]);
    expect(found(b, "lavrov")).toContain("new#p1");
    packed.discard("new#p1");
    packTerms(packed.index, ["lavrov", "zanzibar"]);
    expect(postingsOf(packed, "zanzibar")).toBeUndefined();
    const lavrov = postingsOf(packed, "lavrov") as PackedDocMap;
    expect(lavrov.bytes).not.toBeNull();
    expect(lavrov.size).toBe(postingsOf(plain, "lavrov")!.size);
    // Adding and discarding a document moves the running average length (MiniSearch's) by a rounding error only.
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
