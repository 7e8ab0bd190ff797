/**
 * Discord markdown: escaping corpus and user text so it renders literally, defusing mentions, and bolding marks.
 * Discord shows a backslash-escaped punctuation character as the character alone, so escaping never changes
 * what a reader sees; it only stops the text from being read as formatting. test/discord/escaping.test.ts reads the
 * output back as Discord does (escaped text shows as written and formats nothing; marks bold and nothing else).
 *
 * Not discord.js's `escapeMarkdown` (tried in issue 19 with all its options on, `heading`, `bulletedList`,
 * `numberedList` and `maskedLink` included): it would need guards for all of these gaps, and it is slow.
 * - Runs of four or more "*", "_" or "`": its paired escapes go wrong ("****a****" comes out as
 *   `\*\*\**a\*\*\\*\*`, a backslash shown and italics opened).
 * - Block quotes ("> ", ">>> "), subtext ("-# ") and "+" lists are not escaped; of masked links, only a line's first.
 * - Inside a URL it escapes a backslash, "~~" or "||", which breaks the link; mentions are left alone.
 * - Its fourteen passes, with look-behinds that scan back to the start of the line, take time quadratic in a line's
 *   length: 17 ms of CPU for a 4,096-character excerpt of plain prose (110 ms for "a*" repeated), against 0.03 ms
 *   (0.14 ms) here, and a reply renders ten such excerpts several times while fitting Discord's limits (measured
 *   on a loaded machine, CPU time, Node 20).
 */
import { cleanMarks } from "../../core/marks.js";
import type { Marks } from "../../core/reply.js";

/** Zero-width space: invisible, but it stops Discord from reading `@everyone` or `<@123>` as a mention. */
export const ZWSP = "\u200b";

/**
 * Mentions and other `<…>` tokens (users, roles, channels, commands, emoji, timestamps) and `@everyone`/`@here`
 * get a zero-width space so they render as plain text. Messages also carry `allowed_mentions: {parse: []}`,
 * so this is defence in depth: nothing would ping, but nothing should even look like a mention.
 */
export function breakMentions(text: string): string {
  return text.replace(/<(?=[@#:/]|a:|t:)/g, `<${ZWSP}`).replace(/@(?=everyone|here)/gi, `@${ZWSP}`);
}

/**
 * Discord's bare-URL rule (as in simple-markdown). Inside a URL nothing is markdown, and a backslash would show
 * (and break the link), so URLs are left as they are.
 */
const URL_PATTERN = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;

/** Escapes Discord markdown so the text renders literally; URLs are left whole and mentions broken. */
export function escapeMarkdown(text: string): string {
  let out = "";
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapeInline(text.slice(at, match.index));
    out += match[0];
    at = match.index + match[0].length;
  }
  out += escapeInline(text.slice(at));
  return escapeLineStarts(breakMentions(out));
}

/**
 * Every inline formatting character. Not "]": a "[" escaped is enough to stop a masked link, and a "]" right after
 * a URL, escaped, would end the URL in a backslash (Discord's URL rule takes it).
 */
function escapeInline(text: string): string {
  return text.replace(/[\\*_~`|[]/g, (c) => `\\${c}`);
}

/** Line-start syntax: quotes (`>`, `>>>`), headers (`#`, `-#`), lists (`-`, `+`, `1.`). */
function escapeLineStarts(text: string): string {
  return text.replace(/^([ \t]*)(>|#|-#|[-+](?=\s)|\d+\.(?=\s))/gm, (_m, indent: string, token: string) =>
    token === "-#" ? `${indent}-\\#` : /^\d/.test(token) ? `${indent}${token.slice(0, -1)}\\.` : `${indent}\\${token}`,
  );
}

/**
 * Dateline's own prose (paragraph blocks) uses a small markdown subset: `**bold**`, `_italic_`, `` `code` ``.
 * Those pass through; every other piece of Discord syntax is escaped, since command text may quote the user.
 */
export function escapeProse(text: string): string {
  const escaped = text
    .replace(/[~|[]/g, (c) => `\\${c}`)
    .replace(/^([ \t]*)(>|#|-#)/gm, (_m, indent: string, token: string) => (token === "-#" ? `${indent}-\\#` : `${indent}\\${token}`));
  return breakMentions(escaped);
}

/**
 * Escapes `text` and wraps each marked range in `**…**`. Ranges are clamped, merged when they overlap or touch,
 * kept out of URLs, and trimmed of surrounding whitespace (Discord does not bold `** word**`).
 */
export function markedMarkdown(text: string, marks: Marks | undefined): string {
  const ranges = cleanMarks(text, outsideUrls(text, marks), { trim: /\s/ });
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += escapeMarkdown(text.slice(at, start));
    out += `**${escapeMarkdown(text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeMarkdown(text.slice(at));
}

/**
 * The marks with URLs cut out: a bold inside a URL breaks the link, and one right after it is swallowed by it (a
 * bare URL runs up to a space or "<" and may end in "*", so "https://a.example/b**<…" takes the "**"): a URL and
 * what follows it up to the next space are never bolded.
 */
function outsideUrls(text: string, marks: Marks | undefined): Marks | undefined {
  if (!marks || marks.length === 0) return marks;
  const urls = [...text.matchAll(URL_PATTERN)].map((m) => [m.index, m.index + /^\S*/.exec(text.slice(m.index))![0].length] as const);
  if (urls.length === 0) return marks;
  const out: Array<[number, number]> = [];
  for (const [start, end] of marks) {
    let from = start;
    for (const [urlStart, urlEnd] of urls) {
      if (urlEnd <= from || urlStart >= end) continue;
      if (urlStart > from) out.push([from, urlStart]);
      from = Math.max(from, urlEnd);
    }
    if (from < end) out.push([from, end]);
  }
  return out;
}
