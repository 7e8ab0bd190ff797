import type { Marks } from "../core/reply.js";
import type { Article } from "../corpus/types.js";

/** A /sources query after argument parsing. */
export interface SourceQuery {
  /** Bare words, as typed. */
  words: string[];
  /** Exact phrases that must appear (after case and diacritic folding). */
  phrases: string[];
  /** Outlet name filter (case- and diacritic-insensitive substring of the article's outlet). */
  outlet?: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  after?: string;
  before?: string;
}

/** One article, with its best passage as a verbatim excerpt: `article.text.slice(start, end) === excerpt`. */
export interface SourceHit {
  doc: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  paragraph: number;
  start: number;
  end: number;
  excerpt: string;
  cutStart: boolean;
  cutEnd: boolean;
  /** Matched words, as ranges inside `excerpt`. */
  marks: Marks;
  score: number;
}

export interface SourceSearchResult {
  hits: SourceHit[];
  /** How many articles matched in all (for "More results"). */
  total: number;
  /** When nothing matched: a near spelling or a broader query to try. */
  hint?: string;
}

/** The passage index over a corpus: what /sources and the live corpus need. */
export interface SourceSearch {
  search(query: SourceQuery, page: { offset: number; limit: number }): SourceSearchResult;
  /** Adds or replaces one article (live corpus). */
  upsert(article: Article): void;
  remove(doc: string): void;
  /** The same as steps that pause every few passages (statements/steps.ts), for a running bot to slice. */
  upsertSteps?(article: Article): Generator<void, void, void>;
  removeSteps?(doc: string): Generator<void, void, void>;
  readonly passageCount: number;
}
