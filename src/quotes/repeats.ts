/**
 * The same words quoted twice in one article (a sub-headline repeating the body, or one quotation inside a
 * longer one) are shown once: the surest attribution, the longer text on a tie, at the best score of the group,
 * in the place of the group's best-ranked member.
 *
 * A query's hits group as follows, in rank order: a hit joins the first group of its article holding a member
 * whose phrase key repeats its own (`repeatsKey`: the same words, or one holding the other when the shorter has
 * a few words at least: a one-word quotation such as "That," is inside most others and must chain none of them
 * into one group), else starts a group. Which quotations of an article
 * contain one another is known once per state of the book (`findRepeats`): a hit that repeats no quotation of its
 * article is a group of its own whatever else matched, so only the few hits that do are grouped at query time,
 * and only the page's groups are ranked (a common word's thousands of hits are neither sorted nor folded).
 *
 * Wire copies are folded first, across articles: a hit with the same words (phrase key) and the same speaker as a
 * better-ranked hit is left out of the answer and listed on that hit (`copies`), as /sources folds copies of one
 * article. Which quotations have copies is known once per state of the book (`findCopies`).
 */
import { TopK } from "../index/top-k.js";
import { pacer, runToEnd, type Steps } from "../statements/steps.js";
import { phraseKey } from "./phrase-key.js";
import type { Quotation } from "./types.js";

/** Quotations hashed, or phrase keys compared, between two pauses. */
const QUOTES_PER_STEP = 2048;
const COMPARED_PER_STEP = 50_000;

/** Words the shorter of two phrase keys needs for one to repeat the other by holding it (equal keys always do). */
export const MIN_REPEAT_WORDS = 3;

/** Whether two phrase keys of one article are one quotation shown twice: equal, or the longer holds the shorter of a few words. */
export function repeatsKey(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return longer.includes(shorter) && wordCount(shorter) >= MIN_REPEAT_WORDS;
}

function wordCount(key: string): number {
  if (key.length === 0) return 0;
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 0x20) n++;
  return n;
}

/** Which quotations repeat (contain, or are contained in) another quotation of their article. */
export interface Repeats {
  /** By position: 1 when the quotation repeats another of its article. */
  readonly flags: Uint8Array;
  /** The phrase keys of those quotations, by position. */
  readonly keys: ReadonlyMap<number, string>;
}

/** Compares every two quotations of each article (quotations in corpus order, an article's together). */
export function findRepeats(quotations: readonly Quotation[], articleOf: Int32Array): Repeats {
  return runToEnd(findRepeatsSteps(quotations, articleOf));
}

/**
 * `findRepeats` as steps (statements/steps.ts) pausing every few thousand comparisons: an archive dump of one
 * article holds thousands of quotations, compared two by two.
 */
export function* findRepeatsSteps(quotations: readonly Quotation[], articleOf: Int32Array): Steps<Repeats> {
  let compared = 0;
  const flags = new Uint8Array(quotations.length);
  const keys = new Map<number, string>();
  let start = 0;
  while (start < quotations.length) {
    let end = start + 1;
    while (end < quotations.length && articleOf[end] === articleOf[start]) end++;
    if (end - start > 1) {
      const articleKeys = quotations.slice(start, end).map((q) => phraseKey(q.text));
      compared += articleKeys.length;
      for (const [i, a] of articleKeys.entries()) {
        for (let j = i + 1; j < articleKeys.length; j++) {
          const b = articleKeys[j]!;
          if (!repeatsKey(a, b)) continue;
          for (const k of [i, j]) {
            flags[start + k] = 1;
            keys.set(start + k, articleKeys[k]!);
          }
        }
        compared += articleKeys.length - i;
        if (compared >= COMPARED_PER_STEP) {
          compared = 0;
          yield;
        }
      }
    }
    start = end;
  }
  return { flags, keys };
}

/** The repeats `findRepeats` found earlier (its flags, saved): only the flagged quotations' keys are folded. */
export function repeatsOf(quotations: readonly Quotation[], flags: Uint8Array): Repeats {
  if (flags.length !== quotations.length) throw new Error("the repeat flags are not those of these quotations");
  return { flags, keys: new FoldedOnDemand(quotations, flags) };
}

