import { mkdir, rm, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { isCorpusFile, watchCorpus, type CorpusWatcher } from "../../src/corpus/watch.js";
import { tempDir } from "../digest/helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
let watcher: CorpusWatcher | null = null;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir("dateline-watch-"));
});
afterEach(async () => {
  await watcher?.close();
  watcher = null;
  await cleanup();
});

/** Starts watching and returns the reported paths as they come. */
function watchInto(options: { pollMs?: number; events?: boolean; onChange?: (rel: string) => Promise<void> } = {}) {
  const seen: string[] = [];
  const log = memoryLogger();
  watcher = watchCorpus(
    dir,
    async (rel) => {
      seen.push(rel);
      await options.onChange?.(rel);
    },
    { log, debounceMs: 50, pollMs: options.pollMs ?? 200, events: options.events },
  );
  return { seen, log };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe("watchCorpus", () => {
  it("reports a file written into the folder, and its removal", async () => {
    await writeFile(join(dir, "old.txt"), "already there");
    const { seen } = watchInto();
    await settle();
    expect(seen).toEqual([]);

    await mkdir(join(dir, "wire"));
    await writeFile(join(dir, "wire", "new.txt"), "Breaking news");
    await expect.poll(() => seen, { timeout: 5000 }).toContain("wire/new.txt");

    const before = seen.length;
    await unlink(join(dir, "old.txt"));
    await expect.poll(() => seen.slice(before), { timeout: 5000 }).toContain("old.txt");
  });

  it("finds new, changed and removed files by rescanning alone", async () => {
    await writeFile(join(dir, "kept.txt"), "one");
    const { seen } = watchInto({ pollMs: 100, events: false });
    await settle();
    expect(seen).toEqual([]);
    await writeFile(join(dir, "a.md"), "# A");
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(["a.md"]);
    await writeFile(join(dir, "kept.txt"), "one, and then two");
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(["a.md", "kept.txt"]);
    await unlink(join(dir, "a.md"));
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(["a.md", "kept.txt", "a.md"]);
  });

  it("reports a change once, though both the event and the rescan see it", async () => {
    const { seen } = watchInto({ pollMs: 100 });
    await settle();
    await writeFile(join(dir, "a.md"), "# A");
    await expect.poll(() => seen, { timeout: 5000 }).toContain("a.md");
    await settle();
    expect(seen).toEqual(["a.md"]);
  });

  it("reports a file written while the watcher is still making its first scan", async () => {
    const { writeFileSync } = await import("node:fs");
    const { seen } = watchInto({ pollMs: 0 });
    // Written before the first scan's listing comes back: that scan finds it, and its event must still count.
    writeFileSync(join(dir, "early.txt"), "Breaking news");
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(["early.txt"]);
  });

  it("does not report a file again when a notice comes but nothing in it changed", async () => {
    const { chmod } = await import("node:fs/promises");
    const { seen } = watchInto({ pollMs: 100 });
    await settle();
    const path = join(dir, "a.md");
    await writeFile(path, "# A");
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(["a.md"]);
    // A change of permissions raises a file-system event but leaves the text and its time as they were.
    await chmod(path, 0o600);
    await settle();
    expect(seen).toEqual(["a.md"]);
    await writeFile(path, "# A, longer");
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(["a.md", "a.md"]);
  });

  it("ignores hidden, temporary and non-corpus files", async () => {
    const { seen } = watchInto();
    await settle();
    await writeFile(join(dir, ".draft.txt"), "x");
    await writeFile(join(dir, "story.txt.tmp"), "x");
    await writeFile(join(dir, "story.txt~"), "x");
    await writeFile(join(dir, "photo.jpg"), "x");
    await mkdir(join(dir, ".git"));
    await writeFile(join(dir, ".git", "notes.txt"), "x");
    await writeFile(join(dir, "real.jsonl"), "{}\n");
    await expect.poll(() => seen, { timeout: 5000 }).toContain("real.jsonl");
    await settle();
    expect(seen).toEqual(["real.jsonl"]);
  });

  it("survives a file deleted while it is being read", async () => {
    const { readFile } = await import("node:fs/promises");
    const results: string[] = [];
    const { seen, log } = watchInto({
      onChange: async (rel) => {
        // The file is gone by the time the reader gets to it: the reader throws ENOENT.
        await rm(join(dir, rel), { force: true });
        results.push(await readFile(join(dir, rel), "utf8"));
      },
    });
    await settle();
    await writeFile(join(dir, "vanishing.txt"), "here and gone");
    await expect.poll(() => seen, { timeout: 5000 }).toContain("vanishing.txt");
    await expect.poll(() => log.lines.some((l) => l.level === "warn" && l.file === "vanishing.txt"), { timeout: 5000 }).toBe(true);
    expect(results).toEqual([]);
    // Still watching.
    await writeFile(join(dir, "next.txt"), "still here");
    await expect.poll(() => seen, { timeout: 5000 }).toContain("next.txt");
  });

  it("stops reporting once closed", async () => {
    const { seen } = watchInto();
    await settle();
    await watcher!.close();
    await writeFile(join(dir, "late.txt"), "x");
    await settle();
    expect(seen).toEqual([]);
  });
});

describe("isCorpusFile", () => {
  it("accepts the corpus formats and refuses the rest", () => {
    expect(["a.txt", "b/c.md", "d.JSON", "e.jsonl", "f.ndjson"].every(isCorpusFile)).toBe(true);
    expect(["a.txt.swp", ".a.txt", "x/.hidden/a.txt", "a.txt~", "~a.txt", "#a.txt#", "a.pdf"].some(isCorpusFile)).toBe(false);
  });
});
