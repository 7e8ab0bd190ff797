/**
 * Whether a message as sent would be accepted by the platform and pings no one: its shape and limits (Slack Block
 * Kit; Discord message, embeds and components), and the absence of live mentions. Each check returns the list of
 * problems found, so a failing test names all of them.
 */
import { discordRefusal } from "../discord/discord-payload-rules.js";
import { blockProblems, slackRefusal } from "../slack/slack-payload-rules.js";

// ---- Slack -------------------------------------------------------------------------------------------------------

/** The project's own ceiling for a whole Slack message (Slack's is vaguer; see ARCHITECTURE.md). */
const SLACK_TOTAL_TEXT = 12_000;

/** What Slack would refuse (the fake's rules), plus the project's own: a fallback text, at most 12,000 characters shown. */
export function slackProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof body.text !== "string" || body.text.trim() === "") problems.push("no fallback text");
  const blocks = body.blocks;
  if (!Array.isArray(blocks) || blocks.length === 0) return [...problems, "no blocks"];
  const refusal = slackRefusal(body);
  if (refusal && refusal !== "invalid_blocks") problems.push(refusal);
  problems.push(...blockProblems(body));
  const total = shownTexts(blocks).reduce((sum, text) => sum + text.length, 0);
  if (total > SLACK_TOTAL_TEXT) problems.push(`${total} characters of text in all`);
  return problems;
}

/** The texts of every text object (mrkdwn, plain_text) inside a value. */
function shownTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(shownTexts);
  if (typeof value !== "object" || value === null) return [];
  const object = value as Record<string, unknown>;
  if ((object.type === "mrkdwn" || object.type === "plain_text") && typeof object.text === "string") return [object.text];
  return Object.values(object).flatMap(shownTexts);
}

/**
 * Slack control sequences (`<!channel>`, `<!here>`, `<@U…>`, `<#C…>`, `<!subteam^…>`) anywhere Slack parses
 * markup: every text of the message. Button values are data, never shown or parsed, so they are left out.
 */
export function slackMentions(body: Record<string, unknown>): string[] {
  const shown = JSON.stringify(body, (key, value: unknown) => (key === "value" ? undefined : value));
  return shown.match(/<[!@#][^>]*>?/g) ?? [];
}

// ---- Discord -----------------------------------------------------------------------------------------------------

interface EmbedLike {
  title?: string;
  description?: string;
  url?: string;
  author?: { name?: string };
  footer?: { text?: string };
  fields?: Array<{ name?: string; value?: string }>;
}

/** What Discord would refuse in a message (the fake's rules), empty messages included. */
export function discordProblems(body: { content?: unknown; embeds?: EmbedLike[]; components?: unknown }): string[] {
  return discordRefusal(body as Record<string, unknown>)?.problems ?? [];
}

/**
 * Mentions Discord would render live (or ping, without allowed_mentions): users, roles, channels, everyone, here,
 * in the places that render them (content, embed titles, descriptions and fields). Footers and author names show
 * their text as it is, mentions included, so they are left out (the adapter keeps long command texts there).
 */
export function discordMentions(body: { content?: unknown; embeds?: EmbedLike[] }): string[] {
  const rendered = [
    body.content,
    ...(body.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ];
  return JSON.stringify(rendered).match(/<[@#][!&]?\d+>|@everyone|@here/g) ?? [];
}
