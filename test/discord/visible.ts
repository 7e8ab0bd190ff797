/**
 * Turns a Discord message's JSON into the text a person would see: markdown rendered away (escapes, bold,
 * subtext markers), zero-width spaces dropped, embeds laid out as author / title / description / fields / footer,
 * buttons as [Label].
 */
const ZWSP = /\u200b/g;

interface EmbedLike {
  author?: { name: string };
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}

interface MessageLike {
  content?: string;
  embeds?: EmbedLike[];
  components?: Array<{ components: Array<{ label?: string }> }>;
}

/** Renders Discord markdown to what shows on screen (for the subset Dateline produces). */
export function unmarkdown(text: string): string {
  let out = "";
  const body = text.replace(/^-# /gm, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const next = body[i + 1];
    if (c === "\\" && next !== undefined && /[^\sA-Za-z0-9]/.test(next)) {
      out += next;
      i++;
    } else if (c === "*" || c === "`") {
      // Formatting markers (Dateline escapes every literal one).
      continue;
    } else {
      out += c;
    }
  }
  return out.replace(ZWSP, "");
}

/** Footers and author names render no markdown: only the invisible characters go. */
function plain(text: string): string {
  return text.replace(ZWSP, "");
}

export function visibleText(message: MessageLike): string {
  const lines: string[] = [];
  if (message.content) lines.push(unmarkdown(message.content));
  for (const e of message.embeds ?? []) {
    if (e.author) lines.push(plain(e.author.name));
    if (e.title) lines.push(unmarkdown(e.title));
    if (e.description) lines.push(unmarkdown(e.description));
    for (const f of e.fields ?? []) lines.push(`${unmarkdown(f.name)}: ${unmarkdown(f.value)}`);
    if (e.footer) lines.push(plain(e.footer.text));
  }
  const buttons = (message.components ?? []).flatMap((row) => row.components.map((b) => `[${b.label ?? ""}]`));
  if (buttons.length > 0) lines.push(buttons.join(" "));
  return lines.join("\n");
}
