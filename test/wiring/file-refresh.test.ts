/** FileRefresh: a corpus file read again becomes the change of its documents (added, changed, removed, unchanged). */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { readCorpusFile } from "../../src/corpus/load.js";
import type { CorpusChange } from "../../src/wiring/corpus-changes.js";
import { FileRefresh } from "../../src/wiring/file-refresh.js";
import { tempDir } from "../digest/helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir("dateline-refresh-")));
afterEach(() => cleanup());

const record = (id: string, text: string) => JSON.stringify({ id, body: text, title: id, outlet: "Wire" });

/** A FileRefresh over the folder's files as they are now, with the changes it hands on kept (applied as given). */
async function refresher(files: string[]) {
  const articles = [];
  for (const file of files) articles.push(...(await readCorpusFile(dir, file, {})).articles);
  const handed: CorpusChange[] = [];
  const refresh = new FileRefresh(articles, { apply: async (change) => (handed.push(change), change) }, { root: dir, dataDir: null, read: {}, workers: undefined, log: memoryLogger() });
  return { refresh, handed };
}

describe("FileRefresh", () => {
  it("hands on a JSONL file's records removed and kept, with the file's problems", async () => {
    await writeFile(join(dir, "wire.jsonl"), [record("a", "The ferry sailed at dawn."), record("b", "The bridge reopened today.")].join("\n") + "\n");
    const { refresh, handed } = await refresher(["wire.jsonl"]);
    await writeFile(join(dir, "wire.jsonl"), [record("b", "The bridge reopened today."), "{not json"].join("\n") + "\n");

    expect(await refresh.refresh("wire.jsonl")).toBe("changed");

    expect(handed).toHaveLength(1);
    expect(handed[0]!.removed).toEqual(["a"]);
    expect(handed[0]!.upserted.map((a) => a.id)).toEqual(["b"]);
    expect(handed[0]!.problems).toEqual([{ file: "wire.jsonl", problems: [expect.objectContaining({ file: "wire.jsonl", line: 2 })] }]);
  });

  it("tells a file added, removed, and one whose change the newsroom found equal to what it holds", async () => {
    const { refresh, handed } = await refresher([]);
    await writeFile(join(dir, "note.txt"), "A short note about the ferry timetable.\n");
    expect(await refresh.refresh("note.txt")).toBe("added");

    const unchanged = new FileRefresh([], { apply: async () => ({ removed: [], upserted: [] }) }, { root: dir, dataDir: null, read: {}, log: memoryLogger() });
    expect(await unchanged.refresh("note.txt")).toBe("unchanged");

    await rm(join(dir, "note.txt"));
    expect(await refresh.refresh("note.txt")).toBe("removed");
    expect(handed.map((c) => ({ removed: c.removed, upserted: c.upserted.map((a) => a.id) }))).toEqual([
      { removed: [], upserted: ["note.txt"] },
      { removed: ["note.txt"], upserted: [] },
    ]);
    // Gone from the folder: a later read of it finds nothing to remove.
    expect(await refresh.refresh("note.txt")).toBe("unchanged");
  });
});
