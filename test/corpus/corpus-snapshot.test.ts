/**
 * The corpus snapshot (src/corpus/snapshot.ts, open.ts): a start on an unchanged folder reads no corpus file, a
 * changed, added or removed file is picked up, a damaged snapshot is read again with a warning, and articles taken
 * from it (texts read when asked for) are those an eager read gives, to the byte.
 */
import { cp, mkdtemp, open, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus, readCorpusFile, type CorpusFileReader } from "../../src/corpus/load.js";
import { openCorpus } from "../../src/corpus/open.js";
import { CORPUS_SNAPSHOT_FILE, hasStoredText } from "../../src/corpus/snapshot.js";
import type { Article } from "../../src/corpus/types.js";
import { openNewsroom } from "../../src/open-newsroom.js";
import { createWorkerPool, type WorkerPool } from "../../src/workers/pool.js";
import { SEEDS } from "../e2e/seed-truth.js";

let dir: string;
let corpusDir: string;
let dataDir: string;
const reads: string[] = [];
const countingReader: CorpusFileReader = (root, relPath, options) => {
  reads.push(relPath);
  return readCorpusFile(root, relPath, options);
};

/** Files written a while ago: a file modified just before the listing is read again at the next start (racy). */
async function age(folder: string): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  for (const name of await readdir(folder, { recursive: true })) await utimes(join(folder, name), past, past);
}

async function start(options: { dataDir?: string | null } = {}) {
  reads.length = 0;
  const log = memoryLogger("info");
  const opened = await openCorpus(corpusDir, { dataDir: options.dataDir === undefined ? dataDir : options.dataDir, log, reader: countingReader });
  await opened.saved;
  return { ...opened, log, reads: [...reads] };
}

