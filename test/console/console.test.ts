import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runConsole } from "../../src/adapters/console/console.js";
import { mark, renderConsole } from "../../src/adapters/console/render.js";
import { createBot } from "../../src/core/bot.js";
import { defineCommand, type ParsedArgs } from "../../src/core/command.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { Reply } from "../../src/core/reply.js";

const citation = { doc: "a.txt", title: "Talks in Moscow", outlet: "TASS", published: "2023-01-20", url: null, paragraph: 4, start: 10, end: 40 };

const pager = defineCommand<unknown, string>({
  name: "page",
  summary: "Shows which page it is on",
  usage: "/page <word>",
  examples: [],
  visibility: "private",
  params: [],
  schema: z.custom<ParsedArgs>().transform((a) => a.raw),
  run(raw, ctx) {
    const text = `${raw} page ${ctx.page}`;
    return { reply: { visibility: "private", text, blocks: [{ type: "paragraph", text }] }, results: [], hasMore: true };
  },
});

async function converse(lines: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = "";
  output.on("data", (chunk: Buffer) => (written += chunk.toString()));
  const bot = createBot({ dispatcher: createDispatcher([pager]), services: () => ({}), complete: () => [], log: memoryLogger() });
  const done = runConsole({ bot, input, output, interactive: false });
  input.end(lines);
  await done;
  return written;
}

describe("console", () => {
  it("answers each line of a non-terminal input in order and returns at its end", async () => {
    const out = await converse("/page one\n\n/page two\n");
    expect(out.indexOf("one page 0")).toBeGreaterThanOrEqual(0);
    expect(out.indexOf("two page 0")).toBeGreaterThan(out.indexOf("one page 0"));
  });

  it("pages the previous command with /more", async () => {
    const out = await converse("/page x\n/more\nmore\n");
    expect(out).toContain("x page 0");
    expect(out).toContain("x page 1");
    expect(out).toContain("x page 2");
  });

  it("answers an unknown command without stopping", async () => {
    const out = await converse("/nothing\n/page y\n");
    expect(out).toContain("There is no command /nothing");
    expect(out).toContain("y page 0");
  });
});

describe("renderConsole", () => {
  it("shows sources numbered with their citation, cut marks and matched words", () => {
    const reply: Reply = {
      visibility: "private",
      text: "plain",
      blocks: [
        { type: "heading", text: "Sources for “video”" },
        { type: "source", excerpt: "the infamous video of", cutStart: true, cutEnd: true, marks: [[13, 18]], citation },
      ],
    };
    expect(renderConsole(reply)).toBe(
      "Sources for “video”\n1. TASS · “Talks in Moscow” · 2023-01-20 · ¶4\n   …the infamous **video** of…",
    );
  });

  it("shows a quotation with its speaker, cue and a warning when the attribution is uncertain", () => {
    const reply: Reply = {
      visibility: "private",
      text: "plain",
      blocks: [{ type: "quote", text: "We expect", speaker: "Sergey Lavrov", cue: "said", confidence: 0.4, kind: "direct", citation }],
    };
    expect(renderConsole(reply)).toBe(
      "1. “We expect”\n   — Sergey Lavrov (said) — uncertain attribution · TASS · “Talks in Moscow” · 2023-01-20 · ¶4",
    );
  });

  it("merges overlapping and touching marks and ignores ranges outside the text", () => {
    expect(mark("abcdef", [[3, 5], [0, 2], [1, 3], [10, 12]], (s) => `[${s}]`)).toBe("[abcde]f");
  });
});

describe("mark", () => {
  it("keeps separate ranges apart", () => {
    expect(mark("abcdef", [[4, 5], [0, 2]], (s) => `[${s}]`)).toBe("[ab]cd[e]f");
  });
});
