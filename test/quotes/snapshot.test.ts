import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { quoteCommand } from "../../commands/quote.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article, Corpus } from "../../src/corpus/types.js";
import { SECTION_ALIGNMENT } from "../../src/index/snapshot-sections.js";
import type { CheckedFile } from "../../src/checked-file.js";
import { transferable } from "../../src/workers/snapshot-writer.js";
import { buildQuoteBook, CorpusQuoteBook } from "../../src/quotes/book.js";
import { openQuoteBook, QUOTES_SNAPSHOT_FILE, quotesFingerprint, saveQuoteSnapshot } from "../../src/quotes/snapshot.js";
import type { QuoteLayout } from "../../src/quotes/snapshot-codec.js";
import type { QuoteBook } from "../../src/quotes/quote-book.js";
import { quoteNewsroom } from "./newsroom.js";
import { expectSameAnswers, PAGES, queriesFrom } from "./reference-search.js";

/** A snapshot file's header, its layout and where its binary part starts (see src/quotes/snapshot.ts). */
function parts(bytes: Buffer): { header: { crc32: number }; layout: QuoteLayout; binaryStart: number } {
  const first = bytes.indexOf(0x0a);
  const second = bytes.indexOf(0x0a, first + 1);
  return {
    header: JSON.parse(bytes.toString("utf8", 0, first)) as { crc32: number },
    layout: JSON.parse(bytes.toString("utf8", first + 1, second)) as QuoteLayout,
    binaryStart: second + 1,
  };
}

