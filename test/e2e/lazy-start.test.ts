/**
 * A restart from the snapshots (corpus.bin with texts read when shown, sources-index.bin, quotes.bin opened over
 * those lazy texts) answers exactly as a start that reads everything: the same /sources and /quote pages, to the
 * byte, on the sample corpus and on a generated one (quotations, non-ASCII text, a JSON body with a lone surrogate).
 */
import { cp, mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { hasStoredText } from "../../src/corpus/snapshot.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { consoleAsk } from "./harness.js";
import { SEEDS } from "./seed-truth.js";

const NAMES = ["Maria Kowalska", "John Okafor", "Ana Lucía Pérez", "Søren Kierkegaard", "Li Wei", "Fatima Haddad"];
const ROLES = ["the finance minister", "a spokesman for the ministry", "the mayor", "the union leader"];
const TOPICS = ["the bridge", "interest rates", "the harbour strike", "school meals", "the new tram line", "flood defences"];

/** A deterministic newsroom corpus: text files and a JSONL export, with quotations attributed several ways. */
async function writeGenerated(folder: string): Promise<void> {
  let seed = 7;
  const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length]!;
  const article = (k: number): string => {
    const paragraphs: string[] = [`${pick(TOPICS)} talks resume — report ${k}`];
    for (let p = 0; p < 6; p++) {
      const name = pick(NAMES);
      const topic = pick(TOPICS);
      paragraphs.push(
        p % 2 === 0
          ? `“We will not give up on ${topic} before ${2020 + (k % 7)},” said ${name}, ${pick(ROLES)}, in a statement on Tuesday.`
          : `${name.split(" ")[0]} told reporters that ${topic} “remains the priority of this council”. Critics disagreed about ${pick(TOPICS)}.`,
      );
    }
    return paragraphs.join("\n\n") + "\n";
  };
  for (let k = 0; k < 30; k++) await writeFile(join(folder, `story-${String(k).padStart(2, "0")}.txt`), article(k));
  const records = Array.from({ length: 20 }, (_, k) =>
    JSON.stringify({ id: `wire-${k}`, title: `Wire ${k}`, outlet: "Wire", body: article(100 + k) + (k === 3 ? "Odd \ud800 byte.\n" : "") }),
  );
  await writeFile(join(folder, "wire.jsonl"), records.join("\n") + "\n");
}

const ASKED = [
  "/sources government said",
  "/sources Lavrov Minsk",
  "/sources POW video",
  "/quote Lavrov Minsk",
  "/quote Spoljaric neutrality",
  "/quote Blinken Putin",
  "/sources bridge talks",
  "/quote Kowalska bridge",
  "/quote Okafor interest rates",
  "/quote Pérez harbour strike",
  "/sources flood defences",
  "/quote priority council",
];

async function aged(folder: string): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  for (const name of await readdir(folder)) await utimes(join(folder, name), past, past);
}

let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-lazy-start-"));
});

describe.each(["seeds", "generated"])("the %s corpus", (which) => {
  let eager: OpenedNewsroom;
  let lazy: OpenedNewsroom;
  let lazyLog: ReturnType<typeof memoryLogger>;
  let first: OpenedNewsroom | undefined;

  // What the quote book learns while answering is saved in the background: finished before the folder goes.
  afterAll(async () => {
    for (const newsroom of [first, lazy, eager]) {
      newsroom?.stopBackgroundWork();
      await newsroom?.pendingWrites();
    }
  });

  beforeAll(async () => {
    const corpus = join(dir, which);
    const dataDir = join(dir, `${which}-data`);
    if (which === "seeds") await cp(SEEDS, corpus, { recursive: true });
    else {
      await mkdir(corpus, { recursive: true });
      await writeGenerated(corpus);
    }
    await aged(corpus);
    const log = memoryLogger("warn");
    eager = await openNewsroom(corpus, { dataDir: null, log });
    // The first start writes the snapshots (the quotations' when first used).
    first = await openNewsroom(corpus, { dataDir, log });
    void first.quotes;
    await first.pendingWrites();
    lazyLog = memoryLogger("info");
    lazy = await openNewsroom(corpus, { dataDir, log: lazyLog });
  }, 120_000);

  test("the restart took everything from the snapshots", () => {
    expect(lazy.fromSnapshot).toBe(true);
    expect(lazy.articles().length).toBe(eager.articles().length);
    expect(lazy.articles().every(hasStoredText)).toBe(true);
  });

  test.each(ASKED)("%s: the same page as a start that reads everything", async (asked) => {
    const [eagerPage, lazyPage] = await Promise.all([
      consoleAsk(botFor(() => eager, memoryLogger("warn")), asked),
      consoleAsk(botFor(() => lazy, memoryLogger("warn")), asked),
    ]);
    expect(lazyPage).toBe(eagerPage);
  });

  test("every quotation opened from quotes.bin over the lazy texts is the eager one", () => {
    expect(JSON.parse(JSON.stringify(lazy.quotes.quotations))).toEqual(JSON.parse(JSON.stringify(eager.quotes.quotations)));
    expect(lazy.quotes.quotations.length).toBeGreaterThan(0);
    expect(lazyLog.lines.some((l) => l.msg === "quotations extracted")).toBe(false);
    expect(lazyLog.lines.some((l) => /snapshot/.test(String(l.msg)) && l.level === "warn")).toBe(false);
  });
});
