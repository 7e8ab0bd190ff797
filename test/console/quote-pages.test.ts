/**
 * Numbering across pages in the console, end to end: `/quote` then `/more` over the sample corpus, where one
 * statement reported by several outlets is folded into one numbered quotation. The pages number on without a gap
 * or a repeat, no quotation shown on one page comes back on the next, and `/context N` takes N as numbered.
 */
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../../src/adapters/console/console.js";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { openNewsroom, prepareStatements, type OpenedNewsroom } from "../../src/open-newsroom.js";

let newsroom: OpenedNewsroom;

beforeAll(async () => {
  newsroom = await openNewsroom("seeds", { dataDir: null, log: memoryLogger() });
  prepareStatements(newsroom, { background: false });
});

async function converse(lines: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = "";
  output.on("data", (chunk: Buffer) => (written += chunk.toString()));
  const done = runConsole({ bot: botFor(() => newsroom, memoryLogger()), input, output, interactive: false });
  input.end(lines);
  await done;
  return written;
}

/** The numbered quotation lines of the output: number and text, in order. */
function numbered(out: string): Array<{ n: number; quote: string }> {
  return out.split("\n").flatMap((line) => {
    const m = /^(\d+)\. “(.*?)”/.exec(line);
    return m ? [{ n: Number(m[1]), quote: m[2]! }] : [];
  });
}

describe("/quote pages in the console", () => {
  it("numbers on from page to page without gaps or repeats when wordings of one statement are folded", async () => {
    const out = await converse("/quote Lavrov\n/more\n/context 11\n/more\n");
    expect(out).toMatch(/other wordings? of the same statements? folded in/);
    const shown = numbered(out);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.map((s) => s.n)).toEqual(shown.map((_, i) => i + 1));
    expect(new Set(shown.map((s) => s.quote)).size).toBe(shown.length);
    // The second page starts where the first stopped.
    const pages = out.split(/Quotations by Sergey Lavrov\n/).slice(1).map(numbered);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]![0]!.n).toBe(pages[0]!.at(-1)!.n + 1);
    // What to type under a quotation of the second page, and typing it, use the same number.
    expect(out).toContain("(/context 11 · /cite 11)");
    expect(out).toContain("The sentence that attributes it:");
  });
});
