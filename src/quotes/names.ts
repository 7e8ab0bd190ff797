/**
 * Reading names out of capitalised runs of words: "Russian Foreign Minister Sergei Lavrov" is the person
 * "Sergei Lavrov" described as a foreign minister; "the Russian Ministry of Defense" and "Russia’s Defense
 * Ministry" are one body, "Russian Defense Ministry".
 */
import { genderOfFirstName } from "./first-names.js";
import { DEMONYMS, HONORIFICS, NOT_NAMES, ORG_WORDS, SPEECH_VERBS, TITLE_WORDS } from "./lexicon.js";
import { isCapitalized, stripPossessive, words, type Word } from "../text/words.js";
import { TITLE_ABBREVIATIONS } from "../text/abbreviations.js";

export interface NameRun {
  start: number;
  end: number;
  /** The run's words as written, possessive kept on the last. */
  tokens: Word[];
  /** The last word carries a possessive ("Spoljaric’s"). */
  possessive: boolean;
}

export type ParsedName =
  | {
      kind: "person";
      /** Name words only ("Sergei Lavrov"), and where they stand. */
      name: string;
      start: number;
      end: number;
      /** Lower-cased title words before the name ("russian", "foreign", "minister"). */
      description: string[];
      /** Gender implied by an honorific ("Mr") or the first name, else null. */
      gender: "male" | "female" | null;
      /** How sure the run names a person: titled or a known first name is sure; a bare word is not. */
      sure: boolean;
    }
  | { kind: "organisation"; name: string; start: number; end: number };

const CONNECTORS = new Set(["of", "for", "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el", "del", "dos"]);
/** Connectors that may join words of a body's name but never a person's ("Ministry of Defense"). */
const ORG_CONNECTORS = new Set(["of", "for", "the", "and", "on"]);

/** Title words that do not make the next word a person's name by themselves. */
const WEAK_TITLE_WORDS = new Set(
  "former ex acting interim the of for senior junior first then vice deputy state home foreign shadow trade industry culture health education finance treasury transport energy environment justice labour labor works pensions business economy development international affairs relations security us u.s. un eu uk nato who democratic republican democrat gop presidential star".split(" "),
);

/** Places that, named as a speaker, stand for their government ("Moscow said"). */
const PLACES = new Set(
  `moscow kyiv kiev washington london paris berlin beijing tokyo brussels tehran damascus ankara warsaw minsk
  jerusalem cairo baghdad kabul delhi new york russia ukraine china france germany britain america india iran
  israel japan italy spain turkey poland syria iraq egypt canada mexico brazil australia belarus europe
  england scotland wales ireland donbas donbass crimea bucha izyum kharkiv kharkov luhansk donetsk lugansk
  texas california florida ohio iowa virginia carolina pennsylvania michigan wisconsin nevada arizona colorado
  chicago boston philadelphia manchester liverpool united states kingdom emirates saudi arabia korea north south
  east west republic union european africa asia america latin middle gulf hampshire jersey dakota island kansas
  missouri indiana illinois georgia alabama tennessee kentucky louisiana mississippi arkansas oklahoma nebraska
  minnesota oregon utah idaho montana wyoming maine vermont massachusetts connecticut maryland delaware hawaii
  alaska los angeles san francisco diego miami atlanta dallas houston denver seattle detroit cleveland orlando
  vegas las phoenix charleston columbus pittsburgh baltimore brooklyn manhattan queens harlem bronx anaheim
  sacramento nashville memphis louisville richmond milwaukee des moines tampa austin portland omaha cincinnati
  n.c. s.c. n.h. n.j. n.m. n.y. n.d. s.d. r.i. d.c. w.va calif colo conn fla okla tenn ariz mich minn wis wyo nev
  neb mont kan ala ark md va vt ky pa ga mass ore wash tex ind ill miss mo`
    .split(/\s+/)
    .filter(Boolean),
);

export function isPlace(token: string): boolean {
  return PLACES.has(token.toLowerCase());
}

/**
 * Capitalised runs in [from, to), skipping `masked` ranges (quotation contents). Lower-case connectors join
 * capitalised words ("Ministry of Defense", "Ludwig van Beethoven"); punctuation ends a run.
 */
