/**
 * What Slack refuses in a message payload (chat.postMessage, chat.postEphemeral, chat.update, response_url), written
 * from Slack's Block Kit reference independently of the renderer's own limits, so that a renderer that breaks a rule
 * fails its end-to-end test as it would fail in Slack. Only the block types, elements and fields Slack documents
 * for messages are known; an unknown block type, element type or field is refused, as Slack refuses it.
 */

type Json = Record<string, unknown>;

/** Slack's documented limits for message surfaces. */
export const SLACK_RULES = {
  blocksPerMessage: 50,
  blockId: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  accessibilityLabel: 75,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** A message's top-level `text`: longer is `msg_too_long`. */
  messageText: 40_000,
} as const;

const TEXT_FIELDS = new Set(["type", "text", "emoji", "verbatim"]);
const BLOCK_FIELDS: Record<string, Set<string>> = {
  section: new Set(["type", "block_id", "text", "fields", "accessory", "expand"]),
  context: new Set(["type", "block_id", "elements"]),
  actions: new Set(["type", "block_id", "elements"]),
  header: new Set(["type", "block_id", "text"]),
  divider: new Set(["type", "block_id"]),
};
const BUTTON_FIELDS = new Set(["type", "text", "action_id", "value", "url", "style", "confirm", "accessibility_label"]);
const CONFIRM_FIELDS = new Set(["title", "text", "confirm", "deny", "style"]);

/** The error code Slack answers a refused message with, or null when Slack accepts it. */
export function slackRefusal(payload: Json): string | null {
  if (payload.delete_original === true) return null;
  const text = payload.text;
  const blocks = payload.blocks;
  const noBlocks = blocks === undefined || (Array.isArray(blocks) && blocks.length === 0);
  if (noBlocks && (typeof text !== "string" || text.trim() === "")) return "no_text";
  if (typeof text === "string" && text.length > SLACK_RULES.messageText) return "msg_too_long";
  if (blocks !== undefined && !Array.isArray(blocks)) return "invalid_blocks_format";
  return blockProblems(payload).length > 0 ? "invalid_blocks" : null;
}

/** Every problem Slack would report in a payload's blocks, each naming where it is (empty when accepted). */
export function blockProblems(payload: Json): string[] {
  const blocks = payload.blocks;
  if (!Array.isArray(blocks)) return [];
  const problems: string[] = [];
  if (blocks.length > SLACK_RULES.blocksPerMessage) problems.push(`${blocks.length} blocks (max ${SLACK_RULES.blocksPerMessage})`);
  const blockIds = new Set<string>();
  blocks.forEach((block: Json, i) => {
    for (const problem of blockProblemsOf(block, blockIds)) problems.push(`/blocks/${i} (${String(block.type)}): ${problem}`);
  });
  return problems;
}

function blockProblemsOf(block: Json, blockIds: Set<string>): string[] {
  const kind = String(block.type);
  const allowed = BLOCK_FIELDS[kind];
  if (!allowed) return ["unknown block type"];
  const problems = unknownFields(block, allowed);
  if (block.block_id !== undefined) {
    const id = block.block_id;
    if (typeof id !== "string" || id.length === 0 || id.length > SLACK_RULES.blockId) problems.push("bad block_id");
    else if (blockIds.has(id)) problems.push(`duplicate block_id ${id}`);
    else blockIds.add(id);
  }
  switch (kind) {
    case "section":
      problems.push(...sectionProblems(block));
      break;
    case "header":
      problems.push(...textProblems("text", block.text, SLACK_RULES.headerText, "plain_text"));
      break;
    case "context":
      problems.push(...listProblems("elements", block.elements, SLACK_RULES.contextElements, (e, at) => textProblems(at, e, SLACK_RULES.sectionText)));
      break;
    case "actions":
      problems.push(...listProblems("elements", block.elements, SLACK_RULES.actionsElements, buttonProblems));
      problems.push(...duplicateActionIds(block.elements));
      break;
  }
  return problems;
}

function sectionProblems(block: Json): string[] {
  if (block.text === undefined && block.fields === undefined) return ["neither text nor fields"];
  const problems: string[] = [];
  if (block.text !== undefined) problems.push(...textProblems("text", block.text, SLACK_RULES.sectionText));
  if (block.fields !== undefined) {
    problems.push(...listProblems("fields", block.fields, SLACK_RULES.sectionFields, (f, at) => textProblems(at, f, SLACK_RULES.sectionField)));
  }
  if (block.accessory !== undefined) problems.push(...buttonProblems(block.accessory, "accessory"));
  if (block.expand !== undefined && typeof block.expand !== "boolean") problems.push("expand: not a boolean");
  return problems;
}

