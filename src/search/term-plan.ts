/**
 * Safe dynamic pruning for /sources (WAND's bound, per article). A common word ("year", "company") is held by a
 * large share of an archive; scoring every passage that holds it, for ten results, is what made /sources slow.
 * Reading a term's postings without scoring them costs a fraction of it, so for a query with many postings every
 * clause's postings are first read to learn which clauses each article holds. Each clause has an upper bound on
 * what it can add to a passage's score; an article's bound follows from the clauses it holds. Articles are then
 * scored in decreasing order of their bounds, and an article whose bound is below the score of the page's last
 * entry is never scored: it cannot enter the page. The page is exactly that of scoring everything (the tests
 * compare them on random queries); nothing is left out for holding too few of the words.
 */

export interface PlanningOptions {
  /** A query is scored in full up to this many postings in all, or... */
  fullSearchPostings: number;
  /** ...this share of the indexed documents, whichever is larger. */
  fullSearchShare: number;
  /** Pruned with block maxima (block-max.ts) where it applies; false: per-article bounds alone. Default true. */
  blockMax?: boolean;
  /** Words with at least this many postings keep their blocks from query to query (block-max.ts's default). */
  blockPostings?: number;
  /** Block-max windows scored with MaxScore inside (block-max.ts); false: every passage of a window. Default true. */
  windowMaxScore?: boolean;
}

export const DEFAULT_PLANNING: PlanningOptions = { fullSearchPostings: 2_000, fullSearchShare: 0.02 };

/** Whether a query with `postings` postings in all over `indexedDocuments` documents is worth pruning. */
export function worthPruning(postings: number, indexedDocuments: number, options: PlanningOptions = DEFAULT_PLANNING): boolean {
  return postings > Math.max(options.fullSearchPostings, indexedDocuments * options.fullSearchShare);
}

/**
 * The most an article holding the clauses of `mask` can score: its best passage and its title (weighted) each
 * score at most the sum of those clauses' bounds (body and title bounds apart) times their number (MiniSearch
 * multiplies by the clauses matched). A small margin covers floating-point rounding.
 */
export function articleBound(mask: number, bodyBounds: Float64Array, titleBounds: Float64Array, titleWeight: number): number {
  let body = 0;
  let title = 0;
  let count = 0;
  for (let i = 0; mask !== 0; i++, mask >>>= 1) {
    if (mask & 1) {
      body += bodyBounds[i]!;
      title += titleBounds[i]!;
      count++;
    }
  }
  return (body + titleWeight * title) * count * (1 + 1e-9);
}

/**
 * The bound above which articles must be scored in a first round: the highest bound such that at least
 * `wanted` articles reach it (all of them when fewer are given). `bounds` holds one bound per article.
 */
export function firstRoundBound(bounds: Float64Array, count: number, wanted: number): number {
  if (count <= wanted) return -Infinity;
  // The wanted-th largest bound, by selection on a copy (bounds take few distinct values: ties are common).
  const copy = bounds.slice(0, count);
  const k = wanted - 1;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const pivot = copy[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (copy[i]! > pivot) i++;
      while (copy[j]! < pivot) j--;
      if (i <= j) {
        const t = copy[i]!;
        copy[i++] = copy[j]!;
        copy[j--] = t;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return copy[k]!;
}
