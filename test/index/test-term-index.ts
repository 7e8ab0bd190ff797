/**
 * A term index over documents given as MiniSearch is given them (`{ id, terms }`, terms joined by spaces), for
 * the tests that compare the term index (src/index/term-index.ts) and its postings with MiniSearch fed the same.
 */
import MiniSearch from "minisearch";
import { Postings, type DocumentIdLookup } from "../../src/index/postings.js";
import { TermIndex } from "../../src/index/term-index.js";
import { MINISEARCH_OPTIONS, type IndexedDoc } from "../../src/search/source-index.js";

export class TestTermIndex implements DocumentIdLookup {
  readonly index = new TermIndex();
  readonly postings = new Postings(this.index, this);
  private readonly ids: Array<string | undefined> = [];
  private readonly shortIds = new Map<string, number>();

  /** As MiniSearch's `add` with MINISEARCH_OPTIONS (tokens split on spaces, kept as they are). */
  add(doc: IndexedDoc): void {
    const tokens = doc.terms ? doc.terms.split(" ") : [];
    const shortId = this.index.add(new Set(tokens).size, tokens.filter((t) => t !== ""));
    this.ids[shortId] = doc.id;
    this.shortIds.set(doc.id, shortId);
  }

  discard(id: string): void {
    const shortId = this.shortIds.get(id)!;
    this.index.discard(shortId);
    this.ids[shortId] = undefined;
    this.shortIds.delete(id);
  }

  shortId(id: string): number | undefined {
    return this.shortIds.get(id);
  }

  *entries(): Generator<[number, string]> {
    for (const [shortId, id] of this.ids.entries()) if (id !== undefined) yield [shortId, id];
  }
}

/** The same documents in MiniSearch and in a term index, changed together. */
export class BothIndexes {
  readonly ms = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  readonly mine = new TestTermIndex();

  add(doc: IndexedDoc): void {
    this.ms.add(doc);
    this.mine.add(doc);
  }

  discard(id: string): void {
    this.ms.discard(id);
    this.mine.discard(id);
  }

  get postings(): Postings {
    return this.mine.postings;
  }
}
