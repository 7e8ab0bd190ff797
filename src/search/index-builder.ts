/**
 * Builds the passage index from analysed passages without MiniSearch's `add`: each term's postings are written
 * packed (packed-postings.ts) as the passages come, instead of growing a Map per term and packing it after.
 * The result is the MiniSearch index `add` would have made, with the same short ids, field lengths and average
 * (MiniSearch's running average, computed the same way), in a fraction of the time and memory.
 */
import type { Options } from "minisearch";
import type { Article } from "../corpus/types.js";
import { restoreIndex, type DecodedIndex } from "./index-codec.js";
import { writeVarint } from "./packed-postings.js";

/** Room for a document gap and a frequency, 5 bytes each at most. */
const POSTING_ROOM = 10;

/**
 * Term postings written packed as documents come (in ascending short ids): a term's postings are a growing
 * buffer of varint (document gap, frequency) pairs, the layout PackedDocMap reads. Terms are numbered in the
 * order first seen, the order MiniSearch's `add` inserts them.
 */
export class PostingsWriter {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly buffers: Uint8Array[] = [];
  private readonly used: number[] = [];
  private readonly lastDoc: number[] = [];
  private readonly counts: number[] = [];

  /** Adds document `doc` (greater than any added before) holding each term `frequency` times. */
  add(doc: number, frequencies: ReadonlyMap<string, number>): void {
    for (const [term, frequency] of frequencies) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.push(term) - 1;
        this.termIds.set(term, id);
        this.buffers.push(new Uint8Array(16));
        this.used.push(0);
        this.lastDoc.push(0);
        this.counts.push(0);
      }
      let buffer = this.buffers[id]!;
      let at = this.used[id]!;
      if (at + POSTING_ROOM > buffer.length) {
        const grown = new Uint8Array(buffer.length * 2);
        grown.set(buffer.subarray(0, at));
        this.buffers[id] = buffer = grown;
      }
      at = writeVarint(buffer, at, doc - this.lastDoc[id]!);
      at = writeVarint(buffer, at, frequency);
      this.used[id] = at;
      this.lastDoc[id] = doc;
      this.counts[id]!++;
    }
  }

  /**
   * Every term with its number of documents and its postings, in one buffer (the growing ones had room to
   * spare, and one allocation each): term i's are `postings.subarray(starts[i], starts[i + 1])`. The writer is spent.
   */
  finish(): { terms: string[]; counts: number[]; postings: Uint8Array; starts: Float64Array } {
    const total = this.used.reduce((a, b) => a + b, 0);
    const postings = new Uint8Array(total);
    const starts = new Float64Array(this.terms.length + 1);
    this.buffers.forEach((buffer, i) => {
      postings.set(buffer.subarray(0, this.used[i]), starts[i]);
      starts[i + 1] = starts[i]! + this.used[i]!;
    });
    this.buffers.length = 0;
    return { terms: this.terms, counts: this.counts, postings, starts };
  }
}

export class IndexBuilder {
  private readonly postings = new PostingsWriter();
  private readonly articles: Article[] = [];
  private readonly ordinals = new Map<Article, number>();
  private docArticle = new Int32Array(1024);
  private docParagraph = new Int32Array(1024);
  private fieldLength = new Uint32Array(1024);
  private nextId = 0;
  private averageFieldLength = 0;

  /** Adds one indexed document (a passage or a title) with its terms, in order. */
  add(article: Article, paragraph: number, terms: readonly string[]): void {
    const doc = this.nextId++;
    if (doc >= this.docArticle.length) this.growDocuments();
    let ordinal = this.ordinals.get(article);
    if (ordinal === undefined) {
      ordinal = this.articles.push(article) - 1;
      this.ordinals.set(article, ordinal);
    }
    const frequencies = new Map<string, number>();
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    this.docArticle[doc] = ordinal;
    this.docParagraph[doc] = paragraph;
    // MiniSearch's field length is the number of distinct terms; its average is kept as it keeps it.
    this.fieldLength[doc] = frequencies.size;
    this.averageFieldLength = (this.averageFieldLength * doc + frequencies.size) / (doc + 1);
    this.postings.add(doc, frequencies);
  }

  /** The index, as MiniSearch with one field named `field`. The builder is spent. */
  finish<T>(options: Options<T>, field: string): DecodedIndex<T> {
    const { terms, counts, postings, starts } = this.postings.finish();
    const n = this.nextId;
    return restoreIndex(
      {
        documentCount: n,
        nextId: n,
        averageFieldLength: [this.averageFieldLength],
        fieldIds: { [field]: 0 },
        articles: this.articles,
        docArticle: this.docArticle.slice(0, n),
        docParagraph: this.docParagraph.slice(0, n),
        fieldLength: this.fieldLength.slice(0, n),
        terms,
        counts,
        postings: (i) => postings.subarray(starts[i], starts[i + 1]),
      },
      options,
      field,
    );
  }

  private growDocuments(): void {
    const size = this.docArticle.length * 2;
    const grow = <A extends Int32Array | Uint32Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.docArticle = grow(this.docArticle, new Int32Array(size));
    this.docParagraph = grow(this.docParagraph, new Int32Array(size));
    this.fieldLength = grow(this.fieldLength, new Uint32Array(size));
  }
}
