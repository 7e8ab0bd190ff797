/**
 * The terms of a dictionary by length, each with the set of its letters as bits, for finding the terms a few edits
 * from a misspelled one (term-dictionary.ts). MiniSearch's fuzzy search walks its radix tree with a Levenshtein
 * row per node: at a million passages the first look-up of a new misspelling took 2 to 6 ms. Here only the terms
 * within `maxDistance` letters of its length are read, and of those only the ones whose letter sets differ by at
 * most `maxDistance` letters each way (an edit adds at most one letter to a word's set and takes at most one away)
 * have their distance computed. The distance is MiniSearch's (Levenshtein over UTF-16 code units, no
 * transposition), so the same terms are found with the same distances.
 */

/** One length's terms and their letter bits (a swap-remove keeps them packed: their order means nothing). */
interface LengthGroup {
  terms: string[];
  masks: Uint32Array;
}

export class FuzzyTerms {
  private groups: Array<LengthGroup | undefined> = [];

  clear(): void {
    this.groups = [];
  }

  add(term: string): void {
    const group = (this.groups[term.length] ??= { terms: [], masks: new Uint32Array(16) });
    const at = group.terms.length;
    if (at === group.masks.length) {
      const grown = new Uint32Array(at * 2);
      grown.set(group.masks);
      group.masks = grown;
    }
    group.terms.push(term);
    group.masks[at] = letterBits(term);
  }

  delete(term: string): void {
    const group = this.groups[term.length];
    if (!group) return;
    const at = group.terms.indexOf(term);
    if (at < 0) return;
    const last = group.terms.length - 1;
    group.terms[at] = group.terms[last]!;
    group.masks[at] = group.masks[last]!;
    group.terms.pop();
  }

  /** The terms at most `maxDistance` edits from `query` (itself included when present), with their distances, in no order. */
  near(query: string, maxDistance: number): Array<[string, number]> {
    const found: Array<[string, number]> = [];
    const bits = letterBits(query);
    const from = Math.max(0, query.length - maxDistance);
    const to = Math.min(this.groups.length - 1, query.length + maxDistance);
    for (let length = from; length <= to; length++) {
      const group = this.groups[length];
      if (!group) continue;
      const { terms, masks } = group;
      for (let i = 0; i < terms.length; i++) {
        const mask = masks[i]!;
        if (bitCount(mask & ~bits) > maxDistance || bitCount(bits & ~mask) > maxDistance) continue;
        const term = terms[i]!;
        const distance = levenshteinWithin(query, term, maxDistance);
        if (distance <= maxDistance) found.push([term, distance]);
      }
    }
    return found;
  }
}

/** A bit per letter a to z, the other code units folded onto six more bits (a shared bit only loosens the bound). */
function letterBits(term: string): number {
  let bits = 0;
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    bits |= 1 << (code >= 0x61 && code <= 0x7a ? code - 0x61 : 26 + (code % 6));
  }
  return bits >>> 0;
}

function bitCount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

let rows = new Int32Array(64);

/**
 * The Levenshtein distance of `a` and `b` in UTF-16 code units (insertions, deletions, substitutions), or
 * `max + 1` once it is known to exceed `max`.
 */
export function levenshteinWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < width * 2) rows = new Int32Array(width * 4);
  let previous = 0;
  let current = width;
  for (let j = 0; j < width; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const substitution = rows[previous + j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = rows[previous + j]! + 1;
      const insertion = rows[current + j - 1]! + 1;
      const value = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion;
      rows[current + j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    const spare = previous;
    previous = current;
    current = spare;
  }
  const distance = rows[previous + b.length]!;
  return distance > max ? max + 1 : distance;
}
