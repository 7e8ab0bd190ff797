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

// "Officials at Homeland Security Investigations": the role noun opens the sentence, without a determiner.
const ROLE_FOR_BARE = /^(\p{Lu}\p{Ll}+)\s+(?:for|at|of|to|from|with)\s+(?:the\s+)?(\p{Lu}.*)$/u;

export type SourceClass = "named" | "role" | "organisation" | "description" | "pronoun" | "other";

export interface ClassifiedSource {
  kind: SourceClass;
  /** For a role or organisation: its head noun, folded. */
  head: string;
  /** The organisation's capitalised words as written ("Home Office"), or "" where the source names none. */
  organisation: string;
}

/** Words that open a sentence before its subject ("But a source familiar with …"). */
const OPENING_CONJUNCTION = /^(?:But|And|So|Yet|Still|Now|Meanwhile)\s+/u;
/** Words before a head noun that count people, never an organisation ("One Clinton aide", "Two analysts"). */
const COUNTING = new Set(["a", "an", "the", "one", "another", "two", "three", "several", "some", "this", "that", "these"]);
/** A possessive pronoun owning the role or body ("His chief aide", "Her campaign"): whose is not annotated. */
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "their", "its"]);
/** Heads of a written thing, not a speaker ("the Heritage Foundation website", "One Club for Growth ad"). */
const DOCUMENT_HEADS = new Set(
  `report reports website site page ad ads hat memo article statement letter book version piece clip film movie
  document ruling bylaws standards brief editorial post email release lawsuit suit complaint poll survey transcript
  headline sign video tweet account`
    .split(/\s+/)
    .filter(Boolean),
);
/** Titles that, after "the", describe one person named elsewhere ("The former secretary of State"). */
const PERSON_TITLES = new Set(["secretary", "director", "chairman", "chairwoman", "manager", "executive", "president", "representative"]);
/** Where a noun phrase's head ends and what follows it begins ("a source [at the Tampa station]"). */
const POST_MODIFIER = /\s+(?:of|for|at|to|from|with|in|on|who|whose|that|which|familiar|close|released|involved|speaking|seeking|supporting)\s/u;
/** A name in apposition ("Robby Mook", "Patrick Megahan and Chris Harman"). */
const APPOSED_NAME = /^\s*(?:\p{Lu}[\p{L}.’'-]*\s+)+\p{Lu}[\p{L}.’'-]*(?:\s+and\s+(?:\p{Lu}[\p{L}.’'-]*\s+)+\p{Lu}[\p{L}.’'-]*)?\s*$/u;

const capitalisedWords = (words: readonly string[]): string[] =>
  words.filter((w) => /^\p{Lu}/u.test(w) && !COUNTING.has(w.toLowerCase())).map((w) => w.replace(/[’']s?$|[,.;:]$/u, ""));

/** What kind of source a PolNeAR annotation names. */
export function classifySource(source: string, isPronoun: boolean): ClassifiedSource {
  const none = { head: "", organisation: "" };
  if (isPronoun) return { kind: "pronoun", ...none };
  const text = source.trim().replace(OPENING_CONJUNCTION, "");
  // The head phrase, before an apposition, a bracket, an ellipsis or a quotation.
  const head = (text.split(/[,([…“"]/u)[0] ?? "").trim().split(/\s+/u).filter(Boolean);
  if (head.length === 0) return { kind: "other", ...none };
  // "A spokesman for Platte River", "one aide to Senator Ann Pratt": a role whose organisation closes the phrase.
  const roleFor = ROLE_FOR.exec(head.join(" ")) ?? ROLE_FOR_BARE.exec(head.join(" "));
  // …but "The former secretary of State", "Secretary of State John Kerry" are one person's title, not a role.
  const titleOnly = roleFor !== null && PERSON_TITLES.has(roleFor[1]!.toLowerCase()) && !/^(?:an?|one|another)$/iu.test(head[0]!);
  if (titleOnly && /^the$/iu.test(head[0]!)) return { kind: "description", head: roleFor[1]!.toLowerCase(), organisation: "" };
  if (roleFor && !titleOnly && ROLE_HEADS.has(roleFor[1]!.toLowerCase())) {
    const organisation = roleFor[2]!.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.replace(/[’']s$|[,.;:]$/u, "")).join(" ");
    if (organisation !== "") return { kind: "role", head: roleFor[1]!.toLowerCase(), organisation };
  }
  // The noun phrase's own words ("a source"), apart from what follows its head ("at the Tampa station").
  const split = POST_MODIFIER.exec(` ${head.join(" ")} `);
  const core = split ? ` ${head.join(" ")} `.slice(0, split.index).trim().split(/\s+/u) : head;
  const complement = split ? ` ${head.join(" ")} `.slice(split.index + split[0].length).trim().split(/\s+/u) : [];
  const last = core[core.length - 1] ?? "";
  // A capitalised head is a name ("the State Department", "Sen. Jim Whelan who represents …"), unless it is a role
  // noun capitalised only because it opens the sentence ("Source familiar with the ad", "Officials at …").
  const opensWithRole = core.length === 1 && ROLE_HEADS.has(last.toLowerCase());
  if ((/^\p{Lu}/u.test(last) && !opensWithRole) || /^\p{Lu}/u.test(head[head.length - 1]!)) return { kind: "named", ...none };
  // "Her campaign manager, Robby Mook,": a role with the person's name in apposition is a named source.
  if (text.split(",").slice(1).some((segment) => APPOSED_NAME.test(segment))) return { kind: "named", ...none };
  const first = core[0]!.toLowerCase();
  const ownedByPronoun = POSSESSIVE_PRONOUNS.has(first);
  const definite = first === "the";
  const lowerCore = core.map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  const headWord = lowerCore[lowerCore.length - 1]!;
  if (DOCUMENT_HEADS.has(headWord)) return { kind: "other", ...none };
  const organisation = [...capitalisedWords(core.slice(0, -1)), ...(ROLE_HEADS.has(headWord) ? capitalisedWords(complement) : [])].join(" ");
  if (ROLE_HEADS.has(headWord)) {
    // "The former secretary of State": a title after "the" describes one person named elsewhere.
    if (definite && PERSON_TITLES.has(headWord)) return { kind: "description", head: headWord, organisation };
    // "His chief aide", "their attorneys": a role of someone the pronoun points back to; its head is what is scored.
    if (ownedByPronoun) return { kind: "role", head: headWord, organisation: "" };
    // "officials said": a crowd, unless an organisation says whose ("Pentagon officials").
    if (/s$/.test(headWord) && !/^spokes/.test(headWord) && organisation === "") return { kind: "other", ...none };
    // "the source", "a spokesman": which organisation is not annotated, only that the words point back.
    return { kind: organisation === "" ? "description" : "role", head: headWord, organisation };
  }
  if (ORG_HEADS.has(headWord)) {
    // "Congressman Trey Gowdy’s office": the owner's name is the organisation, its title words are not.
    const before = core[core.length - 2];
    const owner = before !== undefined && /[’']s?$/u.test(before) && /^\p{Lu}/u.test(before) ? nameWords(before).pop() : undefined;
    if (ownedByPronoun) return { kind: "organisation", head: headWord, organisation: "" };
    if (owner === undefined && organisation === "") return definite ? { kind: "description", head: headWord, organisation } : { kind: "other", ...none };
    return { kind: "organisation", head: headWord, organisation: owner ?? organisation };
  }
  if (DESCRIPTION_HEADS.test(headWord) && /^(?:the|a)$/u.test(first)) return { kind: "description", head: headWord, organisation };
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
