import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus, readCorpusFile } from "../../src/corpus/load.js";
import { CorpusUnreadableError, type Article, type Corpus } from "../../src/corpus/types.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dateline-corpus-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

function byId(corpus: Corpus, id: string): Article {
  const found = corpus.articles.find((a) => a.id === id);
  if (!found) throw new Error(`no article ${id} in ${corpus.articles.map((a) => a.id).join(", ")}`);
  return found;
}

/** The offsets rule: every paragraph's offsets give its text, trimmed and non-empty. */
function expectOffsetsHold(corpus: Corpus) {
  for (const a of corpus.articles) {
    for (const p of a.paragraphs) {
      const text = a.text.slice(p.start, p.end);
      expect(text.length).toBeGreaterThan(0);
      expect(text).toBe(text.trim());
    }
  }
}

const record = (id: string | number, body: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, title: `Title ${id}`, body, ...extra });

describe("loadCorpus: folders and files", () => {
  it("reads folders recursively, names articles by relative path, ignores hidden and other files", async () => {
    await put("b.txt", "Second headline\n\nThe story.\n");
    await put("nested/deeper/a.txt", "First headline\n\nThe story.\n");
    await put("notes.docx", "ignored");
    await put("image.png", new Uint8Array([0x89, 0x50, 0x00]));
    await put(".hidden.txt", "Hidden\n\nNot read.\n");
    await put(".git/config.txt", "Hidden folder\n\nNot read.\n");
    await put("node_modules/pkg/README.md", "Package\n\nNot read.\n");
    await put("~lock.txt", "Lock file\n\nNot read.\n");
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["b.txt", "nested/deeper/a.txt"]);
    expect(byId(corpus, "nested/deeper/a.txt").source).toBe("nested/deeper/a.txt");
    expect(corpus.problems).toEqual([]);
    expectOffsetsHold(corpus);
  });

  it("follows symbolic links to files inside the folder, not those leading outside, nor links to folders", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "dateline-outside-"));
    try {
      await put("stories/real.txt", "Linked headline\n\nThe story.\n");
      await writeFile(path.join(outside, "linked.txt"), "Private headline\n\nNot for the corpus.\n");
      await symlink(path.join(dir, "stories", "real.txt"), path.join(dir, "link.txt"));
      await symlink(path.join(outside, "linked.txt"), path.join(dir, "away.txt"));
      await symlink(dir, path.join(dir, "loop"));
      const corpus = await loadCorpus(dir);
      expect(corpus.articles.map((a) => [a.id, a.title])).toEqual([
        ["link.txt", "Linked headline"],
        ["stories/real.txt", "Linked headline"],
      ]);
      expect(corpus.problems).toEqual([
        { file: "away.txt", severity: "warning", message: expect.stringMatching(/outside the corpus folder: not read/) },
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it.skipIf(process.getuid?.() === 0)("reports an unreadable subfolder and serves the rest", async () => {
    await put("ok.txt", "Headline\n\nStory.\n");
    await put("locked/secret.txt", "Headline\n\nStory.\n");
    await chmod(path.join(dir, "locked"), 0o000);
    try {
      const corpus = await loadCorpus(dir);
      expect(corpus.articles.map((a) => a.id)).toEqual(["ok.txt"]);
      expect(corpus.problems).toEqual([expect.objectContaining({ file: "locked", severity: "error" })]);
    } finally {
      await chmod(path.join(dir, "locked"), 0o755);
    }
  });

  it("serves an empty folder as an empty corpus", async () => {
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toEqual([]);
    expect(corpus.problems).toEqual([]);
    expect(corpus.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("throws CorpusUnreadableError for a missing location or a file of another kind", async () => {
    const missing = path.join(dir, "nope");
    await expect(loadCorpus(missing)).rejects.toBeInstanceOf(CorpusUnreadableError);
    await expect(loadCorpus(missing)).rejects.toThrow(/no such file or folder/);
    const pdf = await put("paper.pdf", "%PDF");
    await expect(loadCorpus(pdf)).rejects.toBeInstanceOf(CorpusUnreadableError);
  });

  it("reads a single .txt file as a corpus of one, named by its base name", async () => {
    const file = await put("sub/story.txt", "A headline\n\nThe story.\n");
    const corpus = await loadCorpus(file);
    expect(corpus.location).toBe(file);
    expect(corpus.articles.map((a) => [a.id, a.title])).toEqual([["story.txt", "A headline"]]);
  });

  it("reads a single .jsonl file as a corpus of its records", async () => {
    const file = await put("feed.jsonl", [record("r1", "One."), record(2, "Two.")].join("\n") + "\n");
    const corpus = await loadCorpus(file);
    expect(corpus.articles.map((a) => [a.id, a.source])).toEqual([
      ["2", "feed.jsonl:2"],
      ["r1", "feed.jsonl:1"],
    ]);
  });

  it("fingerprints content: equal for equal files, different when a file changes", async () => {
    await put("a.txt", "Headline\n\nStory one.\n");
    const first = await loadCorpus(dir);
    expect((await loadCorpus(dir)).fingerprint).toBe(first.fingerprint);
    await put("a.txt", "Headline\n\nStory two.\n");
    expect((await loadCorpus(dir)).fingerprint).not.toBe(first.fingerprint);
  });

  it("logs problems and a summary when given a logger", async () => {
    await put("empty.txt", "");
    const log = memoryLogger();
    await loadCorpus(dir, { log });
    expect(log.lines.map((l) => l.msg)).toEqual(["corpus problem", "corpus read"]);
    expect(log.lines[0]).toMatchObject({ level: "warn", file: "empty.txt" });
  });

  it("skips a duplicate id with a problem, keeping the first", async () => {
    await put("a.jsonl", record("same", "From a.") + "\n");
    await put("b.jsonl", record("same", "From b.") + "\n");
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.text)).toEqual(["From a."]);
    expect(corpus.problems).toEqual([
      expect.objectContaining({ file: "b.jsonl", severity: "error", message: expect.stringMatching(/duplicate/) }),
    ]);
  });
});

describe("loadCorpus: formats", () => {
  it("reads YAML front matter as metadata and keeps offsets into the whole file", async () => {
    const text = [
      "---",
      "title: Talks in Moscow",
      "outlet: Example Wire",
      "url: https://example.org/talks",
      "published: 2023-01-20",
      "author: A. Writer",
      "language: en",
      "topics: [diplomacy]",
      "---",
      "# Talks in Moscow",
      "",
      "MOSCOW, January 20. /TASS/. The ministers met.",
      "",
    ].join("\n");
    await put("talks.md", text);
    const corpus = await loadCorpus(dir);
    const a = byId(corpus, "talks.md");
    expect(a.text).toBe(text);
    expect(a).toMatchObject({
      title: "Talks in Moscow",
      outlet: "Example Wire",
      url: "https://example.org/talks",
      published: "2023-01-20",
      author: "A. Writer",
      language: "en",
      dateline: "MOSCOW",
    });
    expect(a.paragraphs.map((p) => [p.role, text.slice(p.start, p.end)])).toEqual([
      ["furniture", text.slice(0, text.indexOf("# Talks") - 1)],
      ["headline", "# Talks in Moscow"],
      ["body", "MOSCOW, January 20. /TASS/. The ministers met."],
    ]);
    expect(corpus.problems).toEqual([]);
  });

  it("serves a file with invalid front matter, with a warning", async () => {
    await put("bad.md", "---\ntitle: [unclosed\n---\nA headline\n\nThe story.\n");
    const corpus = await loadCorpus(dir);
    expect(byId(corpus, "bad.md").title).toBe("A headline");
    expect(corpus.problems).toEqual([
      expect.objectContaining({ file: "bad.md", severity: "warning", message: expect.stringMatching(/front matter/) }),
    ]);
  });

  it("takes prose between two --- rules for text, not front matter", async () => {
    await put("rules.txt", "---\nA headline between rules\n---\nThe story.\n");
    const corpus = await loadCorpus(dir);
    const a = byId(corpus, "rules.txt");
    expect(a.title).toBe("A headline between rules");
    expect(a.paragraphs.map((p) => p.role)).toEqual(["furniture", "headline", "furniture", "body"]);
    expect(corpus.problems).toEqual([]);
  });

  it("reads a JSON array and a single JSON record; the record title is metadata, the body is the text", async () => {
    await put(
      "many.json",
      JSON.stringify([
        { id: "a1", title: "First", body: "First.\n\nThe first story.", outlet: "Wire", published: "2023-01-20", topics: ["x"] },
        { id: 7, title: "Second", body: "The second story." },
      ]),
    );
    await put("one.json", record("solo", "Solo story."));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["7", "a1", "solo"]);
    const first = byId(corpus, "a1");
    expect(first).toMatchObject({ text: "First.\n\nThe first story.", title: "First", outlet: "Wire", published: "2023-01-20" });
    expect(first.source).toBe("many.json");
    expect(first.paragraphs.map((p) => [p.id, p.role])).toEqual([
      ["a1#p1", "headline"],
      ["a1#p2", "body"],
    ]);
    expect(byId(corpus, "7").paragraphs.map((p) => p.role)).toEqual(["body"]);
    expectOffsetsHold(corpus);
  });

  it("names a malformed JSONL record by its line, skips it and serves the rest", async () => {
    const lines = [
      record("r1", "One."),
      "",
      "{not json",
      JSON.stringify({ id: "r4", title: "No body" }),
      record("r5", "Five."),
    ];
    await put("feed.ndjson", lines.join("\n") + "\n");
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => [a.id, a.source])).toEqual([
      ["r1", "feed.ndjson:1"],
      ["r5", "feed.ndjson:5"],
    ]);
    expect(corpus.problems).toEqual([
      expect.objectContaining({ file: "feed.ndjson", line: 3, severity: "error", message: expect.stringMatching(/not valid JSON/) }),
      expect.objectContaining({ file: "feed.ndjson", line: 4, severity: "error", message: expect.stringMatching(/body/) }),
    ]);
  });

  it("reports a truncated last JSONL line", async () => {
    await put("feed.jsonl", record("r1", "One.") + "\n" + record("r2", "Two.").slice(0, 20));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["r1"]);
    expect(corpus.problems).toEqual([
      expect.objectContaining({ file: "feed.jsonl", line: 2, severity: "error", message: expect.stringMatching(/truncated/) }),
    ]);
  });

  it("reports a .json file that is not JSON", async () => {
    await put("broken.json", "[{");
    await put("ok.txt", "Headline\n\nStory.\n");
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["ok.txt"]);
    expect(corpus.problems).toEqual([expect.objectContaining({ file: "broken.json", severity: "error" })]);
  });

  it("decodes invalid UTF-8 as Windows-1252, with a warning", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("Caf"),
      0xe9,
      ...new TextEncoder().encode(" owner"),
      0x92,
      ...new TextEncoder().encode("s plan\n\nThe caf"),
      0xe9,
      ...new TextEncoder().encode(" opened.\n"),
    ]);
    await put("cafe.txt", bytes);
    const corpus = await loadCorpus(dir);
    const a = byId(corpus, "cafe.txt");
    expect(a.title).toBe("Café owner’s plan");
    expect(a.text).toBe("Café owner’s plan\n\nThe café opened.\n");
    expect(corpus.problems).toEqual([
      { file: "cafe.txt", severity: "warning", message: expect.stringMatching(/Windows-1252/) },
    ]);
  });

  it("skips binary and empty files with a problem each", async () => {
    await put("binary.txt", new Uint8Array([0x48, 0x00, 0x01, 0x02]));
    await put("empty.txt", "  \n\n");
    await put("ok.txt", "Headline\n\nStory.\n");
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["ok.txt"]);
    expect(corpus.problems).toEqual([
      expect.objectContaining({ file: "binary.txt", severity: "error", message: expect.stringMatching(/binary/) }),
      expect.objectContaining({ file: "empty.txt", severity: "warning", message: expect.stringMatching(/empty/) }),
    ]);
  });
});

describe("readCorpusFile", () => {
  it("re-reads one file with its articles, problems and digest", async () => {
    await put("feed/a.jsonl", record("r1", "One.") + "\n{oops\n");
    const file = await readCorpusFile(dir, "feed/a.jsonl");
    expect(file.articles.map((a) => a.id)).toEqual(["r1"]);
    expect(file.problems).toEqual([expect.objectContaining({ file: "feed/a.jsonl", line: 2 })]);
    expect(file.digest).toMatchObject({ path: "feed/a.jsonl", size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe("corpus folder documentation", () => {
  it("does not read a README as an article", async () => {
    const corpus = await loadCorpus("seeds");
    expect(corpus.articles.map((a) => a.id)).not.toContain("README.md");
    expect(corpus.articles).toHaveLength(5);
  });
});
