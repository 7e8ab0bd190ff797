/**
 * What Discord refuses in a message payload (an interaction's response, a webhook message, an edit, a channel
 * message), written from Discord's API reference independently of the renderer's own limits, so that a renderer
 * that breaks a rule fails its end-to-end test as it would fail in Discord: 50006 "Cannot send an empty message",
 * or 50035 "Invalid Form Body" with the fields at fault.
 */

type Json = Record<string, unknown>;

/** Discord's documented limits on a message. */
export const DISCORD_RULES = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  url: 2048,
} as const;

/** The flags a bot may set on a message it sends: SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS. */
const SETTABLE_FLAGS = 4 | 64 | 4096;

export interface DiscordRefusal {
  code: 50006 | 50035;
  message: string;
  /** Where and what, e.g. "embeds/0/description: 4100 characters (max 4096)". */
  problems: string[];
}

/** Discord's refusal of a message payload, or null when it accepts it. `edit`: a PATCH, where fields may be left out. */
export function discordRefusal(body: Json | undefined, edit = false): DiscordRefusal | null {
  const payload = body ?? {};
  const problems = discordPayloadProblems(payload);
  if (problems.length > 0) return { code: 50035, message: "Invalid Form Body", problems };
  const content = typeof payload.content === "string" ? payload.content : "";
  const embeds = Array.isArray(payload.embeds) ? payload.embeds : [];
  const components = Array.isArray(payload.components) ? payload.components : [];
  if (!edit && content.trim() === "" && embeds.length === 0 && components.length === 0) {
    return { code: 50006, message: "Cannot send an empty message", problems: ["empty message"] };
  }
  return null;
}

/** Every problem in a payload's content, embeds, components and flags (empty when Discord accepts them). */
export function discordPayloadProblems(payload: Json): string[] {
  const problems: string[] = [];
  if (payload.content !== undefined && payload.content !== null) {
    if (typeof payload.content !== "string") problems.push("content: not a string");
    else if (payload.content.length > DISCORD_RULES.content) problems.push(`content: ${payload.content.length} characters (max ${DISCORD_RULES.content})`);
  }
  if (payload.flags !== undefined && (typeof payload.flags !== "number" || (payload.flags & ~SETTABLE_FLAGS) !== 0)) {
    problems.push(`flags: ${String(payload.flags)} sets a flag a bot cannot set`);
  }
  if (payload.embeds !== undefined) problems.push(...embedsProblems(payload.embeds));
  if (payload.components !== undefined) problems.push(...componentsProblems(payload.components));
  return problems;
}

function embedsProblems(embeds: unknown): string[] {
  if (!Array.isArray(embeds)) return ["embeds: not a list"];
  const problems = embeds.length > DISCORD_RULES.embeds ? [`embeds: ${embeds.length} (max ${DISCORD_RULES.embeds})`] : [];
  let total = 0;
  const text = (at: string, value: unknown, max: number, required: boolean) => {
    if (value === undefined || value === null) {
      if (required) problems.push(`${at}: required`);
      return;
    }
    if (typeof value !== "string" || value.trim() === "") problems.push(`${at}: empty`);
    else if (value.length > max) problems.push(`${at}: ${value.length} characters (max ${max})`);
    else total += value.length;
  };
  embeds.forEach((embed: Json, i) => {
    const at = `embeds/${i}`;
    text(`${at}/title`, embed.title, DISCORD_RULES.title, false);
    text(`${at}/description`, embed.description, DISCORD_RULES.description, false);
    if (embed.author !== undefined) text(`${at}/author/name`, (embed.author as Json).name, DISCORD_RULES.author, true);
    if (embed.footer !== undefined) text(`${at}/footer/text`, (embed.footer as Json).text, DISCORD_RULES.footer, true);
    if (embed.url !== undefined && !isUrl(embed.url)) problems.push(`${at}/url: not an http(s) URL`);
    if (embed.color !== undefined && !(Number.isInteger(embed.color) && (embed.color as number) >= 0 && (embed.color as number) <= 0xffffff)) {
      problems.push(`${at}/color: not a colour`);
    }
    if (embed.timestamp !== undefined && Number.isNaN(Date.parse(String(embed.timestamp)))) problems.push(`${at}/timestamp: not ISO 8601`);
    const fields = embed.fields;
    if (fields !== undefined) {
      if (!Array.isArray(fields)) problems.push(`${at}/fields: not a list`);
      else {
        if (fields.length > DISCORD_RULES.fields) problems.push(`${at}/fields: ${fields.length} (max ${DISCORD_RULES.fields})`);
        fields.forEach((field: Json, j) => {
          text(`${at}/fields/${j}/name`, field.name, DISCORD_RULES.fieldName, true);
          text(`${at}/fields/${j}/value`, field.value, DISCORD_RULES.fieldValue, true);
        });
      }
    }
  });
  if (total > DISCORD_RULES.embedTotal) problems.push(`embeds: ${total} characters in all (max ${DISCORD_RULES.embedTotal})`);
  return problems;
}

function componentsProblems(rows: unknown): string[] {
  if (!Array.isArray(rows)) return ["components: not a list"];
  const problems = rows.length > DISCORD_RULES.actionRows ? [`components: ${rows.length} rows (max ${DISCORD_RULES.actionRows})`] : [];
  const customIds = new Set<string>();
  rows.forEach((row: Json, i) => {
    const at = `components/${i}`;
    const buttons = row.components;
    if (row.type !== 1) problems.push(`${at}: not an action row`);
    if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > DISCORD_RULES.buttonsPerRow) {
      problems.push(`${at}/components: 1 to ${DISCORD_RULES.buttonsPerRow} buttons`);
      return;
    }
    buttons.forEach((button: Json, j) => {
      const where = `${at}/components/${j}`;
      if (button.type !== 2) return problems.push(`${where}: not a button`);
      const style = button.style;
      if (typeof style !== "number" || style < 1 || style > 5) problems.push(`${where}/style: ${String(style)}`);
      if (typeof button.label !== "string" || button.label.length === 0 || button.label.length > DISCORD_RULES.buttonLabel) {
        problems.push(`${where}/label: 1 to ${DISCORD_RULES.buttonLabel} characters`);
      }
      if (style === 5) {
        if (!isUrl(button.url)) problems.push(`${where}/url: a link button needs an http(s) URL`);
        if (button.custom_id !== undefined) problems.push(`${where}/custom_id: not allowed on a link button`);
        return;
      }
      const id = button.custom_id;
      if (typeof id !== "string" || id.length === 0 || id.length > DISCORD_RULES.customId) problems.push(`${where}/custom_id: 1 to ${DISCORD_RULES.customId} characters`);
      else if (customIds.has(id)) problems.push(`${where}/custom_id: duplicate ${id}`);
      else customIds.add(id);
      if (button.url !== undefined) problems.push(`${where}/url: only link buttons have a URL`);
    });
  });
  return problems;
}

function isUrl(value: unknown): boolean {
  return typeof value === "string" && value.length <= DISCORD_RULES.url && /^https?:\/\/\S+$/.test(value);
}
