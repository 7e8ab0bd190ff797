/**
 * Builds the passage index from analysed passages without MiniSearch's `add`: each term's postings are written
 * packed (packed-postings.ts) as the passages come, instead of growing a Map per term and packing it after.
 * The result is the MiniSearch index `add` would have made, with the same short ids, field lengths and average
 * (MiniSearch's running average, computed the same way), in a fraction of the time and memory.
 */
import type { Article } from "../corpus/types.js";
import { restoreIndex, type DecodedIndex } from "./index-codec.js";
import { PostingsWriter } from "../index/postings-writer.js";

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

  /** The index (as MiniSearch's `add` would make it), its field named `field`. The builder is spent. */
  finish(field: string): DecodedIndex {
    const { terms, counts, byteLengths, postings } = this.postings.finish();
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
        byteLengths,
        postings,
      },
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
