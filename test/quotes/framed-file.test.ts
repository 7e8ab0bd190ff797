import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ITEMS_PER_LINE, readFramed, readFramedSteps, writeFramed } from "../../src/quotes/framed-file.js";

const dir = mkdtempSync(join(tmpdir(), "dateline-framed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs steps to the end, counting the pauses. */
function counted<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

describe("the quote book's framed files", () => {
  const long = Array.from({ length: ITEMS_PER_LINE * 3 + 5 }, (_, i) => `word ${i} “quoted”\n`);
  const layout = { strings: long, speakers: [["A", ["a"], "person", null, 1, null]], count: 7, terms: long.slice(0, 10) };
  const sections = [Uint8Array.from([1, 2, 3, 10]), new Uint8Array(0), Uint8Array.from([255])];

  it("writes a long array of the layout over several lines and reads back the same layout and bytes", async () => {
    const path = join(dir, "long.bin");
    await writeFramed(path, { format: 1, fingerprint: "f" }, layout, sections);
    const lines = readFileSync(path).toString("utf8").split("\n");
    // Header, the layout's first line, then 4 lines of the long array (the short ones stay on the first line).
    expect(JSON.parse(lines[1]!)).toMatchObject({ strings: { $lines: 4 }, count: 7, terms: layout.terms });
    expect(JSON.parse(lines[2]!)).toHaveLength(ITEMS_PER_LINE);
    const read = readFramed(readFileSync(path), 1, "f");
    if (read === "stale") throw new Error("stale");
    expect(read.layout).toEqual(layout);
    expect([...read.binary]).toEqual([1, 2, 3, 10, 255]);
  });

  it("parses the long array's lines one step at a time", async () => {
    const path = join(dir, "steps.bin");
    await writeFramed(path, { format: 1, fingerprint: "f" }, layout, sections);
    const { value, pauses } = counted(readFramedSteps(readFileSync(path), 1, "f"));
    expect(value).not.toBe("stale");
    // A pause before each of the 4 lines, besides the checksum's.
    expect(pauses).toBeGreaterThanOrEqual(4 + 1);
  });

  it("refuses a file whose long array is cut short, and reads a stale one as stale", async () => {
    const path = join(dir, "cut.bin");
    await writeFramed(path, { format: 1, fingerprint: "f" }, { strings: long }, []);
    const file = readFileSync(path);
    expect(readFramed(file, 2, "f")).toBe("stale");
    expect(readFramed(file, 1, "g")).toBe("stale");
    expect(() => readFramed(file.subarray(0, file.length - 40), 1, "f")).toThrow();
  });
});
