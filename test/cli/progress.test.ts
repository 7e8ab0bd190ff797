import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { terminalProgress } from "../../src/cli/progress.js";

/** A stream that keeps what is written, a terminal or not. */
function stream(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Writable & { isTTY: boolean; text: () => string };
  out.isTTY = isTTY;
  out.text = () => chunks.join("");
  return out;
}

describe("the terminal's progress (dateline index, a console start)", () => {
  it("counts the articles it says it counts, up to their total, and names each stage", async () => {
    const out = stream(true);
    const progress = terminalProgress(out)!;
    for (let done = 0; done <= 40; done++) progress.indexed(done, 40);
    progress.stage("Extracting quotations…");
    await new Promise((resolve) => setImmediate(resolve));
    const bars = out.text().split("\r").filter((line) => line.includes("articles indexed"));
    // One line per percent reached, the last one the total.
    expect(bars.at(-1)).toMatch(/100% 40\/40 articles indexed\n/);
    expect(bars.map((b) => Number(/(\d+)\/40/.exec(b)![1]))).toEqual([...bars.map((b) => Number(/(\d+)\/40/.exec(b)![1]))].sort((a, b) => a - b));
    expect(out.text().endsWith("Extracting quotations…\n")).toBe(true);
  });

  it("writes nothing when standard error is a file or a pipe", () => {
    expect(terminalProgress(stream(false))).toBeNull();
  });
});
