/**
 * Reply -> a Discord message (plain JSON: content, embeds, buttons). Pure.
 *
 * Layout: headings, paragraphs and context lines go into the message content, in order; each quotation and each
 * source is an embed (quotation in the description, speaker as author, article title and link, citation in the
 * footer); a fields block is an embed with fields; actions are buttons. Discord's limits are kept by cutting
 * text with "…" and dropping whole results with "… and N more", never by failing.
 */
import { displayBlock } from "../../core/display.js";
import { citationUrlOk, footerLine } from "./citation.js";
import { actionCustomId, askedLine } from "./buttons.js";
import { ELLIPSIS, LIMITS, cutPlain, fitText } from "./limits.js";
import { breakMentions, escapeMarkdown, escapeProse, markedMarkdown } from "./markdown.js";
import type { Action, Block, FieldsBlock, QuoteBlock, Reply, SourceBlock } from "../../core/reply.js";

export interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  author?: { name: string };
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}

export interface DiscordButton {
  type: 2;
  /** 1 primary, 2 secondary. */
  style: 1 | 2;
  label: string;
  custom_id: string;
}

export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  allowedMentions: { parse: [] };
}

export interface RenderOptions {
  /** Adds "Shared by @user" (the mention renders as the user's name and, like every mention here, pings no one). */
  sharedBy?: { id: string; name?: string };
}

export const QUOTE_COLOR = 0x2f6fde;
export const SOURCE_COLOR = 0x8a94a6;
/** Below this confidence a quotation's footer says "uncertain attribution". */
export const UNCERTAIN_BELOW = 0.6;
/** An embed is not worth sending with less room than this for its text. */
const MIN_EMBED_ROOM = 80;

export function renderDiscord(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  // The answer's buttons first (they must never be crowded out), then each quotation's own (Context, Copy citation).
  const { components, asked } = renderButtons([
    ...reply.blocks.flatMap((b) => (b.type === "actions" ? b.actions : [])),
    ...reply.blocks.flatMap((b) => (b.type === "quote" ? (b.actions ?? []) : [])),
  ]);

  // Footers that keep long command texts for the buttons come last, and their room is set aside first.
  const askedEmbeds: DiscordEmbed[] = asked.map((text) => ({ footer: { text } }));
  let room = LIMITS.embedTotal - askedEmbeds.reduce((n, e) => n + embedLength(e), 0);
  const maxEmbeds = LIMITS.embeds - askedEmbeds.length;

  const embeds: DiscordEmbed[] = [];
  let omitted = 0;
  for (const block of reply.blocks.map(displayBlock)) {
    if (block.type !== "quote" && block.type !== "source" && block.type !== "fields") continue;
    // Results are ranked: once one is left out, the ones after it are too.
    const embed = omitted === 0 && embeds.length < maxEmbeds ? renderEmbed(block, room) : null;
    if (!embed) {
      omitted += block.type === "fields" ? block.fields.length : 1;
      continue;
    }
    embeds.push(embed);
    room -= embedLength(embed);
  }

  const lines: Line[] = [];
  if (options.sharedBy) lines.push(sharedByLine(options.sharedBy));
  for (const block of reply.blocks) {
    const line = contentLine(block);
    if (line) lines.push(line);
  }
  if (lines.length === 0 && embeds.length === 0) {
    lines.push({ raw: reply.text.trim() || ELLIPSIS, render: (part, cut) => escapeMarkdown(part) + cutMark(cut) });
  }

  return {
    content: joinContent(lines, omitted > 0 ? `${ELLIPSIS} and ${omitted} more` : null),
    embeds: [...embeds, ...askedEmbeds],
    components,
    allowedMentions: { parse: [] },
  };
}

