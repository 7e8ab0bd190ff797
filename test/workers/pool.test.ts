/** The worker pool runs the jobs in worker threads (the compiled code of dist/): the same results as here. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus, readCorpusFile } from "../../src/corpus/load.js";
import type { Corpus } from "../../src/corpus/types.js";
import { composeDigest } from "../../src/digest/compose.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import { buildStatements } from "../../src/statements/group.js";
import { createWorkerPool, type WorkerPool } from "../../src/workers/pool.js";
import { offThreadDigests } from "../../src/workers/digests.js";

let corpus: Corpus;
let pool: WorkerPool;

beforeAll(async () => {
  corpus = await loadCorpus("seeds");
  pool = createWorkerPool({ size: 2, log: memoryLogger() });
});

afterAll(async () => {
  await pool.close();
});

describe("jobs in worker threads", () => {
  it("extracts every seed article's quotations as this thread does", async () => {
    const inWorkers = await Promise.all(corpus.articles.map((a) => pool.run("quoteArticle", a)));
    expect(inWorkers).toEqual(corpus.articles.map((a) => quoteArticle(a)));
    expect(inWorkers.flatMap((q) => q.quotations).length).toBeGreaterThan(20);
  });

  it("reads a corpus file as this thread does", async () => {
    const file = corpus.articles[0]!.source;
    expect(await pool.run("readCorpusFile", { root: "seeds", relPath: file, options: {} })).toEqual(await readCorpusFile("seeds", file));
  });

  it("composes the digest as this thread does, from the corpus it read itself", async () => {
    const book = buildQuoteBook(corpus);
    const statements = buildStatements(corpus.articles, book.quotations);
    const from = new Date("2020-01-01T00:00:00Z");
    const to = new Date("2026-01-01T00:00:00Z");
    const here = composeDigest({ articles: corpus.articles, quotations: book.quotations, statements: statements.statements, from, to, background: corpus.articles });
    const newsroom = {
      location: "seeds",
      corpus,
      articles: () => corpus.articles,
      quotes: book,
      statements: () => statements,
      firstSeen: () => "2024-06-01T00:00:00.000Z",
      onArticlesChanged: () => undefined,
      readOptions: {},
    };
    const digests = offThreadDigests(newsroom, { log: memoryLogger() });
    try {
      const pending = digests.compose(from, to, false, () => statements);
      expect(pending.ready).toBe(false);
      const composed = await pending.digest;
      expect(composed).toEqual({ ...here, documents: expect.anything() });
      expect({ ...composed.documents }).toEqual({ ...here.documents });
      expect(here.stories.length).toBeGreaterThan(1);
      expect(here.stories.some((s) => s.variants.length > 0)).toBe(true);
      // Asked again for the same articles: composed already.
      expect(digests.compose(from, new Date("2026-01-02T00:00:00Z"), false, () => statements).ready).toBe(true);
    } finally {
      await digests.close();
    }
  });

  it("composes a replica's digest from the stored articles it is given, without reading the corpus folder", async () => {
    const book = buildQuoteBook(corpus);
    const statements = buildStatements(corpus.articles, book.quotations);
    const from = new Date("2020-01-01T00:00:00Z");
    const to = new Date("2026-01-01T00:00:00Z");
    const here = composeDigest({ articles: corpus.articles, quotations: book.quotations, statements: statements.statements, from, to, background: corpus.articles });
    const log = memoryLogger();
    const newsroom = {
      // A replica's folder may be absent (only the ingest holder needs it): its corpus is the stored one.
      location: join(tmpdir(), "dateline-no-such-corpus-folder"),
      corpus: { ...corpus, location: "postgres:stored", fingerprint: "stored:test" },
      storedCorpus: true,
      articles: () => corpus.articles,
      quotes: book,
      statements: () => statements,
      firstSeen: () => "2024-06-01T00:00:00.000Z",
      onArticlesChanged: () => undefined,
      readOptions: {},
    };
    const digests = offThreadDigests(newsroom, { log });
    try {
      const composed = await digests.compose(from, to, false, () => statements).digest;
      expect(composed.stories).toEqual(here.stories);
      expect(log.lines.filter((l) => l.level === "error")).toEqual([]);
    } finally {
      await digests.close();
    }
  });

  it("fails a job that throws, and goes on with the next", async () => {
    await expect(pool.run("readCorpusFile", { root: "seeds", relPath: "no-such-file.txt", options: {} })).rejects.toMatchObject({ code: "ENOENT" });
    expect((await pool.run("quoteArticle", corpus.articles[0]!)).quotations).toEqual(quoteArticle(corpus.articles[0]!).quotations);
  });
});

describe("a pool whose workers cannot start", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dateline-pool-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("replaces a crashed worker and fails only its job", async () => {
    const script = join(dir, "crash.mjs");
    await writeFile(script, `import { parentPort } from "node:worker_threads"; parentPort.on("message", () => process.exit(3));`);
    const log = memoryLogger();
    const crashing = createWorkerPool({ size: 1, log, script: pathToFileURL(script) });
    try {
      await expect(crashing.run("quoteArticle", corpus.articles[0]!)).rejects.toThrow(/exited with code 3/);
      await expect(crashing.run("quoteArticle", corpus.articles[0]!)).rejects.toThrow(/exited with code 3/);
      expect(log.lines.filter((l) => l.msg === "worker thread failed")).toHaveLength(2);
    } finally {
      await crashing.close();
    }
  });
});