/** The file with its header's checksum made right again (as if the file had been saved so). */
function withChecksum(bytes: Buffer, header: { crc32: number }): Buffer {
  const first = bytes.indexOf(0x0a);
  const fixed = { ...header, crc32: crc32(bytes.subarray(first + 1)) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(fixed)}\n`), bytes.subarray(first + 1)]);
}

const quoteQueries = (JSON.parse(readFileSync("test/fixtures/seed-queries.json", "utf8")) as { queries: Array<{ ask: string }> }).queries
  .map((q) => q.ask)
  .filter((ask) => ask.startsWith("/quote "));

async function answers(articles: readonly Article[], quotes: QuoteBook): Promise<unknown[]> {
  const dispatcher = createDispatcher([quoteCommand]);
  const services = quoteNewsroom(articles, quotes);
  const out: unknown[] = [];
  for (const ask of [...quoteQueries, "/quote Lavrov", "/quote Zaharova"]) {
    out.push(await dispatcher.dispatch(ask, { services, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(0) }));
  }
  return out;
}

describe("quotations snapshot", () => {
  let corpus: Corpus;
  let dir: string;
  beforeAll(async () => {
    corpus = await loadCorpus("seeds");
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "dateline-quotes-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = (fingerprint = corpus.fingerprint, log = memoryLogger()) => openQuoteBook(corpus.articles, { dataDir: dir, fingerprint, log });

  it("is saved on first use and reused with the same quotations, speakers and /quote answers", async () => {
    const first = open();
    expect(first.fromSnapshot).toBe(false);
    await first.saved;
    expect(readdirSync(dir)).toEqual([QUOTES_SNAPSHOT_FILE]);

    const second = open();
    expect(second.fromSnapshot).toBe(true);
    const fresh = buildQuoteBook(corpus);
    expect(fresh.quotations.length).toBeGreaterThan(30);
    expect(second.book.quotations).toEqual(fresh.quotations);
    expect(second.book.speakers.speakers).toEqual(fresh.speakers.speakers);
    expect(await answers(corpus.articles, second.book)).toEqual(await answers(corpus.articles, fresh));
  });

  it("saves a book opened from its snapshot with sections of their own, which a worker thread can take whole", async () => {
    await open().saved;
    const reopened = open();
    expect(reopened.fromSnapshot).toBe(true);
    let handed: CheckedFile | null = null;
    await saveQuoteSnapshot(join(dir, "again.bin"), "again", reopened.book, { write: (file) => Promise.resolve(void (handed = file)) });
    const sections = (handed as CheckedFile | null)!.sections.filter((s) => s.byteLength > 0);
    // Each section moves to the worker as its own buffer: none is a view into the opened file (whose buffer a
    // worker would get whole, copied, on the event loop).
    expect(transferable(sections).length).toBe(sections.length);
  });

  it("extracts again, with a warning, when the snapshot is cut short, and saves a good one", async () => {
    await open().saved;
    const path = join(dir, QUOTES_SNAPSHOT_FILE);
    const bytes = readFileSync(path);
    for (const length of [0, 100, Math.floor(bytes.length / 2), bytes.length - 1]) {
      writeFileSync(path, bytes.subarray(0, length));
      const log = memoryLogger();
      const reopened = open(corpus.fingerprint, log);
      expect(reopened.fromSnapshot).toBe(false);
      expect(log.lines.some((l) => l.level === "warn" && String(l.msg).includes("corrupt"))).toBe(true);
      expect(reopened.book.quotations).toEqual(buildQuoteBook(corpus).quotations);
      await reopened.saved;
    }
    expect(open().fromSnapshot).toBe(true);
  });

  it("extracts again when a byte of the snapshot is damaged (its checksum)", async () => {
    await open().saved;
    const path = join(dir, QUOTES_SNAPSHOT_FILE);
    const bytes = readFileSync(path);
    const { binaryStart } = parts(bytes);
    for (const at of [binaryStart - 10, binaryStart + 5, bytes.length - 3]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = damaged[at]! ^ 0x21;
      writeFileSync(path, damaged);
      const log = memoryLogger();
      expect(open(corpus.fingerprint, log).fromSnapshot).toBe(false);
      expect(log.lines.some((l) => l.level === "warn" && String(l.msg).includes("corrupt"))).toBe(true);
    }
  });

  it("refuses a snapshot whose quotation no longer reads its article's text, even with a right checksum", async () => {
    await open().saved;
    const path = join(dir, QUOTES_SNAPSHOT_FILE);
    const bytes = Buffer.from(readFileSync(path));
    const { header, layout, binaryStart } = parts(bytes);
    // The first quotation's start (the second Int32 of the quotation section, after the first section and its
    // padding: snapshot-sections.ts), one character later.
    const at = binaryStart + Math.ceil(layout.sections[0]! / SECTION_ALIGNMENT) * SECTION_ALIGNMENT + 4;
    bytes.writeInt32LE(bytes.readInt32LE(at) + 1, at);
    writeFileSync(path, withChecksum(bytes, header));
    const log = memoryLogger();
    expect(open(corpus.fingerprint, log).fromSnapshot).toBe(false);
    expect(log.lines.some((l) => l.level === "warn" && JSON.stringify(l).includes("does not read its article"))).toBe(true);
  });

  it("refuses a snapshot when an article's text changed under the same fingerprint", async () => {
    await open().saved;
    const quoted = buildQuoteBook(corpus).quotations[0]!;
    const changed = corpus.articles.map((a) =>
      a.id === quoted.doc ? { ...a, text: a.text.slice(0, quoted.start) + "X" + a.text.slice(quoted.start + 1) } : a,
    );
    const log = memoryLogger();
    const reopened = openQuoteBook(changed, { dataDir: dir, fingerprint: corpus.fingerprint, log });
    expect(reopened.fromSnapshot).toBe(false);
    expect(log.lines.some((l) => l.level === "warn" && String(l.msg).includes("corrupt"))).toBe(true);
    for (const q of reopened.book.quotations) {
      expect(changed.find((a) => a.id === q.doc)!.text.slice(q.start, q.end)).toBe(q.text);
    }
  });

  it("extracts again when the corpus fingerprint changed", async () => {
    await open("before").saved;
    const log = memoryLogger();
    const reopened = open("after", log);
    expect(reopened.fromSnapshot).toBe(false);
    expect(log.lines.some((l) => l.level === "warn" && String(l.msg).includes("stale"))).toBe(true);
    await reopened.saved;
    expect(open("after").fromSnapshot).toBe(true);
    expect(open("before").fromSnapshot).toBe(false);
  });

  it("keeps nothing on disk without a folder", async () => {
    const opened = openQuoteBook(corpus.articles, { dataDir: null, fingerprint: corpus.fingerprint, log: memoryLogger() });
    await opened.saved;
    expect(opened.fromSnapshot).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reads back the same book: quotations, speakers, canonical names, and the same search answers as a fresh one", async () => {
    await open().saved;
    const loaded = open();
    expect(loaded.fromSnapshot).toBe(true);
    const fresh = buildQuoteBook(corpus);
    expect(loaded.book.quotations).toEqual(fresh.quotations);
    expect(loaded.book.speakers.speakers).toEqual(fresh.speakers.speakers);
    for (const { doc, extracted } of fresh.extracted()) {
      for (const named of extracted.named) {
        expect(loaded.book.speakers.canonical(doc, named.name)).toEqual(fresh.speakers.canonical(doc, named.name));
      }
    }
    expect(loaded.book.extracted()).toEqual(fresh.extracted());
    const queries = queriesFrom(fresh.quotations);
    for (const query of queries) {
      for (const page of PAGES) expect(loaded.book.search(query, page), JSON.stringify(query)).toEqual(fresh.search(query, page));
    }
    expect(expectSameAnswers(loaded.book, queries)).toBeGreaterThan(queries.length);
  });

  it("saves a book changed since it was built as a fresh book of its articles would be saved", async () => {
    const book = buildQuoteBook(corpus);
    const removed = corpus.articles.find((a) => book.quotations.some((q) => q.doc === a.id))!;
    book.remove(removed.id);
    const rest = corpus.articles.filter((a) => a !== removed);
    await saveQuoteSnapshot(join(dir, QUOTES_SNAPSHOT_FILE), quotesFingerprint("changed"), book);
    const loaded = openQuoteBook(rest, { dataDir: dir, fingerprint: "changed", log: memoryLogger() });
    expect(loaded.fromSnapshot).toBe(true);
    const fresh = buildQuoteBook({ articles: rest });
    expect(loaded.book.quotations).toEqual(fresh.quotations);
    for (const query of queriesFrom(fresh.quotations)) {
      for (const page of PAGES) expect(loaded.book.search(query, page), JSON.stringify(query)).toEqual(fresh.search(query, page));
    }
  });

  it("keeps quotation ids other than the usual ones (which it does not save)", async () => {
    const fresh = buildQuoteBook(corpus);
    const renamed = fresh.extracted().map(({ article, extracted }) => ({
      article,
      extracted: { named: extracted.named, quotations: extracted.quotations.map((q, i) => (i % 2 === 0 ? q : { ...q, id: `${q.id}-other` })) },
    }));
    expect(renamed.some((e) => e.extracted.quotations.some((q) => q.id.endsWith("-other")))).toBe(true);
    const book = CorpusQuoteBook.fromExtracted(renamed);
    await saveQuoteSnapshot(join(dir, QUOTES_SNAPSHOT_FILE), quotesFingerprint("renamed"), book);
    const loaded = openQuoteBook(corpus.articles, { dataDir: dir, fingerprint: "renamed", log: memoryLogger() });
    expect(loaded.fromSnapshot).toBe(true);
    expect(loaded.book.quotations).toEqual(book.quotations);
    expect(loaded.book.extracted()).toEqual(book.extracted());
  });

  it("removes the earlier format's file when it saves", async () => {
    writeFileSync(join(dir, "quotes.json"), "{}");
    await open().saved;
    expect(readdirSync(dir)).toEqual([QUOTES_SNAPSHOT_FILE]);
  });

  it("a book from the snapshot follows live changes like a fresh one", async () => {
    await open().saved;
    const loaded = open().book;
    const fresh = buildQuoteBook(corpus);
    const removed = corpus.articles.find((a) => fresh.quotations.some((q) => q.doc === a.id))!;
    loaded.remove(removed.id);
    fresh.remove(removed.id);
    expect(loaded.quotations.some((q) => q.doc === removed.id)).toBe(false);
    expect(loaded.quotations).toEqual(fresh.quotations);
    loaded.upsert(removed);
    fresh.upsert(removed);
    expect(loaded.quotations).toEqual(fresh.quotations);
    expect(loaded.speakers.speakers).toEqual(fresh.speakers.speakers);
    for (const query of queriesFrom(fresh.quotations)) {
      for (const page of PAGES) expect(loaded.search(query, page), JSON.stringify(query)).toEqual(fresh.search(query, page));
    }
  });
});

const BBC = "../shared/corpora/bbc";

describe.skipIf(!existsSync(BBC))("quotations snapshot of the BBC corpus (research copy)", () => {
  // Extraction, a save and every query twice over 2,225 articles: minutes on a loaded machine.
  it("reads back the same quotations, speakers and search answers as the book it saved", { timeout: 300_000 }, async () => {
    const corpus = await loadCorpus(BBC);
    const dir = mkdtempSync(join(tmpdir(), "dateline-quotes-bbc-"));
    try {
      const opened = openQuoteBook(corpus.articles, { dataDir: dir, fingerprint: corpus.fingerprint, log: memoryLogger() });
      expect(opened.fromSnapshot).toBe(false);
      await opened.saved;
      const fresh = opened.book;
      const loaded = openQuoteBook(corpus.articles, { dataDir: dir, fingerprint: corpus.fingerprint, log: memoryLogger() });
      expect(loaded.fromSnapshot).toBe(true);
      expect(loaded.book.quotations).toEqual(fresh.quotations);
      expect(loaded.book.speakers.speakers).toEqual(fresh.speakers.speakers);
      for (const query of queriesFrom(fresh.quotations)) {
        for (const page of PAGES) expect(loaded.book.search(query, page), JSON.stringify(query)).toEqual(fresh.search(query, page));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
