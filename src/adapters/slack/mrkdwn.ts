/**
 * Text -> Slack mrkdwn, safely.
 *
 * Two kinds of text reach Slack:
 * - corpus and user text (excerpts, quotations, titles, speakers, queries): shown literally. `&`, `<`, `>` are
 *   HTML-escaped, so `<!channel>`, `<!here>`, `<@U123>` or `<http://x|y>` can never become a mention or a link;
 *   and mrkdwn's formatting characters (`*`, `_`, `~`, `` ` ``) are fenced with a zero-width space (U+200B) on
 *   each side. Slack treats U+200B like a word boundary, so a fenced character can neither open (it is followed by
 *   "space") nor close (it is preceded by "space") bold, italic, strike or code: corpus `*` stays a visible `*` and
 *   cannot swallow or break our own bold marks. A character between two letters or digits (`file_name`, `5*3`)
 *   cannot format anything in Slack and is left alone, so that ids copied out of Slack stay clean. A line starting
 *   with `>` (escaped `&gt;`) gets the same fence so that it cannot turn into a block quote. The fences are
 *   invisible; the characters shown are the verbatim text.
 * - Dateline's own prose (paragraph blocks): a small markdown subset, `**bold**` -> `*bold*`, `_italic_`,
 *   `` `code` ``, translated; anything else is treated like corpus text.
 * Every mrkdwn text object is also sent with `verbatim: true`, which stops Slack's automatic parsing (bare URLs,
 * `#channel` names, `@here`) of what we send.
 */
import { cleanMarks } from "../../core/marks.js";
import type { Marks } from "../../core/reply.js";

export const ZWSP = "\u200B";

/** Escapes the three characters Slack reserves for its control sequences. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Corpus or user text -> mrkdwn that shows exactly that text and formats nothing. */
export function literal(text: string): string {
  return escapeMrkdwn(text)
    .replace(/[*_~`]/g, (c, at: number, all: string) =>
      // Between two letters or digits (snake_case, file_names, 5*3) Slack formats nothing: leave those alone.
      isWordChar(all[at - 1]) && isWordChar(all[at + 1]) ? c : `${ZWSP}${c}${ZWSP}`,
    )
    .replace(/^&gt;/gm, `${ZWSP}&gt;`);
}

/**
 * Verbatim text with [start, end) ranges in bold. Marks are clamped, merged, split at line breaks and trimmed of
 * surrounding blanks and formatting characters (Slack would not bold `* word*`); a mark inside a word is fenced
 * with zero-width spaces so that Slack still sees word boundaries around the asterisks.
 */
export function literalWithMarks(text: string, marks: Marks | undefined): string {
  let out = "";
  let at = 0;
  for (const [start, end] of normalizeMarks(text, marks)) {
    out += literal(text.slice(at, start));
    const before = isWordChar(text[start - 1]) ? ZWSP : "";
    const after = isWordChar(text[end]) ? ZWSP : "";
    out += `${before}*${literal(text.slice(start, end))}*${after}`;
    at = end;
  }
  return out + literal(text.slice(at));
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Sorted, non-overlapping, non-empty ranges that never cross a line break or start/end on a blank or a formatting character. */
export function normalizeMarks(text: string, marks: Marks | undefined): Array<[number, number]> {
  return cleanMarks(text, marks, { trim: /[\s*_~`]/, splitAtLineBreaks: true });
}

/** Dateline's own prose (the markdown subset of paragraph blocks) -> mrkdwn. */
export function prose(text: string): string {
  const token = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|((?<![\p{L}\p{N}_])_[^_\n]+_(?![\p{L}\p{N}_]))/gu;
  let out = "";
  let at = 0;
  for (const match of text.matchAll(token)) {
    const index = match.index;
    out += literal(text.slice(at, index));
    const [whole, code, bold] = match;
    if (code) out += `\`${escapeMrkdwn(code.slice(1, -1))}\``;
    else if (bold) out += `*${literal(bold.slice(2, -2))}*`;
    else out += `_${literal(whole.slice(1, -1))}_`;
    at = index + whole.length;
  }
  return out + literal(text.slice(at));
}

/**
 * Renders `raw` and, when the result is longer than `max`, renders ever shorter prefixes of it (cut at a word
 * boundary where one is near) with `cut = true`, so that the renderer can add its "…". Cutting the source text
 * rather than the rendered mrkdwn never leaves half an escape sequence or an unclosed bold mark behind.
 */
export function fitRendered(raw: string, max: number, render: (text: string, cut: boolean) => string): string {
  let out = render(raw, false);
  let keep = raw.length;
  while (out.length > max && keep > 0) {
    keep = Math.min(keep - 1, Math.floor((keep * max) / out.length));
    const space = raw.lastIndexOf(" ", keep);
    if (space > keep * 0.8) keep = space;
    // Never split a surrogate pair.
    if (keep > 0 && /[\uD800-\uDBFF]/.test(raw[keep - 1]!)) keep--;
    out = render(raw.slice(0, keep).trimEnd(), true);
  }
  return out;
}

/** Plain text cut to at most `max` characters with a final "…". */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let keep = max - 1;
  if (keep > 0 && /[\uD800-\uDBFF]/.test(text[keep - 1]!)) keep--;
  return `${text.slice(0, keep).trimEnd()}…`;
}
