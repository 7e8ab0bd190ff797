/**
 * The quotations' topic index: a term index (src/index/term-index.ts) over the quotation texts with the shared
 * text analysis (so "children" finds "child" and "Kiev" finds "Kyiv"), its postings packed
 * (src/index/packed-postings.ts), and the quotations' ids by short id. It is made from packed postings, written
 * as the quotations come (`TopicIndexBuilder`) or read from a snapshot (snapshot-codec.ts): the result is the
 * index that adding the quotations one by one makes (same short ids, terms in the same order, same lengths and
 * average), so scores and ties are the same; then quotations are added (appended to the packed postings) and
 * removed.
 */
import type { Options } from "minisearch";
import { packTerms } from "../index/packed-postings.js";
import { Postings, type DocumentIdLookup } from "../index/postings.js";
import { PostingsWriter } from "../index/postings-writer.js";
import { restoreTermsSteps, type TermSections } from "../index/snapshot-sections.js";
import { TermIndex } from "../index/term-index.js";
import { normalizeTerm, tokenize } from "../text/analysis.js";
import { pacer, runToEnd, type Steps } from "../statements/steps.js";

/** Quotations or terms taken between two pauses of `topicIndexSteps`. */
const ITEMS_PER_STEP = 4096;

export interface IndexedQuote {
  id: string;
  text: string;
}

/** The options of a MiniSearch that indexes the quotations as the topic index does (for comparison, in the tests). */
export const QUOTE_INDEX_OPTIONS: Options<IndexedQuote> = {
  fields: ["text"],
  idField: "id",
  tokenize: (text) => tokenize(text).map((t) => t.term),
  processTerm: (term) => normalizeTerm(term) ?? null,
};

/** A quotation's tokens (their number of distinct ones is its length) and index terms, in order. */
function analysed(text: string): { length: number; terms: string[] } {
  const tokens = tokenize(text).map((t) => t.term);
  const terms: string[] = [];
  for (const token of tokens) {
    const term = normalizeTerm(token);
    if (term) terms.push(term);
  }
  return { length: new Set(tokens).size, terms };
}

/**
 * The ids of quotations kept elsewhere (a snapshot's, quotation-store.ts), short id = position: no id string nor
 * map is made for them until the index changes.
 */
export interface IdsByPosition {
  readonly count: number;
  idOf(position: number): string;
  /** -1 for an id that is none of them. */
  positionOf(id: string): number;
}

/** The parts of a topic index: quotation i has short id i. */
export interface TopicIndexParts {
  ids: readonly string[] | IdsByPosition;
  /** By short id: the distinct words of the quotation (MiniSearch's field length: tokens before analysis). */
  fieldLength: Uint32Array;
  averageFieldLength: number;
  /** In MiniSearch's insertion order, each with its number of quotations and its packed postings. */
  terms: Omit<TermSections, "terms"> & { terms: readonly string[] };
}

/** Writes the topic index of quotations given in order (short id = order), as `addAll` would index them. */
export class TopicIndexBuilder {
  private readonly postings = new PostingsWriter();
  private readonly ids: string[] = [];
  private fieldLength = new Uint32Array(1024);
  private averageFieldLength = 0;

  add(quotation: IndexedQuote): void {
    const doc = this.ids.push(quotation.id) - 1;
    if (doc >= this.fieldLength.length) {
      const grown = new Uint32Array(this.fieldLength.length * 2);
      grown.set(this.fieldLength);
      this.fieldLength = grown;
    }
    const { length, terms } = analysed(quotation.text);
    const frequencies = new Map<string, number>();
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    // As adding one by one: the distinct tokens before analysis, and the running average.
    this.fieldLength[doc] = length;
    this.averageFieldLength = (this.averageFieldLength * doc + length) / (doc + 1);
    this.postings.add(doc, frequencies);
  }

  /** The index (the builder is spent). */
  finish(): TopicIndex {
    return runToEnd(this.finishSteps());
  }

  /** `finish` as steps (statements/steps.ts). */
  *finishSteps(): Steps<TopicIndex> {
    const terms = this.postings.finish();
    yield;
    return yield* topicIndexSteps({ ids: this.ids, fieldLength: this.fieldLength.slice(0, this.ids.length), averageFieldLength: this.averageFieldLength, terms });
  }
}

/** The quotations' topic index: the term index and which quotation each short id is. */
export class TopicIndex implements DocumentIdLookup {
  /** Scoring over this index (reads the term index as it changes). */
  readonly postings: Postings;
  /** By short id: the quotation's id (undefined once removed); made from `byPosition` when first changed. */
  private idList: Array<string | undefined> | null;
  private shortIdMap: Map<string, number> | null;
  /** The ids as a snapshot keeps them, until the index changes. */
  private byPosition: IdsByPosition | null;

  constructor(
    readonly index: TermIndex,
    ids: Array<string | undefined> | IdsByPosition,
    shortIds: Map<string, number> | null = null,
  ) {
    if (Array.isArray(ids)) {
      if (!shortIds) throw new Error("a topic index's ids come with their short ids");
      this.idList = ids;
      this.shortIdMap = shortIds;
      this.byPosition = null;
    } else {
      this.idList = null;
      this.shortIdMap = null;
      this.byPosition = ids as IdsByPosition;
    }
    this.postings = new Postings(index, this);
  }

