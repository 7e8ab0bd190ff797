/**
 * The one edit distance of Dateline: near names in the speaker registry (quotes/speaker-lookup.ts), "did you
 * mean" for index terms (search/near-term.ts) and quotation topics (quotes/book.ts).
 */

/**
 * Damerau-Levenshtein (optimal string alignment: a transposition of neighbours is one edit) distance, in UTF-16
 * code units, capped: once every entry of a row is past `cap` it returns cap + 1. A distance past the cap may
 * also come back exact; callers compare with the cap. (A non-empty `a` against an empty `b` gives cap + 1 at once:
 * the row minimum leaves out the first column.)
 */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  // Three rolling rows (i-2, i-1, i) of the full table, reused across calls: this runs for every pair of names
  // compared, and allocating a table each time was most of its cost.
  const width = b.length + 1;
  if (distanceRows.length < width * 3) distanceRows = new Int32Array(width * 6);
  const rows = distanceRows;
  let twoBack = 0;
  let oneBack = width;
  let current = width * 2;
  for (let j = 0; j <= b.length; j++) rows[oneBack + j] = j; // row 0
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let best = Infinity;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(rows[oneBack + j]! + 1, rows[current + j - 1]! + 1, rows[oneBack + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, rows[twoBack + j - 2]! + 1);
      rows[current + j] = v;
      best = Math.min(best, v);
    }
    // The minimum is over the columns j >= 1, as it always was (so an empty `b` stops here at once).
    if (best > cap) return cap + 1;
    const spare = twoBack;
    twoBack = oneBack;
    oneBack = current;
    current = spare;
  }
  return rows[oneBack + b.length]!;
}

let distanceRows = new Int32Array(64);
