/**
 * Which article and paragraph each indexed document is, by its short id (term-index.ts), and a small number (the
 * article's ordinal) for each article: the scoring loop sees short ids by the hundred thousand, and looking
 * each one's string id up and cutting it apart, or keying maps by article, would cost more than scoring it.
 * A document's id is `doc#t` for an article's title, `doc#pN` for its paragraph N; an article's documents get
 * consecutive short ids (they are indexed together), which is how an id finds its short id without a map.
 */
import type { Article } from "../corpus/types.js";

/** Paragraph number given to an article's title-and-headline document. */
export const TITLE_PARAGRAPH = 0;
const TITLE_SUFFIX = "#t";

export class DocTable {
  /** Ordinal -> article (undefined once removed; an article added again under its id gets its ordinal back). */
  private readonly list: Array<Article | undefined> = [];
  private readonly ordinals = new Map<string, number>();
  /** By ordinal: the article's documents, short ids `first` to `first + count - 1`. */
  private first = new Int32Array(256);
  private count = new Int32Array(256);
  /** By ordinal: 1 when the article has body paragraphs (read here, not from the article, in loops over many). */
  private body = new Uint8Array(256);
  /** Short id -> ordinal, -1 for none. */
  private docOrdinals: Int32Array = new Int32Array(1024).fill(-1);
  private paragraphs: Int32Array = new Int32Array(1024);
  private live = 0;

  /**
   * A table from arrays by short id (the article's ordinal in `articles`, -1 for none, and the paragraph), as a
   * snapshot or the index builder has them, with each article's number of body paragraphs (by ordinal): one pass,
   * no lookup per document, no article's paragraphs read.
   */
  static fromArrays(articles: readonly Article[], docArticle: Int32Array, docParagraph: Int32Array, bodyCounts: Uint32Array): DocTable {
    const table = new DocTable();
    table.growArticles(Math.max(articles.length, 256));
    articles.forEach((article, ordinal) => {
      table.list.push(article);
      table.ordinals.set(article.id, ordinal);
      table.body[ordinal] = bodyCounts[ordinal]! > 0 ? 1 : 0;
    });
    // The arrays are the table's now (a snapshot's views, or the builder's own copies): not copied again.
    table.docOrdinals = docArticle;
    table.paragraphs = docParagraph;
    for (let shortId = 0; shortId < docArticle.length; shortId++) {
      const ordinal = docArticle[shortId]!;
      if (ordinal < 0) continue;
      if (ordinal >= articles.length) throw new Error(`document ${shortId} names no article`);
      table.live++;
      // An article's documents are consecutive; a later run (the article indexed again) replaces the earlier.
      if (table.count[ordinal]! > 0 && table.first[ordinal]! + table.count[ordinal]! === shortId) table.count[ordinal]!++;
      else {
        table.first[ordinal] = shortId;
        table.count[ordinal] = 1;
      }
    }
    return table;
  }

  /** The id of the document for an article's paragraph (or title). */
  static idOf(article: Article, paragraph: number): string {
    return paragraph === TITLE_PARAGRAPH ? article.id + TITLE_SUFFIX : `${article.id}#p${paragraph}`;
  }

  set(shortId: number, article: Article, paragraph: number): void {
    if (shortId >= this.paragraphs.length) this.growDocuments(Math.max(shortId + 1, this.paragraphs.length * 2));
    let ordinal = this.ordinals.get(article.id);
    if (ordinal === undefined) {
      ordinal = this.list.push(article) - 1;
      this.ordinals.set(article.id, ordinal);
      if (ordinal >= this.first.length) this.growArticles(this.first.length * 2);
      this.count[ordinal] = 0;
    } else {
      this.list[ordinal] = article;
    }
    this.body[ordinal] = hasBody(article);
    if (this.docOrdinals[shortId]! < 0) this.live++;
    this.docOrdinals[shortId] = ordinal;
    this.paragraphs[shortId] = paragraph;
    // The article's documents so far end just before this one, or it starts again (indexed anew).
    const end = this.first[ordinal]! + this.count[ordinal]!;
    if (this.count[ordinal]! > 0 && end === shortId) this.count[ordinal]!++;
    else if (this.count[ordinal]! > 0 && shortId < end && shortId >= this.first[ordinal]!) return;
    else {
      this.first[ordinal] = shortId;
      this.count[ordinal] = 1;
    }
  }