/** Characters Discord counts towards the 6,000 over all embeds. */
export function embedLength(e: DiscordEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function renderEmbed(block: QuoteBlock | SourceBlock | FieldsBlock, room: number): DiscordEmbed | null {
  if (block.type === "fields") return fieldsEmbed(block, room);
  const c = block.citation;
  const head: DiscordEmbed = {};
  if (block.type === "quote") {
    const who = (block.speaker?.trim() || "Unattributed") + (block.cue?.trim() ? ` · ${block.cue.trim()}` : "");
    head.author = { name: fitPlain(who, LIMITS.author) };
  }
  head.title = fitText(c.title?.trim() || c.doc, LIMITS.title, (part, cut) => escapeMarkdown(part) + (cut ? ELLIPSIS : ""))!;
  if (c.url && citationUrlOk(c.url)) head.url = c.url;
  const notes: string[] = [];
  if (block.type === "quote") {
    if (block.confidence !== null && block.confidence < UNCERTAIN_BELOW) notes.push("uncertain attribution");
    if (block.note?.trim()) notes.push(block.note.trim());
  }
  head.footer = { text: fitPlain(footerLine(c, notes), LIMITS.footer) };

  const descriptionRoom = Math.min(LIMITS.description, room - embedLength(head));
  if (descriptionRoom < MIN_EMBED_ROOM) return null;
  const description =
    block.type === "quote"
      ? fitText(block.text, descriptionRoom, (part, cut) => `“${markedMarkdown(part, block.marks)}${cut ? ELLIPSIS : ""}”`)
      : fitText(
          block.excerpt,
          descriptionRoom,
          (part, cut) =>
            (block.cutStart ? ELLIPSIS : "") + markedMarkdown(part, block.marks) + (cut || block.cutEnd ? ELLIPSIS : ""),
        );
  if (description === null) return null;
  // Keys in a fixed order, so the JSON reads like the message.
  const embed: DiscordEmbed = {};
  if (head.author) embed.author = head.author;
  embed.title = head.title;
  if (head.url) embed.url = head.url;
  embed.description = description;
  embed.color = block.type === "quote" ? QUOTE_COLOR : SOURCE_COLOR;
  embed.footer = head.footer;
  return embed;
}

function fieldsEmbed(block: FieldsBlock, room: number): DiscordEmbed | null {
  const fields: Array<{ name: string; value: string }> = [];
  const all = block.fields;
  for (let i = 0; i < all.length; i++) {
    const rest = all.length - i;
    // Keep the last slot (and some room) for the "… and N more" field when not everything will fit.
    const lastSlot = fields.length === LIMITS.fields - 1 && rest > 1;
    const field = {
      name: escapeCell(all[i]!.label, LIMITS.fieldName),
      value: escapeCell(all[i]!.value, LIMITS.fieldValue),
    };
    const size = field.name.length + field.value.length;
    if (lastSlot || size > room - 40) {
      fields.push({ name: ELLIPSIS, value: `and ${rest} more` });
      break;
    }
    fields.push(field);
    room -= size;
  }
  if (fields.length === 0 || (fields.length === 1 && fields[0]!.name === ELLIPSIS)) return null;
  return { fields };
}

/** Text for places that render no markdown (author, footer): only mentions are broken. */
function fitPlain(text: string, limit: number): string {
  return fitText(text, limit, (part, cut) => breakMentions(part) + (cut ? ELLIPSIS : "")) ?? "";
}

/** Discord rejects empty field names and values: an empty cell becomes a zero-width space. */
function escapeCell(text: string, limit: number): string {
  return fitText(text, limit, (part, cut) => escapeMarkdown(part) + (cut ? ELLIPSIS : "")) || "\u200b";
}

/** A line of content: its raw text and how to format a prefix of it (so a cut never splits the formatting). */
interface Line {
  raw: string;
  render: (part: string, cut: boolean) => string;
}

const cutMark = (cut: boolean) => (cut ? ELLIPSIS : "");

function contentLine(block: Block): Line | null {
  switch (block.type) {
    case "heading": {
      const raw = block.text.trim();
      return raw ? { raw, render: (part, cut) => `**${escapeMarkdown(part)}${cutMark(cut)}**` } : null;
    }
    case "paragraph":
      return block.text.trim() ? { raw: block.text, render: (part, cut) => escapeProse(part) + cutMark(cut) } : null;
    case "context": {
      const raw = block.text.trim();
      return raw ? { raw, render: (part, cut) => `-# ${escapeMarkdown(part)}${cutMark(cut)}` } : null;
    }
    default:
      return null;
  }
}

/** Lines joined within 2,000 characters; a line that does not fit is cut with "…" and the rest dropped. */
function joinContent(lines: Line[], more: string | null): string {
  const budget = LIMITS.content - (more ? more.length + 1 : 0);
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const sep = kept.length > 0 ? 1 : 0;
    const whole = line.render(line.raw, false);
    if (used + sep + whole.length <= budget) {
      kept.push(whole);
      used += sep + whole.length;
      continue;
    }
    const cut = fitText(line.raw, budget - used - sep, line.render);
    if (cut && cut.length > 0) kept.push(cut);
    else if (kept.length > 0) kept.push(ELLIPSIS);
    break;
  }
  if (more) kept.push(more);
  return kept.join("\n");
}

function sharedByLine(by: { id: string; name?: string }): Line {
  const who = /^\d{1,20}$/.test(by.id) ? `<@${by.id}>` : escapeMarkdown(cutPlain(by.name ?? "someone", 80));
  const line = `-# Shared by ${who}`;
  return { raw: line, render: () => line };
}

function renderButtons(actions: Action[]): { components: DiscordActionRow[]; asked: string[] } {
  const buttons: DiscordButton[] = [];
  const asked: string[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    const id = actionCustomId(action);
    if (!id || seen.has(id.customId)) continue;
    // A quotation's own button whose id would need the message to carry its text is left out: ten such footers
    // would take the embeds' room (the console and --json still give the context and the citation).
    if (id.needsAsked && (action.kind === "context" || action.kind === "cite")) continue;
    if (buttons.length === LIMITS.rows * LIMITS.buttonsPerRow) break;
    seen.add(id.customId);
    buttons.push({
      type: 2,
      style: action.kind === "share" ? 1 : 2,
      label: cutPlain(action.label.trim() || (action.kind === "share" ? "Share in channel" : "More results"), LIMITS.buttonLabel),
      custom_id: id.customId,
    });
    if (id.needsAsked) {
      const line = askedLine(id.payload);
      if (!asked.includes(line)) asked.push(line);
    }
  }
  const components: DiscordActionRow[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    components.push({ type: 1, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return { components, asked };
}
