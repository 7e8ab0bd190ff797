/**
 * Button custom ids. Discord caps a custom_id at 100 characters but an action's command text may be up to 1,500,
 * and buttons must keep working after a restart, so nothing may live only in memory:
 * - when the command text fits, it is carried in the id itself: `dl:more:1:sources:=Kyiv POW`;
 * - otherwise the id carries a hash (`dl:more:1:sources:#3f…`) and the message the button sits on carries the
 *   text, in a footer "Asked: /sources …" (footers render neither markdown nor mentions, so the text is stored
 *   exactly). A click reads the text back from the message (Discord sends it with the interaction) and checks
 *   the hash, so a button never runs a command other than the one it was made for.
 */
import { createHash } from "node:crypto";
import { actionPayloadSchema, decodeAction, type ActionPayload } from "../../core/actions.js";
import type { Action, ActionKind } from "../../core/reply.js";

export const CUSTOM_ID_MAX = 100;
export const ASKED_PREFIX = "Asked: ";

export interface ButtonRef {
  kind: ActionKind;
  page: number;
  command: string;
  /** The command text, when the id carries it. */
  text?: string;
  /** Otherwise, the hash of the text kept on the message. */
  hash?: string;
}

/** The button id for an action, and whether the message must carry the command text for it. */
export function actionCustomId(action: Action): { customId: string; needsAsked: boolean; payload: ActionPayload } | null {
  const payload = decodeAction(action.value);
  if (!payload) return null;
  const head = `dl:${action.kind}:${payload.p}:${payload.c}:`;
  const inline = `${head}=${payload.t}`;
  if (inline.length <= CUSTOM_ID_MAX) return { customId: inline, needsAsked: false, payload };
  return { customId: `${head}#${textHash(payload.c, payload.t)}`, needsAsked: true, payload };
}

export function parseCustomId(customId: string): ButtonRef | null {
  const match = /^dl:(share|more|expand|context|cite):(\d{1,4}):([A-Za-z][\w-]*):([=#])([\s\S]*)$/.exec(customId);
  if (!match) return null;
  const [, kind, page, command, mode, rest] = match;
  const ref: ButtonRef = { kind: kind as ActionKind, page: Number(page), command: command! };
  if (mode === "=") ref.text = rest;
  else ref.hash = rest;
  return ref;
}

/** The footer line that keeps a long command text on the message. */
export function askedLine(payload: ActionPayload): string {
  return `${ASKED_PREFIX}/${payload.c} ${payload.t}`;
}

/**
 * The action a clicked button stands for: from the id alone, or with the text read back from the footers of the
 * message the button is on. Null when the text cannot be recovered or does not match the hash.
 */
export function resolveButton(ref: ButtonRef, footers: ReadonlyArray<string | null | undefined>): ActionPayload | null {
  let text = ref.text;
  if (text === undefined) {
    const prefix = `${ASKED_PREFIX}/${ref.command} `;
    const found = footers.find((f) => f?.startsWith(prefix));
    if (found == null) return null;
    text = found.slice(prefix.length);
    if (textHash(ref.command, text) !== ref.hash) return null;
  }
  const parsed = actionPayloadSchema.safeParse({ c: ref.command, t: text, p: ref.page });
  return parsed.success ? parsed.data : null;
}

function textHash(command: string, text: string): string {
  return createHash("sha256").update(`${command}\n${text}`).digest("hex").slice(0, 20);
}