/** Every field an answer can show, texts and paragraphs included (accessors read like values). */
const plain = (articles: readonly Article[]) => JSON.parse(JSON.stringify(articles)) as unknown;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-corpus-snapshot-"));
  corpusDir = join(dir, "corpus");
  dataDir = join(dir, "data");
  await cp(SEEDS, corpusDir, { recursive: true });
  await writeFile(join(corpusDir, "records.jsonl"), [
    JSON.stringify({ id: "r1", title: "One", body: "First paragraph of one.\n\nSecond paragraph, with “curly quotes” and é." }),
    // A lone surrogate survives (UTF-8 cannot carry it).
    JSON.stringify({ id: "r2", title: "Two", body: "Broken \ud800 text.\n\nMore text here." }),
    "{not json",
  ].join("\n"));
  // Web pages: their articles come from the page extractor (src/html/).
  const pages = fileURLToPath(new URL("../fixtures/html/pages/", import.meta.url));
  for (const page of ["01-wordpress.html", "02-arc.html"]) await cp(join(pages, page), join(corpusDir, "pages", page));
  await age(corpusDir);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a start from the corpus snapshot", () => {
  test("reads no corpus file when none changed, and gives the articles, problems and fingerprint of an eager read", async () => {
    const first = await start();
    expect(first.reads.length).toBeGreaterThan(5);
    expect(first.reused).toBe(0);
    const second = await start();
    expect(second.reads).toEqual([]);
    expect(second.reused).toBe(first.reads.length);
    expect(second.corpus.articles.every(hasStoredText)).toBe(true);
    const eager = await loadCorpus(corpusDir);
    expect(second.corpus.fingerprint).toBe(eager.fingerprint);
    expect(second.corpus.problems).toEqual(eager.problems);
    expect(plain(second.corpus.articles)).toEqual(plain(eager.articles));
    const broken = second.corpus.articles.find((a) => a.id === "r2")!;
    expect(broken.text).toBe(eager.articles.find((a) => a.id === "r2")!.text);
    expect(second.corpus.articles.filter((a) => a.id.startsWith("pages/")).length).toBe(2);
  });

  test("reads a changed, an added file, and forgets a removed one", async () => {
    await start();
    const names = (await readdir(corpusDir)).filter((n) => n.endsWith(".txt"));
    const changed = names[0]!;
    const removed = names[1]!;
    await writeFile(join(corpusDir, changed), (await readFile(join(corpusDir, changed), "utf8")) + "\n\nA paragraph added later.\n");
    await rm(join(corpusDir, removed));
    await writeFile(join(corpusDir, "added.txt"), "An added article.\n\nIts second paragraph.\n");
    const next = await start();
    expect(next.reads.sort()).toEqual(["added.txt", changed].sort());
    const eager = await loadCorpus(corpusDir);
    expect(plain(next.corpus.articles)).toEqual(plain(eager.articles));
    expect(next.corpus.fingerprint).toBe(eager.fingerprint);
    expect(next.corpus.articles.some((a) => a.id === removed)).toBe(false);
    // Both were modified just before that start: read again until they are older than the racy margin.
    expect((await start()).reads.sort()).toEqual(["added.txt", changed].sort());
    const past = new Date(Date.now() - 60_000);
    for (const name of ["added.txt", changed]) await utimes(join(corpusDir, name), past, past);
    expect((await start()).reads.sort()).toEqual(["added.txt", changed].sort());
    expect((await start()).reads).toEqual([]);
  });

  test("a file of the same size changed within the same second as it was listed is read again", async () => {
    await writeFile(join(corpusDir, "fresh.txt"), "Fresh article.\n");
    await start();
    // Modified just now: saved as needing a read, so an edit of the same size and time stamp is not missed.
    expect((await start()).reads).toEqual(["fresh.txt"]);
  });

  test("a damaged snapshot is read again with a warning, and saved again", async () => {
    await start();
    const path = join(dataDir, CORPUS_SNAPSHOT_FILE);
    const bytes = await readFile(path);
    const lineEnd = bytes.indexOf(0x0a);
    bytes[lineEnd + 20] = bytes[lineEnd + 20]! ^ 0xff;
    await writeFile(path, bytes);
    const damaged = await start();
    expect(damaged.reused).toBe(0);
    expect(damaged.log.lines.some((l) => l.level === "warn" && /corpus snapshot is damaged/.test(String(l.msg)))).toBe(true);
    expect(plain(damaged.corpus.articles)).toEqual(plain((await loadCorpus(corpusDir)).articles));
    expect((await start()).reads).toEqual([]);
    // Cut short, or not a snapshot at all: the same.
    await writeFile(path, bytes.subarray(0, lineEnd + 5));
    expect((await start()).reused).toBe(0);
    await writeFile(path, "garbage");
    expect((await start()).reused).toBe(0);
  });

  test("a damaged text is never shown: reading it fails", async () => {
    await start();
    const next = await start();
    const article = next.corpus.articles.find((a) => a.id === "r1")!;
    const path = join(dataDir, CORPUS_SNAPSHOT_FILE);
    const size = (await readFile(path)).length;
    const handle = await open(path, "r+");
    // The texts come last, in file order: the last bytes are those of the last file's article.
    await handle.write(Buffer.from("XX"), 0, 2, size - 3);
    await handle.close();
    const texts = () => next.corpus.articles.map((a) => a.text);
    expect(texts).toThrow(/damaged/);
    expect(article.title).toBe("One");
  });

  test("another article size limit has every file read again", async () => {
    await start();
    reads.length = 0;
    const opened = await openCorpus(corpusDir, { dataDir, log: memoryLogger(), reader: countingReader, maxArticleBytes: 2 ** 20 });
    expect(opened.reused).toBe(0);
    expect(reads.length).toBeGreaterThan(5);
  });

  test("a changed folder defaults file (dateline.yml) has every file read again", async () => {
    await start();
    await writeFile(join(corpusDir, "dateline.yml"), "outlet: The Test Gazette\n");
    const next = await start();
    expect(next.reused).toBe(0);
    expect(next.corpus.articles.find((a) => a.id === "r1")?.outlet).toBe("The Test Gazette");
  });
});

describe("a running bot's start", () => {
  test("reads the changed corpus files in the worker threads, and no file when none changed", async () => {
    const pool = createWorkerPool({ size: 1, log: memoryLogger() });
    const jobs: string[] = [];
    const workers: WorkerPool = {
      run: (job, input, transfer) => {
        jobs.push(job);
        return pool.run(job, input, transfer);
      },
      get pending() {
        return pool.pending;
      },
      close: () => pool.close(),
    };
    try {
      const log = memoryLogger("warn");
      const first = await openNewsroom(corpusDir, { dataDir, log, workers });
      await first.pendingWrites();
      const files = jobs.filter((j) => j === "readCorpusFile").length;
      expect(files).toBe(first.articles().filter((a) => !a.source.includes(":")).length + 1);
      jobs.length = 0;
      const second = await openNewsroom(corpusDir, { dataDir, log, workers });
      expect(jobs).toEqual([]);
      expect(second.articles().length).toBe(first.articles().length);
      await writeFile(join(corpusDir, "late.txt"), "A late article.\n\nWith two paragraphs.\n");
      const third = await openNewsroom(corpusDir, { dataDir, log, workers });
      await third.pendingWrites();
      // The one file read, and the passage index of the changed corpus written by a worker thread.
      expect(jobs).toEqual(["readCorpusFile", "writeSnapshot"]);
    } finally {
      await workers.close();
    }
  }, 60_000);
});
