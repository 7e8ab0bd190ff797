/**
 * Rare terms first: which query terms find the candidate articles ("leaders") and which only add to the
 * scores of those candidates ("boosters"). A common word ("year", "company") matches a large share of an
 * archive; scoring every passage that holds it, for ten results, is what made /sources slow. Candidates are
 * found by reading postings without scoring them; only the candidates are scored, with every term, so their
 * scores are exactly those of a full search. The index falls back to a full search when the plan cannot
 * prove that the articles left out could not have made the page.
 */

export interface TermFrequency {
  term: string;
  /** Indexed documents (passages and titles) holding the term; 0 when unknown (a fuzzy clause). */
  documents: number;
}

export interface PlanningOptions {
  /** A term is common (a booster) above this many postings, or... */
  minLeaderPostings: number;
  /** ...above this share of the indexed documents, whichever is larger. Below it in all: one plain search. */
  leaderShare: number;
}

export const DEFAULT_PLANNING: PlanningOptions = { minLeaderPostings: 2_000, leaderShare: 0.02 };

export interface TermPlan {
  /**
   * "all": one plain search over every term (a single term, or few postings in all). "complete": an article
   * can match enough of the words only by holding at least `minLeaders` leaders, so the candidates are all
   * the articles that can qualify. "bounded" (two terms): the candidates hold the rarer term; an article
   * holding only the commoner one is left out when its best possible score cannot reach the page.
   */
  mode: "all" | "complete" | "bounded";
  /** Terms whose postings are read in full to find the candidate articles. */
  leaders: string[];
  /** Terms scored only over the candidates. */
  boosters: string[];
  /** How many distinct leaders a candidate article holds at least. */
  minLeaders: number;
}

/** Most query words matter: with three or more, an article must match at least half of them. */
export function neededClauses(clauseCount: number): number {
  return clauseCount <= 2 ? 1 : Math.ceil(clauseCount / 2);
}

/**
 * Splits the terms by rarity. With three or more terms, the commonest terms above the budget become
 * boosters, but fewer than the number of words an article must match, so that every qualifying article
 * holds some leaders (and the more boosters, the fewer leaders it must hold).
 */
export function planByRarity(terms: readonly TermFrequency[], indexedDocuments: number, options: PlanningOptions = DEFAULT_PLANNING): TermPlan {
  const budget = Math.max(options.minLeaderPostings, indexedDocuments * options.leaderShare);
  const all = terms.map((t) => t.term);
  const total = terms.reduce((n, t) => n + t.documents, 0);
  if (terms.length < 2 || total <= budget) return { mode: "all", leaders: all, boosters: [], minLeaders: 1 };
  const byRarity = [...terms].sort((a, b) => a.documents - b.documents);
  const needed = neededClauses(terms.length);
  if (needed === 1) {
    return { mode: "bounded", leaders: [byRarity[0]!.term], boosters: byRarity.slice(1).map((t) => t.term), minLeaders: 1 };
  }
  const boosters: string[] = [];
  for (let i = byRarity.length - 1; i >= 0 && boosters.length < needed - 1 && byRarity[i]!.documents > budget; i--) {
    boosters.push(byRarity[i]!.term);
  }
  const leaders = byRarity.filter((t) => !boosters.includes(t.term)).map((t) => t.term);
  return { mode: "complete", leaders, boosters, minLeaders: needed - boosters.length };
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
