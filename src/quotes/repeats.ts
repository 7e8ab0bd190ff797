/**
 * The same words quoted twice in one article (a sub-headline repeating the body, or one quotation inside a
 * longer one) are shown once: the surest attribution, the longer text on a tie, at the best score of the group,
 * in the place of the group's best-ranked member.
 *
 * A query's hits group as follows, in rank order: a hit joins the first group of its article holding a member
 * whose phrase key contains its key or is contained in it, else starts a group. Which quotations of an article
 * contain one another is known once per state of the book (`findRepeats`): a hit that repeats no quotation of its
 * article is a group of its own whatever else matched, so only the few hits that do are grouped at query time,
 * and only the page's groups are ranked (a common word's thousands of hits are neither sorted nor folded).
 */
import { TopK } from "../search/top-k.js";
import { phraseKey } from "./phrase-key.js";
import type { QuoteTable } from "./quote-table.js";
import type { Quotation } from "./types.js";

/** Which quotations repeat (contain, or are contained in) another quotation of their article. */
export interface Repeats {
  /** By position: 1 when the quotation repeats another of its article. */
  readonly flags: Uint8Array;
  /** The phrase keys of those quotations, by position. */
  readonly keys: ReadonlyMap<number, string>;
}

/** Compares every two quotations of each article (quotations in corpus order, an article's together). */
export function findRepeats(quotations: readonly Quotation[], articleOf: Int32Array): Repeats {
  const flags = new Uint8Array(quotations.length);
  const keys = new Map<number, string>();
  let start = 0;
  while (start < quotations.length) {
    let end = start + 1;
    while (end < quotations.length && articleOf[end] === articleOf[start]) end++;
    if (end - start > 1) {
      const articleKeys = quotations.slice(start, end).map((q) => phraseKey(q.text));
      articleKeys.forEach((a, i) => {
        for (let j = i + 1; j < articleKeys.length; j++) {
          const b = articleKeys[j]!;
          if (!(a.includes(b) || b.includes(a))) continue;
          for (const k of [i, j]) {
            flags[start + k] = 1;
            keys.set(start + k, articleKeys[k]!);
          }
        }
      });
    }
    start = end;
  }
  return { flags, keys };
}

/** The repeats `findRepeats` found earlier (its flags, saved): only the flagged quotations' keys are folded. */
export function repeatsOf(quotations: readonly Quotation[], flags: Uint8Array): Repeats {
  if (flags.length !== quotations.length) throw new Error("the repeat flags are not those of these quotations");
  const keys = new Map<number, string>();
  flags.forEach((flag, position) => {
    if (flag === 1) keys.set(position, phraseKey(quotations[position]!.text));
  });
  return { flags, keys };
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
export interface ShownGroup {
  /** The member shown. */
  shown: number;
  /** The best score of the group. */
  score: number;
}

/** The groups at ranks `offset`.. `offset + limit` (in rank order), and how many groups there are in all. */
export function collapseRepeats(hits: RankedHits, table: QuoteTable, page: { offset: number; limit: number }): { groups: ShownGroup[]; total: number } {
  const { count, positions, scores } = hits;
  const { flags, keys } = table.repeats;
  // The hits that repeat a quotation of their article, by article; an article's first such hit is kept aside
  // (in the scratch array) until a second one comes.
  const firstHit = table.articleScratch;
  const several = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const position = positions[i]!;
    if (flags[position] === 0) continue;
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

  // In each such article, the hits join groups in rank order, as they would over the whole ranking.
  const follower = several.size > 0 ? new Uint8Array(count) : null;
  const groupOf = new Map<number, ShownGroup>();
  for (const members of several.values()) {
    members.sort((a, b) => hits.compare(a, b));
    for (const group of groupRepeats(members, (i) => keys.get(positions[i]!)!)) {
      for (const i of group.slice(1)) follower![i] = 1;
      groupOf.set(group[0]!, { shown: surest(group, hits, table), score: Math.max(...group.map((i) => scores[i]!)) });
    }
  }

  // Every group is counted; only the best `offset + limit` leaders are kept, in rank order.
  const top = new TopK<number>(page.offset + page.limit, (a, b) => hits.compare(a, b));
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (follower !== null && follower[i] === 1) continue;
    total++;
    top.offer(i);
  }
  const groups = top.items.slice(page.offset).map((i) => groupOf.get(i) ?? { shown: i, score: scores[i]! });
  return { groups, total };
}

/** Hits of one article, in rank order, grouped (see the top of this file): groups in the order they started. */
function groupRepeats(members: readonly number[], keyOf: (hit: number) => string): number[][] {
  const groups: Array<{ members: number[]; keys: string[] }> = [];
  for (const hit of members) {
    const key = keyOf(hit);
    const group = groups.find((g) => g.keys.some((k) => k.includes(key) || key.includes(k)));
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
function surest(group: readonly number[], hits: RankedHits, table: QuoteTable): number {
  let best = group[0]!;
  for (const i of group.slice(1)) {
    const a = table.quotations[hits.positions[i]!]!;
    const b = table.quotations[hits.positions[best]!]!;
    if (a.confidence > b.confidence || (a.confidence === b.confidence && a.text.length > b.text.length)) best = i;
  }
  return best;
}
