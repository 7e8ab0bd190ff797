/**
 * Discord escaping read back as Discord reads it (test/discord/discord-markdown.ts): escaped corpus text shows as
 * written and formats nothing; marked text formats its marks in bold and nothing else.
 */
import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeProse, markedMarkdown } from "../../src/adapters/discord/markdown.js";
import type { Marks } from "../../src/core/reply.js";
import { readDiscordMarkdown } from "./discord-markdown.js";

const ZWSP = /\u200b/g;

/** What Discord shows of `markdown` (the mention guard's zero-width spaces are invisible), and what it formats. */
function read(markdown: string) {
  const reading = readDiscordMarkdown(markdown);
  return { shown: reading.shown.replace(ZWSP, ""), formatting: reading.formatting };
}

function expectLiteral(text: string): void {
  const escaped = escapeMarkdown(text);
  expect({ text, escaped, ...read(escaped) }).toEqual({ text, escaped, shown: text, formatting: [] });
}

/** The places of bare URLs, with what follows each up to the next space (Discord's URL rule would take a "**" there). */
function urlReach(text: string): Set<number> {
  const reach = new Set<number>();
  for (const m of text.matchAll(/https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g)) {
    for (let i = m.index; i < text.length && !/\s/.test(text[i]!); i++) reach.add(i);
  }
  return reach;
}

/** A small seeded generator (mulberry32), so that a failing string is found again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces corpus text is made of, markdown's among them. */
const PIECES = ["*", "**", "_", "__", "`", "```", "~", "~~", "|", "||", "\\", ">", ">>> ", "# ", "-# ", "- ", "+ ", "1. ", "[", "]", "(", ")", "[a](b)",
  "https://x.example/a_b*c", "<@123>", "@everyone", "<t:1:R>", " ", "\n", "word", "a", ".", ":", "'"];

function randomText(next: () => number): string {
  let text = "";
  const length = 1 + Math.floor(next() * 12);
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

describe("Discord escaping, read back as Discord reads it", () => {
  it("shows corpus text as written and formats nothing", () => {
    for (const text of [
      "**Breaking**: _officials_ say `rm -rf` > all ~~good~~ ||spoiler|| [click](https://evil.example) @everyone <@123>",
      "# head\n## two\n> quote\n>>> all of it\n- item\n* star\n1. one\n-# small",
      "a\\*b \\ c\\",
      "``` code ```",
    ]) {
      expectLiteral(text);
    }
  });

  // What discord.js's escapeMarkdown gets wrong (see markdown.ts), which this escaping must get right.
  it("escapes runs of asterisks, underscores and backticks whole", () => {
    for (const text of ["****", "****a****", "_______", "___a___", "`````", "``a``` b"]) expectLiteral(text);
  });

  it("escapes block quotes, subtext and + lists at the start of a line", () => {
    for (const text of ["> quote", "  >>> all of it", "-# small", "+ plus", "x\n> quote"]) expectLiteral(text);
  });

  it("escapes every masked link on a line, not only the first", () => {
    expectLiteral("[x] and [y](https://e.example)");
    expectLiteral("[a](b) [c](d)");
  });

  it("leaves URLs whole: no backslash in a link, nothing in it read as markdown", () => {
    const text = "see https://x.example/a\\b~~c||d__e*f (or _this_)";
    expect(escapeMarkdown(text)).toContain("https://x.example/a\\b~~c||d__e*f");
    expectLiteral(text);
  });

  it("breaks mentions so that none is read as one", () => {
    for (const text of ["@everyone", "@here", "<@123>", "<@&9>", "<#5>", "<t:1700000000:R>", "</cmd:1>", "<a:x:1>"]) expectLiteral(text);
  });

  it("shows any mix of markdown's pieces as written (3,000 seeded strings)", () => {
    const next = random(19);
    for (let n = 0; n < 3000; n++) expectLiteral(randomText(next));
  });

  it("bolds the marks and nothing else, never inside a URL or right after one", () => {
    const next = random(7);
    for (let n = 0; n < 2000; n++) {
      const text = randomText(next);
      const a = Math.floor(next() * text.length);
      const b = a + 1 + Math.floor(next() * (text.length - a));
      const marks: Marks = [[a, b]];
      const out = markedMarkdown(text, marks);
      const reading = readDiscordMarkdown(out);
      expect({ text, marks, out, shown: reading.shown.replace(ZWSP, "") }).toEqual({ text, marks, out, shown: text });
      expect(reading.formatting.filter((f) => f.kind !== "bold")).toEqual([]);
      // Shown as written but for the mention guard's zero-width spaces: where each character shown is in the text.
      const inText: number[] = [];
      for (let i = 0, at = 0; i < reading.shown.length; i++) inText.push(reading.shown[i] === "\u200b" ? -1 : at++);
      const bold = new Set(
        reading.formatting.flatMap((f) => Array.from({ length: f.inner!.length }, (_, i) => inText[f.shownAt! + i]!)).filter((i) => i >= 0),
      );
      const reach = urlReach(text);
      const wanted = [...Array(b - a).keys()].map((i) => a + i).filter((i) => !reach.has(i) && /\S/.test(text[i]!));
      expect({ text, marks, out, bold: wanted.filter((i) => bold.has(i)) }).toEqual({ text, marks, out, bold: wanted });
      expect({ text, marks, out, boldInUrls: [...bold].filter((i) => reach.has(i)) }).toEqual({ text, marks, out, boldInUrls: [] });
    }
  });

  it("keeps Dateline's own bold, italics and code in prose, and escapes the rest of what it quotes", () => {
    const reading = read(escapeProse("Found **2** _new_ for `x` ~~y~~ ||z|| [a](b) [c](d) <@1>\n> q\n-# s\n# h"));
    expect(reading.shown).toBe("Found 2 _new_ for `x` ~~y~~ ||z|| [a](b) [c](d) <@1>\n> q\n-# s\n# h");
    expect(reading.formatting.map((f) => f.kind)).toEqual(["bold", "italic", "inline code"]);
  });
});
