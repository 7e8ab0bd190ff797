/**
 * A running bot opens the quote book from quotes.bin in time slices (open-newsroom.ts `quotesInBackground`,
 * snapshot.ts `openQuoteBookSteps`): commands are answered while it opens, a use of the book meanwhile finishes the
 * opening at once, the book answers as the one that was saved, and a damaged file is still found (its checksum,
 * taken in slices) and the quotations extracted again, never read.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import type { QuoteBook } from "../../src/quotes/quote-book.js";
import { QUOTES_SNAPSHOT_FILE } from "../../src/quotes/snapshot.js";
import { createWorkerPool, type WorkerPool } from "../../src/workers/pool.js";

const PEOPLE = ["Maria Kowalska", "John Okafor", "Ana Pérez", "Li Wei", "Tom Byrne", "Sara Lind"];
const TOPICS = ["the bridge", "interest rates", "the harbour strike", "school meals", "the tram line", "flood defences"];
const ASKED = ["bridge", "interest rates", "harbour strike council", "school", "tram line priority", "flood"];

/** A deterministic corpus of 300 articles, quotations by several people on several topics. */
async function writeCorpus(folder: string): Promise<void> {
  let seed = 7;
  const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length]!;
  for (let k = 0; k < 300; k++) {
    const paragraphs = [`Talks on ${pick(TOPICS)} resume, report ${k}`];
    for (let p = 0; p < 4; p++) {
      const person = pick(PEOPLE);
      paragraphs.push(`“We will not give up on ${pick(TOPICS)} before ${2020 + (k % 5)},” said ${person} on Tuesday. The council met about ${pick(TOPICS)}.`);
    }
    await writeFile(join(folder, `story-${String(k).padStart(3, "0")}.txt`), `${paragraphs.join("\n\n")}\n`, "utf8");
  }
}

const answers = (book: QuoteBook) =>
  ASKED.map((words) => book.search({ speaker: null, words: words.split(" "), phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => [h.quotation.id, h.quotation.speaker, h.quotation.text]));

let root: string;
let corpus: string;
let dataDir: string;
let pool: WorkerPool;
let saved: unknown[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "dateline-open-slices-"));
  corpus = join(root, "corpus");
  await mkdir(corpus);
  await writeCorpus(corpus);
  pool = createWorkerPool({ size: 1, log: memoryLogger() });
}, 60_000);
afterAll(async () => {
  await pool.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(root, "data-"));
  // A first start: the quotations extracted, then saved (encoded in slices, written by a worker thread).
  const first = await openNewsroom(corpus, { dataDir, log: memoryLogger(), workers: pool, snapshotSliceMs: 0 });
  saved = answers(first.quotes);
  await first.pendingWrites();
}, 60_000);
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function quotesFile(): Promise<string> {
  const [index] = (await readdir(dataDir)).filter((name) => name.startsWith("index-"));
  return join(dataDir, index!, QUOTES_SNAPSHOT_FILE);
}

const restart = (log = memoryLogger("info")): Promise<OpenedNewsroom> => openNewsroom(corpus, { dataDir, log, workers: pool, snapshotSliceMs: 0 });
const sources = (newsroom: OpenedNewsroom) => newsroom.sources.search({ words: ["bridge"], phrases: [] }, { offset: 0, limit: 5 }).hits.length;

describe("the quote book opened in time slices", () => {
  test("answers commands while it opens, and then as the book that was saved, without extracting", async () => {
    const log = memoryLogger("info");
    const newsroom = await restart(log);
    const events: string[] = [];
    const opening = newsroom.quotesInBackground().then((book) => {
      events.push("opened");
      return book;
    });
    // Commands keep being answered while the book opens.
    while (!events.includes("opened")) {
      events.push(`answered ${sources(newsroom) > 0}`);
      await nextTurn();
    }
    const book = await opening;
    expect(events.indexOf("opened")).toBeGreaterThan(2);
    expect(events.slice(0, 3)).toEqual(["answered true", "answered true", "answered true"]);
    expect(book).toBe(newsroom.quotes);
    expect(answers(book!)).toEqual(saved);
    expect(log.lines.some((l) => String(l.msg).startsWith("quotations extracted"))).toBe(false);
  });

  test("a use of the book while it opens finishes the opening at once, with the same book", async () => {
    const newsroom = await restart();
    const opening = newsroom.quotesInBackground();
    await nextTurn();
    await nextTurn();
    const book = newsroom.quotes;
    expect(answers(book)).toEqual(saved);
    expect(await opening).toBe(book);
  });

  test("a damaged byte is found while opening in slices: the quotations are extracted again, the file saved anew", async () => {
    const path = await quotesFile();
    const bytes = await readFile(path);
    // A byte of the binary sections (past both JSON lines), where only the checksum can tell.
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(path, bytes);
    const log = memoryLogger("info");
    const newsroom = await restart(log);
    const book = await newsroom.quotesInBackground();
    expect(log.lines.some((l) => l.level === "warn" && String(l.msg).includes("corrupt"))).toBe(true);
    expect(log.lines.some((l) => String(l.msg).startsWith("quotations extracted"))).toBe(true);
    expect(answers(book!)).toEqual(saved);
    await newsroom.pendingWrites();
    const again = memoryLogger("info");
    const reopened = await restart(again);
    expect(answers((await reopened.quotesInBackground())!)).toEqual(saved);
    expect(again.lines.some((l) => l.level === "warn")).toBe(false);
  });

  test("a corpus change while it opens stops the opening: the book is then opened afresh, with the change", async () => {
    const newsroom = await restart();
    const opening = newsroom.quotesInBackground();
    await nextTurn();
    await writeFile(join(corpus, "story-new.txt"), "Bridge talks\n\n“The bridge opens in May,” said Maria Kowalska on Monday.\n", "utf8");
    await newsroom.refreshFile("story-new.txt");
    await opening;
    const hits = newsroom.quotes.search({ speaker: null, words: ["bridge", "May"], phrases: [] }, { offset: 0, limit: 50 }).hits;
    expect(hits.some((h) => h.quotation.doc.endsWith("story-new.txt"))).toBe(true);
    await rm(join(corpus, "story-new.txt"));
  });
});
