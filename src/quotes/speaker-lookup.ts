/**
 * Reading a speaker's name out of typed words, with indexes instead of a pass over every speaker: the same
 * answers as `createRegistry` (registry.ts) gives for `resolve`, `matchLeading` and `suggest`, which compare the
 * typed name with every name and alias (an edit distance for each) on every query. At a million passages there
 * are tens of thousands of speakers, and "no quotation found" answers suggest close names each time.
 *
 * Here the names' words are indexed once: a typo-tolerant lookup compares the typed first word with the
 * distinct first words of names (of a close length) only, and suggestions compare typed words with each distinct
 * name word once, then score the speakers holding the words that came close. test/quotes/speaker-lookup.test.ts
 * checks the answers against `createRegistry` on the sample and BBC speakers.
 */
import { bitCount } from "../index/postings.js";
import { pacer, runToEnd, sortInSteps, type Steps } from "../statements/steps.js";
import { HONORIFICS, TITLE_WORDS } from "./lexicon.js";
import { editDistance } from "../text/edit-distance.js";
import { fullNameKey, nameKey, typoAllowance } from "./text.js";
import type { Speaker, SpeakerMatch, SpeakerRegistry } from "./types.js";

export interface BuiltRegistry extends SpeakerRegistry {
  /** The canonical speaker for a name an article used (its local fullest form). */
  canonical(doc: string, localName: string): Speaker | null;
  /** Indexes in steps what `suggest` reads (else indexed on its first call), for a running bot to do it in slices. */
  suggestionSteps?(): Steps<void>;
}

const MAX_NAME_WORDS = 6;
/** Longest typo allowance (typoAllowance, one more for a much-quoted speaker): how far apart in length two name words may be and still match. */
const MAX_TYPOS = 3;
/** A speaker quoted this often may be misspelt by one more edit than others ("Blare" for Blair). */
export const POPULAR_QUOTES = 10;

/**
 * How far a typed name is from a speaker's, the lower the closer: the edits, less the weight of how much the corpus
 * quotes them, so that a much-quoted name two edits away beats a rarely quoted one a single edit away.
 */
export function nearNameCost(edits: number, quotes: number): number {
  return edits - Math.log10(1 + quotes);
}
/** Shortest word that may carry a typo (typoAllowance > 0). */
const MIN_TYPO_LENGTH = 5;

/** A registry over a fixed speaker list, answering as `createRegistry` does. */
export function createIndexedRegistry(
  speakers: readonly Speaker[],
  canonical: (doc: string, localName: string) => Speaker | null = () => null,
): BuiltRegistry {
  return runToEnd(indexedRegistrySteps(speakers, canonical));
}

/** `createIndexedRegistry` as steps (statements/steps.ts) that pause every few hundred names. */
export function* indexedRegistrySteps(
  speakers: readonly Speaker[],
  canonical: (doc: string, localName: string) => Speaker | null = () => null,
): Steps<BuiltRegistry> {
  const names = new NameIndex(speakers);
  yield* names.fill();
  return {
    speakers,
    canonical,
    resolve: (name) => names.resolve(name),
    matchLeading: (words) => names.matchLeading(words),
    suggest: (text, limit) => names.suggest(text, limit),
    suggestionSteps: () => names.suggestionSteps(),
  };
}

/** The names of one length (in words), for typo-tolerant lookups. */
interface NamesOfLength {
  /** Each name with its best (most quoted) speaker, in the order the names were first given. */
  entries: Array<{ words: string[]; speaker: Speaker }>;
  /** First word -> the entries starting with it, in order. */
  byFirstWord: Map<string, number[]>;
  /** The distinct first words, by length, each with its letters (`letterMask`) at the same place. */
  firstWordsByLength: Map<number, { words: string[]; masks: number[] }>;
}

/** For suggestions: keys and their words, sorted (a prefix is a range), with the speakers holding them. */
interface Suggestions {
  keyHolders: Map<string, number[]>;
  wordHolders: Map<string, number[]>;
  sortedKeys: string[];
  sortedWords: string[];
  /** The distinct name words by length, each with its letters (`letterMask`) at the same place. */
  wordsByLength: Map<number, { words: string[]; masks: number[] }>;
}

