/**
 * The term dictionary of a term index (term-index.ts): MiniSearch's `SearchableMap` (a radix tree), which also
 * keeps its terms by length (fuzzy-terms.ts) so that the terms a few edits from a misspelled one are found without
 * walking the tree, and counts its changes (a cache of such look-ups knows when it is stale).
 *
 * `near` gives what `fuzzyGet` gives (the same terms, distances and order) at a fraction of its cost: the terms
 * are found by length and letters, then put in the order of MiniSearch's walk, read from the tree (each term's path
 * of child positions; a node's children are in the order they were made). The order matters: a fuzzy clause sums
 * its terms' scores in it (test/index/term-dictionary.test.ts compares with `fuzzyGet`). The tree is the Map this
 * class gives `SearchableMap`'s constructor, read with MiniSearch 7's layout (a node is a Map from key pieces to
 * nodes, its own value under ""): `minisearch` is pinned to an exact version, and the test would fail on a change.
 */
import SearchableMap from "minisearch/SearchableMap";
import { FuzzyTerms } from "./fuzzy-terms.js";

/** MiniSearch's key of a node's own value (its LEAF). */
const LEAF = "";

type Node = Map<string, unknown>;

export class TermDictionary<T> extends SearchableMap<T> {
  private readonly byLength = new FuzzyTerms();
  /** The tree's root, given to `SearchableMap`'s constructor (which keeps it as its tree): read for the walk's order. */
  private readonly root: Node;
  /** Incremented when a term is added or deleted. */
  changes = 0;

  constructor() {
    const root = new Map();
    super(root);
    this.root = root;
  }

  override set(key: string, value: T): this {
    if (!this.has(key)) this.added(key);
    super.set(key, value);
    return this;
  }

  override fetch(key: string, initial: () => T): T {
    let made = false;
    const value = super.fetch(key, () => {
      made = true;
      return initial();
    });
    if (made) this.added(key);
    return value;
  }

  override update(key: string, fn: (value: T | undefined) => T): this {
    if (!this.has(key)) this.added(key);
    super.update(key, fn);
    return this;
  }

  override delete(key: string): void {
    if (!this.has(key)) return;
    super.delete(key);
    this.byLength.delete(key);
    this.changes++;
  }

  override clear(): void {
    super.clear();
    this.byLength.clear();
    this.changes++;
  }

  /** The terms at most `maxDistance` edits from `term` with their distances, in `fuzzyGet`'s order (itself included when present). */
  near(term: string, maxDistance: number): Array<[string, number]> {
    const found = this.byLength.near(term, maxDistance);
    if (found.length < 2) return found;
    const paths = new Map(found.map(([t]) => [t, this.path(t)]));
    return found.sort((a, b) => comparePaths(paths.get(a[0])!, paths.get(b[0])!));
  }

  private added(key: string): void {
    this.byLength.add(key);
    this.changes++;
  }

  /** The positions, among its node's children (LEAF included), of each key on the way to the term's value. */
  private path(term: string): number[] {
    const path: number[] = [];
    let node = this.root;
    let at = 0;
    for (;;) {
      let position = 0;
      let next: Node | null = null;
      for (const key of node.keys()) {
        if (at === term.length ? key === LEAF : key !== LEAF && term.startsWith(key, at)) {
          next = key === LEAF ? node : (node.get(key) as Node);
          at += key.length;
          break;
        }
        position++;
      }
      path.push(position);
      if (next === null || next === node) return path;
      node = next;
    }
  }
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
