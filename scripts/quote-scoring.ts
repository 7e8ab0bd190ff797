/**
 * How the attribution eval (eval-quotes.ts) judges a speaker against an annotation, and its plain baseline.
 * Names are compared as folded words (case, accents, possessives and suffixes dropped).
 */
import type { Article } from "../src/corpus/types.js";
import { foldText } from "../src/text/fold.js";

const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev", "prof"]);
const FUNCTION_WORDS = new Set(["the", "a", "an", "of", "for", "and", "at", "to", "in", "on", "s"]);

/** Folded words of a name, possessives and suffixes dropped. */
export function nameWords(name: string): string[] {
  return (foldText(name).replace(/[’']s?(?=\s|$)/gu, "").match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !SUFFIXES.has(w));
}

function surname(name: string): string {
  const words = nameWords(name);
  return words[words.length - 1] ?? "";
}

/**
 * The surnames an annotated PolNeAR source may mean: the last word of its head (before an apposition or a
 * bracket) and of each apposition, and the last word before each "of/from/at" in them ("Joel Pollak of Breitbart
 * California" -> pollak or california; "His former business partner at Lenox, Lawrence B. Cummings," -> partner,
 * lenox or cummings).
 */
function annotatedSurnames(source: string): string[] {
  const out: string[] = [];
  for (const segment of source.split(/[,()[\]]/u)) {
    for (const part of segment.split(/\s+(?:of|from|at)\s+/u)) {
      const words = nameWords(part);
      if (words.length > 0) out.push(words[words.length - 1]!);
    }
  }
  return out;
}

/** A named PolNeAR source: our speaker's surname is one its words may mean. */
export function isRightNamed(speaker: string, source: string): boolean {
  if (annotatedSurnames(source).includes(surname(speaker))) return true;
  // A body shown by its full name: "Peabody Energy" for the annotated "Peabody" (not "Trump campaign" for "Trump").
  const ours = nameWords(speaker);
  const head = nameWords(source.split(/[,([]/u)[0] ?? "").filter((w) => !FUNCTION_WORDS.has(w));
  // A body shown by its full name for the annotated acronym ("Democratic National Committee" for "the DNC"), or
  // the other way round.
  if (head.length === 1 && head[0]!.length >= 2 && initialsOf(ours) === head[0]) return true;
  if (ours.length === 1 && ours[0]!.length >= 2 && head.length >= 2 && initialsOf(head) === ours[0]) return true;
  return head.length > 0 && !ROLE_HEADS.has(ours[ours.length - 1] ?? "") && !ORG_HEADS.has(ours[ours.length - 1] ?? "") && head.every((w) => ours.includes(w));
}

/** The initials of a body's folded words, function words left out: "national rifle association" -> "nra". */
function initialsOf(words: readonly string[]): string {
  const kept = words.filter((w) => !FUNCTION_WORDS.has(w));
  // An initial ("Harold W. Upton") marks a person's name, never a body's.
  return kept.length >= 2 && kept.every((w) => w.length >= 2) ? kept.map((w) => w[0]).join("") : "";
}

/**
 * A person as a newsroom prints them: the same surname, and no word of ours that the annotation lacks
 * ("Eady" for "Mr Justice Eady" is right; "Scrum-half Peter Stringer" for "Peter Stringer" is not).
 */
export function isRightPerson(speaker: string, expected: string): boolean {
  const ours = nameWords(speaker).filter((w) => !HONORIFICS.has(w));
  const theirs = new Set(nameWords(expected));
  return ours.length > 0 && ours[ours.length - 1] === surname(expected) && ours.every((w) => theirs.has(w));
}

/** Head nouns of a role source ("a Home Office spokesman", "a senior source at the club"). */
const ROLE_HEADS = new Set(
  `spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople official officials source sources aide aides
  adviser advisers advisor advisors strategist strategists staffer staffers representative representatives
  manager director chairman chairwoman secretary press-secretary lawyer lawyers attorney attorneys executive
  executives analyst analysts operative operatives insider insiders`
    .split(/\s+/)
    .filter(Boolean),
);

/** Head nouns of an organisation source ("the Clinton campaign", "the State Department"). */
const ORG_HEADS = new Set(
  `campaign committee department office ministry agency administration government party company group organization
  organisation firm team board council commission union bank court embassy police army club network newspaper
  paper magazine foundation institute association federation league`
    .split(/\s+/)
    .filter(Boolean),
);

/** Bodies that speak for a person ("Trey Gowdy’s office", "the Clinton campaign"): the person is not them. */
const OWNED_HEADS = new Set(["campaign", "office", "team"]);

/** Head nouns of a description that stands for someone named elsewhere ("the Vermont senator", "the 47-year-old"). */
const DESCRIPTION_HEADS = /^(?:senator|governor|congressman|congresswoman|candidate|nominee|president|judge|mayor|businessman|businesswoman|billionaire|neurosurgeon|dutchman|irishman|frenchman|scot|american|man|woman|\d+-year-old)$/u;

/** A role and the organisation after it: "a spokesman for the House Armed Services Committee". */
// Case matters after the determiner: with the "i" flag \p{Lu} would match "state" in "the former secretary of state".
// A few lower-case words may come before the organisation ("a spokesman for committee Democrats"), not a second office.
const ROLE_FOR = /^(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[\p{Ll}-]+\s+){0,3}?([\p{Ll}-]+)\s+(?:for|at|of|to|from|with)\s+(?:the\s+)?(?:(?!(?:and|or)\s)[\p{Ll}-]+\s+){0,2}(\p{Lu}.*)$/u;

export type SourceClass = "named" | "role" | "organisation" | "description" | "pronoun" | "other";

export interface ClassifiedSource {
  kind: SourceClass;
  /** For a role or organisation: its head noun, folded. */
  head: string;
  /** The organisation's capitalised words as written ("Home Office"), or "" where the source names none. */
  organisation: string;
}

/** What kind of source a PolNeAR annotation names. */
export function classifySource(source: string, isPronoun: boolean): ClassifiedSource {
  const none = { head: "", organisation: "" };
  if (isPronoun) return { kind: "pronoun", ...none };
  const head = (source.split(/[,([]/u)[0] ?? "").trim().split(/\s+/u);
  // "A spokesman for Platte River", "one aide to Senator Ann Pratt": a role whose organisation closes the phrase.
  const roleFor = ROLE_FOR.exec(head.join(" "));
  if (roleFor && ROLE_HEADS.has(roleFor[1]!.toLowerCase())) {
    const organisation = roleFor[2]!.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.replace(/[’']s$|[,.;:]$/u, "")).join(" ");
    if (organisation !== "") return { kind: "role", head: roleFor[1]!.toLowerCase(), organisation };
  }
  if (/^\p{Lu}/u.test(head[head.length - 1] ?? "")) return { kind: "named", ...none };
  // "Her campaign manager, Robby Mook,": a role with the person's name in apposition is a named source.
  if (source.split(",").slice(1).some((segment) => /^\s*(?:\p{Lu}[\p{L}.’'-]*\s+)+\p{Lu}[\p{L}.’'-]*\s*$/u.test(segment))) return { kind: "named", ...none };
  const words = source.split(/\s+/u);
  const capitalised = words.filter((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && /^(?:The|A|An)$/u.test(w))).map((w) => w.replace(/[’']s$|[,.;:]$/u, ""));
  const organisation = capitalised.join(" ");
  const lowerHeads = head.map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  for (let i = lowerHeads.length - 1; i >= 0; i--) {
    const w = lowerHeads[i]!;
    if (ROLE_HEADS.has(w)) {
      // "officials said": a crowd, unless an organisation says whose ("Pentagon officials").
      if (/s$/.test(w) && !/^spokes/.test(w) && organisation === "") return { kind: "other", ...none };
      // "the source", "her campaign": which organisation is not annotated, only that the words point back.
      return { kind: organisation === "" ? "description" : "role", head: w, organisation };
    }
    if (ORG_HEADS.has(w)) {
      // "Congressman Trey Gowdy’s office": the owner's name is the organisation, its title words are not.
      const owner = /^[’']s$/u.test(head[i - 1]?.slice(-2) ?? "") ? nameWords(head[i - 1]!).pop() : undefined;
      return { kind: organisation === "" ? "description" : "organisation", head: w, organisation: owner ?? organisation };
    }
    if (i === lowerHeads.length - 1 && DESCRIPTION_HEADS.test(w) && /^(?:the|a)$/iu.test(head[0] ?? "")) return { kind: "description", head: w, organisation };
  }
  return { kind: "other", ...none };
}

/** "spokesmen" and "spokesperson" are one head; plurals are their singular. */
function headKey(word: string): string {
  if (/^spokes/.test(word)) return "spokes";
  return word.replace(/(?:es|s)$/u, "");
}

/** A role: our speaker holds its head noun and the last word of its organisation (when it names one). */
export function isRightRole(speaker: string, role: { head: string; organisation: string }): boolean {
  const ours = nameWords(speaker);
  const heads = new Set(ours.map(headKey));
  if (!heads.has(headKey(nameWords(role.head)[0] ?? role.head))) return false;
  const organisation = nameWords(role.organisation).filter((w) => !FUNCTION_WORDS.has(w));
  return organisation.length === 0 || ours.includes(organisation[organisation.length - 1]!);
}

/**
 * An organisation: our speaker holds every word of its name ("UK Film Council" needs all three), or, where the
 * source names it only by its head noun ("the campaign"), that noun.
 */
export function isRightOrganisation(speaker: string, org: { organisation: string; head?: string }): boolean {
  const ours = new Set(nameWords(speaker));
  const words = nameWords(org.organisation).filter((w) => !FUNCTION_WORDS.has(w));
  if (words.length === 0) return org.head !== undefined && org.head !== "" && ours.has(org.head);
  // A campaign's or an office's words are not the candidate's: "Hillary Clinton" is wrong for "the Clinton campaign".
  if (org.head && !ours.has(org.head) && ORG_HEADS.has(org.head) && OWNED_HEADS.has(org.head)) return false;
  return words.every((w) => ours.has(w));
}

/**
 * The plain baseline: the nearest capitalised words before the quotation in its paragraph (not opening a
 * sentence, outside quotation marks), else the first after it.
 */
export function baselineSpeaker(article: Article, at: number): string | null {
  const p = article.paragraphs.find((x) => x.start <= at && at < x.end);
  if (!p) return null;
  const text = article.text;
  const blank = (s: string) => s.replace(/[“"][^“”"]*[”"]?/gu, (m) => " ".repeat(m.length));
  const before = blank(text.slice(p.start, Math.max(p.start, at - 1)));
  const after = blank(text.slice(at, p.end).replace(/^[^”"]*[”"]/u, (m) => " ".repeat(m.length)));
  const runs = (s: string) => [...s.matchAll(/(?<=[\p{L},;] )\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*)*/gu)].map((m) => m[0]);
  return runs(before).pop() ?? runs(after)[0] ?? null;
}
