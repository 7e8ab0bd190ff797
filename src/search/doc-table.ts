/**
 * Which article and paragraph each indexed document is, by MiniSearch's short id, and a small number (the
 * article's ordinal) for each article: the scoring loop sees short ids by the hundred thousand, and looking
 * each one's string id up and cutting it apart, or keying maps by article, would cost more than scoring it.
 */
import type { Article } from "../corpus/types.js";

/** Paragraph number given to an article's title-and-headline document. */
export const TITLE_PARAGRAPH = 0;

export class DocTable {
  /** Ordinal -> article (undefined once removed; an article added again under its id gets its ordinal back). */
  private readonly list: Array<Article | undefined> = [];
  private readonly ordinals = new Map<string, number>();
  /** Short id -> ordinal, -1 for none. */
  private docOrdinals = new Int32Array(1024).fill(-1);
  private paragraphs = new Int32Array(1024);

  set(shortId: number, article: Article, paragraph: number): void {
    if (shortId >= this.paragraphs.length) {
      const size = Math.max(shortId + 1, this.paragraphs.length * 2);
      const ordinals = new Int32Array(size).fill(-1);
      ordinals.set(this.docOrdinals);
      const paragraphs = new Int32Array(size);
      paragraphs.set(this.paragraphs);
      this.docOrdinals = ordinals;
      this.paragraphs = paragraphs;
    }
    let ordinal = this.ordinals.get(article.id);
    if (ordinal === undefined) {
      ordinal = this.list.push(article) - 1;
      this.ordinals.set(article.id, ordinal);
    } else {
      this.list[ordinal] = article;
    }
    this.docOrdinals[shortId] = ordinal;
    this.paragraphs[shortId] = paragraph;
  }

  /** Forgets a document (discarded from the index). */
  clear(shortId: number): void {
    if (shortId < this.docOrdinals.length) this.docOrdinals[shortId] = -1;
  }

  /** Forgets an article removed from the index (its documents are cleared one by one). */
  forget(articleId: string): void {
    const ordinal = this.ordinals.get(articleId);
    if (ordinal !== undefined) this.list[ordinal] = undefined;
  }

  /** How many ordinals have been given: every ordinal is below this. */
  get slots(): number {
    return this.list.length;
  }

  /** The article's ordinal of a document, -1 for none. */
  ordinal(shortId: number): number {
    return this.docOrdinals[shortId] ?? -1;
  }

  articleAt(ordinal: number): Article | undefined {
    return this.list[ordinal];
  }

  article(shortId: number): Article | undefined {
    const ordinal = this.ordinal(shortId);
    return ordinal < 0 ? undefined : this.list[ordinal];
  }

  /** The paragraph number, or TITLE_PARAGRAPH for the title document. */
  paragraph(shortId: number): number {
    return this.paragraphs[shortId] ?? TITLE_PARAGRAPH;
  }
}
