/**
 * The quotations' topic index: MiniSearch over the quotation texts with the shared text analysis (so "children"
 * finds "child" and "Kiev" finds "Kyiv"), its postings packed (src/search/packed-postings.ts). It is made from
 * packed postings, written as the quotations come (`TopicIndexBuilder`) or read from a snapshot
 * (snapshot-codec.ts), rather than by MiniSearch's `add`, which took a fifth of the quote book's build: the
 * result is the index `addAll` would make (same short ids, terms in the same order, same field lengths and
 * average), so scores and ties are the same.
 */
import MiniSearch, { type Options } from "minisearch";
import { FieldLengths } from "../search/document-maps.js";
import { PostingsWriter } from "../search/index-builder.js";
import { normalizeTerm, tokenize } from "../text/analysis.js";
import type { MiniSearchInternals } from "../search/minisearch-internals.js";
import { PackedDocMap } from "../search/packed-postings.js";
import { pacer, runToEnd, type Steps } from "../statements/steps.js";

/** Quotations or terms taken between two pauses of `topicIndexSteps`. */
const ITEMS_PER_STEP = 4096;

export interface IndexedQuote {
  id: string;
  text: string;
}

/** The topic index's options: a snapshot's index (snapshot-codec.ts) is restored with the same. */
export const QUOTE_INDEX_OPTIONS: Options<IndexedQuote> = {
  fields: ["text"],
  idField: "id",
  tokenize: (text) => tokenize(text).map((t) => t.term),
  processTerm: (term) => normalizeTerm(term) ?? null,
};

/** The parts of a topic index: quotation i has short id i. */
export interface TopicIndexParts {
  ids: readonly string[];
  /** By short id: the distinct words of the quotation (MiniSearch's field length: tokens before analysis). */
  fieldLength: Uint32Array;
  averageFieldLength: number;
  /** In MiniSearch's insertion order, each with its number of quotations and its packed postings. */
  terms: readonly string[];
  termCounts: ArrayLike<number>;
  postingsOf(term: number): Uint8Array;
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
    const tokens = QUOTE_INDEX_OPTIONS.tokenize!(quotation.text, "text");
    const frequencies = new Map<string, number>();
    for (const token of tokens) {
      const term = QUOTE_INDEX_OPTIONS.processTerm!(token, "text");
      if (typeof term === "string" && term) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    }
    // As MiniSearch's `add`: the distinct tokens before analysis, and its running average.
    const length = new Set(tokens).size;
    this.fieldLength[doc] = length;
    this.averageFieldLength = (this.averageFieldLength * doc + length) / (doc + 1);
    this.postings.add(doc, frequencies);
  }

  /** The index (the builder is spent). */
  finish(): MiniSearch<IndexedQuote> {
    return runToEnd(this.finishSteps());
  }

  /** `finish` as steps (statements/steps.ts). */
  *finishSteps(): Steps<MiniSearch<IndexedQuote>> {
    const { terms, counts, postings, starts } = this.postings.finish();
    yield;
    return yield* topicIndexSteps(
      {
        ids: this.ids,
        fieldLength: this.fieldLength.slice(0, this.ids.length),
        averageFieldLength: this.averageFieldLength,
        terms,
        termCounts: counts,
        postingsOf: (i) => postings.subarray(starts[i], starts[i + 1]),
      },
      QUOTE_INDEX_OPTIONS,
    );
  }
}

/** A MiniSearch index over the quotations (short id = position), its postings packed as given. */
export function topicIndexOf<T>(parts: TopicIndexParts, options: Options<T>): MiniSearch<T> {
  return runToEnd(topicIndexSteps(parts, options));
}

/** `topicIndexOf` as steps (statements/steps.ts) that pause every few thousand quotations or terms. */
export function* topicIndexSteps<T>(parts: TopicIndexParts, options: Options<T>): Steps<MiniSearch<T>> {
  const { ids, fieldLength } = parts;
  const count = ids.length;
  const miniSearch = MiniSearch.loadJS<T>(
    {
      documentCount: count,
      nextId: count,
      documentIds: {},
      fieldIds: { text: 0 },
      fieldLength: {},
      averageFieldLength: [parts.averageFieldLength],
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const ms = miniSearch as unknown as MiniSearchInternals;
  const pace = pacer(ITEMS_PER_STEP);
  const documentIds = new Map<number, string>();
  const idToShortId = new Map<string, number>();
  for (let shortId = 0; shortId < count; shortId++) {
    const id = ids[shortId]!;
    // As MiniSearch's `add` refuses a second document with the same id.
    if (idToShortId.has(id)) throw new Error(`quotation id ${id} is given twice`);
    documentIds.set(shortId, id);
    idToShortId.set(id, shortId);
    if (pace.tick()) yield;
  }
  ms._documentIds = documentIds;
  ms._idToShortId = idToShortId;
  // The lengths in a typed array, as the passage index keeps them (no array per quotation).
  ms._fieldLength = new FieldLengths(fieldLength);
  for (let i = 0; i < parts.terms.length; i++) {
    const term = parts.terms[i]!;
    const documents = parts.termCounts[i]!;
    const postings = parts.postingsOf(i);
    if (documents === 0 || postings.length < documents * 2) throw new Error(`the postings of “${term}” are damaged`);
    ms._index.set(term, new Map([[0, new PackedDocMap(postings, documents)]]));
    if (pace.tick()) yield;
  }
  return miniSearch;
}
