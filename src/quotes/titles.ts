/**
 * Who a job title or an honorific means in this corpus, read from the articles' own appositions: "Chancellor
 * Gordon Brown", "Gordon Brown, the chancellor,", "the Tory leader, Michael Howard," and "Sir Alex Ferguson".
 * Each apposition counts for the speaker it names (through the article's own names and the registry) on the
 * article's day, under the title's words and every shorter ending of them that keeps the head noun ("Labour
 * leader" and "leader"), so that `/quote the chancellor budget` reads the person the articles call so, and a title
 * several people held is offered as a choice (commands/quote.ts). "Former" titles are not counted.
 */
import type { Article } from "../corpus/types.js";
import type { NamedInArticle } from "./types.js";
import type { Speaker } from "./types.js";
import { pacer, runToEnd, type Steps } from "../statements/steps.js";

/** Paragraphs read between two pauses of `TitleIndex.buildSteps`. */
const PARAGRAPHS_PER_STEP = 64;

export interface TitleHolder {
  speaker: Speaker;
  /** Appositions naming them so. */
  count: number;
  /** First and last day (YYYY-MM-DD) of those appositions, where the articles are dated. */
  first: string | null;
  last: string | null;
}

export interface TitleReading {
  /** The typed words read as the title ("the chancellor"). */
  words: string;
  /** Holders in the dates asked, most often named so first. */
  holders: TitleHolder[];
  /** Those named so only within a longer title ("Chancellor of the Exchequer", "Italian Prime Minister"). */
  also: TitleHolder[];
  /** How many leading words were read. */
  consumed: number;
}

/** Multi-word heads before their last word, so that "prime minister" is one head. */
const HEADS = [
  "prime minister", "secretary of state", "secretary general", "attorney general", "chief executive",
  "chancellor", "premier", "president", "minister", "secretary", "leader", "chairman", "chairwoman", "spokesman",
  "spokeswoman", "governor", "mayor", "manager", "coach", "boss", "director", "ambassador", "commissioner", "senator",
  "envoy", "captain", "editor", "chief", "king", "queen", "pope",
];
/** The words a title ends with. */
const HEAD_WORDS = new Set(HEADS.map((h) => h.split(" ").at(-1)!));
/** Lower-case words that may stand before a head in a title ("shadow chancellor", "party leader"). */
const MODIFIERS =
  "shadow deputy party foreign home prime vice finance defence defense trade justice health education culture energy environment transport acting interim opposition general chief executive state treasury labour tory conservative national senior junior".split(
    " ",
  );
const HONORIFICS = ["Sir", "Dame", "Lord", "Lady", "Baroness", "Baron"];
const NOT_HELD = /\b(?:former|ex|late|future|would-be|outgoing|then)[\s-]*$/i;

