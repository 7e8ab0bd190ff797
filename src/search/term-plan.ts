/**
 * Which articles are worth scoring. A common word ("year", "company") is held by a large share of an archive;
 * scoring every passage that holds it, for ten results, is what made /sources slow. Reading a term's postings
 * without scoring them costs a fraction of it, so for a query with many postings every term's postings are first
 * read to find which of the query's terms each article holds (in any passage or its title); only the candidate
 * articles, those that can make the page, are then scored, with every term, so their scores are exactly those of
 * a full search. The index falls back to a full search when the plan cannot prove that the articles left out
 * could not have made the page.
 */

export interface TermFrequency {
  term: string;
  /** Indexed documents (passages and titles) holding the term; 0 when unknown (a fuzzy clause). */
  documents: number;
}

export interface PlanningOptions {
  /** A query is searched in full up to this many postings in all, or... */
  fullSearchPostings: number;
  /** ...this share of the indexed documents, whichever is larger. */
  fullSearchShare: number;
}

export const DEFAULT_PLANNING: PlanningOptions = { fullSearchPostings: 2_000, fullSearchShare: 0.02 };

export interface TermPlan {
  /** "all": one plain search over every term (a single term, or few postings in all). "candidates": see below. */
  mode: "all" | "candidates";
  /** Terms every candidate article holds. */
  required: string[];
  /** How many of the query's terms a candidate article holds at least. */
  minTerms: number;
  /**
   * False when no other article can match: it would hold too few of the words, or not a phrase's words. True
   * for two words, either of which matches: the other articles are counted, and the page stands only if none of
   * them could score high enough to enter it.
   */
  bounded: boolean;
}

/** Most query words matter: with three or more, an article must match at least half of them. */
export function neededClauses(clauseCount: number): number {
  return clauseCount <= 2 ? 1 : Math.ceil(clauseCount / 2);
}

/**
 * The candidates of a query with many postings. An article matching enough of three or more words holds at
 * least half of them; an article matching a phrase holds its words. With two words, either of which matches,
 * the candidates hold the rarer word when it is rare, or else both.
 */
export function planByRarity(
  terms: readonly TermFrequency[],
  indexedDocuments: number,
  options: PlanningOptions = DEFAULT_PLANNING,
  phraseTerms: readonly string[] = [],
): TermPlan {
  const budget = Math.max(options.fullSearchPostings, indexedDocuments * options.fullSearchShare);
  const total = terms.reduce((n, t) => n + t.documents, 0);
  if (terms.length < 2 || total <= budget) return { mode: "all", required: [], minTerms: 1, bounded: false };
  const needed = neededClauses(terms.length);
  const inPhrases = terms.map((t) => t.term).filter((term) => phraseTerms.includes(term));
  if (needed > 1 || inPhrases.length > 0) return { mode: "candidates", required: inPhrases, minTerms: needed, bounded: false };
  const [rarer, commoner] = [...terms].sort((a, b) => a.documents - b.documents) as [TermFrequency, TermFrequency];
  const required = rarer.documents <= budget ? [rarer.term] : [rarer.term, commoner.term];
  return { mode: "candidates", required, minTerms: 1, bounded: true };
}

/** MiniSearch's BM25 parameters (its defaults, which the index uses). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** MiniSearch's inverse document frequency of a term held by `documents` of `indexedDocuments`. */
export function inverseDocumentFrequency(documents: number, indexedDocuments: number): number {
  return Math.log(1 + (indexedDocuments - documents + 0.5) / (documents + 0.5));
}

/**
 * The most one indexed document matching only `terms` can score in MiniSearch: each term's BM25 tends to
 * idf × (d + k + 1) as its frequency grows, and MiniSearch multiplies the sum by the number of terms matched.
 */
export function maxDocumentScore(terms: readonly TermFrequency[], indexedDocuments: number): number {
  let sum = 0;
  for (const t of terms) sum += inverseDocumentFrequency(t.documents, indexedDocuments) * (BM25.d + BM25.k + 1);
  return sum * terms.length;
}