function listProblems(name: string, list: unknown, max: number, each: (item: unknown, at: string) => string[]): string[] {
  if (!Array.isArray(list) || list.length === 0) return [`${name}: empty or missing`];
  const problems = list.length > max ? [`${name}: ${list.length} items (max ${max})`] : [];
  list.forEach((item, i) => problems.push(...each(item, `${name}/${i}`)));
  return problems;
}

function duplicateActionIds(elements: unknown): string[] {
  if (!Array.isArray(elements)) return [];
  const ids = elements.map((e: Json) => e.action_id).filter((id): id is string => typeof id === "string");
  return ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `duplicate action_id ${id}`);
}

/** A text object: plain_text or mrkdwn, 1..max characters, only its own fields. */
function textProblems(at: string, value: unknown, max: number, only?: "plain_text"): string[] {
  if (typeof value !== "object" || value === null) return [`${at}: not a text object`];
  const text = value as Json;
  if (text.type !== "plain_text" && text.type !== "mrkdwn") return [`${at}: unknown text type ${String(text.type)}`];
  const problems = unknownFields(text, TEXT_FIELDS).map((p) => `${at}: ${p}`);
  if (only && text.type !== only) problems.push(`${at}: must be ${only}`);
  if (text.type === "plain_text" && text.verbatim !== undefined) problems.push(`${at}: verbatim is for mrkdwn only`);
  if (text.type === "mrkdwn" && text.emoji !== undefined) problems.push(`${at}: emoji is for plain_text only`);
  for (const flag of ["emoji", "verbatim"]) if (text[flag] !== undefined && typeof text[flag] !== "boolean") problems.push(`${at}: ${flag} not a boolean`);
  if (typeof text.text !== "string" || text.text.length === 0) problems.push(`${at}: empty text`);
  else if (text.text.length > max) problems.push(`${at}: ${text.text.length} characters (max ${max})`);
  return problems;
}

function buttonProblems(value: unknown, at: string): string[] {
  if (typeof value !== "object" || value === null) return [`${at}: not an element`];
  const button = value as Json;
  if (button.type !== "button") return [`${at}: unknown element type ${String(button.type)}`];
  const problems = unknownFields(button, BUTTON_FIELDS).map((p) => `${at}: ${p}`);
  problems.push(...textProblems(`${at}/text`, button.text, SLACK_RULES.buttonText, "plain_text"));
  const tooLong = (field: string, max: number) => {
    const v = button[field];
    if (v !== undefined && (typeof v !== "string" || v.length === 0 || v.length > max)) problems.push(`${at}: bad ${field}`);
  };
  tooLong("action_id", SLACK_RULES.actionId);
  tooLong("value", SLACK_RULES.buttonValue);
  tooLong("url", SLACK_RULES.buttonUrl);
  tooLong("accessibility_label", SLACK_RULES.accessibilityLabel);
  if (typeof button.url === "string" && !URL.canParse(button.url)) problems.push(`${at}: url not a URL`);
  if (button.style !== undefined && button.style !== "primary" && button.style !== "danger") problems.push(`${at}: bad style`);
  if (button.confirm !== undefined) problems.push(...confirmProblems(button.confirm, `${at}/confirm`));
  return problems;
}

/** A confirmation dialog: a plain_text title, confirm and deny, a text, an optional style. */
function confirmProblems(value: unknown, at: string): string[] {
  if (typeof value !== "object" || value === null) return [`${at}: not a confirmation dialog`];
  const dialog = value as Json;
  const problems = unknownFields(dialog, CONFIRM_FIELDS).map((p) => `${at}: ${p}`);
  problems.push(...textProblems(`${at}/title`, dialog.title, SLACK_RULES.confirmTitle, "plain_text"));
  problems.push(...textProblems(`${at}/text`, dialog.text, SLACK_RULES.confirmText));
  problems.push(...textProblems(`${at}/confirm`, dialog.confirm, SLACK_RULES.confirmButton, "plain_text"));
  problems.push(...textProblems(`${at}/deny`, dialog.deny, SLACK_RULES.confirmButton, "plain_text"));
  if (dialog.style !== undefined && dialog.style !== "primary" && dialog.style !== "danger") problems.push(`${at}: bad style`);
  return problems;
}

function unknownFields(object: Json, allowed: Set<string>): string[] {
  return Object.keys(object)
    .filter((key) => !allowed.has(key))
    .map((key) => `unknown field ${key}`);
}
