/**
 * Rule "role speaker": an unnamed official speaking for an organisation — "a spokesman for the Home Office", "an
 * AOL spokesman", "the prime minister's official spokesman", "a senior source at the club". A newsroom cites the
 * role with its organisation ("Home Office spokesman"), so the role is a speaker of its own (kind `role`), linked
 * to the organisation. Without an organisation ("a spokesman said") the role names no one.
 */
import { CONFIDENCE } from "./confidence.js";

/** A role speaker named right next to the reporting verb. */
export const ROLE_SPEAKER_CONFIDENCE = CONFIDENCE.roleSpeaker;
/** The organisation was named by a common noun ("a spokesman for the firm") and read as the latest body named. */
export const ROLE_SPEAKER_RESOLVED_CONFIDENCE = CONFIDENCE.roleSpeakerResolved;

export interface RolePhrase {
  start: number;
  end: number;
  /** "spokesman", "source", … */
  head: string;
  /** Words between the organisation and the head that the name keeps ("official", "senior"). */
  qualifier: string;
  /** The organisation as written ("Home Office", "club", "prime minister"), or null. */
  organisation: { text: string; start: number; end: number; capitalised: boolean; possessive: boolean } | null;
  /** "a source close to the Clintons", "a person familiar with Cruz’s thinking": the phrase as printed. */
  relation?: { printed: string };
}

const HEADS = "spokesman|spokeswoman|spokesperson|source|official|insider|aide|adviser|advisor|strategist|representative|member|campaign manager|campaign|office|team";
/** Plural roles speak without an article: "White House officials said", "Clinton aides argued". */
const PLURAL_HEADS = "officials|aides|lawyers|attorneys|advisers|sources";
const QUALIFIERS = String.raw`(?:(?:senior|chief|official|top|press|former|leadership|policy|club|company|party|campaign|government|union|longtime|veteran|close)\s+){0,2}`;
const CAP = String.raw`(?:\p{Lu}[\p{L}\p{N}&.’'-]*|\p{N}+)`;
/** Capitalised words, joined by of/for/and/the ("Department of Homeland Security", "Number 10"), perhaps a body noun. */
const ORG = String.raw`${CAP}(?:\s+(?:(?:of|for|and|the|de)\s+)*${CAP})*(?:\s+(?:club|council|party|firm|company|group|team|union|office|ministry|department|board|campaign|embassy|federation|association))?`;
// Never a quantifier or a pronoun: "an adviser to both Clintons" is not "both"'s adviser.
const NOT_OWNER = String.raw`(?!(?:both|all|many|some|several|them|him|her|his|their|its|whom|which|those|these)\b)`;
const ORG_NOUN = String.raw`${NOT_OWNER}(?:former\s+)?[a-z]+(?:\s+(?:minister|secretary|president|general|office|council|committee))?`;

// "a Home Office spokesman", "An All England club spokesperson", "a US Embassy spokesman".
// "one unaligned Florida Republican strategist", "a former U.S. law enforcement official": other lower-case words
// may describe the role before and after the organisation; the name keeps those after it.
const DESCRIBING = String.raw`(?:(?!(?:said|says|told|tells|the|a|an|and|or|but|of|to|in|on|for|with|at|by|from|that|who|which|whose|is|was|are|were|has|have|had|will|would|its|his|her|their)\s)[a-z][a-z-]*\s+){0,2}`;
const BEFORE = new RegExp(String.raw`\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+${DESCRIBING}(${ORG})\s+(${DESCRIBING})(${HEADS})\b`, "gu");
// "a spokesman for the Home Office", "a senior source at the club", "a spokeswoman for the author", "an aide to
// Agriculture Secretary Richard Lyng" (the aide speaks, never the one they serve).
// A person's title written in lower case before their name: "a spokesman for Democratic presidential candidate
// Hillary Clinton" is Clinton's spokesman, not a "Democratic" one.
const TITLED = String.raw`(?:${CAP}\s+)*(?:\p{Ll}[\p{Ll}-]*\s+){0,2}(?:candidate|nominee|hopeful|front-?runner|senator|governor|secretary|president|leader|chairman|chairwoman|mayor|congressman|congresswoman)\s+${ORG}`;
// "a spokesman for committee Democrats": one lower-case word may open the organisation's name.
const AFTER = new RegExp(String.raw`\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(${QUALIFIERS})(${HEADS})\s+(?:for|at|from|with|to)\s+(?:the\s+)?(?:(${TITLED}|${ORG}|${NOT_OWNER}[a-z]+\s+${ORG})|(${ORG_NOUN}))\b`, "gu");
// "Officials at Homeland Security Investigations said", "Lawyers for the Harbour Board argued": a plural role
// without an article, its organisation after it.
const PLURAL_AFTER = new RegExp(String.raw`\b(${PLURAL_HEADS.replace(/\b([a-z])/g, (c) => `[${c.toUpperCase()}${c}]`)})\s+(?:for|at|from|with|of)\s+(?:the\s+)?(${ORG})`, "gu");
const PLURAL = new RegExp(String.raw`(?<!\p{Lu}[\p{L}’'-]*\s)(${ORG})\s+(${QUALIFIERS})(${PLURAL_HEADS})\b`, "gu");
// "the prime minister's official spokesman", "the council's spokesperson", "Microsoft's spokesman".
const OWNER = new RegExp(String.raw`(?:\b(?:[Tt]he\s+)(${ORG_NOUN})|(${ORG}))[’']s?\s+(${QUALIFIERS})(${HEADS})\b`, "gu");