/**
 * The flagged quotations' phrase keys, folded when first asked: folding them all at once would read the text of
 * every article holding one (from the corpus snapshot, texts are read when shown).
 */
class FoldedOnDemand extends Map<number, string> {
  constructor(
    private readonly quotations: readonly Quotation[],
    private readonly flags: Uint8Array,
  ) {
    super();
  }

  override get(position: number): string | undefined {
    let key = super.get(position);
    if (key === undefined && this.flags[position] === 1) {
      key = phraseKey(this.quotations[position]!.text);
      this.set(position, key);
    }
    return key;
  }

  override has(position: number): boolean {
    return this.flags[position] === 1;
  }
}

/** By position: the number of the quotation's group of copies (same speaker, same phrase key), -1 when it has none. */
export function findCopies(quotations: readonly Quotation[]): Int32Array {
  return runToEnd(findCopiesSteps(quotations));
}

/** `findCopies` as steps (statements/steps.ts) pausing every few thousand quotations. */
export function* findCopiesSteps(quotations: readonly Quotation[]): Steps<Int32Array> {
  const pace = pacer(QUOTES_PER_STEP);
  const groups = new Int32Array(quotations.length).fill(-1);
  // A cheap hash first (one pass over the characters, no string made); phrase keys only for the hashes shared.
  const byHash = new Map<number, number[]>();
  for (let position = 0; position < quotations.length; position++) {
    const hash = copyHash(quotations[position]!);
    const same = byHash.get(hash);
    if (same) same.push(position);
    else byHash.set(hash, [position]);
    if (pace.tick()) yield;
  }
  let next = 0;
  for (const positions of byHash.values()) {
    if (positions.length < 2) continue;
    if (pace.tick()) yield;
    const byKey = new Map<string, number[]>();
    for (const position of positions) {
      const q = quotations[position]!;
      const key = `${q.speaker ?? ""}\n${phraseKey(q.text)}`;
      const same = byKey.get(key);
      if (same) same.push(position);
      else byKey.set(key, [position]);
    }
    for (const same of byKey.values()) {
      if (same.length < 2) continue;
      const group = next++;
      for (const position of same) groups[position] = group;
    }
  }
  return groups;
}

