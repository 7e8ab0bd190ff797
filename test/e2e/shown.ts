/**
 * What a person sees of the first result (quotation or source) on each platform, read back from the rendered
 * output alone (Block Kit JSON, the Discord message JSON, the console's text), never from the Reply. Each reader
 * undoes only the platform's own markup (escapes, bold, block quote markers, zero-width fences), so a renderer
 * that changed a character of the quotation, or put it under another speaker or paragraph, shows up as a
 * difference between platforms or from the corpus.
 */
import { unmarkdown } from "../discord/visible.js";

export interface Shown {
  /** The quotation (without its quotation marks) or the excerpt (without its "…" cut marks). */
  text: string;
  /** Quotations only: the speaker shown, null when the platform says the speaker is unknown. */
  speaker: string | null;
  cue: string | null;
  /** The outlet, or the document name where the outlet is unknown. */
  outlet: string;
  title: string | null;
  date: string | null;
  paragraph: number;
}

const ELLIPSIS = "…";
const ZWSP = /\u200B/g;
const UNKNOWN_SPEAKERS = new Set(["Unknown speaker", "Unattributed", "speaker unknown"]);

// ---- Slack -------------------------------------------------------------------------------------------------------

interface SlackText {
  type: string;
  text: string;
}
export interface SlackBlockLike {
  type: string;
  text?: SlackText;
  elements?: Array<Partial<SlackText> & Record<string, unknown>>;
  fields?: SlackText[];
}

const PLACEHOLDER: Record<string, string> = { "*": "\uE000", _: "\uE001", "~": "\uE002", "`": "\uE003" };
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Slack mrkdwn -> the characters shown: link labels, literal characters fenced by zero-width spaces kept,
 * formatting markers and block quote markers dropped, HTML entities decoded.
 */
