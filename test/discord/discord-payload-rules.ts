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
  /** Autocomplete: choices per answer, characters of a choice's name and of its value. */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** allowed_mentions: ids listed per kind. */
  mentionIds: 100,
  /** Application commands: global chat commands, characters of a name and of a description, options. */
  commands: 100,
  commandName: 32,
  commandDescription: 100,
  options: 25,
  /** Characters of a command's name, description and options' names, descriptions and choices together. */
  commandTotal: 4000,
  optionLength: 6000,
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
  if (payload.allowed_mentions !== undefined) problems.push(...allowedMentionsProblems(payload.allowed_mentions));
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

function allowedMentionsProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return ["allowed_mentions: not an object"];
  const mentions = value as Json;
  const problems: string[] = [];
  const parse = mentions.parse;
  if (parse !== undefined) {
    if (!Array.isArray(parse) || parse.some((p) => p !== "roles" && p !== "users" && p !== "everyone")) problems.push("allowed_mentions/parse: roles, users or everyone");
    else if (new Set(parse).size !== parse.length) problems.push("allowed_mentions/parse: a kind twice");
  }
  for (const kind of ["users", "roles"] as const) {
    const ids = mentions[kind];
    if (ids === undefined) continue;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== "string" || !/^\d{1,20}$/.test(id))) problems.push(`allowed_mentions/${kind}: not a list of ids`);
    else if (ids.length > DISCORD_RULES.mentionIds) problems.push(`allowed_mentions/${kind}: ${ids.length} ids (max ${DISCORD_RULES.mentionIds})`);
    if (Array.isArray(parse) && parse.includes(kind)) problems.push(`allowed_mentions: parse ${kind} and a list of ${kind} exclude each other`);
  }
  if (mentions.replied_user !== undefined && typeof mentions.replied_user !== "boolean") problems.push("allowed_mentions/replied_user: not a boolean");
  return problems;
}

/** The interaction callback types Discord knows (PONG, a message, deferrals, updates, autocomplete, modal, ...). */
const CALLBACK_TYPES = new Set([1, 4, 5, 6, 7, 8, 9, 10, 12]);

/** Discord's refusal of an interaction callback, or null: its type, then its data as that type needs. */
export function interactionCallbackRefusal(body: Json | undefined): DiscordRefusal | null {
  const type = body?.type;
  const invalid = (problems: string[]): DiscordRefusal => ({ code: 50035, message: "Invalid Form Body", problems });
  if (typeof type !== "number" || !CALLBACK_TYPES.has(type)) return invalid([`type: ${String(type)} is not an interaction callback type`]);
  const data = body!.data as Json | undefined;
  // 4: a message; 7: the clicked message updated; 5 and 6 carry at most flags; 8: autocomplete choices.
  if (type === 4) return discordRefusal(data);
  if (type === 8) {
    const problems = choicesProblems(data?.choices);
    return problems.length > 0 ? invalid(problems) : null;
  }
  if (type === 7 || data) return discordRefusal(data, true);
  return null;
}

function choicesProblems(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ["data/choices: not a list"];
  const problems = choices.length > DISCORD_RULES.choices ? [`data/choices: ${choices.length} (max ${DISCORD_RULES.choices})`] : [];
  choices.forEach((choice: Json, i) => {
    const at = `data/choices/${i}`;
    if (typeof choice.name !== "string" || choice.name.length === 0 || choice.name.length > DISCORD_RULES.choiceName) {
      problems.push(`${at}/name: 1 to ${DISCORD_RULES.choiceName} characters`);
    }
    const value = choice.value;
    if (typeof value === "string" ? value.length > DISCORD_RULES.choiceValue : typeof value !== "number") {
      problems.push(`${at}/value: a number or up to ${DISCORD_RULES.choiceValue} characters`);
    }
  });
  return problems;
}

/** A command's or option's name: 1 to 32 lower-case letters, digits, "-" or "_" (Discord's CHAT_INPUT rule). */
const COMMAND_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/** Discord's refusal of a list of application commands (PUT .../commands, an overwrite), or null. */
export function commandsRefusal(body: unknown): DiscordRefusal | null {
  const problems: string[] = [];
  if (!Array.isArray(body)) problems.push("not a list of commands");
  else {
    if (body.length > DISCORD_RULES.commands) problems.push(`${body.length} commands (max ${DISCORD_RULES.commands})`);
    const names = new Set<string>();
    body.forEach((command: Json, i) => {
      const name = String(command.name);
      if (names.has(name)) problems.push(`${i}/name: ${name} twice`);
      names.add(name);
      problems.push(...commandProblems(command, String(i)));
    });
  }
  return problems.length > 0 ? { code: 50035, message: "Invalid Form Body", problems } : null;
}

function commandProblems(command: Json, at: string): string[] {
  const problems: string[] = [];
  let total = 0;
  const named = (where: string, item: Json) => {
    if (typeof item.name !== "string" || !COMMAND_NAME.test(item.name)) problems.push(`${where}/name: 1 to ${DISCORD_RULES.commandName} lower-case letters, digits, - or _`);
    else total += item.name.length;
    const description = item.description;
    if (typeof description !== "string" || description.length === 0 || description.length > DISCORD_RULES.commandDescription) {
      problems.push(`${where}/description: 1 to ${DISCORD_RULES.commandDescription} characters`);
    } else total += description.length;
  };
  if (command.type !== undefined && command.type !== 1) problems.push(`${at}/type: only chat commands (1) are checked here`);
  named(at, command);
  const options = command.options;
  if (options !== undefined) {
    if (!Array.isArray(options)) problems.push(`${at}/options: not a list`);
    else {
      if (options.length > DISCORD_RULES.options) problems.push(`${at}/options: ${options.length} (max ${DISCORD_RULES.options})`);
      let optionalSeen = false;
      const names = new Set<string>();
      options.forEach((option: Json, j) => {
        const where = `${at}/options/${j}`;
        named(where, option);
        if (names.has(String(option.name))) problems.push(`${where}/name: twice`);
        names.add(String(option.name));
        if (typeof option.type !== "number" || option.type < 3 || option.type > 11) problems.push(`${where}/type: not a value option`);
        if (option.required === true && optionalSeen) problems.push(`${where}: a required option after an optional one`);
        if (option.required !== true) optionalSeen = true;
        for (const bound of ["min_length", "max_length"] as const) {
          const n = option[bound];
          if (n !== undefined && (!Number.isInteger(n) || (n as number) < (bound === "min_length" ? 0 : 1) || (n as number) > DISCORD_RULES.optionLength)) {
            problems.push(`${where}/${bound}: up to ${DISCORD_RULES.optionLength}`);
          }
        }
        if (option.choices !== undefined) {
          if (option.autocomplete === true) problems.push(`${where}: choices and autocomplete exclude each other`);
          if (!Array.isArray(option.choices) || option.choices.length > DISCORD_RULES.choices) problems.push(`${where}/choices: up to ${DISCORD_RULES.choices}`);
          else for (const choice of option.choices as Json[]) total += String(choice.name).length + String(choice.value).length;
        }
      });
    }
  }
  if (total > DISCORD_RULES.commandTotal) problems.push(`${at}: ${total} characters in all (max ${DISCORD_RULES.commandTotal})`);
  return problems;
}
