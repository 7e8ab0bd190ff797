/**
 * Which article and paragraph each indexed document is, by MiniSearch's short id: the scoring loop sees
 * short ids by the hundred thousand, and looking each one's string id up and cutting it apart would cost more
 * than scoring it.
 */
import type { Article } from "../corpus/types.js";

/** Paragraph number given to an article's title-and-headline document. */
export const TITLE_PARAGRAPH = 0;

export class DocTable {
  private articles: Array<Article | undefined> = [];
  private paragraphs = new Int32Array(1024);

  set(shortId: number, article: Article, paragraph: number): void {
    if (shortId >= this.paragraphs.length) {
      const grown = new Int32Array(Math.max(shortId + 1, this.paragraphs.length * 2));
      grown.set(this.paragraphs);
      this.paragraphs = grown;
    }
    this.articles[shortId] = article;
    this.paragraphs[shortId] = paragraph;
  }

  clear(shortId: number): void {
    this.articles[shortId] = undefined;
  }

  article(shortId: number): Article | undefined {
    return this.articles[shortId];
  }

  /** The paragraph number, or TITLE_PARAGRAPH for the title document. */
  paragraph(shortId: number): number {
    return this.paragraphs[shortId] ?? TITLE_PARAGRAPH;
  }
}
