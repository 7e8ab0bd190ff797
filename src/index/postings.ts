/**
 * Scores documents straight from the postings of a term index (term-index.ts). `MiniSearch.search` builds an
 * object (score, terms, match) for every document a term holds, then a sorted array of them all: for a common word at a million
 * passages that is hundreds of thousands of objects for a page of ten. This reads the same postings into typed
 * arrays reused from query to query, and computes exactly MiniSearch's score: its BM25+ per term, its fuzzy
 * weights, its sum over the query's terms (in the same order, so the same floating-point result) and its
 * multiplication by the number of query terms matched.
 *
 * test/index/postings.test.ts compares every score with `MiniSearch.search` on real text.
 */
import { PostingsReader } from "./packed-postings.js";
import type { TermIndex, TermPostings } from "./term-index.js";
import { inverseDocumentFrequency, termScore, termScoreBound } from "./bm25.js";

/** MiniSearch's default weight of a fuzzy match (its BM25+ parameters are in bm25.ts). */
const FUZZY_WEIGHT = 0.45;
/** As the index searches misspelled names: up to a quarter of the term's letters, at most 2 edits. */
const FUZZY = 0.25;
const MAX_FUZZY = 2;
/** Query terms whose fuzzy neighbours are kept (all are forgotten when this many are). */
const MAX_CACHED_NEIGHBOURS = 1024;

export interface ScoredClause {
  term: string;
  /** Also match index terms a few edits away (a misspelled name). */
  fuzzy: boolean;
}

/** A clause with the index terms it matches (found once per query: a fuzzy lookup is not free). */
export interface ExpandedClause {
  term: string;
  /** The term itself (weight 1) when indexed, then its fuzzy neighbours, in MiniSearch's order. */
  matches: ReadonlyArray<{ term: string; data: TermPostings; weight: number }>;
}

/** The documents a query touched, valid until the next `score` call (the arrays are reused). */
export interface Touched {
  /** Short ids of the matching documents, `count` of them, in no order. */
  readonly docs: Int32Array;
  readonly count: number;
  /** By short id: MiniSearch's score (the sum times the number of clauses matched). */
  readonly score: Float64Array;
  /** By short id: bit i set when clause i matched. */
  readonly mask: Uint32Array;
}

/**
 * Each clause's upper bounds, by clause index: over titles (documents whose `paragraphs` entry, by short id, is 0)
 * and over body passages, apart (a title is short: its bound is high, and only the title's score is weighted).
 */
export interface ClauseBounds {
  paragraphs: Int32Array;
  body: Float64Array;
  title: Float64Array;
}

/**
 * A set of group numbers with bits each (0: not in the set), written by `markGroups`: the arrays, and `count` of
 * the groups in `touched` (the passage index's `OrdinalMarks`, by article ordinal).
 */
export interface GroupMarks {
  value: Uint32Array;
  touched: Int32Array;
  count: number;
}

/** Which document a short id is, as the index's user keeps it (the passages' doc table, the quotations' ids). */
export interface DocumentIdLookup {
  shortId(id: string): number | undefined;
  /** Every indexed document: short id and id. */
  entries(): Iterable<[number, string]>;
}

export class Postings {
  private scores = new Float64Array(0);
  private clauseScores = new Float64Array(0);
  private masks = new Uint32Array(0);
  private touched = new Int32Array(0);
  private lastCount = 0;
  private readonly reader = new PostingsReader();
  /** By short id: the last clause `scoreMany` found the document in. */
  private lastClause = new Int32Array(0);
  /** Postings decoded by `score` and `markGroups` since this was last set to 0 (a probe for tests and benchmarks). */
  postingsRead = 0;
  /** `neighbours` found so far, by query term. */
  private readonly neighbourCache = new Map<string, ReadonlyArray<readonly [string, number]>>();
  /** The term dictionary's count of changes when the cached neighbours were found. */
  private neighbourChanges = -1;

  constructor(
    private readonly index: TermIndex,
    private readonly ids: DocumentIdLookup,
  ) {}

  /** The short id of an indexed document. */
  shortId(id: string): number | undefined {
    return this.ids.shortId(id);
  }

