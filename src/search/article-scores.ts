/**
 * A query's scores gathered by article, in typed arrays indexed by the article's ordinal (doc-table.ts) and
 * reused from query to query: a common word touches a large share of an archive's articles, and an object or a
 * map entry for each would cost more than the scoring itself. Only the articles of the page become objects.
 */
export class ArticleScores {
  /** The best body passage: its coordinated score (-1: none), short id, MiniSearch score and clauses (bits). */
  bestScore = new Float64Array(0);
  bestDoc = new Int32Array(0);
  bestRaw = new Float64Array(0);
  bestMask = new Uint32Array(0);
  /** The title document: short id (-1: none), MiniSearch score and clauses. */
  titleDoc = new Int32Array(0);
  titleRaw = new Float64Array(0);
  titleMask = new Uint32Array(0);
  /** The articles touched, `count` of them, in no order. */
  touched = new Int32Array(0);
  count = 0;
  private seen = new Uint8Array(0);

  /** Clears the last query's articles, for ordinals below `slots`. */
  begin(slots: number): void {
    for (let i = 0; i < this.count; i++) this.seen[this.touched[i]!] = 0;
    this.count = 0;
    if (slots > this.seen.length) this.grow(Math.max(slots, this.seen.length * 2, 1024));
  }

  /** Marks the article touched (its slots reset on first touch). */
  touch(ordinal: number): void {
    if (this.seen[ordinal]) return;
    this.seen[ordinal] = 1;
    this.touched[this.count++] = ordinal;
    this.bestScore[ordinal] = -1;
    this.bestDoc[ordinal] = -1;
    this.bestRaw[ordinal] = 0;
    this.bestMask[ordinal] = 0;
    this.titleDoc[ordinal] = -1;
    this.titleRaw[ordinal] = 0;
    this.titleMask[ordinal] = 0;
  }

  private grow(size: number): void {
    this.bestScore = new Float64Array(size);
    this.bestDoc = new Int32Array(size);
    this.bestRaw = new Float64Array(size);
    this.bestMask = new Uint32Array(size);
    this.titleDoc = new Int32Array(size);
    this.titleRaw = new Float64Array(size);
    this.titleMask = new Uint32Array(size);
    this.touched = new Int32Array(size);
    this.seen = new Uint8Array(size);
  }
}

/**
 * A set of article ordinals with a number each (bits, 0: not in the set), reused from query to query; written
 * by `Postings.markGroups`.
 */
export class OrdinalMarks {
  value = new Uint32Array(0);
  /** The ordinals in the set, `count` of them, in no order. */
  touched = new Int32Array(0);
  count = 0;

  /** Empties the set, for ordinals below `slots`. */
  begin(slots: number): void {
    for (let i = 0; i < this.count; i++) this.value[this.touched[i]!] = 0;
    this.count = 0;
    if (slots > this.value.length) {
      const size = Math.max(slots, this.value.length * 2, 1024);
      this.value = new Uint32Array(size);
      this.touched = new Int32Array(size);
    }
  }
}
