/**
 * What the quote book learns from every article's text (job titles, where topics stand: quotes-learnt.bin,
 * src/quotes/learnt-snapshot.ts) is restored at a restart: the same /quote answers as a start that reads
 * everything, while only the texts of the quotations ranked for the pages are read from the corpus snapshot
 * (not every article, as learning does). A damaged or
 * mismatched file is learnt again and saved anew.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { quoteCommand } from "../../commands/quote.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger, type Logger } from "../../src/core/log.js";
import { watchStoredTextReads } from "../../src/corpus/snapshot.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { LEARNT_SNAPSHOT_FILE } from "../../src/quotes/learnt-snapshot.js";
import { QUOTES_SNAPSHOT_FILE } from "../../src/quotes/snapshot.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { loadCorpus } from "../../src/corpus/load.js";

const PEOPLE = [
  { name: "Maria Kowalska", title: "Chancellor" },
  { name: "John Okafor", title: "Tory leader" },
  { name: "Ana Pérez", title: "Health Secretary" },
  { name: "Alex Ferguson", title: "Sir" },
  { name: "Li Wei", title: "Mayor" },
];
const TOPICS = ["the bridge", "interest rates", "the harbour strike", "school meals", "the tram line", "flood defences"];

/** A deterministic corpus: quotations by titled people ("Chancellor Maria Kowalska said"), on several topics. */
async function writeCorpus(folder: string): Promise<void> {
  let seed = 11;
  const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length]!;
  for (let k = 0; k < 200; k++) {
    const topic = pick(TOPICS);
    const paragraphs = [`Talks on ${topic} resume, report ${k}`];
    for (let p = 0; p < 5; p++) {
      const person = pick(PEOPLE);
      const surname = person.name.split(" ")[1]!;
      const about = pick(TOPICS);
      paragraphs.push(
        p % 2 === 0
          ? `“We will not give up on ${about} before ${2020 + (k % 5)},” said ${person.title} ${person.name} on Tuesday. The council met about ${topic}.`
          : `${surname} told reporters that ${about} “remains the priority of this council and of ${pick(TOPICS)}”.`,
      );
    }
    await writeFile(join(folder, `story-${String(k).padStart(2, "0")}.txt`), `${paragraphs.join("\n\n")}\n`, "utf8");
  }
}

const ASKED = [
  "/quote the chancellor bridge",
  "/quote Tory leader interest rates",
  "/quote Sir Alex",
  "/quote Kowalska school meals",
  "/quote harbour strike",
  "/quote flood defences",
  "/quote Okafor",
  "/quote Perez tram",
];

async function answers(newsroom: OpenedNewsroom): Promise<string[]> {
  const dispatcher = createDispatcher([quoteCommand]);
  const out: string[] = [];
  const log = memoryLogger("error");
  for (const ask of ASKED) {
    // The command line waits for titles and topic places: the answers do not depend on timing.
    const outcome = await dispatcher.dispatch(ask, { services: newsroom, platform: "cli", user: null, channel: null, log, now: () => new Date(0) });
    out.push(JSON.stringify(outcome));
  }
  // An internal error's reply names only a reference: the error itself is in the log.
  expect(log.lines.map((l) => JSON.stringify(l).slice(0, 2000))).toEqual([]);
  return out;
}

/** The answers of a start over the data folder, and the articles whose text it read from the corpus snapshot. */
async function restart(log: Logger = memoryLogger("info")): Promise<{ newsroom: OpenedNewsroom; answers: string[]; read: Set<string> }> {
  const newsroom = await openNewsroom(corpus, { dataDir, log });
  const read = new Set<string>();
  const stop = watchStoredTextReads((doc) => read.add(doc));
  try {
    const given = await answers(newsroom);
    await newsroom.pendingWrites();
    return { newsroom, answers: given, read };
  } finally {
    stop();
  }
}

/** The articles whose quotations the answers show. */
function shownDocs(given: readonly string[]): Set<string> {
  return new Set(given.flatMap((a) => (JSON.parse(a) as { results: Array<{ doc: string }> }).results.map((r) => r.doc)));
}

let dir: string;
let corpus: string;
let dataDir: string;
let reference: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-learnt-"));
  corpus = join(dir, "corpus");
  dataDir = join(dir, "data");
  await mkdir(corpus);
  await writeCorpus(corpus);
  const past = new Date(Date.now() - 60_000);
  for (const name of await readdir(corpus)) await utimes(join(corpus, name), past, past);
  reference = await answers(await openNewsroom(corpus, { dataDir: null, log: memoryLogger("warn") }));
  // The first start reads every text and learns; it saves the snapshots.
  const first = await restart();
  expect(first.answers).toEqual(reference);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function indexDir(): Promise<string> {
  const name = (await readdir(dataDir)).find((n) => n.startsWith("index-"))!;
  return join(dataDir, name);
}

