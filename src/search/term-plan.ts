/**
 * Rare terms first: which query terms find the candidate articles ("leaders") and which only add to the
 * scores of those candidates ("boosters"). A common word ("year", "company") matches a large share of an
 * archive; scoring every passage that holds it, for ten results, is what made /sources slow. Leaders are the
 * rarest terms, as many as fit a budget of postings; the index then proves (or not) that no article without
 * a leader could have made the page, and searches everything only when it cannot.
 */

export interface TermFrequency {
  term: string;
  /** Indexed documents (passages and titles) holding the term; 0 when unknown (a fuzzy clause). */
  documents: number;
}

export interface PlanningOptions {
  /** Leaders may hold this many postings in all: at least this many... */
  minLeaderPostings: number;
  /** ...or this share of the indexed documents, whichever is larger. */
  leaderShare: number;
}

export const DEFAULT_PLANNING: PlanningOptions = { minLeaderPostings: 2_000, leaderShare: 0.02 };

export interface TermPlan {
  /** Terms whose postings are searched in full: every candidate article holds at least one of them. */
  leaders: string[];
  /** Terms scored only over the candidates (empty: one plain search over every term). */
  boosters: string[];
}

/**
 * Splits the terms by rarity. The rarest term always leads; rarer terms join it while their postings fit the
 * budget. When the boosters would hold few postings anyway, everything leads (nothing to save).
 */
export function planByRarity(terms: readonly TermFrequency[], indexedDocuments: number, options: PlanningOptions = DEFAULT_PLANNING): TermPlan {
  const budget = Math.max(options.minLeaderPostings, indexedDocuments * options.leaderShare);
  const byRarity = [...terms].sort((a, b) => a.documents - b.documents);
  const total = byRarity.reduce((n, t) => n + t.documents, 0);
  if (total <= budget) return { leaders: terms.map((t) => t.term), boosters: [] };
  const leaders: string[] = [];
  const boosters: string[] = [];
  let postings = 0;
  for (const t of byRarity) {
    if (leaders.length === 0 || (boosters.length === 0 && postings + t.documents <= budget)) {
      leaders.push(t.term);
      postings += t.documents;
    } else {
      boosters.push(t.term);
    }
  }
  return { leaders, boosters };
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