/** FNV-1a over the speaker and the text's letters and digits, lower-cased: equal for equal phrase keys. */
function copyHash(q: Quotation): number {
  let hash = 0x811c9dc5;
  const speaker = q.speaker ?? "";
  for (let i = 0; i < speaker.length; i++) hash = Math.imul(hash ^ speaker.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ 10, 0x01000193);
  const text = q.text;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    else if (code < 0x80 && !((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) continue;
    // Other characters are left out: a wire copy is written alike, so an accent folded differently is no loss.
    if (code >= 0x80) continue;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash | 0;
}

/** The matching quotations of a query, in no order; `compare` gives their rank order (a total order). */
export interface RankedHits {
  readonly count: number;
  /** By hit: the quotation's position in the table. */
  readonly positions: Int32Array;
  /** By hit: the score shown. */
  readonly scores: Float64Array;
  /** Negative when hit `a` ranks before hit `b`; never 0 for two different hits. */
  compare(a: number, b: number): number;
}

/** One quotation shown for a group of repeats: hits by their index in `RankedHits`. */
/** What folding repeats reads of the quote table (quote-table.ts builds it; named here so the table can depend on this file). */
export interface RepeatsTable {
  readonly quotations: readonly Quotation[];
  readonly articleOf: Int32Array;
  readonly articleScratch: Int32Array;
  readonly repeats: Repeats;
  readonly copyGroups: Int32Array;
}

export interface ShownGroup {
  /** The member shown. */
  shown: number;
  /** The best score of the group. */
  score: number;
  /** Hits left out as wire copies of the group's leader, in rank order. */
  copies: number[];
}

/** The groups at ranks `offset`.. `offset + limit` (in rank order), and how many groups there are in all. */
export function collapseRepeats(hits: RankedHits, table: RepeatsTable, page: { offset: number; limit: number }): { groups: ShownGroup[]; total: number } {
  const { count, positions, scores } = hits;
  const { flags, keys } = table.repeats;
  const { copyOf, copiesOf } = foldCopies(hits, table.copyGroups);
  // The hits that repeat a quotation of their article, by article; an article's first such hit is kept aside
  // (in the scratch array) until a second one comes.
  const firstHit = table.articleScratch;
  const several = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const position = positions[i]!;
    if (flags[position] === 0 || copyOf.has(i)) continue;
    const article = table.articleOf[position]!;
    const first = firstHit[article]!;
    if (first === -1) {
      firstHit[article] = i;
      continue;
    }
    const members = several.get(article);
    if (members) members.push(i);
    else several.set(article, [first, i]);
  }
  for (let i = 0; i < count; i++) if (flags[positions[i]!] === 1) firstHit[table.articleOf[positions[i]!]!] = -1;
  const copiesOfGroup = (group: readonly number[]) => group.flatMap((i) => copiesOf.get(i) ?? []).sort((a, b) => hits.compare(a, b));

  // In each such article, the hits join groups in rank order, as they would over the whole ranking.
  const follower = several.size > 0 ? new Uint8Array(count) : null;
  const groupOf = new Map<number, ShownGroup>();
  for (const members of several.values()) {
    members.sort((a, b) => hits.compare(a, b));
    for (const group of groupRepeats(members, (i) => keys.get(positions[i]!)!)) {
      for (const i of group.slice(1)) follower![i] = 1;
      groupOf.set(group[0]!, { shown: surest(group, hits, table), score: Math.max(...group.map((i) => scores[i]!)), copies: copiesOfGroup(group) });
    }
  }

  // Every group is counted; only the best `offset + limit` leaders are kept, in rank order.
  const top = new TopK<number>(page.offset + page.limit, (a, b) => hits.compare(a, b));
  let total = 0;
  for (let i = 0; i < count; i++) {
    if ((follower !== null && follower[i] === 1) || copyOf.has(i)) continue;
    total++;
    top.offer(i);
  }
  const groups = top.items.slice(page.offset).map((i) => groupOf.get(i) ?? { shown: i, score: scores[i]!, copies: copiesOfGroup([i]) });
  return { groups, total };
}

/** Each hit with a better-ranked copy (-> that copy), and each leader's copies. */
function foldCopies(hits: RankedHits, copyGroups: Int32Array): { copyOf: Map<number, number>; copiesOf: Map<number, number[]> } {
  const leaders = new Map<number, number>();
  const members = new Map<number, number[]>();
  for (let i = 0; i < hits.count; i++) {
    const group = copyGroups[hits.positions[i]!]!;
    if (group === -1) continue;
    const leader = leaders.get(group);
    if (leader === undefined || hits.compare(i, leader) < 0) leaders.set(group, i);
    const list = members.get(group);
    if (list) list.push(i);
    else members.set(group, [i]);
  }
  const copyOf = new Map<number, number>();
  const copiesOf = new Map<number, number[]>();
  for (const [group, list] of members) {
    if (list.length < 2) continue;
    const leader = leaders.get(group)!;
    const copies = list.filter((i) => i !== leader);
    for (const i of copies) copyOf.set(i, leader);
    copiesOf.set(leader, copies);
  }
  return { copyOf, copiesOf };
}

/** Hits of one article, in rank order, grouped (see the top of this file): groups in the order they started. */
function groupRepeats(members: readonly number[], keyOf: (hit: number) => string): number[][] {
  const groups: Array<{ members: number[]; keys: string[] }> = [];
  for (const hit of members) {
    const key = keyOf(hit);
    const group = groups.find((g) => g.keys.some((k) => repeatsKey(k, key)));
    if (group) {
      group.members.push(hit);
      group.keys.push(key);
    } else {
      groups.push({ members: [hit], keys: [key] });
    }
  }
  return groups.map((g) => g.members);
}

/** The member shown for a group: the surest attribution, then the longer text, then the better rank. */
function surest(group: readonly number[], hits: RankedHits, table: RepeatsTable): number {
  let best = group[0]!;
  for (const i of group.slice(1)) {
    const a = table.quotations[hits.positions[i]!]!;
    const b = table.quotations[hits.positions[best]!]!;
    if (a.confidence > b.confidence || (a.confidence === b.confidence && a.text.length > b.text.length)) best = i;
  }
  return best;
}