class NameIndex {
  /** Folded key of every name and alias -> speakers, best (most quoted) first. */
  private readonly byKey = new Map<string, Speaker[]>();
  private readonly byLength = new Map<number, NamesOfLength>();
  /** By speaker: the folded keys of its name and aliases. */
  private readonly keysBySpeaker: Array<Set<string>> = [];
  /** What `suggest` reads, made on first use (`suggestionSteps`). */
  private suggestions: Suggestions = { keyHolders: new Map(), wordHolders: new Map(), sortedKeys: [], sortedWords: [], wordsByLength: new Map() };
  private suggestionsIndexed = false;

  constructor(private readonly speakers: readonly Speaker[]) {}

  /**
   * Indexes the names for `resolve` and `matchLeading` (once, before any lookup), pausing every few hundred. What
   * `suggest` reads is indexed on its first call (or by `suggestionSteps`): a start from a snapshot need not wait
   * for it (a third of the registry's opening at 300,000 passages).
   */
  *fill(): Steps<void> {
    const pace = pacer(PACE);
    for (const s of this.speakers) {
      if (pace.tick()) yield;
      const keys = new Set([s.name, ...s.aliases].map(fullNameKey));
      this.keysBySpeaker.push(keys);
      for (const key of keys) {
        const list = this.byKey.get(key) ?? [];
        list.push(s);
        this.byKey.set(key, list);
      }
    }
    for (const list of this.byKey.values()) {
      if (pace.tick()) yield;
      list.sort((a, b) => b.quotes - a.quotes);
    }
    for (const [key, list] of this.byKey) {
      if (pace.tick()) yield;
      const words = key.split(" ");
      let names = this.byLength.get(words.length);
      if (!names) {
        names = { entries: [], byFirstWord: new Map(), firstWordsByLength: new Map() };
        this.byLength.set(words.length, names);
      }
      const first = words[0]!;
      const entries = names.byFirstWord.get(first);
      if (entries) entries.push(names.entries.length);
      else {
        names.byFirstWord.set(first, [names.entries.length]);
        let sameLength = names.firstWordsByLength.get(first.length);
        if (!sameLength) names.firstWordsByLength.set(first.length, (sameLength = { words: [], masks: [] }));
        sameLength.words.push(first);
        sameLength.masks.push(letterMask(first));
      }
      names.entries.push({ words, speaker: list[0]! });
    }
  }

  /** Indexes what `suggest` reads (once; nothing when done already), pausing every few hundred names. */
  *suggestionSteps(): Steps<void> {
    if (this.suggestionsIndexed) return;
    const pace = pacer(PACE);
    const keyHolders = new Map<string, number[]>();
    const wordHolders = new Map<string, number[]>();
    for (const [index, keys] of this.keysBySpeaker.entries()) {
      if (pace.tick()) yield;
      for (const key of keys) {
        holdBy(keyHolders, key, index);
        for (const word of key.split(" ")) holdBy(wordHolders, word, index);
      }
    }
    const sortedKeys = yield* sortInSteps([...keyHolders.keys()], byCodeUnits);
    const sortedWords = yield* sortInSteps([...wordHolders.keys()], byCodeUnits);
    const wordsByLength = new Map<number, { words: string[]; masks: number[] }>();
    for (const word of sortedWords) {
      let sameLength = wordsByLength.get(word.length);
      if (!sameLength) wordsByLength.set(word.length, (sameLength = { words: [], masks: [] }));
      sameLength.words.push(word);
      sameLength.masks.push(letterMask(word));
    }
    // Two indexings under way (a background one and a first `suggest`): the first to finish is kept.
    if (this.suggestionsIndexed) return;
    this.suggestions = { keyHolders, wordHolders, sortedKeys, sortedWords, wordsByLength };
    this.suggestionsIndexed = true;
  }

