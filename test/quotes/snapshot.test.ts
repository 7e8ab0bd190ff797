import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { quoteCommand } from "../../commands/quote.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article, Corpus } from "../../src/corpus/types.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { openQuoteBook, QUOTES_SNAPSHOT_FILE } from "../../src/quotes/snapshot.js";
import type { QuoteBook } from "../../src/quotes/types.js";
import { quoteNewsroom } from "./newsroom.js";

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

  it("extracts again, with a warning, when the snapshot is corrupt, and saves a good one", async () => {
    await open().saved;
    const path = join(dir, QUOTES_SNAPSHOT_FILE);
    writeFileSync(path, readFileSync(path, "utf8").slice(0, 500));
    const log = memoryLogger();
    const reopened = open(corpus.fingerprint, log);
    expect(reopened.fromSnapshot).toBe(false);
    expect(log.lines.some((l) => l.level === "warn" && String(l.msg).includes("corrupt"))).toBe(true);
    expect(reopened.book.quotations).toEqual(buildQuoteBook(corpus).quotations);
    await reopened.saved;
    expect(open().fromSnapshot).toBe(true);
  });

  it("refuses a snapshot whose quotation no longer reads its article's text", async () => {
    await open().saved;
    const path = join(dir, QUOTES_SNAPSHOT_FILE);
    const saved = JSON.parse(readFileSync(path, "utf8")) as { articles: Array<{ quotations: Array<{ start: number }> }> };
    const shifted = saved.articles.find((a) => a.quotations.length > 0)!;
    shifted.quotations[0]!.start += 1;
    writeFileSync(path, JSON.stringify(saved));
    const log = memoryLogger();
    expect(open(corpus.fingerprint, log).fromSnapshot).toBe(false);
    expect(log.lines.some((l) => l.level === "warn")).toBe(true);
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
  });
});
