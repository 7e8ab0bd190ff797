/**
 * How alike two renderings are: IDF-weighted overlap of their content-term sets (the harmonic mean of the
 * share of each side's weight that the other covers), plus a bonus for word pairs kept in the same order.
 * `align` finds the clause windows of two sentences that match best, so that a rendering is the matching
 * clause ("including the infamous video ...") rather than the whole sentence.
 */
import { ShardedMap, stringShard } from "./sharded-map.js";
import type { Unit } from "./units.js";

export type Weights = (key: string) => number;

/** Document frequencies of the content terms -> a weight per term (rare terms weigh more). */
export function idfWeights(
  documentFrequency: { get(key: string): number | undefined },
  documents: number,
): Weights {
  // Sharded like the frequencies: it comes to hold every term compared (see sharded-map.ts).
  const cache = new ShardedMap<string, number>(stringShard);
  return (key) => {
    let w = cache.get(key);
    if (w === undefined) {
      w = Math.log(1 + documents / (documentFrequency.get(key) ?? 1));
      cache.set(key, w);
    }
    return w;
  };
}

export interface Similarity {
  score: number;
  /** Distinct terms both sides share. */
  shared: number;
}

/** Share of ordered word pairs kept that is added to the overlap score. */
const BIGRAM_BONUS = 0.15;

/** A bag of terms ready for comparison: its distinct keys, their total weight, its ordered word pairs. */
export interface TermSet {
  keys: readonly string[];
  set: ReadonlySet<string>;
  total: number;
  pairs: ReadonlySet<string>;
}

export function termSet(keys: readonly string[], weight: Weights): TermSet {
  const set = new Set(keys);
  let total = 0;
  for (const k of set) total += weight(k);
  const pairs = new Set<string>();
  for (let i = 1; i < keys.length; i++) pairs.add(`${keys[i - 1]} ${keys[i]}`);
  return { keys, set, total, pairs };
}

/** Weighted overlap (harmonic mean of both sides' covered share) plus the ordered-pair bonus. */
export function compareSets(a: TermSet, b: TermSet, weight: Weights): Similarity {
  const [small, large] = a.set.size <= b.set.size ? [a, b] : [b, a];
  let common = 0;
  let shared = 0;
  for (const k of small.set) {
    if (large.set.has(k)) {
      common += weight(k);
      shared++;
    }
  }
  if (common === 0) return { score: 0, shared: 0 };
  const f = (2 * common) / (a.total + b.total);
  return { score: f + BIGRAM_BONUS * pairShare(a.pairs, b.pairs), shared };
}

export function similarity(a: readonly string[], b: readonly string[], weight: Weights): Similarity {
  return compareSets(termSet(a, weight), termSet(b, weight), weight);
}

function pairShare(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const p of small) if (large.has(p)) common++;
  return common / small.size;
}

/** A run of consecutive clauses of one unit: clauses first..last inclusive, with its terms. */
export interface Window extends TermSet {
  unit: Unit;
  first: number;
  last: number;
}

/** Windows are at most this many clauses long (besides the whole sentence). */
const MAX_WINDOW = 6;
/** A window needs this many content terms. */
const MIN_WINDOW_TERMS = 3;

/** The clause windows of a unit worth comparing: the whole sentence first, then shorter runs. */
export function windowsOf(unit: Unit, weight: Weights): Window[] {
  const n = unit.clauses.length;
  const make = (first: number, last: number): Window => {
    const keys: string[] = [];
    for (let i = first; i <= last; i++) for (const t of unit.clauses[i]!.terms) keys.push(t.key);
    return { unit, first, last, ...termSet(keys, weight) };
  };
  const out: Window[] = [make(0, n - 1)];
  for (let first = 0; first < n; first++) {
    for (let last = first; last < Math.min(n, first + MAX_WINDOW); last++) {
      if (first === 0 && last === n - 1) continue;
      out.push(make(first, last));
    }
  }
  return out.filter((w) => w.keys.length >= MIN_WINDOW_TERMS);
}

export interface Alignment extends Similarity {
  a: Window;
  b: Window;
}

/**
 * The best-matching clause windows of two units (given as their `windowsOf`), by alternating improvement: the
 * best window of A against B's current one, then the best of B against that, until neither moves.
 */
export function align(windowsA: readonly Window[], windowsB: readonly Window[], weight: Weights): Alignment | null {
  let wa = windowsA[0];
  let wb = windowsB[0];
  if (!wa || !wb) return null;
  let best = compareSets(wa, wb, weight);
  for (let round = 0; round < 4; round++) {
    let moved = false;
    for (const w of windowsA) {
      const s = compareSets(w, wb, weight);
      if (s.score > best.score + 1e-9) {
        best = s;
        wa = w;
        moved = true;
      }
    }
    for (const w of windowsB) {
      const s = compareSets(wa, w, weight);
      if (s.score > best.score + 1e-9) {
        best = s;
        wb = w;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return { ...best, a: wa, b: wb };
}