  resolve(name: string): Speaker | null {
    const tokens = name.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) return null;
    const direct = this.exact(tokens);
    if (direct) return direct;
    const skip = titleLength(tokens);
    const rest = tokens.slice(skip);
    return (skip > 0 ? this.exact(rest) : null) ?? this.fuzzy(tokens) ?? (skip > 0 ? this.fuzzy(rest) : null);
  }

  matchLeading(input: readonly string[]): SpeakerMatch | null {
    const tokens = input.filter(Boolean);
    const skip = titleLength(tokens);
    for (const offset of skip > 0 ? [0, skip] : [0]) {
      const max = Math.min(MAX_NAME_WORDS, tokens.length - offset);
      for (let n = max; n >= 1; n--) {
        const part = tokens.slice(offset, offset + n);
        const found = this.exact(part) ?? this.fuzzy(part);
        if (found) return { speaker: found, consumed: offset + n };
      }
    }
    return null;
  }

  /**
   * Close speakers, best first: a name or a word of it starting with the text (3), a typed word a few edits
   * from a word of the name (2 minus the edits' share), a word sharing its first four letters (1); then the most
   * quoted, then by name.
   */
  suggest(text: string, limit: number): Speaker[] {
    const query = fullNameKey(text.trim());
    if (!query) return this.speakers.slice(0, limit);
    runToEnd(this.suggestionSteps());
    const { keyHolders, wordHolders, sortedKeys, sortedWords, wordsByLength } = this.suggestions;
    const scores = new Map<number, number>();
    const raise = (holders: readonly number[] | undefined, score: number) => {
      for (const index of holders ?? []) if (score > (scores.get(index) ?? 0)) scores.set(index, score);
    };
    // Autocomplete: the name, or one of its words, starts with what was typed.
    for (const key of withPrefix(sortedKeys, query)) raise(keyHolders.get(key), 3);
    for (const word of withPrefix(sortedWords, query)) raise(wordHolders.get(word), 3);
    // Near spellings (scores below 3) cannot make the list when enough names start with the text.
    const nearSpellings = scores.size >= limit ? [] : query.split(" ").filter((t) => t.length >= 3);
    // Each typed word against each distinct word of the names.
    for (const typed of nearSpellings) {
      const cap = Math.max(1, Math.min(3, Math.floor(typed.length / 3)));
      if (typed.length >= 4) {
        for (const word of withPrefix(sortedWords, typed.slice(0, 4))) raise(wordHolders.get(word), 1);
      }
      // Farther apart in length, or in letters (`lettersApart`), the distance is past the cap.
      const typedMask = letterMask(typed);
      for (let length = Math.max(0, typed.length - cap); length <= typed.length + cap; length++) {
        const sameLength = wordsByLength.get(length);
        if (!sameLength) continue;
        const { words, masks } = sameLength;
        for (let i = 0; i < words.length; i++) {
          if (lettersApart(typedMask, masks[i]!) > cap) continue;
          const d = editDistance(typed, words[i]!, cap);
          if (d <= cap) raise(wordHolders.get(words[i]!), 2 - d / (cap + 1));
        }
      }
    }
    // In speaker order before sorting, so that full ties keep it (the sort is stable).
    const scored = [...scores].sort((a, b) => a[0] - b[0]).map(([index, score]) => ({ speaker: this.speakers[index]!, score }));
    scored.sort((a, b) => b.score - a.score || b.speaker.quotes - a.speaker.quotes || a.speaker.name.localeCompare(b.speaker.name));
    return scored.slice(0, limit).map((x) => x.speaker);
  }

  private exact(tokens: readonly string[]): Speaker | null {
    return this.byKey.get(tokens.map(nameKey).join(" "))?.[0] ?? null;
  }

  /**
   * The name of as many words closest to the typed words, each word within its typo allowance: fewest edits,
   * then the most quoted, then the name given first.
   */
  private fuzzy(tokens: readonly string[]): Speaker | null {
    const keys = tokens.map(nameKey);
    const names = this.byLength.get(keys.length);
    if (!names) return null;
    const first = keys[0]!;
    // Only names whose first word is close to the typed one can match. Tens of thousands of first words are
    // compared on every query at a million passages: the letters tell most of them apart before an edit distance.
    const firstWords = [first];
    // One edit more than the typo allowance, for much-quoted speakers (checked below).
    const allowance = typoAllowance(first.length) + (typoAllowance(first.length) > 0 ? 1 : 0);
    if (allowance > 0) {
      const firstMask = letterMask(first);
      for (let length = Math.max(MIN_TYPO_LENGTH, first.length - MAX_TYPOS); length <= first.length + MAX_TYPOS; length++) {
        const sameLength = names.firstWordsByLength.get(length);
        if (!sameLength) continue;
        const limit = Math.min(allowance, typoAllowance(length) + 1);
        const { words, masks } = sameLength;
        for (let i = 0; i < words.length; i++) {
          if (lettersApart(firstMask, masks[i]!) <= limit && words[i] !== first) firstWords.push(words[i]!);
        }
      }
    }
    const candidates: number[] = [];
    for (const word of firstWords) {
      if (typoDistance(first, word, 1) === null) continue;
      for (const entry of names.byFirstWord.get(word) ?? []) candidates.push(entry);
    }
    candidates.sort((a, b) => a - b);

    let best: { speaker: Speaker; cost: number } | null = null;
    for (const entry of candidates) {
      const { words, speaker } = names.entries[entry]!;
      const extra = speaker.quotes >= POPULAR_QUOTES ? 1 : 0;
      let distance = 0;
      for (let i = 0; i < keys.length; i++) {
        const d = typoDistance(keys[i]!, words[i]!, extra);
        if (d === null) {
          distance = -1;
          break;
        }
        distance += d;
      }
      if (distance < 0) continue;
      const cost = nearNameCost(distance, speaker.quotes);
      if (!best || cost < best.cost || (cost === best.cost && speaker.quotes > best.speaker.quotes)) best = { speaker, cost };
    }
    return best?.speaker ?? null;
  }
}

