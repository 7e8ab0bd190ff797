/**
 * Snapshots written off the main thread (src/workers/snapshot-writer.ts) and encoded in time slices
 * (src/quotes/snapshot.ts `saveQuoteSnapshot` with `sliced`): the same bytes as written here, a book restored from
 * them answers as a fresh one, and the event loop is served while a snapshot is being encoded.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { writeHere, type CheckedFile, type SnapshotWriter } from "../../src/checked-file.js";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article, Corpus } from "../../src/corpus/types.js";
import { CorpusQuoteBook } from "../../src/quotes/book.js";
import { openQuoteBook, QUOTES_SNAPSHOT_FILE, quotesFingerprint, saveQuoteSnapshot } from "../../src/quotes/snapshot.js";
import { createWorkerPool, type WorkerPool } from "../../src/workers/pool.js";
import { offThreadWriter, transferable } from "../../src/workers/snapshot-writer.js";

let corpus: Corpus;
let pool: WorkerPool;
let dir: string;
/** Words quoted in the seed articles (every query below finds quotations). */
let quoted: string[];

beforeAll(async () => {
  corpus = await loadCorpus("seeds");
  const texts = new CorpusQuoteBook(corpus.articles).quotations.map((q) => q.text);
  quoted = texts.slice(0, 4).map((text) => text.split(/\W+/).reduce((a, b) => (b.length > a.length ? b : a), ""));
  pool = createWorkerPool({ size: 1, log: memoryLogger() });
});
afterAll(async () => {
  await pool.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dateline-snapshot-writer-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The seed articles copied under other ids, `copies` times: a book of many articles. */
function manyArticles(copies: number): Article[] {
  const out: Article[] = [];
  for (let c = 0; c < copies; c++) for (const a of corpus.articles) out.push({ ...a, id: `${c}/${a.id}`, source: `${c}/${a.source}` });
  return out;
}

const ask = (book: CorpusQuoteBook, words: string) =>
  book.search({ speaker: null, words: words.split(" "), phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => [h.quotation.id, h.quotation.speaker, h.quotation.text]);

describe("snapshot writer", () => {
  it("moves only whole buffers of their own, each once", () => {
    const own = new Uint8Array(8);
    const view = new Uint8Array(new ArrayBuffer(16), 4, 8);
    const pooled = Buffer.from("small");
    expect(transferable([own, view, pooled, own, new Uint8Array(0)])).toEqual([own.buffer]);
  });

  it("writes in a worker thread the bytes written here, and a book restored from them answers as a fresh one", async () => {
    const fingerprint = quotesFingerprint(corpus.fingerprint);
    const here = join(dir, "here.bin");
    const there = join(dir, QUOTES_SNAPSHOT_FILE);
    const fresh = new CorpusQuoteBook(corpus.articles);
    expect(await saveQuoteSnapshot(here, fingerprint, fresh)).toBe(true);
    expect(await saveQuoteSnapshot(there, fingerprint, fresh, { write: offThreadWriter(pool), sliced: { sliceMs: 1 } })).toBe(true);
    expect(readFileSync(there).equals(readFileSync(here))).toBe(true);

    const restored = openQuoteBook(corpus.articles, { dataDir: dir, fingerprint: corpus.fingerprint, log: memoryLogger() });
    expect(restored.fromSnapshot).toBe(true);
    expect(restored.book.quotations.length).toBeGreaterThan(20);
    for (const words of [...quoted, quoted.join(" ")]) {
      expect(ask(restored.book, words).length, words).toBeGreaterThan(0);
      expect(ask(restored.book, words), words).toEqual(ask(fresh, words));
    }
  });

  it("serves the event loop while a large book is being encoded: a command is answered before the encoding ends", async () => {
    const articles = manyArticles(12);
    const book = new CorpusQuoteBook(articles);
    const events: string[] = [];
    const recording: SnapshotWriter = async (file: CheckedFile) => {
      events.push("encoded");
      await writeHere(file);
    };
    const saving = saveQuoteSnapshot(join(dir, QUOTES_SNAPSHOT_FILE), quotesFingerprint("many"), book, { write: recording, sliced: { sliceMs: 0 } });
    // A command arriving once the save has begun: answered from the book while the snapshot is still being made.
    await nextTurn();
    await nextTurn();
    events.push(`answered ${ask(book, quoted[0]!).length > 0}`);
    expect(await saving).toBe(true);
    expect(events).toEqual(["answered true", "encoded"]);
  });

  it("gives up, writing nothing, when the book changes while it is being encoded", async () => {
    const articles = manyArticles(4);
    const book = new CorpusQuoteBook(articles);
    const written: string[] = [];
    const saving = saveQuoteSnapshot(join(dir, QUOTES_SNAPSHOT_FILE), quotesFingerprint("changing"), book, {
      write: async (file) => void written.push(file.path),
      sliced: { sliceMs: 0 },
    });
    await nextTurn();
    book.remove(articles[0]!.id);
    expect(await saving).toBe(false);
    expect(written).toEqual([]);
  });
});
