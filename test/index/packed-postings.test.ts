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
import { PostingsWriter } from "../../src/index/postings-writer.js";
import type { TermIndex } from "../../src/index/term-index.js";
import { makeArticle } from "../helpers/articles.js";
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

/** Each term's postings as a builder writes them (postings-writer.ts) for documents given in order. */
function written(documents: ReadonlyArray<ReadonlyMap<string, number>>, first = 0): Map<string, { bytes: Uint8Array; count: number }> {
  const writer = new PostingsWriter();
  documents.forEach((frequencies, i) => writer.add(first + i, frequencies));
  const { terms, counts, postings, byteLengths } = writer.finish();
  let start = 0;
  return new Map(
    terms.map((term, i) => {
      const end = start + byteLengths[i]!;
      const entry = { bytes: postings.slice(start, end), count: counts[i]! };
      start = end;
      return [term, entry];
    }),
  );
}

const frequenciesOf = (terms: readonly string[]) => {
  const out = new Map<string, number>();
  for (const term of terms) out.set(term, (out.get(term) ?? 0) + 1);
  return out;
};

/** The terms whose postings are not packed bytes. */
const unpackedTerms = (index: TermIndex) =>
  [...index.terms].filter(([, postings]) => !(postings instanceof PackedDocMap && postings.bytes)).map(([term]) => term);

describe("postings appended and packed again as bytes", () => {
  const documents = [
    ["kyiv", "talks", "kyiv"],
    ["talks", "grain"],
    ["kyiv"],
    ["grain", "grain", "odesa", "talks"],
  ];

  it("appends a document's postings as a builder writes them, the term index never unpacking", () => {
    const built = buildIndex(articles);
    expect(unpackedTerms(built.index)).toEqual([]);
    const expected = written(
      articles.flatMap((article) =>
        indexedTexts(article)
          .map(({ text }) => analyze(text, glossaryLexicon()))
          .filter((terms) => terms.length > 0)
          .map(frequenciesOf),
      ),
    );
    expect(expected.size).toBeGreaterThan(500);
    for (const [term, { bytes, count }] of expected) {
      const postings = postingsOf(built, term) as PackedDocMap;
      expect(postings.size).toBe(count);
      expect(postings.bytes).toEqual(bytes);
    }
  });

  it("appends to bytes given without their last document (a snapshot's), and only above it", () => {
    const first = written(documents.slice(0, 3).map(frequenciesOf)).get("kyiv")!;
    const all = written(documents.map(frequenciesOf)).get("talks")!;
    const talks = written(documents.slice(0, 3).map(frequenciesOf)).get("talks")!;
    const packed = new PackedDocMap(talks.bytes.slice(), talks.count);
    expect(packed.append(3, 1)).toBe(true);
    expect(packed.bytes).toEqual(all.bytes);
    expect(packed.size).toBe(all.count);
    expect(() => packed.append(3, 1)).toThrow(/ascending/);
    const kyiv = new PackedDocMap(first.bytes.slice(), first.count);
    expect(() => kyiv.append(1, 1)).toThrow(/ascending/);
    // Once unpacked (a Map method used), appending is left to the Map.
    expect(kyiv.get(0)).toBe(2);
    expect(kyiv.append(9, 1)).toBe(false);
  });

  it("never writes over bytes handed out before an append or a removal", () => {
    const packed = PackedDocMap.empty();
    for (let doc = 0; doc < 40; doc += 3) packed.append(doc, 1 + (doc % 4));
    const held = packed.bytes!;
    const copy = held.slice();
    for (let doc = 40; doc < 4000; doc += 7) packed.append(doc, 200);
    expect(held).toEqual(copy);
    expect([...new PackedDocMap(held, 14)].map(([doc]) => doc)).toEqual(Array.from({ length: 14 }, (_, i) => i * 3));
  });

  it("packs again without discarded documents at the start, the middle and the end, as a fresh index holds them", () => {
    const index = new TestTermIndex();
    const termsOf = (i: number) => ["every", i % 2 ? "odd" : "even", ...(i % 7 ? [] : ["seventh"]), ...(i === 10 || i === 20 ? ["rare"] : [])];
    const ids = Array.from({ length: 300 }, (_, i) => `d${i}`);
    ids.forEach((id, i) => index.add({ id, terms: termsOf(i).join(" ") }));
    const every = (postingsOf(index, "every") as PackedDocMap).bytes!;
    const everyCopy = every.slice();
    const rare = postingsOf(index, "rare");
    const gone = new Set(["d0", "d1", "d150", "d151", "d297", "d298", "d299"]);
    for (const id of gone) index.discard(id);
    packTerms(index.index, ["every", "odd", "even", "seventh", "rare"]);
    // Expected: the survivors under the same short ids, written by a builder.
    const expected = written(ids.map((id, i) => (gone.has(id) ? new Map() : frequenciesOf(termsOf(i)))));
    for (const term of ["every", "odd", "even", "seventh", "rare"]) {
      expect((postingsOf(index, term) as PackedDocMap).bytes).toEqual(expected.get(term)!.bytes);
      expect(postingsOf(index, term)!.size).toBe(expected.get(term)!.count);
    }
    // No discarded document held "rare": its postings were read, not written again.
    expect(postingsOf(index, "rare")).toBe(rare);
    expect(every).toEqual(everyCopy);
    expect(unpackedTerms(index.index)).toEqual([]);
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

  it("takes a large article (every seed's paragraphs) added, changed and removed as bytes, answering as one built afresh", () => {
    const queries = ["Lavrov neutrality", "prisoners of war video", "Red Cross humanitarian", "Kyiv", "Kiev", "Spoljaric Moscow talks"];
    const answer = (index: PassageIndex) =>
      queries.map((q) => index.search({ words: q.split(" "), phrases: [] }, { offset: 0, limit: 10 }));
    const termIndex = (index: PassageIndex) => (index as unknown as { index: TermIndex }).index;
    const paragraphs = articles.flatMap((a) => a.paragraphs.filter((p) => p.role === "body").map((p) => a.text.slice(p.start, p.end)));
    const big = makeArticle("big.txt", paragraphs, { title: "Everything at once", outlet: "Archive" });
    const bigChanged = makeArticle("big.txt", [...paragraphs.slice(0, 40).map((p) => p.replace(/Kyiv/g, "Kiev")), ...paragraphs.slice(40)], { title: "Everything at once, again", outlet: "Archive" });

    const live = PassageIndex.build(articles);
    live.upsert(big);
    expect(unpackedTerms(termIndex(live))).toEqual([]);
    expect(answer(live)[3]!.hits.map((h) => h.doc)).toContain("big.txt");
    expect(answer(live)).toEqual(answer(PassageIndex.build([...articles, big])));
    live.upsert(bigChanged);
    expect(unpackedTerms(termIndex(live))).toEqual([]);
    expect(answer(live)).toEqual(answer(PassageIndex.build([...articles, bigChanged])));
    live.remove("big.txt");
    expect(unpackedTerms(termIndex(live))).toEqual([]);
    expect(answer(live)).toEqual(answer(PassageIndex.build(articles)));
    expect(answer(live).filter((r) => r.hits.length > 0).length).toBeGreaterThanOrEqual(5);
  });
});
