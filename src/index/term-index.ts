/**
 * Dateline's inverted index of one field, shared by the passage index (/sources) and the quotations' topic index
 * (/quote): the term dictionary (term-dictionary.ts: MiniSearch's public `SearchableMap`, a radix tree, which also
 * finds the terms a few edits away), each term's postings (short id -> frequency; packed bytes, packed-postings.ts, or
 * a Map once the Map methods unpacked them), and the documents' lengths in a typed array. Documents are numbered
 * (short ids) by the index; which document a short id is, each user keeps in its own table (the passages' doc
 * table, the quotations' ids).
 *
 * It keeps exactly what MiniSearch 7 kept for an index with one field, changed as MiniSearch changes it (`add`,
 * `discard`, `remove`: the same short ids, field lengths, running average and order of terms in the tree), so
 * that BM25+ (bm25.ts, postings.ts) gives MiniSearch's scores and the fuzzy look-ups its order:
 * test/index/postings.test.ts compares them with `MiniSearch.search`.
 */
import { PackedDocMap, packTerms } from "./packed-postings.js";
import { TermDictionary } from "./term-dictionary.js";

/** A term's postings: document short id -> term frequency (a PackedDocMap once packed). */
export type TermPostings = Map<number, number>;

/** What an index is made of: by a builder (postings-writer.ts) or read from a snapshot. */
export interface TermIndexParts {
  documentCount: number;
  nextId: number;
  averageLength: number;
  /** By short id: the document's length (MiniSearch's field length: its distinct tokens), 0 for none. */
  lengths: Uint32Array;
}

export class TermIndex {
  /** The term dictionary: index term -> its postings. */
  readonly terms = new TermDictionary<TermPostings>();
  private lengths: Uint32Array;
  /** Documents indexed (added and neither discarded nor removed). */
  documentCount: number;
  /** Every short id given so far is below this. */
  nextId: number;
  /** The documents' average length, kept as MiniSearch keeps it (a running average). */
  averageLength: number;

  constructor(parts: TermIndexParts = { documentCount: 0, nextId: 0, averageLength: 0, lengths: new Uint32Array(1024) }) {
    this.documentCount = parts.documentCount;
    this.nextId = parts.nextId;
    this.averageLength = parts.averageLength;
    this.lengths = parts.lengths;
  }

  /** The document's length, 0 for a document not indexed (never given, discarded or removed). */
  length(shortId: number): number {
    return this.lengths[shortId] ?? 0;
  }

  /** Every document's length by short id, for short ids below `nextId`: the array itself, to read in a loop (do not keep it). */
  documentLengths(): Uint32Array {
    if (this.nextId > this.lengths.length) this.grow(this.nextId - 1);
    return this.lengths;
  }

  /**
   * Indexes a document of `length` (its distinct tokens) holding `terms` (its index terms in the order of its
   * tokens, repeated as they repeat): MiniSearch's `add`. Returns the document's short id. Its short id is above
   * every other, so its postings are appended to the packed bytes of its terms (packed-postings.ts): adding costs
   * in proportion to the document, not to the postings of its terms.
   */
  add(length: number, terms: Iterable<string>): number {
    const shortId = this.nextId++;
    this.documentCount++;
    this.grow(shortId);
    this.lengths[shortId] = length;
    const count = this.documentCount - 1;
    this.averageLength = (this.averageLength * count + length) / (count + 1);
    // In the order of first occurrence: the order MiniSearch's `add` inserts new terms into the dictionary.
    const frequencies = new Map<string, number>();
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    for (const [term, frequency] of frequencies) {
      const postings = this.terms.fetch(term, PackedDocMap.empty);
      if (!(postings instanceof PackedDocMap && postings.append(shortId, frequency))) postings.set(shortId, frequency);
    }
    return shortId;
  }

  /**
   * Takes a document out of the counts and lengths, leaving its postings until its terms are packed again
   * (`packTerms`, which leaves out documents not indexed): MiniSearch's `discard`, for a caller that knows which
   * terms to pack. Discarding many documents, then packing their terms once, reads each term's postings once.
   */
  discard(shortId: number): void {
    this.forget(shortId);
  }

  /** Takes a document out with its postings (`terms` as it was added with): MiniSearch's `remove`. */
  remove(shortId: number, terms: Iterable<string>): void {
    this.forget(shortId, () => {
      for (const term of new Set(terms)) {
        const postings = this.terms.get(term);
        if (postings === undefined) continue;
        if (postings instanceof PackedDocMap && postings.bytes) continue;
        if (postings.size > 1) postings.delete(shortId);
        else if (postings.has(shortId)) this.terms.delete(term);
      }
    });
    // Packed terms are written again without the document (its length is 0 now), as bytes.
    packTerms(this, [...new Set(terms)].filter((term) => {
      const postings = this.terms.get(term);
      return postings instanceof PackedDocMap && postings.bytes !== null;
    }));
  }

  private forget(shortId: number, between?: () => void): void {
    // The caller knows which short ids are indexed (a document without tokens has length 0 too).
    if (shortId >= this.nextId) throw new Error(`document ${shortId} is not indexed`);
    const length = this.length(shortId);
    // As MiniSearch's removeFieldLength, with the count before the document leaves.
    const count = this.documentCount;
    this.averageLength = count === 1 ? 0 : (this.averageLength * count - length) / (count - 1);
    between?.();
    this.lengths[shortId] = 0;
    this.documentCount--;
  }

  private grow(shortId: number): void {
    if (shortId < this.lengths.length) return;
    const grown = new Uint32Array(Math.max(shortId + 1, this.lengths.length * 2, 1024));
    grown.set(this.lengths);
    this.lengths = grown;
  }
}
