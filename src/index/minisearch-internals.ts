/**
 * MiniSearch 7's private fields that Dateline reads and restores (7.2.0, pinned by the lockfile), named once:
 * scoring reads the postings and lengths (postings.ts, which checks them when an index is opened), packing
 * rewrites the postings (packed-postings.ts), and the snapshots save and restore all of them (index-codec.ts,
 * src/quotes/snapshot-codec.ts, src/quotes/topic-index.ts). A MiniSearch upgrade must rerun their tests.
 */

/** One term's postings: field id -> (document short id -> term frequency). */
export type FieldTermData = Map<number, Map<number, number>>;

export interface MiniSearchInternals {
  _index: {
    get(term: string): FieldTermData | undefined;
    set(term: string, data: FieldTermData): void;
    delete(term: string): void;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
    [Symbol.iterator](): Iterator<[string, FieldTermData]>;
  };
  _documentCount: number;
  _nextId: number;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _dirtCount: number;
}
