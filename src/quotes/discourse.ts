/**
 * Who is talked about where: the people and bodies an article names, and every mention of them (names,
 * he/she, role nouns such as "the diplomat"), resolved in reading order. Quotation contents are left out: a
 * name inside a quotation is not someone the reporter is talking about.
 */
import type { Article } from "../corpus/types.js";
import type { QuoteSpan } from "./quote-span.js";
import { genderOfFirstName } from "./first-names.js";
import { FEMALE_PRONOUNS, MALE_PRONOUNS, ORG_ROLES, PERSON_ROLES, SPEECH_VERBS, TITLE_WORDS, VERB_MODIFIERS } from "./lexicon.js";
import { capitalisedRuns, isPlace, parseRun, type NameRun, type ParsedName } from "./names.js";
import { DESCRIPTION_GUESSED_CONFIDENCE, DESCRIPTION_SUPPORTED_CONFIDENCE, descriptionGender, descriptionPhrases, supports, type DescriptionPhrase } from "./rules/description.js";
import { CONFIDENCE } from "./rules/confidence.js";
import { isPluralOpener } from "./rules/plural-opener.js";
import { namedAfterBodyNoun } from "./rules/body-noun-before.js";
import { isLocated, namesAPlace } from "./rules/place-names.js";
import { sameOrganisation } from "./rules/same-organisation.js";
import { unnamedSubject } from "./rules/unnamed-subject.js";
import { UNNAMED_ROLE_CONFIDENCE, unnamedRolePhrases } from "./rules/unnamed-role.js";
import { possessiveRoleConfidence, possessiveRolePhrases, type PossessiveRolePhrase } from "./rules/possessive-role.js";
import { ROLE_SPEAKER_CONFIDENCE, ROLE_SPEAKER_RESOLVED_CONFIDENCE, roleGender, roleName, rolePhrases, type RolePhrase } from "./rules/role-speaker.js";
import { sentenceRanges, type Range } from "../text/sentences.js";
import { words } from "../text/words.js";
import { nameKey, nameTokensMatch } from "./text.js";

export type Gender = "male" | "female";

export interface Entity {
  id: number;
  /** A role is an unnamed official of an organisation ("Home Office spokesman", rules/role-speaker.ts). */
  kind: "person" | "organisation" | "role";
  /** The fullest form the article uses ("Sergei Lavrov"). */
  name: string;
  /** Folded keys of the name's words. */
  keys: string[];
  gender: Gender | null;
  /** Title words seen with the name ("minister", "spokesperson"). */
  descriptors: Set<string>;
  /** Named with a title or a known first name: surely a person (not a place or a thing). */
  sure: boolean;
  votes: { male: number; female: number };
  /** For a role: the organisation it speaks for, as named ("Home Office"). */
  organisation?: string;
  /** A place read as a name ("Concord", "Allentown, Pa."): never he, she or "it" (rules/place-names.ts). */
  place?: boolean;
}

export interface Mention {
  type: "name" | "pronoun" | "role";
  start: number;
  end: number;
  text: string;
  entity: Entity | null;
  paragraphIndex: number;
  sentence: Range;
  /** The first mention of a person or body in its sentence: the likely grammatical subject. */
  subject: boolean;
  /** A reporting verb follows this mention ("Archer, wearing a T-shirt, said …"). */
  speaks: boolean;
  /** How sure the link to `entity` is (1 for a name). */
  confidence: number;
  evidence: string;
}

export interface Discourse {
  article: Article;
  spans: readonly QuoteSpan[];
  entities: Entity[];
  mentions: Mention[];
  /** Sentence ranges of each body paragraph, by paragraph index. */
  sentences: Map<number, Range[]>;
}

const ROLE_NP = new RegExp(
  String.raw`\b(?:the|The|THE)\s+((?:(?:[a-z][a-z\-]*|world[’']s|country[’']s|nation[’']s|party[’']s|\p{Lu}\p{Ll}+)\s+){0,3}?)(` +
    [...Object.keys(PERSON_ROLES), ...ORG_ROLES].join("|") +
    String.raw`)\b`,
  "gu",
);

