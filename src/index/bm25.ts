/**
 * BM25+ as MiniSearch scores it (its defaults, which both indexes use): the inverse document frequency, one
 * posting's score and the most a posting of a term can score. Postings (postings.ts), the block-max search and the
 * article bounds of /sources read these, so that every score is MiniSearch's to the last bit.
 */

/** MiniSearch's BM25+ parameters (its defaults, which the index uses). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** MiniSearch's inverse document frequency of a term held by `documents` of `indexedDocuments`. */
export function inverseDocumentFrequency(documents: number, indexedDocuments: number): number {
  return Math.log(1 + (indexedDocuments - documents + 0.5) / (documents + 0.5));
}

/** One posting's score: a term of `idf` found `tf` times in a document of `length` terms (written as MiniSearch does, for the same bits). */
export function termScore(idf: number, tf: number, length: number, averageLength: number): number {
  return idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / averageLength)));
}

/**
 * The most one posting of a term can score: BM25+ grows with the term's frequency and falls with the document's
 * length, so a posting scores at most what the term's highest frequency in its shortest document would.
 */
export function termScoreBound(idf: number, maxFrequency: number, minLength: number, averageLength: number): number {
  return termScore(idf, maxFrequency, minLength, averageLength);
}
