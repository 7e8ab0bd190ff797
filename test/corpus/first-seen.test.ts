import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { FIRST_SEEN_FILE, loadFirstSeen } from "../../src/corpus/first-seen.js";
import { tempDir } from "../digest/helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir("dateline-first-seen-"));
});
afterEach(async () => {
  await cleanup();
});

describe("first-seen map", () => {
  it("keeps the first time a document was seen, across restarts", async () => {
    const map = await loadFirstSeen(dir, memoryLogger());
    expect(map.get("a.txt")).toBeNull();
    expect(map.hasBaseline).toBe(false);
    expect(map.takeBaseline(["old.txt"], new Date("2024-05-01T07:00:00Z"))).toBe(1);
    expect(map.mark("a.txt", new Date("2024-05-01T08:00:00Z")).at).toBe("2024-05-01T08:00:00.000Z");
    expect(map.mark("a.txt", new Date("2024-05-02T08:00:00Z")).at).toBe("2024-05-01T08:00:00.000Z");
    expect(map.mark("old.txt", new Date("2024-05-02T08:00:00Z"))).toEqual({ at: "2024-05-01T07:00:00.000Z", baseline: true });
    await map.save();

    const again = await loadFirstSeen(dir, memoryLogger());
    expect(again.hasBaseline).toBe(true);
    expect(again.get("a.txt")).toEqual({ at: "2024-05-01T08:00:00.000Z", baseline: false });
    expect(again.get("old.txt")?.baseline).toBe(true);
    expect(again.size).toBe(2);
    // Only the state file is left: the temporary file was renamed over it.
    expect(await readdir(dir)).toEqual([FIRST_SEEN_FILE]);
  });

  it("salvages a damaged file line by line, sets it aside, and asks for the lost entries to be taken as the baseline", async () => {
    const map = await loadFirstSeen(dir, memoryLogger());
    map.takeBaseline(["a.txt"], new Date("2024-05-01T07:00:00Z"));
    map.mark("b.txt", new Date("2024-05-01T08:00:00Z"));
    map.mark("c.txt", new Date("2024-05-01T09:00:00Z"));
    await map.save();
    const text = await readFile(join(dir, FIRST_SEEN_FILE), "utf8");
    // Damage the last entry and the end of the file.
    await writeFile(join(dir, FIRST_SEEN_FILE), text.slice(0, text.indexOf('"c.txt"') + 12));

    const log = memoryLogger();
    const salvaged = await loadFirstSeen(dir, log);
    expect(salvaged.get("a.txt")).toEqual({ at: "2024-05-01T07:00:00.000Z", baseline: true });
    expect(salvaged.get("b.txt")).toEqual({ at: "2024-05-01T08:00:00.000Z", baseline: false });
    expect(salvaged.get("c.txt")).toBeNull();
    expect(salvaged.hasBaseline).toBe(false);
    expect(log.lines.some((l) => l.level === "warn" && /damaged/.test(String(l.msg)))).toBe(true);
    expect((await readdir(dir)).some((f) => f.startsWith(`${FIRST_SEEN_FILE}.corrupt-`))).toBe(true);
    expect(salvaged.takeBaseline(["a.txt", "b.txt", "c.txt"], new Date("2024-05-02T07:00:00Z"))).toBe(1);
    expect(salvaged.get("c.txt")?.baseline).toBe(true);
  });

  it("reads a version 1 file (before baselines) as a folder whose baseline is taken", async () => {
    await writeFile(join(dir, FIRST_SEEN_FILE), '{"version":1,"docs":{"a.txt":"2024-05-01T08:00:00.000Z"}}');
    const map = await loadFirstSeen(dir, memoryLogger());
    expect(map.hasBaseline).toBe(true);
    expect(map.get("a.txt")).toEqual({ at: "2024-05-01T08:00:00.000Z", baseline: false });
  });

  it("can live in memory only", async () => {
    const map = await loadFirstSeen(null, memoryLogger());
    map.mark("a.txt", new Date());
    await map.save();
    expect(map.get("a.txt")).not.toBeNull();
  });
});
