/**
 * A few searches run when the passage index opens, so that the first commands after a start are answered as fast
 * as later ones. V8 optimizes a function only after it has run for a while; until then the loops that read the
 * postings (postings.ts: `score`, `markGroups`) run several times slower. At a million passages a user's first
 * query of a kind took two to three times as long as the same query asked again (26 ms instead of 9 for a
 * misspelled name), which decided the slowest answers. The searches take their words from the index's own
 * vocabulary and follow the search paths (pruned or not, term-plan.ts): two common words, three words, a dozen words, an
 * unknown word (fuzzy) and a rare one, three times: about a fifth of a second at a million passages.
 */
import type { SourceQuery } from "./types.js";

/** Rounds of the searches: V8 optimizes the loops within two or three. */
const ROUNDS = 3;
const LONG_QUERY_WORDS = 12;
/** The most frequent words taken: the first few are the common words, the others make the longer queries. */
const FREQUENT = 32;
const COMMON = 6;
/** A rare word is held by this many documents at most (and two at least). */
const RARE_DOCUMENTS = 50;

/**
 * The warm-up searches for an index with this vocabulary (term -> documents holding it). The most frequent words
 * make the heaviest searches, the ones whose loops most need optimizing.
 */
export function warmUpQueries(vocabulary: ReadonlyMap<string, number>): Array<Pick<SourceQuery, "words" | "phrases">> {
  const frequent: Array<{ term: string; count: number }> = [];
  const rare: string[] = [];
  for (const [term, count] of vocabulary) {
    if (!isPlainWord(term)) continue;
    if (count >= 2 && count <= RARE_DOCUMENTS && rare.length < ROUNDS) rare.push(term);
    // The most frequent words so far, most frequent first (a short list kept in order).
    if (frequent.length === FREQUENT && count <= frequent[FREQUENT - 1]!.count) continue;
    let at = frequent.length;
    while (at > 0 && frequent[at - 1]!.count < count) at--;
    frequent.splice(at, 0, { term, count });
    if (frequent.length > FREQUENT) frequent.pop();
  }
  const common = frequent.slice(0, COMMON).map((f) => f.term);
  const others = frequent.slice(COMMON).map((f) => f.term);
  const misspelled = common.map(misspell).filter((w): w is string => w !== null && !vocabulary.has(w));
  const queries: Array<Pick<SourceQuery, "words" | "phrases">> = [];
  const add = (...words: Array<string | undefined>) => {
    const present = words.filter((w): w is string => w !== undefined);
    if (present.length > 0) queries.push({ words: present, phrases: [] });
  };
  for (let round = 0; round < ROUNDS; round++) {
    add(common[round], common[round + ROUNDS]);
    add(common[round], others[round], others[round + ROUNDS]);
    add(...others.slice(round * 2, round * 2 + LONG_QUERY_WORDS));
    add(misspelled[round % Math.max(1, misspelled.length)]);
    add(rare[round]);
  }
  return queries;
}

/** Letters only, and long enough to be matched fuzzily when misspelled. */
function isPlainWord(term: string): boolean {
  if (term.length < 4) return false;
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

/** The word with its second and third letters swapped ("govenrment"), or null when that changes nothing. */
function misspell(word: string): string | null {
  if (word.length < 6 || word[1] === word[2]) return null;
  return word[0]! + word[2]! + word[1]! + word.slice(3);
}
