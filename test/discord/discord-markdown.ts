/**
 * A small reading of Discord markdown, after the rules of simple-markdown that Discord's parser derives from
 * (escapes, bare URLs, masked links, code, bold, underline, italics, strikethrough, spoilers, mentions; at a line's
 * start block quotes, headings, subtext and lists). It tells what a message would show and which pieces of it
 * Discord would read as formatting, so that a test can check that escaped text shows as written and formats
 * nothing. It errs on the side of seeing formatting: a pattern Discord might read is reported.
 */

export interface Formatting {
  kind: string;
  /** Where it starts in the markdown. */
  at: number;
  /** The markdown it took. */
  source: string;
  /** For bold: what it holds, read as Discord would (its escapes resolved), and where that starts in `shown`. */
  inner?: string;
  shownAt?: number;
}

export interface Reading {
  /** The text shown (escapes resolved; bold markers dropped, other formatting kept as written; zero-width spaces kept). */
  shown: string;
  formatting: Formatting[];
}

const URL = /^https?:\/\/[^\s<]+[^<.,:;"')\]\s]/;
const ESCAPE = /^\\([^0-9A-Za-z\s])/;
const INLINE: Array<[string, RegExp]> = [
  ["code block", /^```(?:[a-z0-9_+\-.#]+?\n)?\n*[^\n][\s\S]*?\n*```/i],
  ["inline code", /^(`+)[\s\S]*?[^`]\1(?!`)/],
  ["masked link", /^\[(?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*\]\(\s*<?(?:\([^)]*\)|[^\s\\]|\\.)*?>?(?:\s+['"][\s\S]*?['"])?\s*\)/],
  ["angle link", /^<https?:\/\/[^ >]+>/],
  ["mention", /^<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[tTdDfFR])?|\/[\w -]+:\d+|id:\w+)>/],
  ["mention", /^@(?:everyone|here)/],
  ["underline", /^__([\s\S]+?)__(?!_)/],
  ["bold", /^\*\*([\s\S]+?)\*\*(?!\*)/],
  ["italic", /^\b_((?:__|\\[\s\S]|[^\\_])+?)_\b|^\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)/],
  ["strikethrough", /^~~([\s\S]+?)~~(?!_)/],
  ["spoiler", /^\|\|([\s\S]+?)\|\|/],
];
const LINE_START: Array<[string, RegExp]> = [
  ["block quote", /^ *>>> /],
  ["block quote", /^ *> /],
  ["heading", /^ {0,2}#{1,3} +\S/],
  ["subtext", /^-# +\S/],
  ["list", /^ *(?:[*+-]|\d+\.) +\S/],
];

/** Reads `markdown` as Discord would (see the module comment); inside bold, no line starts. */
export function readDiscordMarkdown(markdown: string, lineStarts = true): Reading {
  const formatting: Formatting[] = [];
  let shown = "";
  let i = 0;
  while (i < markdown.length) {
    const rest = markdown.slice(i);
    if (lineStarts && (i === 0 || markdown[i - 1] === "\n")) {
      for (const [kind, pattern] of LINE_START) {
        const m = pattern.exec(rest);
        if (m) formatting.push({ kind, at: i, source: m[0] });
      }
    }
    const escape = ESCAPE.exec(rest);
    if (escape) {
      shown += escape[1];
      i += 2;
      continue;
    }
    const url = URL.exec(rest);
    if (url) {
      shown += url[0];
      i += url[0].length;
      continue;
    }
    const inline = INLINE.find(([, pattern]) => pattern.test(rest));
    if (inline) {
      const m = inline[1].exec(rest)!;
      if (inline[0] === "bold") {
        const inner = readDiscordMarkdown(m[1]!, false);
        formatting.push({ kind: "bold", at: i, source: m[0], inner: inner.shown, shownAt: shown.length });
        for (const f of inner.formatting) formatting.push({ ...f, at: f.at + i + 2 });
        shown += inner.shown;
      } else {
        formatting.push({ kind: inline[0], at: i, source: m[0] });
        shown += m[0];
      }
      i += m[0].length;
      continue;
    }
    shown += markdown[i];
    i++;
  }
  return { shown, formatting };
}
