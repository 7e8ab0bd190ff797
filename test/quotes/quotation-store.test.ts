import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Corpus } from "../../src/corpus/types.js";
import { buildQuoteBook, CorpusQuoteBook } from "../../src/quotes/book.js";
import { readFramed } from "../../src/quotes/framed-file.js";
import { lazyList } from "../../src/quotes/quotation-store.js";
import { decodeQuotes, type QuoteLayout } from "../../src/quotes/snapshot-codec.js";
import { openQuoteBook, QUOTES_SNAPSHOT_FILE, QUOTES_SNAPSHOT_FORMAT, quotesFingerprint, saveQuoteSnapshot } from "../../src/quotes/snapshot.js";
import { PAGES, queriesFrom } from "./reference-search.js";

describe("quotations kept as the snapshot stores them", () => {
  let corpus: Corpus;
  let dir: string;
  beforeAll(async () => {
    corpus = await loadCorpus("seeds");
    dir = mkdtempSync(join(tmpdir(), "dateline-store-"));
    await openQuoteBook(corpus.articles, { dataDir: dir, fingerprint: corpus.fingerprint, log: memoryLogger() }).saved;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The snapshot decoded as snapshot.ts decodes it, with its store of quotations. */
  const decoded = () => {
    const framed = readFramed(readFileSync(join(dir, QUOTES_SNAPSHOT_FILE)), QUOTES_SNAPSHOT_FORMAT, quotesFingerprint(corpus.fingerprint));
    if (framed === "stale") throw new Error("stale");
    return decodeQuotes(framed.layout as QuoteLayout, framed.binary, corpus.articles);
  };

  it("opens without making a quotation, and makes only those a search shows or ranks by their text", () => {
    const { entries, index, state } = decoded();
    const store = state.store!;
    expect(store.count).toBeGreaterThan(30);
    expect(store.madeCount).toBe(0);
    const book = CorpusQuoteBook.restored(entries, index, state);
    const fresh = buildQuoteBook(corpus);
    const query = queriesFrom(fresh.quotations).find((q) => q.speaker === null && q.words.length > 0)!;
    expect(book.search(query, { offset: 0, limit: 3 })).toEqual(fresh.search(query, { offset: 0, limit: 3 }));
    expect(store.madeCount).toBeGreaterThan(0);
    expect(store.madeCount).toBeLessThan(store.count);
  });

  it("answers every search, look-up by id and list as a book built afresh", () => {
    const { entries, index, state } = decoded();
    const book = CorpusQuoteBook.restored(entries, index, state);
    const fresh = buildQuoteBook(corpus);
    for (const query of queriesFrom(fresh.quotations)) {
      for (const page of PAGES) expect(book.search(query, page), JSON.stringify(query)).toEqual(fresh.search(query, page));
    }
    for (const q of fresh.quotations) expect(book.quotation(q.id)).toEqual(q);
    expect(book.quotation("no-such-doc#q0")).toBeUndefined();
    expect(book.quotation(`${fresh.quotations[0]!.doc}#q999`)).toBeUndefined();
    expect(book.quotation(`${fresh.quotations[0]!.doc}#q00`)).toBeUndefined();
    // Counting them makes none; copied (as for a worker thread, which cannot take a Proxy), they are a fresh book's.
    const made = state.store!.madeCount;
    expect(book.quotations.length).toBe(fresh.quotations.length);
    expect(state.store!.madeCount).toBe(made);
    expect(structuredClone(book.quotations.filter(() => true))).toEqual(fresh.quotations);
    expect(book.quotations).toBe(book.quotations);
    expect(book.extracted()).toEqual(fresh.extracted());
  });

  it("finds by id a quotation saved with an id other than the usual one, and not by the usual one", async () => {
    const fresh = buildQuoteBook(corpus);
    const renamed = fresh.extracted().map(({ article, extracted }) => ({
      article,
      extracted: { named: extracted.named, quotations: extracted.quotations.map((q, i) => (i % 2 === 0 ? q : { ...q, id: `${q.id}-other` })) },
    }));
    const book = CorpusQuoteBook.fromExtracted(renamed);
    const other = mkdtempSync(join(tmpdir(), "dateline-store-ids-"));
    try {
      await saveQuoteSnapshot(join(other, QUOTES_SNAPSHOT_FILE), quotesFingerprint("renamed"), book);
      const loaded = openQuoteBook(corpus.articles, { dataDir: other, fingerprint: "renamed", log: memoryLogger() });
      expect(loaded.fromSnapshot).toBe(true);
      const renamedOne = book.quotations.find((q) => q.id.endsWith("-other"))!;
      expect(loaded.book.quotation(renamedOne.id)).toEqual(book.quotation(renamedOne.id));
      expect(loaded.book.quotation(renamedOne.id.replace(/-other$/, ""))).toBeUndefined();
      for (const q of book.quotations) expect(loaded.book.quotation(q.id)).toEqual(q);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe("a lazy list", () => {
  it("makes an item when first read, once, and reads as an array", () => {
    let made = 0;
    const list = lazyList(4, (i) => {
      made++;
      return { i };
    });
    expect(made).toBe(0);
    expect(list.length).toBe(4);
    expect(list[2]).toEqual({ i: 2 });
    expect(list[2]).toBe(list[2]);
    expect(made).toBe(1);
    expect(list[4]).toBeUndefined();
    expect(Array.isArray(list)).toBe(true);
    expect([...list].map((x) => x.i)).toEqual([0, 1, 2, 3]);
    expect(list.map((x) => x.i)).toEqual([0, 1, 2, 3]);
    expect(Array.from(list)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }]);
    expect(JSON.stringify(list)).toBe('[{"i":0},{"i":1},{"i":2},{"i":3}]');
    expect(list).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }]);
    expect(Object.keys(lazyList(2, (i) => i))).toEqual(["0", "1"]);
    expect(made).toBe(4);
    expect(() => ((list as Array<{ i: number }>)[0] = { i: 9 })).toThrow();
  });
});