  /** Every indexed document: short id and id. */
  documents(): Iterable<[number, string]> {
    return this.ids.entries();
  }

  /** What the block-max search (block-max.ts) reads of the index as it stands: lengths by short id and averages. */
  scoringView(): { lengths: Uint32Array; documentCount: number; avgLength: number; nextId: number } {
    return {
      lengths: this.documentLengths(),
      documentCount: this.index.documentCount,
      avgLength: this.index.averageLength,
      nextId: this.index.nextId,
    };
  }

  /** Every short id given so far is below this. */
  get nextId(): number {
    return this.index.nextId;
  }

  /**
   * Scores every document matching any clause, as `MiniSearch.search` with `combineWith: "OR"` would. With
   * `accept`, only the documents it accepts are scored (like MiniSearch's `boostDocument` returning 0); with
   * `only`, the clauses of `only.clauses` (bits) are scored only in the documents whose group (`only.group`, by
   * short id; -1 for none) is allowed (`only.allowed`, 1 by group): for the passage index, a group is an article.
   */
  score(
    clauses: readonly ExpandedClause[],
    accept: ((shortId: number) => boolean) | null = null,
    only: { group: Int32Array; allowed: Uint8Array; clauses: number } | null = null,
  ): Touched {
    if (clauses.length > 32) throw new Error("at most 32 clauses");
    this.clearLast();
    this.fit(this.index.nextId);
    const { scores, clauseScores, masks, touched, reader } = this;
    const lengths = this.documentLengths();
    const documentCount = this.index.documentCount;
    const avgLength = this.index.averageLength;
    const group = only?.group ?? null;
    const allowed = only?.allowed ?? null;
    let count = 0;
    for (let i = 0; i < clauses.length; i++) {
      const bit = 1 << i;
      const matches = clauses[i]!.matches;
      const restricted = only !== null && (only.clauses & bit) !== 0;
      // A clause matching several index terms (fuzzy) sums them first, then adds the sum: MiniSearch's order.
      const firstInClause: number[] | null = matches.length > 1 ? [] : null;
      for (const { data, weight } of matches) {
        const postings = data;
        const idf = inverseDocumentFrequency(postings.size, documentCount);
        const n = reader.read(postings);
        this.postingsRead += n;
        const docs = reader.docs;
        const frequencies = reader.frequencies;
        for (let j = 0; j < n; j++) {
          const doc = docs[j]!;
          if (restricted && !(group![doc]! >= 0 && allowed![group![doc]!] === 1)) continue;
          // 0: a discarded document, whose postings stay until its terms are packed again (packed-postings.ts).
          const fieldLength = lengths[doc]!;
          if (fieldLength === 0 || (accept !== null && !accept(doc))) continue;
          const tf = frequencies[j]!;
          const raw = termScore(idf, tf, fieldLength, avgLength);
          const value = weight * raw;
          const mask = masks[doc]!;
          if (mask === 0) touched[count++] = doc;
          if (firstInClause) {
            if ((mask & bit) === 0) {
              clauseScores[doc] = value;
              firstInClause.push(doc);
            } else {
              clauseScores[doc] = clauseScores[doc]! + value;
            }
          } else {
            scores[doc] = mask === 0 ? value : scores[doc]! + value;
          }
          masks[doc] = mask | bit;
        }
      }
      for (const doc of firstInClause ?? []) {
        scores[doc] = (masks[doc]! & ~bit) === 0 ? clauseScores[doc]! : scores[doc]! + clauseScores[doc]!;
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      scores[doc] = scores[doc]! * bitCount(masks[doc]!);
    }
    this.lastCount = count;
    return { docs: touched, count, score: scores, mask: masks };
  }

  /**
   * `score` for any number of clauses (a long pasted text), counting the clauses each document matches instead of
   * marking them: the documents in the order they are first found, and by short id the score (MiniSearch's, as
   * `score`) and the number of clauses matched. Valid until the next `score` or `scoreMany` call.
   */
  scoreMany(clauses: readonly ExpandedClause[], accept: ((shortId: number) => boolean) | null = null): { docs: Int32Array; count: number; score: Float64Array; matched: Uint32Array } {
    this.clearLast();
    this.fit(this.index.nextId);
    const { scores, clauseScores, masks, touched, reader } = this;
    if (this.lastClause.length < masks.length) this.lastClause = new Int32Array(masks.length);
    const lastClause = this.lastClause;
    const lengths = this.documentLengths();
    const documentCount = this.index.documentCount;
    const avgLength = this.index.averageLength;
    // `masks` holds the number of clauses matched here (0: not found yet), so that `clearLast` clears it.
    const matched = masks;
    let count = 0;
    for (let i = 0; i < clauses.length; i++) {
      const matches = clauses[i]!.matches;
      const firstInClause: number[] | null = matches.length > 1 ? [] : null;
      for (const { data: postings, weight } of matches) {
        const idf = inverseDocumentFrequency(postings.size, documentCount);
        const n = reader.read(postings);
        this.postingsRead += n;
        const docs = reader.docs;
        const frequencies = reader.frequencies;
        for (let j = 0; j < n; j++) {
          const doc = docs[j]!;
          const fieldLength = lengths[doc]!;
          if (fieldLength === 0 || (accept !== null && !accept(doc))) continue;
          const tf = frequencies[j]!;
          const raw = termScore(idf, tf, fieldLength, avgLength);
          const value = weight * raw;
          if (matched[doc] === 0) touched[count++] = doc;
          const inClause = matched[doc]! > 0 && lastClause[doc] === i;
          if (!inClause) {
            lastClause[doc] = i;
            matched[doc] = matched[doc]! + 1;
          }
          if (firstInClause) {
            if (!inClause) {
              clauseScores[doc] = value;
              firstInClause.push(doc);
            } else {
              clauseScores[doc] = clauseScores[doc]! + value;
            }
          } else {
            scores[doc] = matched[doc] === 1 && !inClause ? value : scores[doc]! + value;
          }
        }
      }
      for (const doc of firstInClause ?? []) {
        scores[doc] = matched[doc] === 1 ? clauseScores[doc]! : scores[doc]! + clauseScores[doc]!;
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      scores[doc] = scores[doc]! * matched[doc]!;
    }
    this.lastCount = count;
    return { docs: touched, count, score: scores, matched };
  }

  /**
   * Which clauses each group holds, without scoring: for every live document holding a clause's term, the
   * clause's bit is ORed into its group's marks (`group`, by short id; -1 for none; `marks` begun for every
   * group). Reading postings costs a fraction of scoring them, so this finds, over all of a query's words, the
   * groups worth scoring. Also writes each clause's upper bounds, the most it can add to one document's score
   * (before the multiplication by the clauses matched), into `bounds`: from its terms' highest frequency and
   * shortest document (term-plan.ts), for titles and body passages apart.
   */
  markGroups(clauses: readonly ExpandedClause[], group: Int32Array, marks: GroupMarks, bounds: ClauseBounds): void {
    const { reader } = this;
    const lengths = this.documentLengths();
    const documentCount = this.index.documentCount;
    const avgLength = this.index.averageLength;
    // The marks' arrays, written here directly: this loop sees every posting of every word of the query.
    const value = marks.value;
    const touched = marks.touched;
    let count = marks.count;
    const paragraphs = bounds.paragraphs;
    for (let i = 0; i < clauses.length; i++) {
      const bit = 1 << i;
      let bound = 0;
      let titleBound = 0;
      for (const { data, weight } of clauses[i]!.matches) {
        const postings = data;
        const n = reader.read(postings);
        this.postingsRead += n;
        const docs = reader.docs;
        const frequencies = reader.frequencies;
        // Highest frequency and shortest length: 0 of body passages, 1 of titles.
        let maxFrequency0 = 0;
        let minLength0 = Infinity;
        let maxFrequency1 = 0;
        let minLength1 = Infinity;
        for (let j = 0; j < n; j++) {
          const doc = docs[j]!;
          const g = group[doc]!;
          const length = lengths[doc]!;
          if (g < 0 || length === 0) continue;
          const frequency = frequencies[j]!;
          if (paragraphs[doc] === 0) {
            if (frequency > maxFrequency1) maxFrequency1 = frequency;
            if (length < minLength1) minLength1 = length;
          } else {
            if (frequency > maxFrequency0) maxFrequency0 = frequency;
            if (length < minLength0) minLength0 = length;
          }
          const held = value[g]!;
          if (held === 0) touched[count++] = g;
          value[g] = held | bit;
        }
        const idf = inverseDocumentFrequency(postings.size, documentCount);
        if (maxFrequency0 > 0) bound += weight * termScoreBound(idf, maxFrequency0, minLength0, avgLength);
        if (maxFrequency1 > 0) titleBound += weight * termScoreBound(idf, maxFrequency1, minLength1, avgLength);
      }
      bounds.body[i] = bound;
      bounds.title[i] = titleBound;
    }
    marks.count = count;
  }

  /** Every document's length by short id (0 for a document not indexed), for short ids below the next id. */
  documentLengths(): Uint32Array {
    return this.index.documentLengths();
  }

  /** Clears the masks the last query set (they mark the documents touched). */
  private clearLast(): void {
    for (let i = 0; i < this.lastCount; i++) this.masks[this.touched[i]!] = 0;
    this.lastCount = 0;
  }

  /** Sizes the arrays for every short id below `size`. */
  private fit(size: number): void {
    if (size <= this.masks.length) return;
    const n = Math.max(size, this.masks.length * 2, 1024);
    this.scores = new Float64Array(n);
    this.clauseScores = new Float64Array(n);
    this.masks = new Uint32Array(n);
    this.touched = new Int32Array(n);
  }

  /** How many postings the clauses' terms have in all. */
  count(clauses: readonly ExpandedClause[]): number {
    let total = 0;
    for (const clause of clauses) for (const { data } of clause.matches) total += data.size;
    return total;
  }

  /**
   * The index terms a few edits from `term` (not itself) with their distances, in MiniSearch's order (found by
   * length and letters, term-dictionary.ts), kept per term until the dictionary's terms change or
   * `forgetNeighbours`: a misspelled name asked again, or the next page of its answer, costs a map look-up.
   */
  private neighbours(term: string): ReadonlyArray<readonly [string, number]> {
    // Terms added or deleted since the neighbours were found: find them again.
    if (this.index.terms.changes !== this.neighbourChanges) {
      this.neighbourCache.clear();
      this.neighbourChanges = this.index.terms.changes;
    }
    const known = this.neighbourCache.get(term);
    if (known) return known;
    const maxDistance = Math.min(MAX_FUZZY, Math.round(term.length * FUZZY));
    const found: Array<readonly [string, number]> = [];
    if (maxDistance > 0) {
      for (const [neighbour, distance] of this.index.terms.near(term, maxDistance)) {
        if (distance > 0) found.push([neighbour, distance]);
      }
    }
    if (this.neighbourCache.size >= MAX_CACHED_NEIGHBOURS) this.neighbourCache.clear();
    this.neighbourCache.set(term, found);
    return found;
  }

  /** Forgets the fuzzy neighbours found so far: to call when index terms are added or removed. */
  forgetNeighbours(): void {
    this.neighbourCache.clear();
  }

  /** The index terms each clause matches, with their weights: the term itself, then its fuzzy neighbours. */
  expand(clauses: readonly ScoredClause[]): ExpandedClause[] {
    return clauses.map((clause) => {
      const matches: Array<{ term: string; data: TermPostings; weight: number }> = [];
      const exact = this.index.terms.get(clause.term);
      if (exact) matches.push({ term: clause.term, data: exact, weight: 1 });
      if (clause.fuzzy) {
        for (const [term, distance] of this.neighbours(clause.term)) {
          const data = this.index.terms.get(term);
          if (data) matches.push({ term, data, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) });
        }
      }
      return { term: clause.term, matches };
    });
  }
}

/** The number of bits set in a 32-bit mask (a population count in a few operations, without a loop). */
export function bitCount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
