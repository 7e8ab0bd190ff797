/**
 * The corpus is a boundary: links out of the corpus folder are never read (at start, nor when they appear while the
 * bot runs); a UTF-8 file with a few damaged bytes keeps every valid character while a Latin-1 file is still read
 * as such; an empty corpus opens from its own snapshots on the next start without calling them corrupt.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { decodeBytes, utf8Census } from "../../src/corpus/decode.js";
import { readCorpusFile } from "../../src/corpus/load.js";
import { openNewsroom } from "../../src/open-newsroom.js";

let dir: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dateline-boundary-"));
  outside = await mkdtemp(path.join(tmpdir(), "dateline-beyond-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** In ../shared when it is there (research use: never copied). */
const BBC_LATIN1 = path.resolve(import.meta.dirname, "../../../shared/corpora/bbc/sport/199.txt");

const SECRET = "Payroll\n\nThe salaries of the newsroom, not for publication.\n";

describe("links out of the corpus folder", () => {
  it("are never read, at start or when one appears while the bot runs, and a warning names each", async () => {
    const corpus = path.join(dir, "corpus");
    await mkdir(path.join(corpus, "desk"), { recursive: true });
    await writeFile(path.join(corpus, "story.txt"), "Budget vote\n\nThe council voted.\n");
    await writeFile(path.join(outside, "payroll.txt"), SECRET);
    // Straight out, and out through a link to a folder that is itself outside.
    await symlink(path.join(outside, "payroll.txt"), path.join(corpus, "payroll.txt"));
    await symlink(path.relative(path.join(corpus, "desk"), path.join(outside, "payroll.txt")), path.join(corpus, "desk", "relative.txt"));
    const log = memoryLogger();
    const newsroom = await openNewsroom(corpus, { dataDir: null, log });
    expect(newsroom.articles().map((a) => a.id)).toEqual(["story.txt"]);
    const named = newsroom.problems().filter((p) => /outside the corpus folder: not read/.test(p.message)).map((p) => p.file);
    expect(named.sort()).toEqual(["desk/relative.txt", "payroll.txt"]);
    expect(log.lines.filter((l) => l.file === "payroll.txt" && l.level === "warn")).toHaveLength(1);

    // Live: a link made while running, then refreshed as the watcher would.
    await symlink(path.join(outside, "payroll.txt"), path.join(corpus, "late.txt"));
    expect(await newsroom.refreshFile("late.txt")).toBe("unchanged");
    expect(newsroom.articles().map((a) => a.id)).toEqual(["story.txt"]);
    expect(newsroom.problems().map((p) => p.file)).toContain("late.txt");
    expect(log.lines.filter((l) => l.file === "late.txt" && l.level === "warn")).toHaveLength(1);
    expect(JSON.stringify(newsroom.articles())).not.toContain("salaries");
  });
});

describe("damaged UTF-8 and Latin-1", () => {
  const utf8 = (text: string) => [...new TextEncoder().encode(text)];

  it("keeps every valid character of a UTF-8 file with a few bad bytes, replacing only those, with their count", async () => {
    const bytes = new Uint8Array([
      ...utf8("Zürich’s “café” — naïve résumé\n\nThe mayor said: “We will not"),
      0xff,
      ...utf8(" back down.” Kraków and Łódź agreed"),
      0xe2, 0x80, // a character cut short
      ...utf8(" on Tuesday.\n"),
    ]);
    await writeFile(path.join(dir, "zurich.txt"), bytes);
    const { articles, problems } = await readCorpusFile(dir, "zurich.txt");
    const text = articles[0]!.text;
    expect(text).toBe("Zürich’s “café” — naïve résumé\n\nThe mayor said: “We will not\uFFFD back down.” Kraków and Łódź agreed\uFFFD on Tuesday.\n");
    expect(problems).toEqual([{ file: "zurich.txt", severity: "warning", message: expect.stringMatching(/^3 byte\(s\) not valid UTF-8: replaced/) }]);
  });

  it("still reads a Latin-1 / Windows-1252 file as such", async () => {
    const latin = (text: string) => [...Buffer.from(text, "latin1")];
    // é è à ç « » and no-break spaces are Latin-1 bytes; ’ and € are Windows-1252's 0x92 and 0x80.
    const bytes = new Uint8Array([...latin("Les \u00e9l\u00e8ves de l"), 0x92, ...latin("\u00e9cole \u00e0 Besan\u00e7on: \u00ab\u00a05\u00a0"), 0x80, ...latin("\u00a0\u00bb\n")]);
    expect(utf8Census(bytes)).toEqual({ valid: 0, invalid: 12 });
    await writeFile(path.join(dir, "ecole.txt"), bytes);
    const { articles, problems } = await readCorpusFile(dir, "ecole.txt");
    expect(articles[0]!.text).toBe("Les élèves de l’école à Besançon: «\u00a05\u00a0€\u00a0»\n");
    expect(problems).toEqual([{ file: "ecole.txt", severity: "warning", message: expect.stringMatching(/Windows-1252/) }]);
  });

  it.skipIf(!existsSync(BBC_LATIN1))("reads the BBC's sport/199.txt (Latin-1) right", async () => {
    const bytes = await readFile(BBC_LATIN1);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).not.toContain("\uFFFD");
  });
});

describe("an empty corpus", () => {
  it("opens from its snapshots the second time without calling them corrupt", async () => {
    const corpus = path.join(dir, "empty");
    await mkdir(corpus);
    const data = path.join(dir, "data");
    const first = await openNewsroom(corpus, { dataDir: data, log: memoryLogger() });
    expect(first.quotes.quotations).toEqual([]);
    await first.pendingWrites();
    const log = memoryLogger();
    const second = await openNewsroom(corpus, { dataDir: data, log });
    expect(second.quotes.quotations).toEqual([]);
    expect(second.fromSnapshot).toBe(true);
    expect(log.lines.filter((l) => /corrupt/.test(String(l.msg)))).toEqual([]);
    expect(log.lines.filter((l) => l.level === "warn" || l.level === "error")).toEqual([]);
  });
});
