/**
 * The term dictionary's look-up of near terms (by length and letters) must give what MiniSearch's `fuzzyGet` gives:
 * the same terms, distances and order (a fuzzy clause sums its terms' scores in that order), also after terms are
 * deleted and added again (deleting merges nodes of the tree, which moves children to the end of their parent).
 */
import SearchableMap from "minisearch/SearchableMap";
import { describe, expect, it } from "vitest";
import { levenshteinWithin } from "../../src/index/fuzzy-terms.js";
import { TermDictionary } from "../../src/index/term-dictionary.js";

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words over a few letters (many near each other), some with letters outside a to z. */
function word(next: () => number): string {
  const letters = "aeinrstgu";
  const length = 1 + Math.floor(next() * 9);
  let out = "";
  for (let i = 0; i < length; i++) out += next() < 0.03 ? "é1ß"[Math.floor(next() * 3)] : letters[Math.floor(next() * letters.length)];
  return out;
}

function reference(map: SearchableMap<number>, term: string, maxDistance: number): Array<[string, number]> {
  return [...map.fuzzyGet(term, maxDistance)].map(([t, [, distance]]) => [t, distance]);
}

/** Plain Levenshtein distance, the whole table. */
function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return rows[a.length]![b.length]!;
}

describe("TermDictionary.near", () => {
  it("finds the terms, distances and order of fuzzyGet, through additions and deletions", () => {
    const next = random(20261203);
    const dictionary = new TermDictionary<number>();
    const plain = new SearchableMap<number>();
    const words = Array.from({ length: 3000 }, () => word(next));
    const compare = () => {
      for (let q = 0; q < 300; q++) {
        const query = next() < 0.5 ? words[Math.floor(next() * words.length)]! : word(next);
        for (const maxDistance of [1, 2]) {
          expect(dictionary.near(query, maxDistance)).toEqual(reference(plain, query, maxDistance));
        }
      }
    };
    words.forEach((w, i) => {
      // As the term index adds terms: fetch, set and update.
      if (i % 3 === 0) dictionary.fetch(w, () => i);
      else if (i % 3 === 1) dictionary.set(w, i);
      else dictionary.update(w, () => i);
      plain.fetch(w, () => i);
    });
    compare();
    for (let i = 0; i < words.length; i += 4) {
      dictionary.delete(words[i]!);
      plain.delete(words[i]!);
    }
    compare();
    for (let i = 0; i < words.length; i += 8) {
      dictionary.set(words[i]!, i);
      plain.set(words[i]!, i);
    }
    compare();
  });

  it("counts its changes: a new term or a deleted one, not a new value", () => {
    const dictionary = new TermDictionary<number>();
    dictionary.set("kyiv", 1);
    const after = dictionary.changes;
    dictionary.set("kyiv", 2);
    dictionary.fetch("kyiv", () => 3);
    dictionary.delete("kiev");
    expect(dictionary.changes).toBe(after);
    dictionary.delete("kyiv");
    expect(dictionary.changes).toBe(after + 1);
    expect(dictionary.near("kyiv", 1)).toEqual([]);
  });
});

describe("levenshteinWithin", () => {
  it("is the Levenshtein distance up to the cap, and the cap plus one beyond", () => {
    const next = random(7);
    for (let n = 0; n < 2000; n++) {
      const a = word(next);
      const b = word(next);
      const exact = levenshtein(a, b);
      for (const cap of [0, 1, 2, 3]) expect(levenshteinWithin(a, b, cap)).toBe(exact <= cap ? exact : cap + 1);
    }
  });
});