const GOVERNED_NAME = /\b(?:in|at|from|of|to|for|with|by|on|about|against|into|near|over|than)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+)*$/u;
/** A name after a preposition and a lower-case description ("for his wife Hillary Clinton", "to former president X"). */
const GOVERNED_DESCRIBED_NAME = /\b(?:in|at|from|of|to|for|with|by|on|about|against|into|near|over|than)\s+(?:(?:the|his|her|their|its|a|an)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:\p{Lu}[\p{L}.’'-]*\s+)*$/u;

export function buildDiscourse(article: Article, spans: readonly QuoteSpan[]): Discourse {
  const text = article.text;
  const sentences = new Map<number, Range[]>();
  const raw: Array<Mention & { parsedGender?: Gender | null; sure?: boolean; description?: string[]; kind?: Entity["kind"]; name?: string; rolePhrase?: RolePhrase | PossessiveRolePhrase; insideRole?: boolean; describing?: DescriptionPhrase }> = [];

  // Read on first need: only a one-word name opening a sentence asks (isSentenceOpener).
  let midSentence: Set<string> | null = null;
  const capitalisedMidSentence = () => (midSentence ??= midSentenceCapitals(article));
  article.paragraphs.forEach((p, pi) => {
    if (p.role !== "body") return;
    const masked = spans.filter((s) => s.paragraphIndex === pi);
    const ranges = sentenceRanges(text, p.start, p.end, { masked });
    sentences.set(pi, ranges);
    const dateline = datelineEnd(text, p.start, p.end);
    for (const sentence of ranges) {
      const inQuote = (a: number, b: number) => masked.some((m) => a >= m.start && b <= m.end);
      for (const run of capitalisedRuns(text, sentence.start, sentence.end, masked)) {
        if (run.start < dateline) continue;
        const parsed = parseRun(run);
        if (!parsed) continue;
        if (isSentenceOpener(text, sentence, run, parsed, capitalisedMidSentence)) continue;
        if (isSubheading(text, p.start, run, parsed)) continue;
        // "Scott's company Scott Free": a body's name, whatever its words (rules/body-noun-before.ts).
        const body = parsed.kind === "person" && namedAfterBodyNoun(text, parsed.start, parsed.end);
        if (body) Object.assign(parsed, { kind: "organisation" as const, name: text.slice(parsed.start, parsed.end) });
        raw.push({
          type: "name",
          start: parsed.start,
          end: parsed.end,
          text: text.slice(parsed.start, parsed.end),
          entity: null,
          paragraphIndex: pi,
          sentence,
          subject: false,
          speaks: false,
          confidence: 1,
          evidence: "",
          kind: parsed.kind,
          name: parsed.name,
          parsedGender: parsed.kind === "person" ? parsed.gender : null,
          sure: parsed.kind === "person" ? parsed.sure : true,
          description: parsed.kind === "person" ? parsed.description : [],
        });
      }
      for (const w of words(text, sentence.start, sentence.end)) {
        // Lower-casing never shortens a word: only words of two or three characters can be "he" or "she".
        if (w.text.length > 3) continue;
        const l = w.text.toLowerCase();
        if ((l === "he" || l === "she") && !inQuote(w.start, w.end)) {
          raw.push(mentionOf("pronoun", w.start, w.end, text, pi, sentence));
        }
      }
      const slice = text.slice(sentence.start, sentence.end);
      // exec rather than matchAll, which copies this long pattern for every sentence.
      ROLE_NP.lastIndex = 0;
      for (let m = ROLE_NP.exec(slice); m !== null; m = ROLE_NP.exec(slice)) {
        const start = sentence.start + m.index;
        const end = start + m[0].length;
        if (inQuote(start, end)) continue;
        // "the Florida senator": a place among the modifiers does not make the phrase a name.
        // "the Tory leader", "the Labour chairman": one capitalised word we cannot tell to be a person's (a party)
        // modifies the role; it is no one of its own.
        const modifier = (r: (typeof raw)[number]) => r.type === "name" && r.end < end && !(r.sure ?? false) && !(r.name ?? "").includes(" ") && /^\s+\p{Ll}/u.test(text.slice(r.end, r.end + 2));
        if (raw.some((r) => r.type === "name" && r.start < end && r.end > start && !(r.kind === "organisation" && isPlaceName(r.name ?? "") && r.end < end) && !modifier(r))) continue;
        for (const r of raw) if (r.start < end && r.end > start && modifier(r)) r.insideRole = true;
        raw.push(mentionOf("role", start, end, text, pi, sentence));
      }
      // "a spokesman for the Home Office": one mention of the role; a name inside it only names its organisation.
      const roles: Array<RolePhrase | PossessiveRolePhrase> = rolePhrases(text, sentence.start, sentence.end, masked);
      for (const phrase of [...possessiveRolePhrases(text, sentence.start, sentence.end, masked), ...unnamedRolePhrases(text, sentence.start, sentence.end, masked)]) {
        const overlapping = roles.filter((r) => phrase.start < r.end && phrase.end > r.start);
        // "one Democrat familiar with the Hale campaign's plans": the campaign only describes the speaker.
        const describes = overlapping.length > 0 && overlapping.every((r) => r.start >= phrase.start && r.end <= phrase.end && r.end - r.start < phrase.end - phrase.start);
        if (describes) for (const r of overlapping) roles.splice(roles.indexOf(r), 1);
        if (overlapping.length === 0 || describes) roles.push(phrase);
      }
      for (const phrase of roles) {
        for (let i = raw.length - 1; i >= 0; i--) {
          const r = raw[i]!;
          if (r.sentence !== sentence || r.start >= phrase.end || r.end <= phrase.start) continue;
          if (r.type === "name") r.insideRole = true;
          else raw.splice(i, 1);
        }
        raw.push({ ...mentionOf("role", phrase.start, phrase.end, text, pi, sentence), rolePhrase: phrase });
      }
      // "the Dutchman", "the 47-year-old": someone named before.
      for (const phrase of descriptionPhrases(text, sentence, masked)) {
        if (raw.some((r) => r.sentence === sentence && r.rolePhrase && r.start < phrase.end && r.end > phrase.start)) continue;
        for (let i = raw.length - 1; i >= 0; i--) {
          const r = raw[i]!;
          if (r.sentence === sentence && r.start >= phrase.start && r.end <= phrase.end) raw.splice(i, 1);
        }
        raw.push({ ...mentionOf("role", phrase.start, phrase.end, text, pi, sentence), describing: phrase });
      }
    }
  });
  raw.sort((a, b) => a.start - b.start);

  // Subjects: the first person (name, he/she or role) of each sentence, and a body named before any person.
  // Places are never subjects ("Florida delegate John Archer said" is about Archer).
  let lastSentence: Range | null = null;
  let personSeen = false;
  let bodySeen = false;
  for (const m of raw) {
    m.speaks = speaksAfter(text, m);
    if (m.sentence !== lastSentence) {
      lastSentence = m.sentence;
      personSeen = false;
      bodySeen = false;
    }
    const isBody = m.type === "name" && m.kind === "organisation";
    if (isBody && isPlaceName(m.name ?? "")) continue;
    // A name after a preposition ("at the Democratic National Convention, Biden …") is where or whom, not who.
    if (m.type === "name" && GOVERNED_NAME.test(text.slice(Math.max(m.sentence.start, m.start - 50), m.start))) continue;
    // "Mr Brown's Budget was not …": the owner is not the subject (a he/she later is not Brown for that).
    if (m.type === "name" && (/[’']s?$/.test(m.text) || /^[’']s?\b/.test(text.slice(m.end, m.end + 2)))) continue;
    if (isBody) {
      if (!personSeen && !bodySeen) m.subject = true;
      bodySeen = true;
    } else if (!personSeen) {
      m.subject = true;
      personSeen = true;
    }
  }

  const entities: Entity[] = [];
  for (const m of raw) {
    if (m.type !== "name") continue;
    m.entity = linkName(entities, m.kind!, m.name!, m.parsedGender ?? null, m.sure ?? false, m.description ?? [], mentionWeight(text, m));
    m.evidence = `named: ${m.text}`;
  }
  markPlaces(text, raw);
  voteGenders(text, spans, raw, entities);

  const kept: Mention[] = [];
  for (const m of raw) {
    if (m.insideRole) continue;
    if (m.type === "pronoun") resolvePronoun(m, kept, text);
    else if (m.describing) resolveDescription(m, m.describing, kept, text, spans);
    else if (m.rolePhrase) {
      if (!m.subject && !nextToSpeechVerb(text, m)) continue;
      resolveRoleSpeaker(m, m.rolePhrase, raw, kept, entities, text);
    } else if (m.type === "role") {
      if (!m.subject && !nextToSpeechVerb(text, m)) continue;
      resolveRole(m, kept, text);
    }
    kept.push(stripExtras(m));
  }
  return { article, spans, entities, mentions: kept, sentences };
}

/**
 * Where a paragraph's dateline ends ("WASHINGTON, Aug. 24 (UPI) — ", "LA CROSSE, Wisc. — ", "Washington (AFP) – "),
 * or the paragraph's start: the place and the agency there are no one speaking.
 */
export function datelineEnd(text: string, start: number, end: number): number {
  const head = text.slice(start, Math.min(end, start + 80));
  const caps = /^\s*\p{Lu}[\p{Lu}.'’]+(?:\s+\p{Lu}[\p{Lu}.'’]+)*(?:\s*\([^()]{1,30}\)|,\s*[^—–\n]{1,30}?)*\s+[—–-]{1,2}\s+/u.exec(head);
  const agency = /^\s*\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?,?\s*\((?:AFP|AP|Reuters|UPI|CNN)\)\s*[—–-]{1,2}\s+/u.exec(head);
  const m = caps ?? agency;
  return m ? start + m[0].length : start;
}

function isPlaceName(name: string): boolean {
  return name !== "" && name.split(/\s+/).every((w) => isPlace(w));
}

const MID_SENTENCE_CAPITAL = /(?<=[\p{L},;] )\p{Lu}[\p{L}’'-]+/gu;

/** Words the article capitalises somewhere other than at a sentence start: names, not sentence openers. */
function midSentenceCapitals(article: Article): Set<string> {
  // The words first, then the key of each distinct word: an article repeats its names.
  const seen = new Set<string>();
  for (const p of article.paragraphs) {
    if (p.role !== "body") continue;
    const paragraph = article.text.slice(p.start, p.end);
    MID_SENTENCE_CAPITAL.lastIndex = 0;
    for (let m = MID_SENTENCE_CAPITAL.exec(paragraph); m !== null; m = MID_SENTENCE_CAPITAL.exec(paragraph)) seen.add(m[0]);
  }
  const out = new Set<string>();
  for (const word of seen) out.add(nameKey(word));
  return out;
}

/** "Hours later, …", "Multiple reports …", "Wait, …": one capitalised word opening a sentence is no name. */
function isSentenceOpener(text: string, sentence: Range, run: NameRun, parsed: ParsedName, midSentence: () => ReadonlySet<string>): boolean {
  if (run.tokens.length !== 1 || parsed.kind !== "person" || parsed.sure) return false;
  const before = text.slice(sentence.start, run.start);
  // After a colon a new sentence starts too ("Veto Power Impedes Peace Efforts: Eliminating …").
  if (!/^[\s“"‘'(—–-]*$/.test(before) && !/:\s+$/.test(before)) return false;
  if (midSentence().has(nameKey(run.tokens[0]!.text))) return false;
  // "Spoljaric said …": a word that reports speech right after it is a speaker's name.
  for (const w of words(text, run.end, Math.min(sentence.end, run.end + 40))) {
    const l = w.text.toLowerCase();
    // "Pollsters agree: …": a plural noun, its verb in the plural, is no one's name (rules/plural-opener.ts).
    if (SPEECH_VERBS.has(l)) return isPluralOpener(run.tokens[0]!.text, l);
    if (!VERB_MODIFIERS.has(l)) break;
  }
  return true;
}

/**
 * "Veto Power Impedes Peace Efforts: Eliminating …": a title-case heading that opens a paragraph and ends at a
 * colon, with neither a title nor a known first name, is no one. A transcript's label has one ("Sen. Tim Kaine:",
 * "JOHN SMITH:") or is short.
 */
function isSubheading(text: string, paragraphStart: number, run: NameRun, parsed: ParsedName): boolean {
  if (run.tokens.length < 3 || parsed.kind !== "person") return false;
  if (run.tokens.some((t) => TITLE_WORDS.has(t.text.toLowerCase().replace(/\.$/, "")) || genderOfFirstName(t.text) !== null)) return false;
  return /^\s*$/.test(text.slice(paragraphStart, run.start)) && /^:\s+\S/.test(text.slice(run.end, run.end + 3));
}

function mentionOf(type: Mention["type"], start: number, end: number, text: string, pi: number, sentence: Range): Mention {
  return { type, start, end, text: text.slice(start, end), entity: null, paragraphIndex: pi, sentence, subject: false, speaks: false, confidence: 0, evidence: "" };
}

function stripExtras(m: Mention): Mention {
  const { type, start, end, text, entity, paragraphIndex, sentence, subject, speaks, confidence, evidence } = m;
  return { type, start, end, text, entity, paragraphIndex, sentence, subject, speaks, confidence, evidence };
}

const SPEAKS_WORD = /[\p{L}’'-]+/gu;

/** Whether a reporting verb follows the mention, past modifiers, a bracket or one comma-delimited apposition. */
function speaksAfter(text: string, m: { end: number; sentence: Range }): boolean {
  let rest = text.slice(m.end, m.sentence.end).replace(/^\s*\([^()]{0,40}\)/, "");
  // One apposition, or a longer one with commas of its own ("Sandy Phillips, who lost her daughter in Aurora,
  // Colorado, in 2012, said") when a reporting verb closes it.
  const long = /^\s*,[^.;:!?“”"]{1,200}?,\s*(?=(?:\p{Ll}+ly\s+|also\s+|later\s+)?(\p{Ll}+))/u.exec(rest);
  const apposition = long && SPEECH_VERBS.has(long[1]!) ? long : /^\s*,[^,]{1,120},/.exec(rest);
  if (apposition) rest = rest.slice(apposition[0].length);
  // The first four words (matched one at a time: the rest of the sentence may be long).
  SPEAKS_WORD.lastIndex = 0;
  for (let n = 0, m = SPEAKS_WORD.exec(rest); n < 4 && m !== null; n++, m = SPEAKS_WORD.exec(rest)) {
    const l = m[0].toLowerCase();
    if (SPEECH_VERBS.has(l)) return true;
    if (!VERB_MODIFIERS.has(l)) return false;
  }
  return false;
}

/**
 * How much a mention makes its person the one a bare surname means: the subject of a sentence or of a reporting
 * verb counts double, someone named after a preposition ("… for his wife Hillary Clinton") not at all (issue 15).
 */
function mentionWeight(text: string, m: Mention): number {
  if (m.subject || m.speaks) return 2;
  const before = text.slice(Math.max(m.sentence.start, m.start - 60), m.start);
  return GOVERNED_NAME.test(before) || GOVERNED_DESCRIBED_NAME.test(before) ? 0 : 1;
}

function linkName(
  entities: Entity[],
  kind: Entity["kind"],
  name: string,
  gender: Gender | null,
  sure: boolean,
  description: string[],
  weight: number,
): Entity {
  const parts = name.split(/\s+/);
  const keys = parts.map(nameKey);
  // A surname (or full name) match first; a first name alone only for someone surely named in full ("Hillary").
  // An exact match anywhere beats a typo-tolerant one nearer: "Christie" is Chris Christie named earlier, not a
  // "Christian" named since.
  // "Mr Obama" is never the Michelle Obama named before, whatever else matches. A bare surname that several
  // people of the article share ("Cruz" after "Heidi Cruz", his wife, was named) is the one named most so far as a subject or speaker
  // (the article's own subject), else the most recent.
  let found: Entity | undefined;
  for (const exact of [true, false]) {
    if (found) break;
    const matches = entities.filter((e) => sameEntity(e, kind, keys, exact) && !(gender && e.gender && e.gender !== gender));
    if (matches.length === 0) continue;
    found = matches[matches.length - 1]!;
    if (keys.length === 1 && kind === "person") {
      for (const e of matches) if ((MENTIONS.get(e) ?? 0) > (MENTIONS.get(found) ?? 0)) found = e;
    }
  }
  // "FA" after "Football Association", "Cairn" after "Cairn Energy" (and the other way round): one body.
  if (!found) found = entities.findLast((e) => sameOrganisation(e, name, kind, sure));
  if (!found && kind === "person" && keys.length === 1) {
    const byFirst = entities.filter((e) => e.kind === "person" && e.sure && e.keys.length >= 2 && e.keys[0] === keys[0] && genderOfFirstName(parts[0]!) !== null);
    if (new Set(byFirst.map((e) => e.name)).size === 1) found = byFirst[byFirst.length - 1];
  }
  // Prefer the most recently mentioned entity of that name: move it to the end.
  if (found) {
    MENTIONS.set(found, (MENTIONS.get(found) ?? 0) + weight);
    entities.splice(entities.indexOf(found), 1);
    entities.push(found);
    if (keys.length > found.keys.length) {
      found.name = name;
      found.keys = keys;
    }
    if (kind === "organisation" && found.kind === "person" && !found.sure) found.kind = "organisation";
    if (sure) found.sure = true;
    if (!found.gender && gender) found.gender = gender;
    for (const d of description) found.descriptors.add(d);
    return found;
  }
  const entity: Entity = {
    id: entities.length,
    kind,
    name,
    keys,
    gender: gender ?? (kind === "person" && parts.length >= 2 ? genderOfFirstName(parts[0]!) : null),
    descriptors: new Set(description),
    sure,
    votes: { male: 0, female: 0 },
  };
  MENTIONS.set(entity, weight);
  entities.push(entity);
  return entity;
}

/** How often each entity has been named so far in its article (`linkName`), weighted by `mentionWeight`. */
const MENTIONS = new WeakMap<Entity, number>();

function sameEntity(e: Entity, kind: Entity["kind"], keys: readonly string[], exact: boolean): boolean {
  if (e.kind !== kind) return false;
  const match = exact ? (a: string, b: string) => a === b : nameTokensMatch;
  if (kind === "organisation") {
    // "Defense Ministry" names the "Russian Defense Ministry" named before.
    if (keys.length > e.keys.length) return false;
    const tail = e.keys.slice(e.keys.length - keys.length);
    return keys.every((k, i) => match(k, tail[i]!));
  }
  const last = keys[keys.length - 1]!;
  const eLast = e.keys[e.keys.length - 1]!;
  if (keys.length === 1) return match(last, eLast);
  if (!match(last, eLast)) return false;
  if (e.keys.length === 1) return true;
  const first = keys[0]!;
  const eFirst = e.keys[0]!;
  return match(first, eFirst) || first[0] === eFirst[0] && (first.length <= 2 || eFirst.length <= 2);
}

/** Entities named as places ("Concord", "Allentown, Pa."), unless the article titles them as people. */
function markPlaces(text: string, mentions: readonly Mention[]): void {
  const located = new Map<Entity, boolean>();
  for (const m of mentions) {
    const e = m.entity;
    if (m.type !== "name" || !e || (e.kind === "person" && e.sure) || e.kind === "role") continue;
    if (namesAPlace(text, e.name, m.end)) e.place = true;
    located.set(e, (located.get(e) ?? true) && isLocated(text, m.start));
  }
  // "In Concord, he …": a single word only ever named as where something happens.
  for (const [e, always] of located) if (always && e.kind === "person" && e.keys.length === 1) e.place = true;
}

/** Gender from the pronouns used in a sentence that names exactly one person (and the sentence after it). */
function voteGenders(text: string, spans: readonly QuoteSpan[], mentions: readonly Mention[], entities: readonly Entity[]): void {
  const bySentence = new Map<Range, Mention[]>();
  for (const m of mentions) {
    if (m.type !== "name" || m.entity?.kind !== "person" || m.entity.place) continue;
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  for (const [sentence, list] of bySentence) {
    const people = new Set(list.map((m) => m.entity));
    if (people.size !== 1) continue;
    const entity = list[0]!.entity!;
    if (entity.gender) continue;
    // Someone surely a person: the sentence and the next ones. A bare surname ("Garcia"): only as the sentence's
    // subject, and its own sentence ("Garcia put her finger on it"); "the United States … he said" must not
    // make a country male.
    if (!entity.sure && !list[0]!.subject) continue;
    const after = withoutQuotations(text, spans, list[0]!.end, entity.sure ? sentence.end + 200 : sentence.end).toLowerCase();
    for (const w of after.match(/\b[a-z]+\b/g) ?? []) {
      if (MALE_PRONOUNS.has(w)) entity.votes.male++;
      else if (FEMALE_PRONOUNS.has(w)) entity.votes.female++;
    }
  }
  for (const e of entities) {
    if (e.gender || e.kind !== "person") continue;
    if (e.votes.male > e.votes.female) e.gender = "male";
    else if (e.votes.female > e.votes.male) e.gender = "female";
  }
}

/**
 * `text.slice(from, to)` with quotation contents blanked (same length): a "he" inside a quotation is someone
 * else. Only the part read is blanked, not the whole article.
 */
function withoutQuotations(text: string, spans: readonly QuoteSpan[], from: number, to: number): string {
  const end = Math.min(to, text.length);
  let out = text.slice(from, end);
  for (const s of spans) {
    const a = Math.max(s.start, from);
    const b = Math.min(s.end, end);
    if (a < b) out = out.slice(0, a - from) + " ".repeat(b - a) + out.slice(b - from);
  }
  return out;
}

/** He/she: the subject (or else the last) compatible person of the nearest sentence that has one. */
function resolvePronoun(m: Mention, before: readonly Mention[], text: string): void {
  const gender: Gender = m.text.toLowerCase() === "he" ? "male" : "female";
  const question = questionClauseEnd(text, m);
  const groups: Mention[][] = []; // the sentences before, nearest first, with their people
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i]!;
    if ((c.entity?.kind !== "person" && c.entity?.kind !== "role") || c.entity.place || c.start >= m.start) continue;
    // "Asked to rate Volcker's tenure, he replied": who the question is about does not answer it.
    if (question >= 0 && c.sentence.start === m.sentence.start && c.start < question) continue;
    const group = groups[groups.length - 1];
    if (group && group[0]!.sentence === c.sentence) group.unshift(c);
    else groups.push([c]);
  }
  for (const [back, inSentence] of groups.slice(0, 8).entries()) {
    // "A foreign exchange analyst … shared Baker's doubts. “…,” he said.": he is the unnamed analyst, not Baker.
    const unnamed = inSentence[0]!.sentence.start !== m.sentence.start ? unnamedSubject(text, inSentence[0]!.sentence) : null;
    if (unnamed && !inSentence.some((x) => x.type === "role" && x.start - inSentence[0]!.sentence.start < unnamed.length + 8)) {
      m.entity = null;
      m.confidence = 0;
      m.evidence = `pronoun '${m.text}' -> the unnamed subject of the sentence before (“${unnamed}”)`;
      return;
    }
    const known = inSentence.filter((x) => x.entity!.gender === gender);
    // Of unknown gender: someone surely a person, or named as speaking ("Tanden asked …": people speak).
    const unknown = inSentence.filter(
      (x) => x.entity!.gender === null && (x.entity!.sure || x.speaks || (x.subject && x.type === "name" && x.entity!.keys.length >= 2)),
    );
    const pool = known.length > 0 ? known : unknown;
    if (pool.length === 0) continue;
    // Someone reported speaking in that sentence first, then its subject, then the latest named. A speaker or
    // subject of unknown gender outranks a man or woman merely mentioned ("Biden rubbished Trump’s claim").
    const leading = (x: Mention) => x.speaks || x.subject;
    const unknownLead = known.some(leading) ? undefined : unknown.find((x) => x.speaks) ?? unknown.find((x) => x.subject && x.type === "name");
    const chosen = unknownLead ?? pool.find((x) => x.speaks) ?? pool.find((x) => x.subject) ?? pool[pool.length - 1]!;
    const entity = chosen.entity!;
    const rivals = new Set((unknownLead ? [...known, ...unknown] : pool).map((x) => x.entity)).size > 1;
    m.entity = entity;
    if (chosen.entity!.gender === null) {
      m.confidence = CONFIDENCE.pronounGenderUnknown;
      m.evidence = `pronoun '${m.text}' -> ${entity.name} (gender unknown)`;
    } else {
      m.confidence = rivals ? CONFIDENCE.pronounWithRivals : CONFIDENCE.pronounAlone;
      m.evidence = `pronoun '${m.text}' -> last named ${gender === "male" ? "man" : "woman"}: ${entity.name}${rivals ? " (other candidates in that sentence)" : ""}`;
    }
    // A link across many sentences is less sure.
    if (back >= 3) m.confidence -= CONFIDENCE.pronounFarPenalty;
    return;
  }
  m.confidence = 0;
  m.evidence = `pronoun '${m.text}' with no named ${gender === "male" ? "man" : "woman"} before it`;
}

/**
 * Where a question clause or a fronted phrase opening the pronoun's sentence ends ("Asked about Volcker's tenure, he
 * replied …", "When questioned on Brown, she said …", "At a conference hosted by Gordon Brown, he said …"): the
 * comma before the pronoun; -1 when the sentence opens no such clause. Whoever it names is not the "he".
 */
function questionClauseEnd(text: string, m: Mention): number {
  const lead = text.slice(m.sentence.start, m.start);
  if (!QUESTION_OPENER.test(lead)) return -1;
  const comma = lead.lastIndexOf(",");
  // The pronoun must follow the clause at once: "Asked about X, he said", not "Asked about X, Y said he …".
  return comma >= 0 && /^,\s*$/.test(lead.slice(comma)) ? m.sentence.start + comma : -1;
}
const QUESTION_OPENER =
  /^\s*(?:(?:(?:when|after|once|if)\s+)?(?:asked|questioned|pressed|challenged)\b|(?:at|in|during|before|after|addressing|speaking\s+(?:at|to))\s+(?:a|an|the)\s)/i;

/** "The diplomat": the latest person whose title fits, else the latest subject. "The ministry": the latest body. */
function resolveRole(m: Mention, before: readonly Mention[], text: string): void {
  const head = /(\S+)$/.exec(m.text)![1]!.toLowerCase();
  const recent = before.filter((c) => c.entity && c.paragraphIndex >= m.paragraphIndex - 4);
  if (ORG_ROLES.has(head)) {
    for (let i = recent.length - 1; i >= 0; i--) {
      const e = recent[i]!.entity!;
      if (e.place) continue;
      const generic = head === "firm" || head === "company" || head === "group";
      if (e.kind === "organisation" && (generic || e.keys.some((k) => k === head))) {
        m.entity = e;
        m.confidence = CONFIDENCE.bodyNoun;
        m.evidence = `'${m.text}' -> last named body: ${e.name}`;
        return;
      }
    }
    m.evidence = `'${m.text}' names no body of the article`;
    return;
  }
  // "the spokesman" after "a Home Office spokesman": the role named before.
  const unnamed = recent.findLast((c) => c.entity!.kind === "role" && c.entity!.descriptors.has(head));
  if (unnamed) {
    m.entity = unnamed.entity;
    m.confidence = CONFIDENCE.roleNamedBefore;
    m.evidence = `'${m.text}' -> ${unnamed.entity!.name}, the role named before`;
    return;
  }
  const role = PERSON_ROLES[head];
  if (!role) return;
  const compatible = (e: Entity) => e.kind === "person" && e.sure && (!role.gender || !e.gender || e.gender === role.gender);
  // "the Tory leader" after "Tory leader Michael Howard": the person the article titled with these very words.
  const titledSo = titledWith(m, recent, text);
  if (titledSo && compatible(titledSo)) {
    m.entity = titledSo;
    m.confidence = CONFIDENCE.titledSo;
    m.evidence = `'${m.text}' -> ${titledSo.name}, titled so in the article`;
    return;
  }
  for (let i = recent.length - 1; i >= 0; i--) {
    const e = recent[i]!.entity!;
    if (compatible(e) && role.fits.some((f) => e.descriptors.has(f))) {
      m.entity = e;
      m.confidence = CONFIDENCE.titleFits;
      m.evidence = `'${m.text}' -> ${e.name}, the latest person titled so`;
      return;
    }
  }
  // A spokesman or an official is not the person the story is about.
  if (SPOKESPEOPLE.test(head)) {
    m.evidence = `'${m.text}' fits no named person`;
    return;
  }
  for (let i = recent.length - 1; i >= 0; i--) {
    const c = recent[i]!;
    if (c.subject && compatible(c.entity!)) {
      m.entity = c.entity;
      m.confidence = CONFIDENCE.latestTalkedAbout;
      m.evidence = `'${m.text}' -> ${c.entity!.name}, the latest person talked about`;
      return;
    }
  }
  m.evidence = `'${m.text}' fits no named person`;
}

/** The latest person named right after the role's own words ("Tory leader Michael Howard" for "the Tory leader"). */
function titledWith(m: Mention, recent: readonly Mention[], text: string): Entity | null {
  const title = m.text.replace(/^the\s+/i, "").toLowerCase();
  const found = new Set<Entity>();
  let latest: Entity | null = null;
  const titled = new RegExp(String.raw`(?:^|[^\p{L}])${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\s,]*(?:the\s+)?$`, "u");
  for (const c of recent) {
    if (c.type !== "name" || c.entity?.kind !== "person" || c.start >= m.start) continue;
    const lead = text.slice(Math.max(0, c.start - title.length - 12), c.start).toLowerCase().replace(/\s+/g, " ");
    if (titled.test(lead)) {
      found.add(c.entity);
      latest = c.entity;
    }
  }
  // Two people titled alike ("Labour MP" twice): no telling which.
  return found.size === 1 ? latest : null;
}

const SPOKESPEOPLE = /^(?:spokesman|spokeswoman|spokesperson|official|source)$/;

/** "The Dutchman said": the person named before whom the article describes so (rules/description.ts). */
function resolveDescription(m: Mention, phrase: DescriptionPhrase, before: readonly Mention[], text: string, spans: readonly QuoteSpan[]): void {
  const gender = descriptionGender(phrase.head);
  const people = new Map<Entity, Mention[]>();
  for (const c of before) {
    const e = c.entity;
    if (e?.kind !== "person" || c.paragraphIndex < m.paragraphIndex - 6) continue;
    if (gender && e.gender && e.gender !== gender) continue;
    if (!e.sure && !c.speaks && !c.subject) continue;
    people.set(e, [...(people.get(e) ?? []), c]);
  }
  const latestFirst = [...people.keys()].reverse();
  const allSupported = latestFirst.filter((entity) => {
    const mentions = people.get(entity)!.filter((c) => c.type === "name");
    // Around each naming, the description itself left out ("… Tim Phillips, the American said" is no support).
    const contexts = mentions.map((c) => {
      const from = Math.max(0, c.start - 60);
      const around = withoutQuotations(text, spans, from, c.end + 60);
      const a = Math.max(0, m.start - from);
      const b = Math.max(0, m.end - from);
      const blanked = (around.slice(0, a) + " ".repeat(Math.max(0, Math.min(b, around.length) - a)) + around.slice(b)).toLowerCase();
      return { before: blanked.slice(0, c.start - from), after: blanked.slice(c.end - from) };
    });
    return supports(phrase, { entity, contexts, descriptors: entity.descriptors });
  });
  // Several fit ("the Texan" with two Texans named): the one the story is about (most often a subject), unsure.
  const subjectCount = (e: Entity) => people.get(e)!.filter((c) => c.subject).length;
  const several = allSupported.length > 1;
  const supported = several ? [...allSupported].sort((a, b) => subjectCount(b) - subjectCount(a))[0] : allSupported[0];
  // The subject of an earlier sentence: the description is its own sentence's subject.
  // Only someone named in full or titled: a bare capitalised word ("Slovenia-born") may be no person at all.
  const guessed = supported ? undefined : latestFirst.find((e) => (e.sure || e.keys.length >= 2) && people.get(e)!.some((c) => c.subject && c.sentence !== m.sentence));
  const entity = supported ?? guessed;
  if (!entity) {
    m.evidence = `'${m.text}' fits no named person`;
    return;
  }
  m.entity = entity;
  m.confidence = supported && !several ? DESCRIPTION_SUPPORTED_CONFIDENCE : DESCRIPTION_GUESSED_CONFIDENCE;
  m.evidence = !supported ? `'${m.text}' -> ${entity.name}, the latest person talked about (unsure)`
    : several ? `'${m.text}' -> ${entity.name}, of several the article describes so, the one most talked about (unsure)`
    : `'${m.text}' -> ${entity.name}, whom the article describes so`;
}

/** Words for an office: "the prime minister's spokesman" keeps the title rather than naming its holder. */
const OFFICES = /^(?:prime minister|president|chancellor|minister|secretary|mayor|governor|king|queen|pope|foreign secretary|home secretary)$/;
const BODY_NOUNS = /^(?:club|firm|company|council|party|group|team|union|board|ministry|department|office|agency|campaign|embassy|government|bank|airline|network|federation|association|league|commission|committee)$/;

/**
 * "a spokesman for the Home Office" -> the role "Home Office spokesman", linked to the organisation: the name
 * inside the phrase, else a body noun read as the latest body with that word ("the club"), an office kept as
 * written ("the prime minister"), or the latest person talked about ("the author"). No organisation: no speaker.
 */
function resolveRoleSpeaker(m: Mention, phrase: RolePhrase | PossessiveRolePhrase, raw: readonly Mention[], before: readonly Mention[], entities: Entity[], text: string): void {
  const org = phrase.organisation;
  let owner: { name: string; kind: "organisation" | "person" | "title" } | null = null;
  let confidence: number = ROLE_SPEAKER_CONFIDENCE;
  if ("ownerPronoun" in phrase) {
    // "his chief aide": the owner is whom a "he" standing there would mean (rules/possessive-role.ts).
    const he: Mention = { ...m, type: "pronoun", text: phrase.ownerPronoun, start: phrase.ownerStart, end: phrase.ownerStart + 3, entity: null, confidence: 0 };
    resolvePronoun(he, before, text);
    const person = he.entity;
    if (person?.kind === "person" && person.gender !== null) {
      owner = { name: person.name, kind: "person" };
      confidence = possessiveRoleConfidence(he.confidence);
    }
  } else if (org?.capitalised) {
    // A person only when named by the whole of it ("a spokesman for Michelle Paver"); "Number 10" is no "Number".
    // "an aide to Agriculture Secretary Richard Lyng": the person ends the organisation's words, titles before them.
    // One word we could not tell to be a person's ("the Tory source", "the Bat spokeswoman") names a body.
    const named = raw.find((r) => r.type === "name" && r.entity?.kind === "person" && (r.entity.sure || r.entity.keys.length >= 2) && r.end === org.end && (r.start === org.start || (r.entity.sure && r.entity.keys.length >= 2 && r.start > org.start)));
    owner = named ? { name: named.entity!.name, kind: "person" } : { name: org.text, kind: "organisation" };
  } else if (org) {
    const noun = org.text.toLowerCase();
    const recent = before.filter((c) => c.entity && c.paragraphIndex >= m.paragraphIndex - 4);
    if (OFFICES.test(noun)) owner = { name: noun, kind: "title" };
    else if (BODY_NOUNS.test(noun)) {
      // "the firm", "the company": also a name we could not tell to be a body ("Kestrel Mining"), never a sure person.
      const generic = /^(?:firm|company|group|club|team)$/.test(noun);
      const body = [...recent].reverse().find((c) => {
        const e = c.entity!;
        if (isPlaceName(e.name) || c.type !== "name") return false;
        return e.kind === "organisation" ? generic || e.keys.includes(noun) : generic && e.kind === "person" && !e.sure;
      });
      if (body) owner = { name: body.entity!.name, kind: "organisation" };
    } else {
      const person = [...recent].reverse().find((c) => c.entity!.kind === "person" && c.entity!.sure && c.subject);
      if (person) owner = { name: person.entity!.name, kind: "person" };
    }
    confidence = ROLE_SPEAKER_RESOLVED_CONFIDENCE;
  }
  if (!owner && !org && phrase.relation) {
    // "an analyst at a major Japanese bank": printed as described, of no organisation (rules/unnamed-role.ts).
    const printed = phrase.relation.printed;
    let described = entities.find((e) => e.kind === "role" && e.name === printed);
    if (!described) {
      described = { id: entities.length, kind: "role", name: printed, keys: printed.split(/\s+/).map(nameKey), gender: roleGender(phrase.head), descriptors: new Set([phrase.head]), sure: true, votes: { male: 0, female: 0 } };
      entities.push(described);
    }
    m.entity = described;
    m.confidence = UNNAMED_ROLE_CONFIDENCE;
    m.evidence = `unnamed role: '${m.text}' -> ${printed}`;
    return;
  }
  if (!owner) {
    m.confidence = 0;
    m.evidence = "ownerPronoun" in phrase ? `'${m.text}' has no owner the article names` : `'${m.text}' names no organisation`;
    return;
  }
  const name = phrase.relation?.printed ?? roleName(owner.name, owner.kind, phrase.qualifier, phrase.head);
  let entity = entities.find((e) => e.kind === "role" && e.name === name);
  if (!entity) {
    entity = { id: entities.length, kind: "role", name, keys: name.split(/\s+/).map(nameKey), gender: roleGender(phrase.head), descriptors: new Set([phrase.head]), sure: true, votes: { male: 0, female: 0 }, organisation: owner.name };
    entities.push(entity);
  }
  m.entity = entity;
  m.confidence = confidence;
  m.evidence = `role: '${m.text}' -> ${name}`;
}

function nextToSpeechVerb(text: string, m: Mention): boolean {
  const after = words(text, m.end, Math.min(text.length, m.end + 60)).slice(0, 3);
  for (const w of after) {
    const l = w.text.toLowerCase();
    if (SPEECH_VERBS.has(l)) return true;
    if (!VERB_MODIFIERS.has(l)) break;
  }
  // "a White House official who spoke anonymously to discuss strategy said": a relative clause, then the verb.
  const relative = /^\s+(?:who|that)\s+[^,;:.!?“”"()]{1,90}$/u;
  const clauseEnd = text.slice(m.end, Math.min(text.length, m.end + 100)).search(/[,;:.!?“”"()]/u);
  const clause = text.slice(m.end, clauseEnd < 0 ? Math.min(text.length, m.end + 100) : m.end + clauseEnd);
  if (relative.test(clause)) {
    const clauseWords: string[] = clause.match(/\p{L}+/gu) ?? [];
    const verb = [...clauseWords].reverse().find((w) => SPEECH_VERBS.has(w.toLowerCase()));
    if (verb && clauseWords.slice(clauseWords.lastIndexOf(verb) + 1).every((w) => VERB_MODIFIERS.has(w.toLowerCase()) || /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|on|today|yesterday)$/.test(w))) return true;
  }
  const before = words(text, Math.max(0, m.start - 20), m.start);
  const prev = before[before.length - 1];
  return prev !== undefined && SPEECH_VERBS.has(prev.text.toLowerCase());
}