  /** Forgets a document (discarded from the index). */
  clear(shortId: number): void {
    if (shortId < this.docOrdinals.length && this.docOrdinals[shortId]! >= 0) {
      this.docOrdinals[shortId] = -1;
      this.live--;
    }
  }

  /** Forgets an article removed from the index (its documents are cleared one by one). */
  forget(articleId: string): void {
    const ordinal = this.ordinals.get(articleId);
    if (ordinal === undefined) return;
    this.list[ordinal] = undefined;
    this.count[ordinal] = 0;
    this.body[ordinal] = 0;
  }

  /** How many ordinals have been given: every ordinal is below this. */
  get slots(): number {
    return this.list.length;
  }

  /** How many documents are known. */
  get size(): number {
    return this.live;
  }

  /** The article's ordinal of a document, -1 for none. */
  ordinal(shortId: number): number {
    return this.docOrdinals[shortId] ?? -1;
  }

  articleAt(ordinal: number): Article | undefined {
    return this.list[ordinal];
  }

  /** Whether the article of the ordinal has body paragraphs (an article may have a title alone). */
  hasBody(ordinal: number): boolean {
    return this.body[ordinal] === 1;
  }

  /** The article's documents are the short ids from `articleStart` to `articleEnd` (excluded). */
  articleStart(ordinal: number): number {
    return this.first[ordinal]!;
  }

  articleEnd(ordinal: number): number {
    return this.first[ordinal]! + this.count[ordinal]!;
  }

  article(shortId: number): Article | undefined {
    const ordinal = this.ordinal(shortId);
    return ordinal < 0 ? undefined : this.list[ordinal];
  }

  /** The paragraph number, or TITLE_PARAGRAPH for the title document. */
  paragraph(shortId: number): number {
    return this.paragraphs[shortId] ?? TITLE_PARAGRAPH;
  }

  /** The id of a known document. */
  id(shortId: number): string | undefined {
    const article = this.article(shortId);
    return article && DocTable.idOf(article, this.paragraphs[shortId]!);
  }

  /** The short id of a known document, by its id. */
  shortId(id: string): number | undefined {
    const hash = id.lastIndexOf("#");
    if (hash < 0) return undefined;
    const ordinal = this.ordinals.get(id.slice(0, hash));
    if (ordinal === undefined) return undefined;
    const suffix = id.slice(hash + 1);
    const paragraph = suffix === "t" ? TITLE_PARAGRAPH : /^p\d+$/.test(suffix) ? Number(suffix.slice(1)) : -1;
    if (paragraph < 0) return undefined;
    const first = this.first[ordinal]!;
    for (let shortId = first; shortId < first + this.count[ordinal]!; shortId++) {
      if (this.docOrdinals[shortId] === ordinal && this.paragraphs[shortId] === paragraph) return shortId;
    }
    return undefined;
  }

  /** Short id -> the article's ordinal (-1 for none), as it stands (read, do not keep: it grows by copy). */
  get documentOrdinals(): Int32Array {
    return this.docOrdinals;
  }

  /** Short id -> paragraph number (TITLE_PARAGRAPH, 0, for a title), as it stands (read, do not keep). */
  get documentParagraphs(): Int32Array {
    return this.paragraphs;
  }

  /** Every known document's short id, in order. */
  *shortIds(): Generator<number> {
    for (let shortId = 0; shortId < this.docOrdinals.length; shortId++) if (this.docOrdinals[shortId]! >= 0) yield shortId;
  }

  /** Every known document: short id and id (the postings' `DocumentIdLookup`). */
  *entries(): Generator<[number, string]> {
    for (const shortId of this.shortIds()) yield [shortId, this.id(shortId)!];
  }

  private growDocuments(size: number): void {
    const ordinals = new Int32Array(size).fill(-1);
    ordinals.set(this.docOrdinals);
    const paragraphs = new Int32Array(size);
    paragraphs.set(this.paragraphs);
    this.docOrdinals = ordinals;
    this.paragraphs = paragraphs;
  }

  private growArticles(size: number): void {
    const first = new Int32Array(size);
    first.set(this.first);
    const count = new Int32Array(size);
    count.set(this.count);
    const body = new Uint8Array(size);
    body.set(this.body);
    this.first = first;
    this.count = count;
    this.body = body;
  }
}

function hasBody(article: Article): 0 | 1 {
  return article.paragraphs.some((p) => p.role === "body") ? 1 : 0;
}
