/** DATELINE_MAX_ARTICLE_MB: an article larger than the limit is read up to it, with a warning naming the file. */
import { open, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";
import { cutBytes, loadCorpus, readCorpusFile } from "../../src/corpus/load.js";
import { MAX_BLOCK } from "../../src/corpus/long-blocks.js";

const MB = 2 ** 20;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-limit-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PARAGRAPH = "“We will not give up,” the minister said on Tuesday. Talks resume in Geneva next week.\n\n";

describe("the article size limit", () => {
  it("reads a 200 MB text file up to 5 MB, cut at a line break, and warns naming the file", async () => {
    const folder = await mkdtemp(join(dir, "dump-"));
    const handle = await open(join(folder, "dump.txt"), "w");
    const chunk = Buffer.from(PARAGRAPH.repeat(Math.ceil(MB / PARAGRAPH.length)));
    let written = 0;
    while (written < 200 * MB) written += (await handle.write(chunk)).bytesWritten;
    await handle.close();

    const read = await readCorpusFile(folder, "dump.txt");
    const article = read.articles[0]!;
    expect(Buffer.byteLength(article.text)).toBeLessThanOrEqual(5 * MB);
    expect(Buffer.byteLength(article.text)).toBeGreaterThan(5 * MB - 64 * 1024);
    expect(article.text.endsWith("\n")).toBe(true);
    expect(article.paragraphs.length).toBeGreaterThan(50_000);
    expect(read.digest.size).toBe(written);
    expect(read.problems).toEqual([
      { file: "dump.txt", severity: "warning", message: expect.stringMatching(/^article of 20\d MB is larger than the limit of 5\.0 MB \(DATELINE_MAX_ARTICLE_MB\): only its first 5\.0 MB are read$/) },
    ]);
    await rm(folder, { recursive: true });
  });

  it("follows the limit it is given, for a text file and for each record of a JSON Lines file", async () => {
    const body = PARAGRAPH.repeat(40);
    const folder = await mkdtemp(join(dir, "limit-"));
    await writeFile(join(folder, "short.txt"), body);
    await writeFile(join(folder, "feed.jsonl"), [JSON.stringify({ id: "small", title: "Small", body: PARAGRAPH }), JSON.stringify({ id: "big", title: "Big", body })].join("\n"));
    const corpus = await loadCorpus(folder, { maxArticleBytes: 1000 });
    const big = corpus.articles.find((a) => a.id === "big")!;
    expect(Buffer.byteLength(big.text)).toBeLessThanOrEqual(1000);
    expect(body.startsWith(big.text)).toBe(true);
    expect(corpus.articles.find((a) => a.id === "small")!.text).toBe(PARAGRAPH);
    expect(Buffer.byteLength(corpus.articles.find((a) => a.id === "short.txt")!.text)).toBeLessThanOrEqual(1000);
    expect(corpus.problems.map((p) => [p.file, p.line, p.message])).toEqual([
      ["feed.jsonl", 2, 'record "big": article of 4 KB is larger than the limit of 1 KB (DATELINE_MAX_ARTICLE_MB): only its first 1 KB are read'],
      ["short.txt", undefined, "article of 4 KB is larger than the limit of 1 KB (DATELINE_MAX_ARTICLE_MB): only its first 1 KB are read"],
    ]);
  });

  it("never cuts a UTF-8 character in two", () => {
    const bytes = Buffer.from("Zürich — Genève ".repeat(10));
    for (let limit = 1; limit < 60; limit++) {
      const cut = Buffer.from(cutBytes(bytes, limit)).toString("utf8");
      expect(cut).not.toContain("\uFFFD");
      expect(bytes.toString("utf8").startsWith(cut)).toBe(true);
    }
  });

  it("cuts a line of megabytes into paragraphs of a bounded length, at sentence ends, with exact offsets", async () => {
    const line = PARAGRAPH.replace(/\n/g, " ").repeat(12_000);
    await writeFile(join(dir, "one-line.txt"), line);
    const article = (await readCorpusFile(dir, "one-line.txt")).articles[0]!;
    expect(article.paragraphs.length).toBeGreaterThan(line.length / MAX_BLOCK);
    for (const p of article.paragraphs) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_BLOCK);
      expect(/[.!?]$/.test(article.text.slice(p.start, p.end))).toBe(true);
    }
  });
});

describe("DATELINE_MAX_ARTICLE_MB", () => {
  it("defaults to 5 and takes a positive number of megabytes", () => {
    expect(readConfig({}).DATELINE_MAX_ARTICLE_MB).toBe(5);
    expect(readConfig({ DATELINE_MAX_ARTICLE_MB: "0.5" }).DATELINE_MAX_ARTICLE_MB).toBe(0.5);
    expect(() => readConfig({ DATELINE_MAX_ARTICLE_MB: "five" })).toThrow(/DATELINE_MAX_ARTICLE_MB must be a number of megabytes/);
    expect(() => readConfig({ DATELINE_MAX_ARTICLE_MB: "0" })).toThrow(/DATELINE_MAX_ARTICLE_MB/);
  });
});