  shortId(id: string): number | undefined {
    if (this.byPosition) {
      const position = this.byPosition.positionOf(id);
      return position < 0 ? undefined : position;
    }
    return this.shortIdMap!.get(id);
  }

  *entries(): Generator<[number, string]> {
    if (this.byPosition) {
      for (let shortId = 0; shortId < this.byPosition.count; shortId++) yield [shortId, this.byPosition.idOf(shortId)];
      return;
    }
    const ids = this.idList!;
    for (let shortId = 0; shortId < ids.length; shortId++) {
      const id = ids[shortId];
      if (id !== undefined) yield [shortId, id];
    }
  }

  /** The ids as a list and a map, made from the snapshot's on the first change. */
  private own(): { ids: Array<string | undefined>; shortIds: Map<string, number> } {
    if (this.byPosition) {
      const ids: string[] = [];
      const shortIds = new Map<string, number>();
      for (let shortId = 0; shortId < this.byPosition.count; shortId++) {
        const id = this.byPosition.idOf(shortId);
        ids.push(id);
        shortIds.set(id, shortId);
      }
      this.idList = ids;
      this.shortIdMap = shortIds;
      this.byPosition = null;
    }
    return { ids: this.idList!, shortIds: this.shortIdMap! };
  }

  /** Indexes a quotation after every other (its short id is the next). */
  add(quotation: IndexedQuote): void {
    const own = this.own();
    if (own.shortIds.has(quotation.id)) throw new Error(`quotation id ${quotation.id} is given twice`);
    const { length, terms } = analysed(quotation.text);
    const shortId = this.index.add(length, terms);
    own.ids[shortId] = quotation.id;
    own.shortIds.set(quotation.id, shortId);
  }

  /** Takes a quotation out with its postings (the text it was indexed with), so that scores are those of an index without it. */
  remove(quotation: IndexedQuote): void {
    const own = this.own();
    const shortId = own.shortIds.get(quotation.id);
    if (shortId === undefined) throw new Error(`quotation ${quotation.id} is not in the topic index`);
    this.index.remove(shortId, analysed(quotation.text).terms);
    own.ids[shortId] = undefined;
    own.shortIds.delete(quotation.id);
  }

  /**
   * Takes a quotation out of the counts and lengths, leaving its postings until its terms are packed again
   * (`packTerms`): for many quotations at once, each term's postings are then read once, not once a quotation.
   * Returns the quotation's index terms (to pack again).
   */
  discard(quotation: IndexedQuote): string[] {
    const own = this.own();
    const shortId = own.shortIds.get(quotation.id);
    if (shortId === undefined) throw new Error(`quotation ${quotation.id} is not in the topic index`);
    this.index.discard(shortId);
    own.ids[shortId] = undefined;
    own.shortIds.delete(quotation.id);
    return analysed(quotation.text).terms;
  }

  /** Takes quotations out with their postings, as `remove` of each would: each term's postings are read once. */
  removeAll(quotations: Iterable<IndexedQuote>): void {
    const terms = new Set<string>();
    for (const q of quotations) for (const term of this.discard(q)) terms.add(term);
    packTerms(this.index, terms);
  }

  /** Whether the index holds exactly these quotations (and nothing removed), the one at position i as short id i. */
  numbersByPosition(ids: readonly string[]): boolean {
    if (this.index.nextId !== ids.length || this.index.documentCount !== ids.length) return false;
    return ids.every((id, position) => this.shortId(id) === position);
  }
}

/** A topic index over the quotations (short id = position), its postings packed as given. */
export function topicIndexOf(parts: TopicIndexParts): TopicIndex {
  return runToEnd(topicIndexSteps(parts));
}

/** `topicIndexOf` as steps (statements/steps.ts) that pause every few thousand quotations or terms. */
export function* topicIndexSteps(parts: TopicIndexParts): Steps<TopicIndex> {
  const { ids, fieldLength } = parts;
  const byPosition = Array.isArray(ids) ? null : (ids as IdsByPosition);
  const count = byPosition ? byPosition.count : (ids as readonly string[]).length;
  const pace = pacer(ITEMS_PER_STEP);
  const shortIds = new Map<string, number>();
  // A snapshot's ids are its store's, checked there (quotation-store.ts): no map of them is made.
  if (!byPosition) {
    const list = ids as readonly string[];
    for (let shortId = 0; shortId < count; shortId++) {
      const id = list[shortId]!;
      if (shortIds.has(id)) throw new Error(`quotation id ${id} is given twice`);
      shortIds.set(id, shortId);
      if (pace.tick()) yield;
    }
  }
  if (fieldLength.length !== count) throw new Error("the quotations' lengths are not one a quotation");
  const index = new TermIndex({ documentCount: count, nextId: count, averageLength: parts.averageFieldLength, lengths: fieldLength });
  yield* restoreTermsSteps(index, parts.terms);
  return new TopicIndex(index, byPosition ?? [...(ids as readonly string[])], byPosition ? null : shortIds);
}
