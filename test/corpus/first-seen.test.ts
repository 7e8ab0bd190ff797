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
    expect(map.mark("a.txt", new Date("2024-05-01T08:00:00Z"))).toBe("2024-05-01T08:00:00.000Z");
    expect(map.mark("a.txt", new Date("2024-05-02T08:00:00Z"))).toBe("2024-05-01T08:00:00.000Z");
    await map.save();

    const again = await loadFirstSeen(dir, memoryLogger());
    expect(again.get("a.txt")).toBe("2024-05-01T08:00:00.000Z");
    expect(again.size).toBe(1);
    // Only the state file is left: the temporary file was renamed over it.
    expect(await readdir(dir)).toEqual([FIRST_SEEN_FILE]);
  });

  it("reports a corrupt file, sets it aside and starts again", async () => {
    await writeFile(join(dir, FIRST_SEEN_FILE), '{"version":1,"docs":{"a.txt":"2024-');
    const log = memoryLogger();
    const map = await loadFirstSeen(dir, log);
    expect(map.size).toBe(0);
    expect(log.lines.some((l) => l.level === "warn" && /corrupt/.test(String(l.msg)))).toBe(true);
    map.mark("b.txt", new Date("2024-05-01T08:00:00Z"));
    await map.save();
    const saved = JSON.parse(await readFile(join(dir, FIRST_SEEN_FILE), "utf8")) as { docs: Record<string, string> };
    expect(saved.docs).toEqual({ "b.txt": "2024-05-01T08:00:00.000Z" });
    expect((await readdir(dir)).some((f) => f.startsWith(`${FIRST_SEEN_FILE}.corrupt-`))).toBe(true);
  });

  it("can live in memory only", async () => {
    const map = await loadFirstSeen(null, memoryLogger());
    map.mark("a.txt", new Date());
    await map.save();
    expect(map.get("a.txt")).not.toBeNull();
  });
});