export function slackShown(mrkdwn: string): string {
  let s = mrkdwn
    .replace(/<[^<>|]*\|([^<>]*)>/g, "$1")
    .replace(/\u200B([*_~`])\u200B/g, (_m, c: string) => PLACEHOLDER[c]!)
    .replace(/^>/gm, "");
  // A formatting character Slack acts on has a non-letter on at least one side (between two letters it is text).
  s = s.replace(/[*_~`]/g, (c, at: number, all: string) => (isWordChar(all[at - 1]) && isWordChar(all[at + 1]) ? c : ""));
  for (const [c, p] of Object.entries(PLACEHOLDER)) s = s.split(p).join(c);
  return s.replace(ZWSP, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Every text of a Slack message as shown, one line per text object (headers, sections, fields, context). */
export function slackVisibleText(blocks: SlackBlockLike[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === "header" && b.text) lines.push(b.text.text);
    if (b.type === "section" && b.text) lines.push(slackShown(b.text.text));
    for (const f of b.fields ?? []) lines.push(slackShown(f.text));
    if (b.type === "context") for (const e of b.elements ?? []) if (typeof e.text === "string") lines.push(slackShown(e.text));
  }
  return lines.join("\n");
}

/** The first result of a Slack answer: a section followed by the context line that cites it. */
export function firstOnSlack(blocks: SlackBlockLike[]): Shown {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const section = blocks[i]!;
    const context = blocks[i + 1]!;
    const contextText = context.type === "context" ? context.elements?.[0]?.text : undefined;
    if (section.type !== "section" || !section.text || typeof contextText !== "string" || !/¶\d+/.test(contextText)) continue;
    const isQuote = section.text.text.startsWith(">");
    const text = isQuote ? slackShown(section.text.text) : uncut(slackShown(section.text.text));
    // The speaker is the bold name that opens the citation line of a quotation.
    let speaker: string | null = null;
    let cue: string | null = null;
    let rest = contextText;
    if (isQuote) {
      const who = /^(?:\*((?:\u200B[*_~`]\u200B|[^*])+)\*|Unknown speaker)(?: \(([^)]*)\))?(?: · |$)/.exec(contextText);
      if (!who) throw new Error(`Slack: no speaker in ${contextText}`);
      speaker = who[1] === undefined ? null : slackShown(who[1]);
      cue = who[2] === undefined ? null : slackShown(who[2]);
      rest = contextText.slice(who[0].length);
    }
    return { text, speaker, cue, ...citationParts(slackShown(rest).split(" · ")) };
  }
  throw new Error(`Slack: no result in ${JSON.stringify(blocks)}`);
}

/** "outlet · “title” · date · ¶N · notes" (Slack and the console). */
function citationParts(parts: string[]): Pick<Shown, "outlet" | "title" | "date" | "paragraph"> {
  const [outlet, ...more] = parts;
  const title = more.find((p) => /^“[\s\S]*”$/.test(p));
  const paragraph = more.find((p) => /^¶\d+$/.test(p));
  if (!outlet || !paragraph) throw new Error(`no citation in ${parts.join(" · ")}`);
  return {
    outlet,
    title: title ? title.slice(1, -1) : null,
    date: more.find((p) => /^\d{4}-\d{2}-\d{2}$/.test(p)) ?? null,
    paragraph: Number(paragraph.slice(1)),
  };
}

// ---- Discord -----------------------------------------------------------------------------------------------------

export interface DiscordEmbedLike {
  author?: { name: string };
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: unknown[];
}

/** The first quotation or source embed of a Discord message. */
export function firstOnDiscord(embeds: DiscordEmbedLike[]): Shown {
  const embed = embeds.find((e) => e.description !== undefined && e.footer && /¶\d+/.test(e.footer.text));
  if (!embed) throw new Error(`Discord: no result in ${JSON.stringify(embeds)}`);
  const description = unmarkdown(embed.description!);
  const isQuote = embed.author !== undefined;
  // "Speaker · cue" above the quotation; "outlet · ¶N · date · notes" below it.
  const [who, ...cue] = (embed.author?.name.replace(ZWSP, "") ?? "").split(" · ");
  const [outlet, paragraph, ...more] = embed.footer!.text.replace(ZWSP, "").split(" · ");
  if (!outlet || !paragraph || !/^¶\d+$/.test(paragraph)) throw new Error(`Discord: no citation in ${embed.footer!.text}`);
  return {
    text: isQuote ? unquote(description) : uncut(description),
    speaker: isQuote && who && !UNKNOWN_SPEAKERS.has(who) ? who : null,
    cue: cue.length > 0 ? cue.join(" · ") : null,
    outlet,
    title: embed.title === undefined ? null : unmarkdown(embed.title),
    date: more.find((p) => /^\d{4}-\d{2}-\d{2}$/.test(p)) ?? null,
    paragraph: Number(paragraph.slice(1)),
  };
}

// ---- Console -----------------------------------------------------------------------------------------------------

/** The first numbered result of the console's plain (non-terminal) output; marks show as **word**. */
export function firstOnConsole(output: string): Shown {
  const plain = output.replace(/\*\*/g, "");
  const quote = /^1\. “([\s\S]*?)”\n {3}— (.+)$/m.exec(plain);
  if (quote) {
    const [who, ...rest] = quote[2]!.split(" · ");
    const named = /^(.*?)(?: \(([^)]*)\))?(?: — uncertain attribution)?$/.exec(who!)!;
    return {
      text: quote[1]!,
      speaker: UNKNOWN_SPEAKERS.has(named[1]!) ? null : named[1]!,
      cue: named[2] ?? null,
      ...citationParts(rest),
    };
  }
  const source = /^1\. (.+)\n {3}(.+)$/m.exec(plain);
  if (!source) throw new Error(`console: no result in ${output}`);
  return { text: uncut(source[2]!), speaker: null, cue: null, ...citationParts(source[1]!.split(" · ")) };
}

function uncut(text: string): string {
  return text.replace(new RegExp(`^${ELLIPSIS}|${ELLIPSIS}$`, "g"), "");
}

function unquote(text: string): string {
  if (!text.startsWith("“") || !text.endsWith("”")) throw new Error(`not in quotation marks: ${text}`);
  return text.slice(1, -1);
}
