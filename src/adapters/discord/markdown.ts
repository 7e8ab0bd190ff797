/**
 * Discord markdown: escaping corpus and user text so it renders literally, defusing mentions, and bolding marks.
 * Discord shows a backslash-escaped punctuation character as the character alone, so escaping never changes
 * what a reader sees; it only stops the text from being read as formatting.
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

/**
 * Escapes Discord markdown so the text renders literally; mentions are broken too. Not discord.js's
 * `escapeMarkdown`: tried in issue 19, it leaves pairs of asterisks unescaped in a run of them ("*****" shows
 * bold) and escapes neither block quotes nor subtext, so test/discord/render.test.ts fails with it.
 */
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

function escapeInline(text: string): string {
  return text.replace(/[\\*_~`|[\]]/g, (c) => `\\${c}`);
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
    .replace(/[~|[\]]/g, (c) => `\\${c}`)
    .replace(/^([ \t]*)(>|#|-#)/gm, (_m, indent: string, token: string) =>
      token === "-#" ? `${indent}-\\#` : `${indent}\\${token}`,
    );
  return breakMentions(escaped);
}

/**
 * Escapes `text` and wraps each marked range in `**…**`. Ranges are clamped, merged when they overlap or touch,
 * and trimmed of surrounding whitespace (Discord does not bold `** word**`).
 */
export function markedMarkdown(text: string, marks: Marks | undefined): string {
  const ranges = cleanMarks(text, marks, { trim: /\s/ });
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += escapeMarkdown(text.slice(at, start));
    out += `**${escapeMarkdown(text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeMarkdown(text.slice(at));
}
