/**
 * Rule "possessive role": a role owned by a he or she — "his chief aide said", "her spokeswoman said", "his
 * campaign said". A newsroom prints the owner by name ("Tom Ridley’s chief aide"), so the owner is read as the
 * he/she would be (the nearest compatible person before it) and the role is a speaker of its own (kind `role`),
 * linked to that person. When no one fits, the role names no one (no speaker rather than a guess).
 */
import { CONFIDENCE } from "./confidence.js";
import type { RolePhrase } from "./role-speaker.js";

/** The role of a person the he/she reading links with no rival in its sentence. */
export const POSSESSIVE_ROLE_CONFIDENCE = CONFIDENCE.possessiveRole;

const HEADS = "spokesman|spokeswoman|spokesperson|aides?|advisers?|advisors?|strategist|lawyers?|attorneys?|campaign manager|campaign|office|press secretary";
const QUALIFIERS = String.raw`(?:(?:senior|chief|top|press|former|longtime|closest|personal|deputy|communications|campaign)\s+){0,2}`;
// "his chief aide", "her lawyers", "her campaign" ("their lawyers" may be anyone's: not read).
const POSSESSIVE = new RegExp(String.raw`\b([Hh]is|[Hh]er)\s+(${QUALIFIERS})(${HEADS})\b(?![’'-])`, "gu");

export interface PossessiveRolePhrase extends RolePhrase {
  /** The owner's pronoun as a he/she: "his" -> "he", "her" -> "she". */
  ownerPronoun: "he" | "she";
  /** Where the possessive pronoun stands. */
  ownerStart: number;
}

/** Possessive role phrases in `text.slice(from, to)`, outside the masked ranges (quotation contents). */
export function possessiveRolePhrases(text: string, from: number, to: number, masked: ReadonlyArray<{ start: number; end: number }>): PossessiveRolePhrase[] {
  const found: PossessiveRolePhrase[] = [];
  for (const m of text.slice(from, to).matchAll(POSSESSIVE)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (masked.some((q) => start < q.end && end > q.start)) continue;
    found.push({
      start,
      end,
      head: m[3]!,
      qualifier: m[2]!.trim(),
      organisation: null,
      ownerPronoun: m[1]!.toLowerCase() === "his" ? "he" : "she",
      ownerStart: start,
    });
  }
  return found;
}

/** How sure the role is, from how sure its owner's he/she reading was (a rival or a far link costs as much). */
export function possessiveRoleConfidence(ownerConfidence: number): number {
  return Math.round(Math.min(POSSESSIVE_ROLE_CONFIDENCE, ownerConfidence - (CONFIDENCE.pronounAlone - POSSESSIVE_ROLE_CONFIDENCE)) * 100) / 100;
}
