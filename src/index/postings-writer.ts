import { writeVarint } from "./packed-postings.js";
import type { TermSections } from "./snapshot-sections.js";

/** Room for a document gap and a frequency, 5 bytes each at most. */
const POSTING_ROOM = 10;

/**
 * Term postings written packed as documents come (in ascending short ids): a term's postings are a growing
 * buffer of varint (document gap, frequency) pairs, the layout PackedDocMap reads. Terms are numbered in the
 * order first seen, the order MiniSearch's `add` inserts them.
 */
export class PostingsWriter {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly buffers: Uint8Array[] = [];
  private readonly used: number[] = [];
  private readonly lastDoc: number[] = [];
  private readonly counts: number[] = [];

  /** Adds document `doc` (greater than any added before) holding each term `frequency` times. */
  add(doc: number, frequencies: ReadonlyMap<string, number>): void {
    for (const [term, frequency] of frequencies) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.push(term) - 1;
        this.termIds.set(term, id);
        this.buffers.push(new Uint8Array(16));
        this.used.push(0);
        this.lastDoc.push(0);
        this.counts.push(0);
      }
      let buffer = this.buffers[id]!;
      let at = this.used[id]!;
      if (at + POSTING_ROOM > buffer.length) {
        const grown = new Uint8Array(buffer.length * 2);
        grown.set(buffer.subarray(0, at));
        this.buffers[id] = buffer = grown;
      }
      at = writeVarint(buffer, at, doc - this.lastDoc[id]!);
      at = writeVarint(buffer, at, frequency);
      this.used[id] = at;
      this.lastDoc[id] = doc;
      this.counts[id]!++;
    }
  }

  /**
   * Every term with its number of documents and its postings, in one buffer (the growing ones had room to
   * spare, and one allocation each), as a snapshot holds them (snapshot-sections.ts). The writer is spent.
   */
  finish(): TermSections {
    const total = this.used.reduce((a, b) => a + b, 0);
    const postings = new Uint8Array(total);
    const byteLengths = Uint32Array.from(this.used);
    let at = 0;
    this.buffers.forEach((buffer, i) => {
      postings.set(buffer.subarray(0, this.used[i]), at);
      at += this.used[i]!;
    });
    this.buffers.length = 0;
    return { terms: this.terms, counts: Uint32Array.from(this.counts), byteLengths, postings };
  }
}
