/**
 * What "new" means, with an injected clock: the corpus found at a data folder's first start is the baseline
 * (not news); a file first seen later is new, whatever its date; a publication date in the period is new too.
 */
import { cp, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { isCorpusFile } from "../../src/corpus/watch.js";
import { digestForCli } from "../../src/digest/for-newsroom.js";
import { parseSince, periodStart } from "../../src/digest/duration.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { clock, tempDir, type Clock } from "./helpers.js";
import { root } from "./seed-data.js";

let corpusDir: string;
let dataDir: string;
let cleanups: Array<() => Promise<void>> = [];
let time: Clock;
let log: ReturnType<typeof memoryLogger>;

beforeEach(async () => {
  const corpus = await tempDir("dateline-new-corpus-");
  const data = await tempDir("dateline-new-data-");
  cleanups = [corpus.cleanup, data.cleanup];
  corpusDir = corpus.dir;
  dataDir = data.dir;
  time = clock("2026-12-02T06:00:00Z");
  log = memoryLogger();
});
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const HOUR = 3_600_000;
const open = () => openNewsroom(corpusDir, { dataDir, log, now: time.now });
const digestSince = (newsroom: OpenedNewsroom, since: string) => digestForCli(newsroom, periodStart(parseSince(since), time.now()), time.now());
const baselineLines = () => log.lines.filter((l) => /articles taken as the baseline$/.test(String(l.msg))).map((l) => String(l.msg));

const OLD_STORY = [
  "---",
  "title: Harbour bridge reopens after repairs",
  "outlet: Coastal Herald",
  "published: 1999-03-04",
  "---",
  "The harbour bridge reopened to traffic on Thursday after two years of repairs, the city council said.",
  "",
].join("\n");

describe("what is new", () => {
  it("posts nothing as new on the first start over an existing folder, and logs the baseline", async () => {
    await cp(join(root, "seeds"), corpusDir, { recursive: true });
    const newsroom = await open();
    expect(baselineLines()).toEqual(["5 articles taken as the baseline"]);
    const { json, text } = digestSince(newsroom, "24h");
    expect(json.stories).toEqual([]);
    expect(text).toMatch(/^Nothing new/);
  });

  it("counts a file added after the first start as new, and the baseline stays the baseline on restart", async () => {
    await cp(join(root, "seeds"), corpusDir, { recursive: true });
    const first = await open();
    time.advance(HOUR);
    await writeFile(join(corpusDir, "later.txt"), "Ferry to Zanzibar resumes\n\nThe ferry between Dar es Salaam and Zanzibar resumed on Monday.\n");
    expect(await first.refreshFile("later.txt")).toBe("added");
    time.advance(HOUR);
    expect(digestSince(first, "24h").json.stories.map((s) => s.docs)).toEqual([["later.txt"]]);

    // A second start over the same data folder takes no new baseline; a file written while it was down is new.
    await writeFile(join(corpusDir, "while-down.txt"), "Lighthouse keeper retires\n\nThe last lighthouse keeper of the coast retired on Friday.\n");
    time.advance(HOUR);
    const second = await open();
    expect(baselineLines()).toHaveLength(1);
    const docs = digestSince(second, "24h").json.stories.flatMap((s) => s.docs).sort();
    expect(docs).toEqual(["later.txt", "while-down.txt"]);
    // Outside the period, nothing: the seeds were the baseline, the new files were first seen within 3 hours.
    expect(digestSince(second, "30m").json.stories.flatMap((s) => s.docs)).toEqual(["while-down.txt"]);
  });

  it("counts an old-dated file added later as new, by when it was first seen", async () => {
    await cp(join(root, "seeds"), corpusDir, { recursive: true });
    const newsroom = await open();
    time.advance(HOUR);
    await writeFile(join(corpusDir, "old.md"), OLD_STORY);
    await newsroom.refreshFile("old.md");
    const { json } = digestSince(newsroom, "24h");
    expect(json.stories.map((s) => s.title)).toEqual(["Harbour bridge reopens after repairs"]);
  });

  it("--since 2022-09-01 over the seeds gives three stories", async () => {
    // Dateline started on an empty folder in August 2022; the seeds came in as they were published.
    time.set("2022-08-31T06:00:00Z");
    const newsroom = await open();
    await cp(join(root, "seeds"), corpusDir, { recursive: true });
    time.set("2023-01-21T06:00:00Z");
    for (const file of await readdir(corpusDir)) if (isCorpusFile(file)) await newsroom.refreshFile(file);
    const { json } = digestSince(newsroom, "2022-09-01");
    expect(json.from).toBe("2022-09-01T00:00:00.000Z");
    expect(json.to).toBe("2023-01-21T06:00:00.000Z");
    expect(json.stories).toHaveLength(3);
    expect(json.stories.flatMap((s) => s.docs)).toHaveLength(5);
  });

  it("counts baseline articles published in the period (by their publication date)", async () => {
    await cp(join(root, "seeds"), corpusDir, { recursive: true });
    const newsroom = await open();
    // Two seeds carry a date (20 Jan 2023 and 29 Nov 2022); the others give none, so they are not in the period.
    const { json } = digestSince(newsroom, "2022-09-01");
    expect(json.stories.flatMap((s) => s.docs).sort()).toEqual(["001_761dc06b5ae562a2.txt", "004_1d59ece23a73440c.txt"]);
    expect(digestSince(newsroom, "2022-12-01T00:00Z").json.stories.flatMap((s) => s.docs)).toEqual(["001_761dc06b5ae562a2.txt"]);
    expect(digestForCli(newsroom, new Date("2021-01-01T00:00:00Z"), new Date("2022-01-01T00:00:00Z")).json.stories).toEqual([]);
  });

  it("takes an empty folder as an empty baseline: everything added later is new", async () => {
    const newsroom = await open();
    expect(baselineLines()).toEqual(["0 articles taken as the baseline"]);
    time.advance(HOUR);
    await writeFile(join(corpusDir, "old.md"), OLD_STORY);
    await newsroom.refreshFile("old.md");
    expect(digestSince(newsroom, "2h").json.stories).toHaveLength(1);
  });
});