export function capitalisedRuns(
  text: string,
  from: number,
  to: number,
  masked: ReadonlyArray<{ start: number; end: number }>,
): NameRun[] {
  const all = words(text, from, to);
  const ws = masked.length === 0 ? all : all.filter((w) => !masked.some((m) => w.start >= m.start && w.end <= m.end));
  const runs: NameRun[] = [];
  let current: Word[] = [];
  const flush = () => {
    while (current.length > 0 && !isCapitalized(current[current.length - 1]!.text)) current.pop();
    while (current.length > 0 && (NOT_NAMES.has(current[0]!.text.toLowerCase()) || SPEECH_VERBS.has(current[0]!.text.toLowerCase()))) {
      // "Ms King": the honorific stays with the name it comes with (it tells the gender).
      if (current.length >= 2 && GENDERED_HONORIFICS.has(current[0]!.text.toLowerCase())) break;
      // "Jan Brewer", "May Chen": a month that is also a first name, right before a surname, stays.
      if (current.length >= 2 && MONTH_FIRST_NAMES.has(current[0]!.text) && text[current[0]!.end] === " ") break;
      current.shift();
    }
    if (current.length > 0) {
      const last = current[current.length - 1]!;
      runs.push({
        start: current[0]!.start,
        end: last.end,
        tokens: current,
        possessive: stripPossessive(last.text).possessive,
      });
    }
    current = [];
  };
  for (const w of ws) {
    const cap = isCapitalized(w.text) || (w.text.includes("-") && /^(?:al|el|bin|ibn|de|van|von)-\p{Lu}/u.test(w.text));
    const opens = cap && w.text !== "I";
    // Running text: no run open and this word opens none (what follows would only flush an empty run).
    if (current.length === 0 && !opens) continue;
    const prev = current[current.length - 1];
    const gap = prev ? text.slice(prev.end, w.start) : "";
    // "Russia’s Investigative Committee" is one name; "Spoljaric’s attention" ends at the possessive.
    const prevPossessive = prev !== undefined && stripPossessive(prev.text);
    const countryPossessive = prevPossessive && prevPossessive.possessive && current.length === 1 && DEMONYMS[prevPossessive.base.toLowerCase()] !== undefined;
    // "Sen. Bernie Sanders", "Dr. Harold Varmus": an abbreviated title joins across its full stop.
    // Not across a sentence end: "… entering the U.S. While Clinton …".
    const abbreviatedTitle =
      prev !== undefined && gap === ". " && !NOT_NAMES.has(w.text.toLowerCase()) &&
      (TITLE_ABBREVIATIONS.has(prev.text.toLowerCase()) || /^\p{Lu}$/u.test(prev.text)); // "Kevin D. Williamson"
    const sentenceEnd = prev !== undefined && prev.text.endsWith(".") && NOT_NAMES.has(w.text.toLowerCase()); // "the U.S. While …"
    // "Nigel\nLawson": a wire's line wrapped inside a name (a paragraph's indented or blank line is no wrap).
    const joined =
      prev !== undefined && !sentenceEnd && (gap === " " || abbreviatedTitle || LINE_WRAP.test(gap)) && (!prevPossessive || !prevPossessive.possessive || countryPossessive);
    if (opens) {
      if (!joined) flush();
      // Keep an initial's full stop in the name: "Sander M. Levin".
      if (joined && abbreviatedTitle && prev && /^\p{Lu}$/u.test(prev.text)) {
        current[current.length - 1] = { ...prev, text: prev.text + ".", end: prev.end + 1 };
      }
      current.push(w);
    } else if (joined && (CONNECTORS.has(w.text) || ORG_CONNECTORS.has(w.text))) {
      current.push(w);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/** One line break between two words of a run, with at most a blank on either side. */
const LINE_WRAP = /^[ \t]?\r?\n[ \t]?$/;
/** Capitalised only in title-case headlines, never inside a name ("Von", "De", "Of" in names are read elsewhere). */
const HEADLINE_WORDS = new Set(["To", "Is", "Are", "Was", "Were", "Be", "Has", "Have", "Had", "Can", "Could", "Would", "Should", "Does", "Did", "Not", "With", "From", "Into", "Over", "About", "Against", "After", "Than", "Says", "Asks", "Asked", "Wants", "Calls", "Gets", "Makes", "Takes"]);
const MONTH_FIRST_NAMES = new Set(["Jan", "May", "June", "April", "August"]);
const GENDERED_HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "mr.", "mrs.", "ms."]);
/** Singular nationality words: "French finance minister Herve Gaymard", "the American said" name no one by themselves. */
const DEMONYM_WORDS = new Set([...Object.values(DEMONYMS).map((d) => (d ?? "").toLowerCase()), "briton", "scot", "welsh", "english", "irish", "dutch", "swiss", "swede", "dane", "finn", "belgian", "austrian", "greek", "portuguese", "norwegian", "argentine", "nigerian", "kenyan", "pakistani", "afghan", "saudi", "iraqi", "israeli", "palestinian", "european", "african", "asian", "us", "uk"]);

/** Makes a body's name canonical: no leading article, "Russia’s X" -> "Russian X", "Ministry of Defense" -> "Defense Ministry". */
export function canonicalOrgName(tokens: readonly string[]): string {
  const parts = [...tokens];
  while (parts.length > 0 && /^the$/i.test(parts[0]!)) parts.shift();
  const first = parts[0];
  if (first) {
    const { base, possessive } = stripPossessive(first);
    const demonym = DEMONYMS[base.toLowerCase()];
    if (possessive && demonym) parts[0] = demonym;
  }
  let name = parts.join(" ");
  name = name.replace(/\bMinistry of (Defen[cs]e|Foreign Affairs|Interior|Justice|Health|Finance|Economy|Energy|Education)\b/, (_, w: string) =>
    `${w === "Foreign Affairs" ? "Foreign" : w} Ministry`,
  );
  return name.replace(/[’']s$/, "");
}

/** What a capitalised run names, or null when it names nothing that could speak. */
export function parseRun(run: NameRun): ParsedName | null {
  // The reading depends only on the words (and the possessive flag); positions come from the run's own tokens.
  // Names recur across a corpus, so readings are remembered by the words (most runs are one word: its text is
  // the key as it is).
  const raw = run.tokens.map((t) => t.text);
  const key = raw.length === 1 ? raw[0]! : raw.join(KEY_SEPARATOR);
  const cache = run.possessive ? possessiveShapes : runShapes;
  let shape = cache.get(key);
  if (shape === undefined) {
    shape = runShape(raw, run.possessive);
    // A word holding the separator would make keys ambiguous: not remembered (no real word does).
    if (!raw.some((t) => t.includes(KEY_SEPARATOR))) {
      if (cache.size >= RUN_SHAPE_CACHE_LIMIT) cache.clear();
      cache.set(key, shape);
    }
  }
  if (shape === null) return null;
  const start = shape.start < 0 ? run.start : run.tokens[shape.start]!.start;
  const end = shape.end < 0 ? run.end : run.tokens[shape.end]!.end - shape.trim;
  if (shape.kind === "organisation") return { kind: "organisation", name: shape.name, start, end };
  return { kind: "person", name: shape.name, start, end, description: [...shape.description], gender: shape.gender, sure: shape.sure };
}

/**
 * A reading of a run with its positions as token indexes: `start` is the start of token `start` (-1: the run's
 * start); `end` is the end of token `end` less `trim` characters (-1: the run's end).
 */
interface Shape {
  kind: "person" | "organisation";
  name: string;
  start: number;
  end: number;
  trim: number;
  /** For a person (empty, null and true for a body). */
  description: string[];
  gender: "male" | "female" | null;
  sure: boolean;
}
type RunShape = Shape | null;

/** Every shape made here, so that all have one layout (reading them stays fast). */
function shapeOf(kind: Shape["kind"], name: string, at: Pick<Shape, "start" | "end" | "trim">, person?: Pick<Shape, "description" | "gender" | "sure">): Shape {
  return {
    kind,
    name,
    start: at.start,
    end: at.end,
    trim: at.trim,
    description: person?.description ?? [],
    gender: person?.gender ?? null,
    sure: person?.sure ?? true,
  };
}

/** Readings by the run's words joined by KEY_SEPARATOR: runs with a possessive last word apart. */
const runShapes = new Map<string, RunShape>();
const possessiveShapes = new Map<string, RunShape>();
const KEY_SEPARATOR = "\u0000";
const RUN_SHAPE_CACHE_LIMIT = 100_000;

/** A shorter run of the same words (the first `count`), read on its own: positions stay those of the tokens. */
function prefixShape(raw: readonly string[], count: number): RunShape {
  const shape = runShape(raw.slice(0, count), false);
  // The shorter run ends where its last token does.
  return shape && shape.end < 0 ? shapeOf(shape.kind, shape.name, { start: shape.start, end: count - 1, trim: 0 }, shape) : shape;
}

/** The reading of a run whose tokens read `raw` (see parseRun). */
function runShape(raw: readonly string[], possessive: boolean): RunShape {
  const count = raw.length;
  const texts = raw.map((t, i) => (i === count - 1 ? stripPossessive(t).base : t));
  const lowers = texts.map((t) => t.toLowerCase());
  const last = lowers[lowers.length - 1]!;
  const allCapsAcronym = count === 1 && /^\p{Lu}{2,}$/u.test(texts[0]!);
  // A shouted headline ("ROLL TIDE Alabama beat …") is not a name.
  if (texts.filter((t) => /^\p{Lu}{3,}$/u.test(t)).length >= 2) return null;
  // Title-case headline text ("Zoe Saldana Asked Men Everywhere To", "Trump Is Wrong On Trade"): a capitalised
  // verb or preposition inside the run, which a name never holds.
  // A body may hold one ("Coalition Against Trump", "Mothers Against Drunk Driving").
  if (count >= 3 && texts.some((t, k) => k > 0 && HEADLINE_WORDS.has(t)) && !lowers.some((l) => ORG_WORDS.has(l))) return null;
  // "Americans", "Russians": a people, not a speaker; "French" alone is an adjective.
  if (count <= 2 && isDemonymPlural(last)) return null;
  if (count === 1 && DEMONYM_WORDS.has(last) && !possessive) return null;
  // "EADS Philippe Camus", "Scrum-half Peter Stringer": words before a known first name (followed by a surname)
  // describe the person; the name starts at the first name.
  const anchor = firstNameAnchor(texts);
  if (anchor > 0) {
    const shape = runShape(raw.slice(anchor), possessive);
    if (!shape) return null;
    const at = { start: shape.start < 0 ? anchor : shape.start + anchor, end: shape.end < 0 ? -1 : shape.end + anchor, trim: shape.trim };
    return shapeOf(shape.kind, shape.name, at, shape);
  }

  // "Stephen Vladeck of the University of Texas", "Sen. Tammy Baldwin of Wisconsin": a person, then where from.
  const affiliated = personBeforeAffiliation(texts);
  if (affiliated > 0) return prefixShape(raw, affiliated);

  // "Bank of England", "University of Leeds": a body's word, then what it is of.
  const bodyOf = count > 2 && ORG_WORDS.has(lowers[0]!) && !TITLE_WORDS.has(lowers[0]!) && (lowers[1] === "of" || lowers[1] === "for");
  if (ORG_WORDS.has(last) || allCapsAcronym || bodyOf || (count > 1 && lowers.some((l, i) => i > 0 && ORG_WORDS.has(l) && !TITLE_WORDS.has(l)) && !isPersonTail(texts))) {
    // "Chief Prosecutor of the International Criminal Court": the body after the titles that lead to it.
    let from = 0;
    for (let k = 0; k < lowers.length; k++) {
      if ((lowers[k] === "of" || lowers[k] === "for") && lowers.slice(0, k).every((l) => TITLE_WORDS.has(l))) from = k + 1;
    }
    return shapeOf("organisation", canonicalOrgName(texts.slice(from)), { start: from < count ? from : -1, end: -1, trim: 0 });
  }

  // "Joel Pollak of Breitbart California": a person's name, then where they work.
  const of = lowers.findIndex((l, k) => k >= 2 && (l === "of" || l === "for" || l === "from"));
  if (of > 0) {
    const left = texts.slice(0, of);
    const lastLeft = left[left.length - 1]!.toLowerCase();
    const firstName = left.find((t) => !TITLE_WORDS.has(t.toLowerCase()));
    if (firstName !== undefined && genderOfFirstName(firstName) !== null && !TITLE_WORDS.has(lastLeft) && !ORG_WORDS.has(lastLeft)) {
      return prefixShape(raw, of);
    }
  }
  // Name words: trailing words that are not titles or connectors.
  let i = texts.length;
  while (i > 0) {
    const l = lowers[i - 1]!;
    // "John Major": a title word right after a known first name is a surname.
    const afterFirstName = i >= 2 && genderOfFirstName(texts[i - 2]!) !== null;
    // "Ms King", "Oona King": a title word ending the run after an honorific or a name word is a surname.
    const surname = i === texts.length && i >= 2 && (GENDERED_HONORIFICS.has(lowers[i - 2]!) || !TITLE_WORDS.has(lowers[i - 2]!)) && !ORG_WORDS.has(l) && /^\p{Lu}\p{Ll}+$/u.test(texts[i - 1]!);
    if (TITLE_WORDS.has(l) && !afterFirstName && !surname) break;
    // "De Blasio", "Le Pen": a capitalised particle opening the run belongs to the name.
    if (CONNECTORS.has(l) && i - 1 === 0 && i < texts.length && /^\p{Lu}/u.test(texts[0]!) && l !== "of" && l !== "for") {
      i--;
      continue;
    }
    if (CONNECTORS.has(l) && l !== "of" && l !== "for" && i - 1 > 0 && !TITLE_WORDS.has(lowers[i - 2]!)) {
      i--; // "Ludwig van Beethoven"
      continue;
    }
    if (CONNECTORS.has(l) || ORG_CONNECTORS.has(l)) break;
    if (i < texts.length && stripPossessive(raw[i - 1]!).possessive) break; // "Russia’s Lavrov"
    i--;
  }
  // A name is at most four words; a longer tail describes someone before their name ("New York City Public
  // Advocate Trish James"): the name starts at a known first name near the end, else it is the last two words.
  let first = i;
  if (count - i > 4) {
    const named = texts.findIndex((t, k) => k >= count - 3 && k <= count - 2 && genderOfFirstName(t) !== null);
    first = named >= 0 ? named : count - 2;
    // "AB L M Ericsson": an initial opens no name.
    while (named < 0 && first < count - 1 && /^\p{Lu}\.?$/u.test(texts[first]!)) first++;
  }
  // "Secretary of State for the Family": a word after "of"/"for"/"the" names a thing, not a person; unless a known
  // first name and a surname end the run ("Chancellor of the Exchequer Nigel Lawson"): the name starts there.
  if (i > 0 && (CONNECTORS.has(lowers[i - 1]!) || ORG_CONNECTORS.has(lowers[i - 1]!))) {
    const named = texts.findIndex((t, k) => k > i && k >= count - 3 && k <= count - 2 && genderOfFirstName(t) !== null);
    if (named < 0) return null;
    first = named;
  }
  const nameTexts = texts.slice(first);
  if (nameTexts.length === 0) return null;
  const description = lowers.slice(0, first);
  const honorific = [...description].reverse().find((d) => d in HONORIFICS);
  const firstGender = nameTexts.length >= 2 ? genderOfFirstName(nameTexts[0]!) : null;
  const gender = honorific !== undefined ? (HONORIFICS[honorific] ?? firstGender) : firstGender;
  const name = nameTexts.join(" ");
  const place = { start: first, end: count - 1, trim: possessive ? possessiveLength(raw[count - 1]!) : 0 };
  // "Former Arizona" (before a lower-case "governor …") is a place, not someone.
  const weaklyDescribed = description.every((w) => WEAK_TITLE_WORDS.has(w));
  if (description.length === 0 && nameTexts.length === 1 && isPlace(name)) {
    return shapeOf("organisation", placeAsBody(name), place);
  }
  if (weaklyDescribed && nameTexts.every((t) => isPlace(t))) {
    return shapeOf("organisation", placeAsBody(name), place);
  }
  // "Former Southampton" is no title: only an office or an honorific makes a capitalised word surely a person.
  const titled = description.some((w) => !WEAK_TITLE_WORDS.has(w));
  const sure = titled || firstGender !== null;
  return shapeOf("person", name, place, { description, gender, sure });
}

/**
 * Where "of/for/from" cuts a run into a person and their affiliation, or -1: the words before it end in a
 * name (no title, body or place word among the name words) that is surely a person's: two name words with a
 * known first name, or an office before the name ("Sen. Tammy Baldwin"), or three name words. "University of
 * Texas", "Secretary of State", "Gulf of Mexico", "Bill of Rights" are not cut.
 */
function personBeforeAffiliation(texts: readonly string[]): number {
  const lowers = texts.map((t) => t.toLowerCase());
  const k = lowers.findIndex((l, i) => i >= 1 && (l === "of" || l === "for" || l === "from" || l === "on"));
  if (k < 1 || k === texts.length - 1) return -1;
  const left = texts.slice(0, k);
  if (!left.every((t) => /^\p{Lu}/u.test(t))) return -1;
  let n = left.length;
  while (n > 0 && !TITLE_WORDS.has(lowers[n - 1]!.replace(/\.$/, ""))) n--;
  const nameWords = left.slice(n);
  const description = lowers.slice(0, n).map((l) => l.replace(/\.$/, ""));
  if (nameWords.length === 0 || nameWords.length > 4) return -1;
  if (nameWords.some((w) => ORG_WORDS.has(w.toLowerCase()) || isPlace(w) || NOT_NAMES.has(w.toLowerCase()))) return -1;
  const titled = description.some((w) => TITLE_WORDS.has(w) && !WEAK_TITLE_WORDS.has(w));
  const firstName = nameWords.length >= 2 && genderOfFirstName(nameWords[0]!) !== null;
  // Two unknown words, then a place or a body: "Jon Stuart of Wisconsin", "Kim Doe of the Pew Research Center".
  const right = lowers.slice(k + 1).filter((l) => !ORG_CONNECTORS.has(l));
  const affiliation = right.length > 0 && (right.every((l) => isPlace(l)) || right.some((l) => ORG_WORDS.has(l)));
  return titled || firstName || nameWords.length >= 3 || (nameWords.length === 2 && affiliation) ? k : -1;
}

/**
 * Where a known first name starts the name inside a longer run, or -1: the words before it are neither first
 * names, titles, connectors nor parts of a body's name ("EADS Philippe Camus" -> 1; "Lisa Marie Presley",
 * "Secretary of State John Kerry", "Bank of England Governor Mervyn King" are left to the other rules).
 */
function firstNameAnchor(texts: readonly string[]): number {
  for (let k = 1; k <= texts.length - 2; k++) {
    if (genderOfFirstName(texts[k]!) === null) continue;
    const before = texts.slice(0, k);
    const describes = before.every((t) => {
      const l = t.toLowerCase();
      return !TITLE_WORDS.has(l) && !CONNECTORS.has(l) && !ORG_CONNECTORS.has(l) && !ORG_WORDS.has(l) && genderOfFirstName(t) === null && !(l in HONORIFICS) && (/^\p{Lu}{2,}$/u.test(t) || /-/.test(t));
    });
    return describes ? k : -1;
  }
  return -1;
}

function possessiveLength(token: string): number {
  return token.length - stripPossessive(token).base.length;
}

function isPersonTail(texts: readonly string[]): boolean {
  return texts.length >= 2 && genderOfFirstName(texts[texts.length - 2]!) !== null;
}

function placeAsBody(name: string): string {
  return name;
}


const DEMONYM_PLURALS = new Set(
  `americans russians ukrainians europeans africans asians mexicans canadians australians indians italians germans
  britons brits iranians iraqis syrians afghans israelis palestinians chinese japanese koreans cubans
  venezuelans brazilians argentinians colombians pakistanis turks egyptians saudis texans californians
  floridians virginians ohioans iowans hispanics latinos asians christians muslims jews catholics evangelicals
  africans-americans`.split(/\s+/),
);

function isDemonymPlural(word: string): boolean {
  return DEMONYM_PLURALS.has(word);
}