/** "chancellor" -> "[Cc]hancellor": a word as it may be written at a sentence start or in a title. */
function capitalOrNot(word: string): string {
  return `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
}
const HEAD = `(?:${HEADS.map((h) => h.split(" ").map(capitalOrNot).join("[\\s-]+")).join("|")})`;
const MODIFIER = `(?:\\p{Lu}[\\p{L}.'’&-]*|${MODIFIERS.map(capitalOrNot).join("|")})`;
/** A head noun where it stands in a paragraph: the appositions are read around it (a regex over every position cost seconds). */
const HEAD_AT = new RegExp(`(?<![\\p{L}])${HEAD}(?![\\p{L}])`, "gu");
const MODIFIER_WORD = new RegExp(`^${MODIFIER}$`, "u");
/** Capitalised at a sentence's start, yet no part of a title: "But Chancellor Mira Holt", "The Tory leader". */
const NOT_MODIFIERS = new Set(
  "the a an but and or so yet when while as if then now yesterday today tonight last on in at by for with after before meanwhile however also this that new our his her their its both said says".split(" "),
);
const NAME_PART = `\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}`;
/** After the head: "Chancellor [Sir] Gordon Brown". */
const NAME_AFTER = new RegExp(`^\\s+(?:(?:${HONORIFICS.join("|")}|Mr|Mrs|Ms|Miss|Dr)\\.?\\s+)?(${NAME_PART})`, "u");
/** After the head: "the Tory leader, Michael Howard," (the title then starts with "the"). */
const COMMA_NAME_AFTER = new RegExp(`^,\\s+(${NAME_PART})\\s*[,.;]`, "u");
/** Before "the" and the title: "Gordon Brown, the chancellor," (the head then ends the apposition). */
const NAME_COMMA_THE_BEFORE = new RegExp(`(${NAME_PART}),\\s+[Tt]he\\s+$`, "u");
const THE_BEFORE = /(?:^|[^\p{L}])[Tt]he\s+$/u;
/** After the head, what the office is of: "Chancellor [of the Exchequer] Nigel Lawson", "Minister [of Finance]". */
const OF_COMPLEMENT = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’&-]*/u;
/** "Sir Alex Ferguson" */
const HONORIFIC_NAME = new RegExp(`(?<![\\p{L}])(${HONORIFICS.join("|")})\\s+(${NAME_PART})`, "gu");
/** Modifiers that make another office: "shadow chancellor" is not "chancellor". Keys keep them. */
const OTHER_OFFICE = new Set(["shadow", "deputy", "vice", "junior", "assistant", "acting", "lord"]);

export interface Sighting {
  speaker: Speaker;
  day: string | null;
  /** Named with exactly these words ("Prime Minister Tony Blair"), not a longer title ending so ("Italian Prime Minister"). */
  exact: boolean;
}

/**
 * Whether leading words may be a title or an honorific at all (a head noun among the first words, or an honorific
 * first): only then is the index worth building or asking, so that other queries never wait for it.
 */
export function mayBeTitle(words: readonly string[]): boolean {
  const skip = words[0]?.toLowerCase() === "the" ? 1 : 0;
  const first = words[skip]?.toLowerCase();
  if (first !== undefined && HONORIFICS.some((h) => h.toLowerCase() === first) && words.length > skip + 1) return true;
  return words.slice(skip, skip + 5).some((w) => HEAD_WORDS.has(w.toLowerCase()));
}

/** How many leading words look like a job title: "the", then up to five words ending in a head noun; 0 for none. */
export function titleLength(words: readonly string[]): number {
  const skip = words[0]?.toLowerCase() === "the" ? 1 : 0;
  for (let n = Math.min(5, words.length - skip); n >= 1; n--) {
    if (HEAD_WORDS.has(words[skip + n - 1]!.toLowerCase())) return skip + n;
  }
  return skip;
}

/** Sightings by key: a Map while the articles are read, or a snapshot's (learnt-snapshot.ts) made on demand. */
export interface SightingsByKey {
  get(key: string): readonly Sighting[] | undefined;
  entries(): Iterable<[string, readonly Sighting[]]>;
}

export class TitleIndex {
  private readonly byKey = new Map<string, Sighting[]>();
  /** Where `read` looks: `byKey`, or the sightings a snapshot restored. */
  private readonly sightings: SightingsByKey = this.byKey;

  /** The titles learnt earlier, as saved (learnt-snapshot.ts). */
  static restored(sightings: SightingsByKey): TitleIndex {
    return new TitleIndex(sightings);
  }

  private constructor(restored?: SightingsByKey) {
    if (restored) this.sightings = restored;
  }

  /** Every key with its sightings, for a snapshot. */
  entries(): Iterable<[string, readonly Sighting[]]> {
    return this.sightings.entries();
  }

  /** The titles and honorifics of every article, each name read through the article's own names. */
  static build(entries: Iterable<{ article: Article; named: readonly NamedInArticle[] }>, canonical: (doc: string, localName: string) => Speaker | null): TitleIndex {
    return runToEnd(TitleIndex.buildSteps(entries, canonical));
  }

  /** `build` as steps (statements/steps.ts) that pause every few dozen paragraphs, for a running bot. */
  static *buildSteps(entries: Iterable<{ article: Article; named: readonly NamedInArticle[] }>, canonical: (doc: string, localName: string) => Speaker | null): Steps<TitleIndex> {
    const index = new TitleIndex();
    // One pace across articles: most articles have fewer paragraphs than a step.
    const pace = pacer(PARAGRAPHS_PER_STEP);
    for (const { article, named } of entries) yield* index.addArticle(article, named, canonical, pace);
    return index;
  }

  /**
   * The leading words read as a title or an honorific with a name ("the chancellor", "Tory leader", "Sir Alex"),
   * the longest that the articles use, with its holders in the dates asked; null when they read as none.
   */
  read(words: readonly string[], dates: { after?: string; before?: string } = {}): TitleReading | null {
    const skip = words[0]?.toLowerCase() === "the" ? 1 : 0;
    for (let n = Math.min(5, words.length - skip); n >= 1; n--) {
      const part = words.slice(skip, skip + n);
      const honorific = HONORIFICS.some((h) => h.toLowerCase() === part[0]!.toLowerCase());
      // A title ends with its head noun; an honorific needs a name after it.
      if (!(honorific ? n >= 2 : HEAD_WORDS.has(part[n - 1]!.toLowerCase()))) continue;
      const sightings = this.sightings.get(keyOf(part));
      if (!sightings) continue;
      // Those named with exactly these words first: "the prime minister" is not the Italian one.
      const exact = holdersOf(sightings.filter((x) => x.exact), dates);
      const all = holdersOf(sightings, dates);
      const holders = exact.length > 0 ? exact : all;
      if (holders.length > 0) return { words: words.slice(0, skip + n).join(" "), holders, also: all.filter((h) => !holders.some((x) => x.speaker === h.speaker)), consumed: skip + n };
    }
    return null;
  }

  private *addArticle(
    article: Article,
    named: readonly NamedInArticle[],
    canonical: (doc: string, localName: string) => Speaker | null,
    pace: { tick(): boolean },
  ): Steps<void> {
    const day = article.published?.slice(0, 10) ?? null;
    // The first person named so or with that form (an archive dump names thousands: no search of them all).
    const people = new Map<string, NamedInArticle>();
    for (const e of named) {
      if (e.kind !== "person") continue;
      for (const form of [e.name, ...e.forms]) if (!people.has(form)) people.set(form, e);
    }
    const speakerOf = (name: string): Speaker | null => {
      const entry = people.get(name);
      return entry ? canonical(article.id, entry.name) : null;
    };
    const count = (title: string, written: string, at: number, honorific: boolean, complement = "") => {
      if (NOT_HELD.test(article.text.slice(Math.max(0, at - 12), at))) return;
      // "Sir Alex Ferguson Tuesday": the name is the longest start of the capitalised words the article names.
      const words = written.split(/\s+/);
      let speaker: Speaker | null = null;
      for (let n = words.length; n >= 1 && !speaker; n--) speaker = speakerOf(words.slice(0, n).join(" "));
      // "Chancellor Nigel H. Lawson" where the article names him otherwise: through the surname, as the article uses it.
      if (!speaker && words.length > 1) speaker = speakerOf(words.at(-1)!.replace(/[’']s$/u, ""));
      if (!speaker) return;
      // "Chancellor of the Exchequer Nigel Lawson": exactly so under the whole title, and under "chancellor" as
      // a longer title ending so would be ("Italian Prime Minister" under "prime minister").
      if (complement) this.add(keyOf(`${title} ${complement}`.split(/[\s-]+/)), { speaker, day, exact: true });
      keysOf(title, written, honorific).forEach((key, i) => this.add(key, { speaker, day, exact: !complement && (honorific || i === 0) }));
    };
    if (pace.tick()) yield;
    for (const p of article.paragraphs) {
      if (pace.tick()) yield;
      if (p.role !== "body") continue;
      const text = article.text.slice(p.start, p.end);
      for (const head of text.matchAll(HEAD_AT)) {
        const before = text.slice(Math.max(0, head.index - 80), head.index);
        const after = text.slice(head.index + head[0].length, head.index + head[0].length + 80);
        const modifiers = modifiersBefore(before);
        const title = modifiers + head[0];
        const titleStart = p.start + head.index - modifiers.length;
        const rest = before.slice(0, before.length - modifiers.length);
        const of = OF_COMPLEMENT.exec(after);
        const namedAfterOf = of ? NAME_AFTER.exec(after.slice(of[0].length)) : null;
        const named = NAME_AFTER.exec(after);
        if (of && namedAfterOf) count(title, namedAfterOf[1]!, titleStart, false, of[0].trim());
        else if (named) count(title, named[1]!, titleStart, false);
        else if (THE_BEFORE.test(rest)) {
          const commaNamed = COMMA_NAME_AFTER.exec(after);
          const nameBefore = /^\s*[,.;]/.test(after) ? NAME_COMMA_THE_BEFORE.exec(rest) : null;
          if (commaNamed) count(title, commaNamed[1]!, titleStart, false);
          else if (nameBefore) count(title, nameBefore[1]!, titleStart, false);
        }
      }
      for (const match of text.matchAll(HONORIFIC_NAME)) count(match[1]!, match[2]!, p.start + match.index, true);
    }
  }

  private add(key: string, sighting: Sighting): void {
    const list = this.byKey.get(key);
    if (list) list.push(sighting);
    else this.byKey.set(key, [sighting]);
  }
}

/** The modifiers right before a head, with the blanks after them: "Tory ", "Manchester United ", "shadow ". */
function modifiersBefore(before: string): string {
  let start = before.length;
  for (let taken = 0; taken < 4; taken++) {
    let end = start;
    while (end > 0 && /\s/.test(before[end - 1]!)) end--;
    if (end === start) break;
    let wordStart = end;
    while (wordStart > 0 && !/\s/.test(before[wordStart - 1]!)) wordStart--;
    const word = before.slice(wordStart, end);
    if (!MODIFIER_WORD.test(word) || NOT_MODIFIERS.has(word.toLowerCase())) break;
    start = wordStart;
  }
  return before.slice(start);
}

/** A title's keys: its words and every shorter ending that keeps the head; an honorific's, with each name word. */
function keysOf(title: string, name: string, honorific: boolean): string[] {
  const words = title.split(/[\s-]+/).map((w) => w.toLowerCase());
  if (honorific) {
    const parts = name.split(/\s+/).map((w) => w.toLowerCase());
    return [...new Set([keyOf([words[0]!, ...parts]), ...parts.map((p) => keyOf([words[0]!, p])), keyOf([words[0]!, parts[0]!, parts.at(-1)!])])];
  }
  const head = HEADS.find((h) => keyOf(words).endsWith(h))!;
  const headLength = head.split(/\s+/).length;
  // Shorter endings drop a party, a country or a team ("Tory leader" -> "leader"), never "shadow" or "deputy".
  let last = words.length - headLength;
  const other = words.findLastIndex((w, i) => i < words.length - headLength + 1 && OTHER_OFFICE.has(w));
  if (other >= 0) last = Math.min(last, other);
  const keys: string[] = [];
  for (let i = 0; i <= last; i++) keys.push(keyOf(words.slice(i)));
  return keys;
}

function keyOf(words: readonly string[]): string {
  return words.map((w) => w.toLowerCase().replace(/[’']/g, "'")).join(" ");
}

function holdersOf(sightings: readonly Sighting[], dates: { after?: string; before?: string }): TitleHolder[] {
  const bySpeaker = new Map<Speaker, TitleHolder>();
  for (const { speaker, day } of sightings) {
    if ((dates.after || dates.before) && (!day || (dates.after && day < dates.after) || (dates.before && day > dates.before))) continue;
    let holder = bySpeaker.get(speaker);
    if (!holder) bySpeaker.set(speaker, (holder = { speaker, count: 0, first: null, last: null }));
    holder.count++;
    if (day && (!holder.first || day < holder.first)) holder.first = day;
    if (day && (!holder.last || day > holder.last)) holder.last = day;
  }
  return [...bySpeaker.values()].sort((a, b) => b.count - a.count || b.speaker.quotes - a.speaker.quotes || a.speaker.name.localeCompare(b.speaker.name));
}

/**
 * The holder a title surely means: the only one, or one named so at least twice and three times as often as
 * anyone else (foreign namesakes and one-off slips stay alternatives).
 */
export function dominantHolder(holders: readonly TitleHolder[]): TitleHolder | null {
  const [top, second] = holders;
  if (!top) return null;
  if (!second || (top.count >= 2 && top.count >= 3 * second.count)) return top;
  return null;
}
