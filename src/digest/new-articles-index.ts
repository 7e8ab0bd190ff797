/**
 * `newArticles` (for-newsroom.ts) for a running bot, without reading every article's dates again for each /digest:
 * each article's first sighting, baseline flag and publication time are parsed once and kept in step with the
 * corpus changes. Same answers, in the same order (the newsroom's order of articles).
 */
import type { Article } from "../corpus/types.js";
import type { DigestSource } from "./for-newsroom.js";

interface Row {
  article: Article;
  /** When first seen (ms), NaN when never seen. */
  seenAt: number;
  baseline: boolean;
  /** Publication time (ms), NaN when unknown. */
  published: number;
}

export class NewArticlesIndex {
  private rows: Map<string, Row> | null = null;

  constructor(private readonly source: Pick<DigestSource, "articles" | "firstSeen" | "inBaseline">) {}

  /** The period's new articles, as `newArticles(source, from, to)` gives them. */
  between(from: Date, to: Date): Article[] {
    this.rows ??= new Map(this.source.articles().map((a) => [a.id, this.row(a)]));
    const start = from.getTime();
    const end = to.getTime();
    const found: Article[] = [];
    for (const { article, seenAt, baseline, published } of this.rows.values()) {
      // Never seen (NaN), or seen after the period: not new.
      if (!(seenAt <= end)) continue;
      if ((seenAt > start && !baseline) || (published >= start && published <= end)) found.push(article);
    }
    return found;
  }

  /** A corpus file's change, as the newsroom applied it (removed, then added or changed). */
  changed(removed: readonly string[], upserted: readonly Article[]): void {
    if (!this.rows) return;
    for (const doc of removed) this.rows.delete(doc);
    for (const article of upserted) this.rows.set(article.id, this.row(article));
  }

  private row(article: Article): Row {
    const seen = this.source.firstSeen(article.id);
    return {
      article,
      seenAt: seen ? Date.parse(seen) : NaN,
      baseline: this.source.inBaseline?.(article.id) ?? false,
      published: article.published ? Date.parse(article.published) : NaN,
    };
  }
}