describe("the learnt snapshot", () => {
  test("the answers need titles and topic places", () => {
    expect(reference.join("\n")).toContain("Maria Kowalska");
    expect(reference.join("\n")).toContain("Alex Ferguson");
    expect(reference.some((a) => a.includes('"match":"paragraph"') || a.includes('"match":"article"'))).toBe(true);
  });

  test("a restart gives the same /quote answers as a fresh build, reading only the texts of the quotations it ranks", async () => {
    const log = memoryLogger("info");
    const { newsroom, answers: given, read } = await restart(log);
    expect(given).toEqual(reference);
    expect(log.lines.filter((l) => l.level === "warn")).toEqual([]);
    expect(log.lines.some((l) => l.msg === "quotations extracted")).toBe(false);
    // The texts read are those of quotations ranked for the pages (marks, repeats within an article folded, short
    // quotations judged whole or not before they are shown): the answers' own articles, and a few more, never
    // every article.
    for (const doc of shownDocs(given)) expect(read.has(doc)).toBe(true);
    expect(read.size).toBeLessThan(newsroom.articles().length / 3);
  });

  test("without it, a restart reads every text to learn again, and saves it", async () => {
    await rm(join(await indexDir(), LEARNT_SNAPSHOT_FILE));
    const learning = await restart();
    expect(learning.answers).toEqual(reference);
    expect(learning.read.size).toBe(learning.newsroom.articles().length);
    const again = await restart();
    expect(again.answers).toEqual(reference);
    expect(again.read.size).toBeLessThan(again.newsroom.articles().length / 3);
  });

  test("a damaged learnt file is learnt again and saved anew", async () => {
    const path = join(await indexDir(), LEARNT_SNAPSHOT_FILE);
    const bytes = await readFile(path);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    await writeFile(path, bytes);
    const log = memoryLogger("info");
    const damaged = await restart(log);
    expect(damaged.answers).toEqual(reference);
    expect(log.lines.some((l) => l.level === "warn" && /learnt is damaged/.test(String(l.msg)))).toBe(true);
    // Saved again: the next restart reads only what it shows, without a warning.
    const log2 = memoryLogger("info");
    const again = await restart(log2);
    expect(again.answers).toEqual(reference);
    expect(log2.lines.filter((l) => l.level === "warn")).toEqual([]);
    expect(again.read.size).toBeLessThan(again.newsroom.articles().length / 3);
  });

  test("a learnt file cut short, or a damaged quotations snapshot, changes no answer", async () => {
    const path = join(await indexDir(), LEARNT_SNAPSHOT_FILE);
    await writeFile(path, (await readFile(path)).subarray(0, 40));
    const cut = await restart();
    expect(cut.answers).toEqual(reference);
    const quotes = join(await indexDir(), QUOTES_SNAPSHOT_FILE);
    const bytes = await readFile(quotes);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
    await writeFile(quotes, bytes);
    const log = memoryLogger("info");
    const rebuilt = await restart(log);
    expect(rebuilt.answers).toEqual(reference);
    expect(log.lines.some((l) => l.level === "warn" && /quotations snapshot is corrupt/.test(String(l.msg)))).toBe(true);
  });
});

describe("a speaker's quotations about the topic", () => {
  test("are the same read from the learnt topic places as from the speaker's own paragraphs", async () => {
    const { articles } = await loadCorpus(corpus);
    const book = buildQuoteBook({ articles });
    const queries = PEOPLE.flatMap((p) => TOPICS.map((t) => ({ speaker: p.name, words: t.split(" ").filter((w) => w !== "the"), phrases: [] })));
    const page = { offset: 0, limit: 30 };
    // Before the places are learnt, the speaker's paragraphs and articles are read; after, the places answer.
    const before = queries.map((q) => JSON.stringify(book.search(q, page)));
    expect(book.placesIfReady()).toBeNull();
    await book.placesInBackground();
    expect(book.placesIfReady()).not.toBeNull();
    const after = queries.map((q) => JSON.stringify(book.search(q, page)));
    expect(after).toEqual(before);
    expect(before.some((a) => a.includes('"match":"paragraph"'))).toBe(true);
    expect(before.some((a) => a.includes('"match":"article"'))).toBe(true);
  });
});
