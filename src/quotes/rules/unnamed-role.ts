/**
 * Rule "unnamed role": someone the reporter does not name, described by their trade and an unnamed employer — "an
 * analyst at a major Japanese bank said", "one trader with a European brokerage said". A newsroom prints the
 * description as the speaker ("Analyst at a major Japanese bank"), kind `role`, linked to no organisation (the
 * article names none). A bare description with no employer ("an analyst said") stays no one's, as before.
 */
import { CONFIDENCE } from "./confidence.js";
import type { RolePhrase } from "./role-speaker.js";

/** The description is printed as written: it is the speaker when it is the subject of the reporting verb. */
export const UNNAMED_ROLE_CONFIDENCE = CONFIDENCE.unnamedRole;

const HEADS = "analyst|economist|trader|dealer|banker|broker|strategist|investor|diplomat|executive|lawyer|manager|director|engineer|researcher|scientist|consultant|fund manager";
/** Employers described, never named: "a major Japanese bank", "a Tokyo-based brokerage". */
const BODIES = "bank|brokerage|firm|company|fund|house|insurer|airline|carrier|consultancy|university|newspaper|think tank|law firm|embassy|ministry|agency|refinery|utility|hospital|school|club";
// Lower-case modifiers and place adjectives ("senior", "Japanese", "Tokyo-based"), a few of them.
const MODIFIERS = String.raw`(?:(?:[\p{Ll}-]+|\p{Lu}[\p{Ll}-]+)\s+){0,3}?`;
const UNNAMED = new RegExp(String.raw`\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(${MODIFIERS})(${HEADS})\s+(?:at|with|for|from|in)\s+(?:a|an|one)\s+(${MODIFIERS})(${BODIES})\b`, "gu");
/** Words that would make the description part of a longer phrase, not a person: "a deal for an analyst at …". */
const NOT_MODIFIERS = /\b(?:of|by|for|at|in|on|with|from|to|the|and|or|who|that|which|said|says|told)\b/;

/** Unnamed role phrases in `text.slice(from, to)`, outside the masked ranges (quotation contents). */
export function unnamedRolePhrases(text: string, from: number, to: number, masked: ReadonlyArray<{ start: number; end: number }>): RolePhrase[] {
  const found: RolePhrase[] = [];
  for (const m of text.slice(from, to).matchAll(UNNAMED)) {
    if (NOT_MODIFIERS.test(m[1]!) || NOT_MODIFIERS.test(m[3]!)) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    if (masked.some((q) => start < q.end && end > q.start)) continue;
    const printed = m[0].replace(/^\S+\s+/u, "").replace(/\s+/gu, " ");
    found.push({ start, end, head: m[2]!, qualifier: m[1]!.trim(), organisation: null, relation: { printed: printed.charAt(0).toUpperCase() + printed.slice(1) } });
  }
  return found;
}