// "a source familiar with Cruz’s thinking", "a person close to the Clintons": no organisation speaks, someone near
// a named person or body does. What is theirs is printed whole ("familiar with the Fund’s internal review"), never
// cut at the possessive.
const NEAR = new RegExp(String.raw`\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(${QUALIFIERS})(source|person|official|aide|adviser|advisor|insider|ally|friend)\s+(?:familiar\s+with|close\s+to)\s+(?:the\s+)?(${ORG})(?:[’']s?)?(?:(?<=[’']s?)(?:\s+(?!(?:said|says|told|who|and|was|is|has|had)\b)\p{Ll}[\p{Ll}-]*){1,2})?`, "gu");

/** Capitalised words that open a sentence (a possessive pronoun among them) or name a date, never an organisation. */
const NOT_ORGANISATIONS = /^(?:\p{N}.*|The|A|An|His|Her|Their|Its|Our|My|Your|But|And|However|About|Around|Nearly|Almost|Some|Over|More|Only|Once|Even|Just|Also|Meanwhile|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Last|This|Earlier|Later)$/u;

/** Role phrases in `text.slice(from, to)`, outside the masked ranges (quotation contents). */
export function rolePhrases(text: string, from: number, to: number, masked: ReadonlyArray<{ start: number; end: number }>): RolePhrase[] {
  const slice = text.slice(from, to);
  const found: RolePhrase[] = [];
  const add = (phrase: RolePhrase) => {
    if (masked.some((m) => phrase.start < m.end && phrase.end > m.start)) return;
    if (found.some((f) => phrase.start < f.end && phrase.end > f.start)) return;
    found.push(phrase);
  };
  const organisation = (whole: RegExpExecArray, group: string, capitalised: boolean, possessive: boolean) => {
    const at = from + whole.index + whole[0].indexOf(group);
    return { text: group, start: at, end: at + group.length, capitalised, possessive };
  };
  for (const m of slice.matchAll(NEAR)) {
    if (NOT_ORGANISATIONS.test(m[3]!.split(/\s+/)[0]!)) continue;
    const printed = m[0].replace(/^\S+\s+/u, "");
    const org = organisation(m, m[3]!, true, false);
    // The organisation's words without a possessive: "Cruz’s" names Cruz.
    add({ start: from + m.index, end: from + m.index + m[0].length, head: m[2]!, qualifier: m[1]!.trim(), organisation: org, relation: { printed: printed.charAt(0).toUpperCase() + printed.slice(1) } });
  }
  for (const m of slice.matchAll(AFTER)) {
    const org = m[3] ?? m[4]!;
    add({ start: from + m.index, end: from + m.index + m[0].length, head: m[2]!, qualifier: m[1]!.trim(), organisation: organisation(m, org, m[3] !== undefined, false) });
  }
  for (const m of slice.matchAll(BEFORE)) {
    if (NOT_ORGANISATIONS.test(m[1]!.split(/\s+/)[0]!)) continue;
    add({ start: from + m.index, end: from + m.index + m[0].length, head: m[3]!, qualifier: m[2]!.trim(), organisation: organisation(m, m[1]!, true, false) });
  }
  for (const m of slice.matchAll(PLURAL_AFTER)) {
    if (NOT_ORGANISATIONS.test(m[2]!.split(/\s+/)[0]!)) continue;
    add({ start: from + m.index, end: from + m.index + m[0].length, head: m[1]!.toLowerCase(), qualifier: "", organisation: organisation(m, m[2]!, true, false) });
  }
  for (const m of slice.matchAll(PLURAL)) {
    if (NOT_ORGANISATIONS.test(m[1]!.split(/\s+/)[0]!)) continue;
    add({ start: from + m.index, end: from + m.index + m[0].length, head: m[3]!, qualifier: m[2]!.trim(), organisation: organisation(m, m[1]!, true, false) });
  }
  for (const m of slice.matchAll(OWNER)) {
    const org = m[1] ?? m[2]!;
    if (m[2] !== undefined && NOT_ORGANISATIONS.test(org.split(/\s+/)[0]!)) continue;
    add({ start: from + m.index, end: from + m.index + m[0].length, head: m[4]!, qualifier: m[3]!.trim(), organisation: organisation(m, org, m[2] !== undefined, true) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Heads that are a body rather than a person: "the Trump campaign", "Ryan’s office". */
export function isBodyHead(head: string): boolean {
  return head === "campaign" || head === "office" || head === "team";
}

/** The gender a role's head noun implies. */
export function roleGender(head: string): "male" | "female" | null {
  return head === "spokesman" ? "male" : head === "spokeswoman" ? "female" : null;
}

/**
 * The name a newsroom prints: "Home Office spokesman", "Prime minister's official spokesman", "Michelle Paver's
 * spokesman" (a person's), "Chelsea senior source".
 */
export function roleName(organisation: string, kind: "organisation" | "person" | "title", qualifier: string, head: string): string {
  const role = qualifier ? `${qualifier} ${head}` : head;
  const owner = organisation.charAt(0).toUpperCase() + organisation.slice(1);
  return kind === "organisation" ? `${owner} ${role}` : `${owner}’s ${role}`;
}
