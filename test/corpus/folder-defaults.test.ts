import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { numericDate, parseFolderDefaults, pathDate } from "../../src/corpus/folder-defaults.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Corpus } from "../../src/corpus/types.js";
import { outletCount, statementNote } from "../../src/statements/summary.js";
import type { Rendering, Statement } from "../../src/statements/types.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dateline-defaults-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, content: string): Promise<void> {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

const article = (corpus: Corpus, id: string) => corpus.articles.find((a) => a.id === id)!;

const STORY = "Harbour reopens after storm\n\nThe harbour at Kellwick reopened on Tuesday, the port authority said.\n";

describe("dateline.yml: a corpus folder's defaults", () => {
  it("gives files without an outlet, language or date the folder's, and never overrides what a file says", async () => {
    await put("dateline.yml", "outlet: Kellwick Courier\nlanguage: en\ndates:\n  default: 2005-06-01\n");
    await put("politics/1.txt", STORY);
    await put("politics/2.md", `---\noutlet: Harbour Gazette\npublished: 2006-02-03\nlanguage: cy\n---\n${STORY}`);
    await put("wire.jsonl", JSON.stringify({ id: "w1", title: "Wire", body: "A wire story.", outlet: "Wire Service", published: "2007-01-09" }) + "\n");
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(article(corpus, "politics/1.txt")).toMatchObject({ outlet: "Kellwick Courier", language: "en", published: "2005-06-01" });
    expect(article(corpus, "politics/2.md")).toMatchObject({ outlet: "Harbour Gazette", language: "cy", published: "2006-02-03" });
    expect(article(corpus, "w1")).toMatchObject({ outlet: "Wire Service", published: "2007-01-09", language: "en" });
  });

  it("reads numeric dates in the folder's order and dates in file paths when asked to", async () => {
    await put("dateline.yml", "dates:\n  order: day-first\n  from-path: true\n");
    await put("2004/11/23/harbour.txt", STORY);
    await put("front.md", `---\npublished: 03/04/2005\n---\n${STORY}`);
    const corpus = await loadCorpus(dir);
    expect(article(corpus, "2004/11/23/harbour.txt").published).toBe("2004-11-23");
    expect(article(corpus, "front.md").published).toBe("2005-04-03");
    expect(corpus.problems).toEqual([]);
    expect(numericDate("03/04/2005", "month-first")).toBe("2005-03-04");
    expect(numericDate("31/04/2005", "day-first")).toBeNull();
    expect(numericDate("03/04/2005", null)).toBeNull();
    expect(pathDate("archive/20050403-harbour.txt")).toBe("2005-04-03");
    expect(pathDate("politics/364.txt")).toBeNull();
  });

  it("names a malformed dateline.yml, applies none of it and serves every file", async () => {
    await put("dateline.yml", "outlet: Kellwick Courier\ndates:\n  order: sideways\n");
    await put("a.txt", STORY);
    await put("b.txt", STORY);
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["a.txt", "b.txt"]);
    expect(corpus.articles.every((a) => a.outlet === null)).toBe(true);
    expect(corpus.problems).toHaveLength(1);
    expect(corpus.problems[0]).toMatchObject({ file: "dateline.yml", severity: "error" });
    expect(corpus.problems[0]!.message).toMatch(/dates\.order/);
    expect(parseFolderDefaults("outlet: [unclosed")).toHaveProperty("problem");
    expect(parseFolderDefaults("outlet: X\nsection: politics\n")).toHaveProperty("problem");
  });

  it("changes the corpus fingerprint when the defaults change (snapshots are rebuilt)", async () => {
    await put("a.txt", STORY);
    const without = await loadCorpus(dir);
    await put("dateline.yml", "outlet: Kellwick Courier\n");
    const withOutlet = await loadCorpus(dir);
    await put("dateline.yml", "outlet: Harbour Gazette\n");
    const otherOutlet = await loadCorpus(dir);
    expect(new Set([without.fingerprint, withOutlet.fingerprint, otherOutlet.fingerprint]).size).toBe(3);
  });
});

describe("documents without an outlet are not outlets", () => {
  const rendering = (doc: string, outlet: string | null): Rendering => ({
    doc, start: 0, end: 5, text: "words", outlet, speaker: "Ann Teller", primary: false, paragraph: 1,
  });
  const statement = (renderings: Rendering[], wordings: number): Statement => ({ speaker: "Ann Teller", renderings, wordings });

  it("counts reports and outlets apart", () => {
    const unknown = statement([rendering("politics/364.txt", null), rendering("politics/365.txt", null)], 2);
    expect(outletCount(unknown)).toBe(0);
    expect(statementNote(unknown)).toBe("2 reports · 2 wordings");
    const mixed = statement([rendering("a", "Courier"), rendering("b", "courier"), rendering("c", "Gazette")], 1);
    expect(outletCount(mixed)).toBe(2);
    expect(statementNote(mixed)).toBe("3 reports · 2 outlets · 1 wording");
    const plain = statement([rendering("a", "Courier"), rendering("c", "Gazette")], 2);
    expect(statementNote(plain)).toBe("2 outlets · 2 wordings");
  });
});
