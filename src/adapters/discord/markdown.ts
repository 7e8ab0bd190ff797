/**
 * Discord markdown: escaping corpus and user text so it renders literally, defusing mentions, and bolding marks.
 * Discord shows a backslash-escaped punctuation character as the character alone, so escaping never changes
 * what a reader sees; it only stops the text from being read as formatting.
 *
 * The escaping is discord.js's `escapeMarkdown`, plus guards for what it misses (each named where it is made, each
 * held by test/discord/escaping.test.ts, which reads the result back as Discord does): URLs left whole, mentions
 * broken, long runs of formatting characters, masked links after a line's first, and the line-start syntax it
 * knows nothing of.
 */
import { escapeMarkdown as discordEscapeMarkdown, type EscapeMarkdownOptions } from "discord.js";
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
 * (and break the link), so URLs are left as they are (discord.js would escape a backslash, "~~" or "||" in one).
 */
const URL_PATTERN = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;

/**
 * What discord.js escapes in corpus text: everything it knows (code, bold, italics, underline, strikethrough,
 * spoilers, backslashes), including the line-start syntax and masked links it leaves alone by default.
 */
const CORPUS_TEXT: EscapeMarkdownOptions = { heading: true, bulletedList: true, numberedList: true, maskedLink: true };

/** In Dateline's own prose, its bold, italics, code and lists pass (and so do backslashes). */
const PROSE: EscapeMarkdownOptions = {
  bold: false,
  italic: false,
  underline: false,
  inlineCode: false,
  codeBlock: false,
  escape: false,
  heading: true,
  maskedLink: true,
};

/**
 * Gap: four or more "*", "_" or "`" in a row. discord.js pairs its escapes wrongly there ("****a****" comes out as
 * `\*\*\**a\*\*\\*\*`: a backslash shows and italics open), so such runs are escaped here, character by character.
 */
const LONG_RUN = /([*_`])\1{3,}/g;

/**
 * Escapes Discord markdown so the text renders literally (see the module comment); URLs are left whole and
 * mentions broken.
 */
export function escapeMarkdown(text: string): string {
  let out = "";
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapeOutsideUrls(text.slice(at, match.index));
    out += match[0];
    at = match.index + match[0].length;
  }
  out += escapeOutsideUrls(text.slice(at));
  return breakMentions(out);
}

function escapeOutsideUrls(text: string): string {
  let out = "";
  let at = 0;
  for (const run of text.matchAll(LONG_RUN)) {
    out += escapeMaskedLinks(discordEscapeMarkdown(text.slice(at, run.index), CORPUS_TEXT));
    out += run[0].replace(/./g, "\\$&");
    at = run.index + run[0].length;
  }
  out += escapeMaskedLinks(discordEscapeMarkdown(text.slice(at), CORPUS_TEXT));
  return escapeLineStartGaps(out, /^([ \t]*)(>|-#|\+(?=\s))/gm);
}

/**
 * Dateline's own prose (paragraph blocks) uses a small markdown subset: `**bold**`, `_italic_`, `` `code` ``, lists.
 * Those pass through; every other piece of Discord syntax is escaped, since command text may quote the user.
 */
export function escapeProse(text: string): string {
  return breakMentions(escapeLineStartGaps(escapeMaskedLinks(discordEscapeMarkdown(text, PROSE)), /^([ \t]*)(>|-#)/gm));
}

/**
 * Gap: discord.js escapes the first "[…](…)" of a line only ("[x] and [y](https://e.example)" keeps the link), so
 * every "[" not escaped yet is. A backslash and the character after it are a pair, as Discord reads them (in corpus
 * text discord.js has doubled every literal backslash).
 */
function escapeMaskedLinks(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) {
      out += c + text[i + 1];
      i++;
    } else {
      out += c === "[" ? "\\[" : c;
    }
  }
  return out;
}

/**
 * Gap: line-start syntax discord.js does not escape at all: block quotes ("> ", ">>> "), subtext ("-# ") and lists
 * bulleted with "+" (simple-markdown's bullets are "*", "-" and "+").
 */
function escapeLineStartGaps(text: string, gaps: RegExp): string {
  return text.replace(gaps, (_m, indent: string, token: string) => (token === "-#" ? `${indent}-\\#` : `${indent}\\${token}`));
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
