import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import type { Corpus } from "../../src/corpus/types.js";
import { openSourceIndex, SNAPSHOT_FILE } from "../../src/search/snapshot.js";
import { makeArticle } from "../helpers/articles.js";

const corpusOf = (fingerprint: string, extra = ""): Corpus => ({
  location: "memory",
  fingerprint,
  problems: [],
  articles: [
    makeArticle("a.txt", [{ text: "Lavrov meets ICRC head", role: "headline" }, "Sergey Lavrov met the International Committee of the Red Cross (ICRC) in Moscow."], {
      title: "Lavrov meets ICRC head",
    }),
    makeArticle("b.txt", [`Donbas has been subjected to daily bombardments. ${extra}`]),
  ],
});

const search = (index: Awaited<ReturnType<typeof openSourceIndex>>["index"], words: string) =>
  index.search({ words: words.split(" "), phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => h.doc);

describe("index snapshot", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "dateline-snapshot-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is saved on first build and reused when the corpus is unchanged", async () => {
    const log = memoryLogger();
    const first = await openSourceIndex(corpusOf("f1"), { dataDir: dir, log });
    expect(first.fromSnapshot).toBe(false);
    expect(readdirSync(dir)).toEqual([SNAPSHOT_FILE]);

    const second = await openSourceIndex(corpusOf("f1"), { dataDir: dir, log });
    expect(second.fromSnapshot).toBe(true);
    expect(second.index.passageCount).toBe(first.index.passageCount);
    for (const words of ["Red Cross", "ICRC", "Kiev Donbass", "bombardment", "Lavorv"]) {
      expect(search(second.index, words), words).toEqual(search(first.index, words));
    }
    expect(search(second.index, "Red Cross")).toEqual(["a.txt"]);
  });

  it("keeps working incrementally after loading from a snapshot", async () => {
    await openSourceIndex(corpusOf("f1"), { dataDir: dir, log: memoryLogger() });
    const { index, fromSnapshot } = await openSourceIndex(corpusOf("f1"), { dataDir: dir, log: memoryLogger() });
    expect(fromSnapshot).toBe(true);
    index.remove("a.txt");
    expect(search(index, "Lavrov")).toEqual([]);
    index.upsert(makeArticle("c.txt", ["Lavrov spoke in Odessa."]));
    expect(search(index, "Odesa Lavrov")).toEqual(["c.txt"]);
  });

  it("is rebuilt, with a warning, when the corpus changed", async () => {
    await openSourceIndex(corpusOf("f1"), { dataDir: dir, log: memoryLogger() });
    const log = memoryLogger();
    const changed = await openSourceIndex(corpusOf("f2", "Shelling continued."), { dataDir: dir, log });
    expect(changed.fromSnapshot).toBe(false);
    expect(log.lines.some((l) => l.level === "warn" && String(l.msg).includes("stale"))).toBe(true);
    expect(search(changed.index, "shelling")).toEqual(["b.txt"]);
    const again = await openSourceIndex(corpusOf("f2", "Shelling continued."), { dataDir: dir, log });
    expect(again.fromSnapshot).toBe(true);
  });

  const lineEnd = (file: Buffer, n: number) => {
    let at = -1;
    for (let i = 0; i < n; i++) at = file.indexOf(0x0a, at + 1);
    return at;
  };
  for (const [name, damage] of [
    ["truncated", (file: Buffer) => file.subarray(0, Math.floor(file.length * 0.7))],
    ["cut after the header", (file: Buffer) => file.subarray(0, lineEnd(file, 1))],
    ["garbage", () => Buffer.from("\u0000\u0001 not a snapshot at all")],
    ["empty", () => Buffer.alloc(0)],
    ["valid JSON of the wrong shape", (file: Buffer) => Buffer.concat([file.subarray(0, lineEnd(file, 2) + 1), Buffer.from(JSON.stringify({ index: 5 }) + "\n")])],
    ["damaged in its postings (one byte changed)", (file: Buffer) => {
      const copy = Buffer.from(file);
      copy[copy.length - 3] = copy[copy.length - 3]! ^ 0x5a;
      return copy;
    }],
  ] as const) {
    it(`is rebuilt, with a warning, when the file is ${name} (opened at once, and in slices)`, async () => {
      await openSourceIndex(corpusOf("f1"), { dataDir: dir, log: memoryLogger() });
      const path = join(dir, SNAPSHOT_FILE);
      const damaged = damage(readFileSync(path));
      writeFileSync(path, damaged);
      const sliced = await openSourceIndex(corpusOf("f1"), { dataDir: dir, log: memoryLogger(), sliceMs: 0 });
      expect(sliced.fromSnapshot).toBe(false);
      writeFileSync(path, damaged);
      const log = memoryLogger();
      const reopened = await openSourceIndex(corpusOf("f1"), { dataDir: dir, log });
      expect(reopened.fromSnapshot).toBe(false);
      expect(log.lines.some((l) => l.level === "warn")).toBe(true);
      expect(search(reopened.index, "Red Cross")).toEqual(["a.txt"]);
      // The rebuilt index was saved again and is good.
      const third = await openSourceIndex(corpusOf("f1"), { dataDir: dir, log: memoryLogger() });
      expect(third.fromSnapshot).toBe(true);
    });
  }

  it("opens in time slices (a running bot): the event loop is served meanwhile, and the index answers as the one saved", async () => {
    const articles = Array.from({ length: 400 }, (_, i) => makeArticle(`s${i}.txt`, [`Story ${i} on the word${i} matter and the Red Cross in Donbas, part ${i % 7}.`]));
    const big: Corpus = { location: "memory", fingerprint: "big", problems: [], articles };
    const first = await openSourceIndex(big, { dataDir: dir, log: memoryLogger() });
    const events: string[] = [];
    const opening = openSourceIndex(big, { dataDir: dir, log: memoryLogger(), sliceMs: 0 }).then((opened) => {
      events.push("opened");
      return opened;
    });
    while (!events.includes("opened")) {
      events.push("turn");
      await new Promise((resolve) => setImmediate(resolve));
    }
    const second = await opening;
    expect(second.fromSnapshot).toBe(true);
    expect(events.indexOf("opened")).toBeGreaterThan(3);
    for (const words of ["Red Cross", "word17 matter", "Donbass", "word399"]) expect(search(second.index, words), words).toEqual(search(first.index, words));
  });

  it("works without a data folder, and reports progress", async () => {
    const progress: Array<[number, number]> = [];
    const { index, fromSnapshot } = await openSourceIndex(corpusOf("f1"), {
      dataDir: null,
      log: memoryLogger(),
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(fromSnapshot).toBe(false);
    expect(index.passageCount).toBe(2);
    expect(progress.at(-1)).toEqual([2, 2]);
  });

  it("leaves no temporary files behind, nor a snapshot of the earlier format", async () => {
    writeFileSync(join(dir, "sources-index.json"), "{}");
    await openSourceIndex(corpusOf("f1"), { dataDir: dir, log: memoryLogger() });
    await openSourceIndex(corpusOf("f2"), { dataDir: dir, log: memoryLogger() });
    expect(readdirSync(dir)).toEqual([SNAPSHOT_FILE]);
  });
});