/**
 * The edits between a typed word and a name word when within their typo allowance, else null. A typed title
 * word ("minister") is a word spelled right, not a misspelt name ("Ministry"): it matches only a title word
 * (another spelling of it: "defence", "defense"). `extra`: edits allowed beyond the allowance of words that have one.
 */
export function typoDistance(a: string, b: string, extra = 0): number | null {
  if (a === b) return 0;
  if (isTitleWord(a) && !isTitleWord(b)) return null;
  const base = Math.min(typoAllowance(a.length), typoAllowance(b.length));
  const allowance = base > 0 ? base + extra : 0;
  if (allowance <= 0) return null;
  const d = editDistance(a, b, allowance);
  return d > allowance ? null : d;
}

function isTitleWord(key: string): boolean {
  return TITLE_WORDS.has(key) || key in HONORIFICS;
}

/**
 * The word's letters as a set of bits (a letter's code modulo 32: a-z are apart). An edit adds at most one
 * letter to a word's set and takes at most one away, so two words k edits apart differ by at most k letters
 * each way: a lower bound of their edit distance (`lettersApart`) that costs two bit operations.
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

/** The larger count of letters one word has and the other has not (see `letterMask`). */
function lettersApart(a: number, b: number): number {
  return Math.max(bitCount(a & ~b), bitCount(b & ~a));
}

/** Leading title words ("Foreign Minister", "Mr") that may precede a name. */
function titleLength(tokens: readonly string[]): number {
  let i = 0;
  while (i < tokens.length - 1 && (isTitleWord(tokens[i]!.toLowerCase()) || /^(?:russian|us|u\.s\.|american|british|french|german|chinese|ukrainian|un)$/i.test(tokens[i]!))) i++;
  return i;
}

/** The strings of a sorted list that start with `prefix`: a range of it. */
function* withPrefix(sorted: readonly string[], prefix: string): Generator<string> {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) yield sorted[i]!;
}

/** Names or speakers indexed between two pauses. */
const PACE = 500;

/** The order of `Array.prototype.sort()` without a comparator, for distinct strings. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records that speaker `index` holds `key` (once, in speaker order). */
function holdBy(holders: Map<string, number[]>, key: string, index: number): void {
  const list = holders.get(key);
  if (!list) holders.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}
