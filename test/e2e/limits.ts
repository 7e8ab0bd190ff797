/**
 * Whether a message as sent would be accepted by the platform and pings no one: its shape and limits (Slack Block
 * Kit; Discord message, embeds and components), and the absence of live mentions. Each check returns the list of
 * problems found, so a failing test names all of them.
 */

// ---- Slack -------------------------------------------------------------------------------------------------------

/** The project's own ceiling for a whole Slack message (Slack's is vaguer; see ARCHITECTURE.md). */
const SLACK_TOTAL_TEXT = 12_000;

interface TextObject {
  type?: unknown;
  text?: unknown;
}

export function slackProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof body.text !== "string" || body.text.trim() === "") problems.push("no fallback text");
  const blocks = body.blocks;
  if (!Array.isArray(blocks)) return [...problems, "blocks is not an array"];
  if (blocks.length === 0 || blocks.length > 50) problems.push(`${blocks.length} blocks`);
  let total = 0;
  const textOf = (where: string, t: TextObject | undefined, kinds: string[], max: number) => {
    if (!t || !kinds.includes(String(t.type)) || typeof t.text !== "string") {
      problems.push(`${where}: not a ${kinds.join("/")} text object`);
      return;
    }
    if (t.text.length === 0 || t.text.length > max) problems.push(`${where}: ${t.text.length} characters (max ${max})`);
    total += t.text.length;
  };
  blocks.forEach((block: Record<string, unknown>, i) => {
    const where = `block ${i} (${String(block.type)})`;
    switch (block.type) {
      case "header":
        textOf(where, block.text as TextObject, ["plain_text"], 150);
        break;
      case "section": {
        const fields = block.fields as TextObject[] | undefined;
        if (!block.text && !fields) problems.push(`${where}: neither text nor fields`);
        if (block.text) textOf(where, block.text as TextObject, ["mrkdwn", "plain_text"], 3000);
        if (fields && fields.length > 10) problems.push(`${where}: ${fields.length} fields`);
        fields?.forEach((f, j) => textOf(`${where} field ${j}`, f, ["mrkdwn", "plain_text"], 2000));
        break;
      }
      case "context": {
        const elements = block.elements as TextObject[] | undefined;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) problems.push(`${where}: bad elements`);
        elements?.forEach((e, j) => textOf(`${where} element ${j}`, e, ["mrkdwn", "plain_text"], 3000));
        break;
      }
      case "actions": {
        const elements = block.elements as Array<Record<string, unknown>> | undefined;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) problems.push(`${where}: bad elements`);
        elements?.forEach((e, j) => {
          if (e.type !== "button") problems.push(`${where} element ${j}: not a button`);
          textOf(`${where} button ${j}`, e.text as TextObject, ["plain_text"], 75);
          if (typeof e.action_id !== "string" || e.action_id.length > 255) problems.push(`${where} button ${j}: action_id`);
          if (typeof e.value !== "string" || e.value.length > 2000) problems.push(`${where} button ${j}: value`);
        });
        break;
      }
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  if (total > SLACK_TOTAL_TEXT) problems.push(`${total} characters of text in all`);
  return problems;
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

export function discordProblems(body: { content?: unknown; embeds?: EmbedLike[]; components?: unknown }): string[] {
  const problems: string[] = [];
  const content = typeof body.content === "string" ? body.content : "";
  const embeds = body.embeds ?? [];
  if (content.length > 2000) problems.push(`content: ${content.length} characters`);
  if (content.trim() === "" && embeds.length === 0) problems.push("an empty message");
  if (embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  const text = (where: string, value: string | undefined, max: number, required = false) => {
    if (value === undefined) {
      if (required) problems.push(`${where}: missing`);
      return;
    }
    if (value.trim() === "" || value.length > max) problems.push(`${where}: ${value.length} characters (max ${max})`);
    total += value.length;
  };
  embeds.forEach((e, i) => {
    text(`embed ${i} title`, e.title, 256);
    text(`embed ${i} description`, e.description, 4096);
    text(`embed ${i} author`, e.author?.name, 256, e.author !== undefined);
    text(`embed ${i} footer`, e.footer?.text, 2048, e.footer !== undefined);
    if (e.url !== undefined && !/^https?:\/\/\S+$/.test(e.url)) problems.push(`embed ${i} url: ${e.url}`);
    if ((e.fields?.length ?? 0) > 25) problems.push(`embed ${i}: ${e.fields!.length} fields`);
    e.fields?.forEach((f, j) => {
      text(`embed ${i} field ${j} name`, f.name, 256, true);
      text(`embed ${i} field ${j} value`, f.value, 1024, true);
    });
  });
  if (total > 6000) problems.push(`${total} characters over all embeds`);
  const rows = (body.components ?? []) as Array<{ type?: number; components?: Array<Record<string, unknown>> }>;
  if (rows.length > 5) problems.push(`${rows.length} action rows`);
  rows.forEach((row, i) => {
    if (row.type !== 1 || !row.components || row.components.length === 0 || row.components.length > 5) problems.push(`row ${i}: bad`);
    row.components?.forEach((b, j) => {
      if (b.type !== 2) problems.push(`row ${i} component ${j}: not a button`);
      if (typeof b.label !== "string" || b.label.length === 0 || b.label.length > 80) problems.push(`row ${i} button ${j}: label`);
      if (typeof b.custom_id !== "string" || b.custom_id.length === 0 || b.custom_id.length > 100) problems.push(`row ${i} button ${j}: custom_id`);
    });
  });
  return problems;
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
