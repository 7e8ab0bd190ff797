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
/**
 * A party member the reporter does not name — "one senior Democrat said", "a Republican involved in the planning
 * said", "a GOP aide in the room wondered" — printed as described ("Senior Democrat", "Republican involved in the planning").
 * The party is the whole description: a name after it ("a Democrat, John Smith,") is read as the name, elsewhere,
 * and a party word opening a longer name ("a prominent Republican National Committee member") is not a member.
 */
const PARTY_MEMBER = new RegExp(
  String.raw`\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(${MODIFIERS})((?:Democrat|Republican)|(?:Democratic|Republican|GOP)\s+(?:aide|staffer|strategist|operative|official|source|consultant|insider|adviser|advisor))(?!\s+\p{Lu})` +
    String.raw`(?:\s+((?:familiar\s+with|involved\s+in|close\s+to|briefed\s+on|in|at)\s+(?:the|a|an|his|her|their)\s+(?:[\p{L}’'-]+\s+){0,4}?[\p{L}’'-]+)(?=[,.;:]|\s+(?:said|says|told|added|noted|asked|wondered|wrote|argued|explained|insisted|who)\b))?(?![\p{L}-])`,
  "gu",
);
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
  // A cheap test first: most sentences name no party.
  const slice = text.slice(from, to);
  for (const m of /Democrat|Republican|GOP/.test(slice) ? slice.matchAll(PARTY_MEMBER) : []) {
    // Only lower-case modifiers ("senior", "well-connected"): "a New Hampshire Democrat" is read as a name.
    if (NOT_MODIFIERS.test(m[1]!) || /\p{Lu}/u.test(m[1]!)) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    if (masked.some((q) => start < q.end && end > q.start)) continue;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    const printed = m[0].replace(/^\S+\s+/u, "").replace(/\s+/gu, " ");
    const head = m[2]!.split(/\s+/u).pop()!.toLowerCase();
    found.push({ start, end, head, qualifier: m[1]!.trim(), organisation: null, relation: { printed: printed.charAt(0).toUpperCase() + printed.slice(1) } });
  }
  return found;
}
