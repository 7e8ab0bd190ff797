/**
 * Block-max pruning for /sources: a query of common words reads a fraction of their postings, and ranks exactly as
 * scoring everything would (test/search/block-max.test.ts compares them on random queries).
 *
 * A common word's packed postings are cut into blocks of consecutive short ids (a power of two, about eight
 * postings a block), and each block keeps what bounds its body postings' scores (the highest frequency and the
 * shortest length), where its bytes start, and the short id before it (the gaps are decoded from there). The
 * word's title postings are kept apart. The short-id space is cut into windows of articles (an article belongs to
 * the window of its first document; its documents are consecutive); each word keeps, per window, the most its body
 * postings and its title postings can score. A window's bound is the sum of its terms' body bounds times the
 * clauses present (MiniSearch multiplies by the clauses matched), plus the same for its titles (weighted). Windows
 * are scored in two rounds: first those of the highest bounds, which give the page's last score; then every window
 * whose bound reaches it. A window scored has its titles scored first, exactly; its bound is then its bodies' plus
 * its best title, and its body passages are scored only if that still reaches the page. A window below it cannot
 * hold an article of the page: its titles are never scored and its blocks never decoded (a common word is in the
 * titles of a large part of an archive). Inside a window scored, MaxScore (`scoreWindowMaxScore`): only
 * the clauses whose bounds can reach the page give candidates, the others are looked up per candidate while it can
 * still reach it. The total (articles holding a word of the query) comes from
 * each word's bitmap of articles, so that it too needs no postings read.
 *
 * The blocks of a word are made from its packed bytes the first time a query needs them and kept while those
 * bytes are (indexing an article packs its words again, so their blocks are made again).
 */
import { bitCount } from "../index/postings.js";
import { PackedDocMap, PostingsReader } from "../index/packed-postings.js";
import type { TermPostings } from "../index/term-index.js";
import { BM25, inverseDocumentFrequency, termScore, termScoreBound } from "../index/bm25.js";
import { TopK } from "../index/top-k.js";

/** How far a window of articles is scored: not at all, its titles, its titles and body passages. */
const WINDOW_UNTOUCHED = 0;
const WINDOW_TITLES_SCORED = 1;
const WINDOW_SCORED = 2;

/** Words with at least this many postings get blocks kept from query to query; the others are read whole. */
export const BLOCK_MIN_POSTINGS = 1024;
/** A word's blocks hold about this many postings each (a power of two short ids, at least MIN_BLOCK_IDS). */
const POSTINGS_PER_BLOCK = 8;
const MIN_BLOCK_SHIFT = 4;
/** BM25+'s frequency part, tf (k + 1) / (tf + k (1 - b + b length / average)), stays below k + 1. */
const PART_LIMIT = BM25.k + 1;
const LEVELS = 255;
const MAX_BLOCK_SHIFT = 20;

/** The index as a query sees it (short ids, article ordinals; see doc-table.ts). */
export interface IndexView {
  /** By short id: the document's length in terms (0: discarded). */
  lengths: Uint32Array;
  documentCount: number;
  avgLength: number;
  /** Every short id is below this. */
  nextId: number;
  /** By short id: the article's ordinal (-1: none) and the paragraph (0: the title document). */
  ordinals: Int32Array;
  paragraphs: Int32Array;
  /** Every ordinal is below this. */
  slots: number;
  hasBody(ordinal: number): boolean;
  /** The article's documents are the short ids from `articleStart` to `articleEnd` (excluded). */
  articleStart(ordinal: number): number;
  articleEnd(ordinal: number): number;
}

/** One index term of a clause, as the query reads it. */
export interface ClauseTerm {
  data: TermPostings;
  weight: number;
}

/** A common word's blocks, title postings and articles, made from its packed postings. */
class TermBlocks {
  constructor(
    readonly bytes: Uint8Array,
    readonly count: number,
    /** Blocks are `1 << shift` short ids: block m holds the postings of short ids m << shift to (m + 1) << shift. */
    readonly shift: number,
    /** By block (and one more): the index of its first posting; its byte offset; the short id before it. */
    readonly start: Int32Array,
    readonly offset: Uint32Array,
    readonly base: Int32Array,
    /**
     * By window of articles (`1 << windowShift` short ids): the most of BM25+'s frequency part among the body
     * postings of its articles, in 255ths of its upper limit (k + 1) rounded up (0: none), with the index's average
     * length of the time (`avgLength`): `bodyPart` bounds it for another average.
     */
    readonly windowMax: Uint8Array,
    /** By block: the same for the block's own body postings (a candidate's bound before its block is decoded). */
    readonly blockLevel: Uint8Array,
    /** By window of articles: the same for the title postings of its articles (titles are scored window by window). */
    readonly titleWindowMax: Uint8Array,
    readonly windowShift: number,
    readonly avgLength: number,
    readonly titleDocs: Int32Array,
    readonly titleFrequencies: Int32Array,
    /** Bit per ordinal: the articles with a body holding the word in a live document. */
    readonly articles: Uint32Array,
  ) {}

  get blockCount(): number {
    return this.offset.length;
  }

  /**
   * The most a body posting of a window of level `level` (windowMax) can score, before the idf, with the index's
   * average length now. The part grows with the average: with an average of A' above A, each length counts A/A'
   * as much, and the part is at most A'/A times what it was.
   */
  bodyPart(level: number, avgLength: number): number {
    return (BM25.d + ((level * PART_LIMIT) / LEVELS) * Math.max(1, avgLength / this.avgLength)) * (1 + 1e-9);
  }

  /** The blocks of a word's packed postings (`count` of them), in one pass over its bytes. */
  static build(bytes: Uint8Array, count: number, view: IndexView, windowShift: number): TermBlocks {
    let shift = MIN_BLOCK_SHIFT;
    while (shift < MAX_BLOCK_SHIFT && (1 << shift) * count < POSTINGS_PER_BLOCK * view.nextId) shift++;
    // Every short id is below nextId: its block is among these.
    const blocks = (Math.max(0, view.nextId - 1) >> shift) + 1;
    const start = new Int32Array(blocks + 1);
    const offset = new Uint32Array(blocks);
    const base = new Int32Array(blocks);
    const windowMax = new Uint8Array((view.nextId >> windowShift) + 1);
    const titleWindowMax = new Uint8Array(windowMax.length);
    const blockLevel = new Uint8Array(blocks);
    const avgLength = view.avgLength;
    const articles = new Uint32Array((view.slots + 31) >>> 5);
    const titleDocs: number[] = [];
    const titleFrequencies: number[] = [];
    const { ordinals, paragraphs, lengths } = view;
    let at = 0;
    let filled = 0;
    let doc = 0;
    for (let i = 0; i < count; i++) {
      const postingAt = at;
      const previous = doc;
      let byte = bytes[at++]!;
      let gap = byte & 0x7f;
      for (let s = 7; byte & 0x80; s += 7) {
        byte = bytes[at++]!;
        gap |= (byte & 0x7f) << s;
      }
      doc += gap;
      byte = bytes[at++]!;
      let frequency = byte & 0x7f;
      for (let s = 7; byte & 0x80; s += 7) {
        byte = bytes[at++]!;
        frequency |= (byte & 0x7f) << s;
      }
      const block = doc >> shift;
      while (filled <= block) {
        start[filled] = i;
        offset[filled] = postingAt;
        base[filled] = previous;
        filled++;
      }
      const ordinal = ordinals[doc]!;
      const length = lengths[doc]!;
      if (ordinal < 0 || length === 0) continue;
      if (view.hasBody(ordinal)) articles[ordinal >>> 5]! |= 1 << (ordinal & 31);
      const part = (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength));
      const level = Math.min(LEVELS, Math.ceil((part / PART_LIMIT) * LEVELS * (1 + 1e-9)));
      const w = view.articleStart(ordinal) >> windowShift;
      if (paragraphs[doc] === 0) {
        titleDocs.push(doc);
        titleFrequencies.push(frequency);
        if (level > titleWindowMax[w]!) titleWindowMax[w] = level;
        continue;
      }
      if (level > windowMax[w]!) windowMax[w] = level;
      if (level > blockLevel[block]!) blockLevel[block] = level;
    }
    while (filled <= blocks) start[filled++] = count;
    return new TermBlocks(bytes, count, shift, start, offset, base, windowMax, blockLevel, titleWindowMax, windowShift, avgLength, Int32Array.from(titleDocs), Int32Array.from(titleFrequencies), articles);
  }
}


/** A term's postings in the query being answered: kept blocks, or (a rare word) read whole. */
interface QueryTerm {
  clause: number;
  weight: number;
  idf: number;
  blocks: TermBlocks | null;
  /** For a word read whole: its postings (ascending short ids) and its title postings. */
  docs: Int32Array;
  frequencies: Int32Array;
  titleDocs: Int32Array;
  titleFrequencies: Int32Array;
  /** For a word with blocks: what a body posting of each level (TermBlocks.windowMax) can score, weighted. */
  levelValues: Float64Array | null;
  /** Where the titles of the window scored last ended in `titleDocs` (scoreWindowTitles's start for the next). */
  titleCursor: number;
  /** The most this term can add to a body passage of the window being scored (scoreWindow's scratch). */
  windowBound: number;
  /** The block decoded last (-1: none) and its postings. */
  block: number;
  /** Postings of the block decoded so far (a lookup decodes only up to the passage it looks for), and in all. */
  blockCount: number;
  blockTotal: number;
  /** Where the next posting's bytes start, and the short id before it. */
  blockAt: number;
  blockLast: number;
  blockDocs: Int32Array;
  blockFrequencies: Int32Array;
}

export interface BlockMaxResult {
  /** The documents scored (the body passages, then the titles, of the windows scored; see keepReachable). */
  touched: { docs: Int32Array; count: number; score: Float64Array; mask: Uint32Array };
  /** Articles with a body holding a word of the query (the page's total). */
  total: number;
  /** Articles whose body passages were scored. */
  scoredArticles: number;
  /** Postings decoded (blocks, titles and rare words read whole), and those of words whose blocks were made. */
  postingsRead: number;
}

export class BlockMaxSearch {
  private readonly cache = new WeakMap<Map<number, number>, TermBlocks>();
  private readonly reader = new PostingsReader();
  private scores = new Float64Array(0);
  private clauseScores = new Float64Array(0);
  private masks = new Uint32Array(0);
  private touched = new Int32Array(0);
  private lastCount = 0;
  /** The title documents scored (apart from the body passages until the search ends). */
  private titleTouched = new Int32Array(0);
  private titleCount = 0;
  /** Per window: sum of body bounds, clauses present in bodies, best title score (once its titles are scored). */
  private bodySum = new Float64Array(0);
  private bodyMask = new Uint32Array(0);
  private titleMax = new Float64Array(0);
  /** Per window: sum of title bounds and clauses present in titles (the bound before its titles are scored). */
  private titleSum = new Float64Array(0);
  private titleMask = new Uint32Array(0);
  /** Per window: WINDOW_UNTOUCHED, WINDOW_TITLES_SCORED or WINDOW_SCORED. */
  private done = new Uint8Array(0);
  /** The windows whose bound is above 0, and their bounds (search's scratch). */
  private candidateWindows = new Int32Array(0);
  /** firstRound's heap of candidate indexes, by bound. */
  private heap = new Int32Array(0);
  private windowBounds = new Float64Array(0);
  /** By ordinal: 1 for the articles with a body passage scored (keepReachable's scratch). */
  private withBody = new Uint8Array(0);
  /** Per ordinal: the title's score (valid for the titles scored by this query) and the best passage so far. */
  private titleOf = new Float64Array(0);
  private bestOf = new Float64Array(0);
  private union = new Uint32Array(0);
  private windowDocs = new Int32Array(1024);
  private windowFrequencies = new Int32Array(1024);
  private read = 0;
  private windowCount = 0;
  /** scoreWindowMaxScore's scratch: each clause's bound and order, candidates' slots by short id - low, masks by slot, values by slot and clause. */
  private readonly clauseBound = new Float64Array(32);
  private slotOf = new Int32Array(0);
  private readonly clauseOrder = new Int32Array(32);
  private candidateMasks = new Uint32Array(256);
  private candidateValues = new Float64Array(1024);
  private survivorKeys = new Float64Array(256);
  /** The documents the clause being scored matched first (a clause of several terms). */
  private clauseDocs: Int32Array = new Int32Array(1024);
  private clauseCount = 0;

  /**
   * The documents to gather for the best `wanted` articles of the clauses (each a list of index terms with
   * weights; clause i sets bit i), scored exactly as `Postings.score` scores them.
   */
  search(
    clauses: ReadonlyArray<ReadonlyArray<ClauseTerm>>,
    view: IndexView,
    titleWeight: number,
    wanted: number,
    blockPostings = BLOCK_MIN_POSTINGS,
    maxScore = true,
  ): BlockMaxResult {
    this.read = 0;
    this.prepare(view);
    const windowShift = windowShiftFor(view.nextId);
    const terms = this.queryTerms(clauses, view, windowShift, blockPostings);
    const termsOf = clauses.map((_, c) => terms.filter((t) => t.clause === c));
    const windows = (view.nextId >> windowShift) + 1;
    this.windowCount = windows;
    this.fitWindows(windows);
    const total = this.countArticles(terms, view);
    this.levelValues(terms, view);
    this.paintTitles(terms, view, windowShift);
    this.paintBodies(terms, view, windowShift);
    // Windows worth scoring, with their bounds (typed arrays: at a million passages there are some 30,000 windows).
    const candidates = this.candidateWindows;
    const bounds = this.windowBounds;
    let count = 0;
    for (let w = 0; w < windows; w++) {
      const bound = (this.bodyBound(w) + titleWeight * this.titleBound(w)) * (1 + 1e-9);
      if (bound > 0) {
        candidates[count] = w;
        bounds[count++] = bound;
      }
    }
    const top = new TopK<number>(wanted, (a, b) => b - a);
    const threshold = () => (top.items.length === wanted ? top.items[wanted - 1]! : -Infinity);
    let scoredArticles = 0;
    const done = this.done;
    const first = this.firstRound(candidates, bounds, count, wanted, windowShift, terms, termsOf, view, titleWeight);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < count; i++) {
        const cutoff = round === 0 ? first : threshold();
        if (bounds[i]! < cutoff) continue;
        const w = candidates[i]!;
        if (done[w] === WINDOW_SCORED) continue;
        if (done[w] === WINDOW_UNTOUCHED) {
          // The window's titles, exactly: its bound is then its bodies' bound plus its best title.
          this.scoreWindowTitles(w, windowShift, terms, termsOf, view);
          done[w] = WINDOW_TITLES_SCORED;
          bounds[i] = (this.bodyBound(w) + titleWeight * this.titleMax[w]!) * (1 + 1e-9);
          if (bounds[i]! < cutoff) continue;
        }
        done[w] = WINDOW_SCORED;
        scoredArticles += maxScore
          ? this.scoreWindowMaxScore(w, windowShift, terms, termsOf, view, titleWeight, top, threshold)
          : this.scoreWindow(w, windowShift, terms, clauses, view, titleWeight, top);
      }
    }
    for (let i = 0; i < count; i++) done[candidates[i]!] = WINDOW_UNTOUCHED;
    // The titles' scores by ordinal are cleared for the next query.
    for (let i = 0; i < this.titleCount; i++) this.titleOf[view.ordinals[this.titleTouched[i]!]!] = 0;
    this.keepReachable(view, titleWeight, threshold());
    return {
      touched: { docs: this.touched, count: this.lastCount, score: this.scores, mask: this.masks },
      total,
      scoredArticles,
      postingsRead: this.read,
    };
  }

  private queryTerms(clauses: ReadonlyArray<ReadonlyArray<ClauseTerm>>, view: IndexView, windowShift: number, blockPostings: number): QueryTerm[] {
    const terms: QueryTerm[] = [];
    const empty = new Int32Array(0);
    clauses.forEach((matches, clause) => {
      for (const { data: postings, weight } of matches) {
        const idf = inverseDocumentFrequency(postings.size, view.documentCount);
        const bytes = postings instanceof PackedDocMap ? postings.bytes : null;
        if (bytes && postings.size >= blockPostings) {
          let blocks = this.cache.get(postings);
          if (!blocks || blocks.bytes !== bytes || blocks.windowShift !== windowShift) {
            blocks = TermBlocks.build(bytes, postings.size, view, windowShift);
            this.read += postings.size;
            this.cache.set(postings, blocks);
          }
          terms.push({ clause, weight, idf, blocks, docs: empty, frequencies: empty, titleDocs: blocks.titleDocs, titleFrequencies: blocks.titleFrequencies, ...noBlock() });
          continue;
        }
        // A rare word (or postings being changed): read whole, its titles apart.
        const n = this.reader.read(postings);
        this.read += n;
        const docs = this.reader.docs.slice(0, n);
        const frequencies = this.reader.frequencies.slice(0, n);
        let titles = 0;
        for (let i = 0; i < n; i++) if (view.paragraphs[docs[i]!] === 0) titles++;
        const titleDocs = new Int32Array(titles);
        const titleFrequencies = new Int32Array(titles);
        titles = 0;
        for (let i = 0; i < n; i++) {
          if (view.paragraphs[docs[i]!] !== 0) continue;
          titleDocs[titles] = docs[i]!;
          titleFrequencies[titles++] = frequencies[i]!;
        }
        terms.push({ clause, weight, idf, blocks: null, docs, frequencies, titleDocs, titleFrequencies, ...noBlock() });
      }
    });
    return terms;
  }

  /** Articles with a body holding any of the terms: the union of their bitmaps. */
  private countArticles(terms: readonly QueryTerm[], view: IndexView): number {
    const words = (view.slots + 31) >>> 5;
    if (this.union.length < words) this.union = new Uint32Array(words * 2);
    const union = this.union;
    union.fill(0, 0, words);
    for (const term of terms) {
      if (term.blocks) {
        const bits = term.blocks.articles;
        const end = Math.min(bits.length, words);
        for (let i = 0; i < end; i++) union[i]! |= bits[i]!;
        continue;
      }
      for (let i = 0; i < term.docs.length; i++) {
        const doc = term.docs[i]!;
        const ordinal = view.ordinals[doc]!;
        if (ordinal < 0 || view.lengths[doc] === 0 || !view.hasBody(ordinal)) continue;
        union[ordinal >>> 5]! |= 1 << (ordinal & 31);
      }
    }
    let total = 0;
    for (let i = 0; i < words; i++) total += bitCount(union[i]!);
    return total;
  }

  /**
   * The first round's bound: the `wanted`-th highest window bound once those windows' titles are scored. The
   * windows come off a heap by bound; a window whose titles are not scored yet has them scored and goes back with
   * its exact bound (its bodies' plus its best title). With loose title bounds alone the first round would take
   * windows whose titles only looked good, and leave the page's last score low ("new year" scored five times the
   * articles). -Infinity when there are no more windows than wanted (all are scored in the first round).
   */
  private firstRound(
    candidates: Int32Array,
    bounds: Float64Array,
    count: number,
    wanted: number,
    windowShift: number,
    terms: readonly QueryTerm[],
    termsOf: ReadonlyArray<readonly QueryTerm[]>,
    view: IndexView,
    titleWeight: number,
  ): number {
    if (count <= wanted) return -Infinity;
    if (this.heap.length < count) this.heap = new Int32Array(Math.max(count, this.heap.length * 2));
    const heap = this.heap;
    let n = count;
    for (let i = 0; i < n; i++) heap[i] = i;
    for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(heap, n, i, bounds);
    let exact = 0;
    let first = -Infinity;
    while (n > 0) {
      const i = heap[0]!;
      const w = candidates[i]!;
      if (this.done[w] === WINDOW_UNTOUCHED) {
        this.scoreWindowTitles(w, windowShift, terms, termsOf, view);
        this.done[w] = WINDOW_TITLES_SCORED;
        bounds[i] = (this.bodyBound(w) + titleWeight * this.titleMax[w]!) * (1 + 1e-9);
        siftDown(heap, n, 0, bounds);
        continue;
      }
      first = bounds[i]!;
      if (++exact === wanted) break;
      heap[0] = heap[--n]!;
      siftDown(heap, n, 0, bounds);
    }
    return first;
  }

  /** For each term with blocks: what a posting of each level (TermBlocks.windowMax) can score, weighted, computed once. */
  private levelValues(terms: readonly QueryTerm[], view: IndexView): void {
    for (const term of terms) {
      const blocks = term.blocks;
      if (!blocks) continue;
      const values = new Float64Array(LEVELS + 1);
      for (let level = 1; level <= LEVELS; level++) values[level] = term.weight * term.idf * blocks.bodyPart(level, view.avgLength);
      term.levelValues = values;
    }
  }

  /** The most a passage of window `w` can score: the sum of its terms' body bounds times the clauses present. */
  private bodyBound(w: number): number {
    const mask = this.bodyMask[w]!;
    return mask === 0 ? 0 : this.bodySum[w]! * bitCount(mask);
  }

  /** The most a title of window `w` can score (unweighted), before its titles are scored. */
  private titleBound(w: number): number {
    const mask = this.titleMask[w]!;
    return mask === 0 ? 0 : this.titleSum[w]! * bitCount(mask);
  }

  /**
   * Each window's sum of title bounds (the most of each term in its titles) and clauses present: a title scores
   * at most that sum times their number. Titles are scored only in the windows whose bound, with this, can reach
   * the page (`scoreWindowTitles`): a common word is in the titles of a large part of an archive.
   */
  private paintTitles(terms: readonly QueryTerm[], view: IndexView, windowShift: number): void {
    const { ordinals, lengths } = view;
    for (const term of terms) {
      const bit = 1 << term.clause;
      const blocks = term.blocks;
      if (blocks) {
        const values = term.levelValues!;
        const titleWindowMax = blocks.titleWindowMax;
        const end = Math.min(titleWindowMax.length, this.windowCount);
        for (let w = 0; w < end; w++) {
          const level = titleWindowMax[w]!;
          if (level === 0) continue;
          this.titleSum[w] = this.titleSum[w]! + values[level]!;
          this.titleMask[w] = this.titleMask[w]! | bit;
        }
        continue;
      }
      // A word read whole: its exact most in each window's titles (its title postings go up in short ids).
      let pendingWindow = -1;
      let pendingValue = 0;
      const docs = term.titleDocs;
      for (let i = 0; i <= docs.length; i++) {
        let w = -2;
        let value = 0;
        if (i < docs.length) {
          const doc = docs[i]!;
          const ordinal = ordinals[doc]!;
          const length = lengths[doc]!;
          if (ordinal < 0 || length === 0) continue;
          w = view.articleStart(ordinal) >> windowShift;
          value = term.weight * termScoreBound(term.idf, term.titleFrequencies[i]!, length, view.avgLength);
        }
        if (w === pendingWindow) {
          if (value > pendingValue) pendingValue = value;
          continue;
        }
        if (pendingWindow >= 0) {
          this.titleSum[pendingWindow] = this.titleSum[pendingWindow]! + pendingValue * (1 + 1e-9);
          this.titleMask[pendingWindow] = this.titleMask[pendingWindow]! | bit;
        }
        pendingWindow = w;
        pendingValue = value;
      }
    }
  }

  /**
   * Scores the titles of the window's articles exactly (as `Postings.score` scores them: clause by clause, a
   * clause of several terms summed before it is added), and keeps each one's score by ordinal and the window's
   * best among the articles with a body.
   */
  private scoreWindowTitles(w: number, windowShift: number, terms: readonly QueryTerm[], termsOf: ReadonlyArray<readonly QueryTerm[]>, view: IndexView): void {
    this.titleMax[w] = 0;
    if (this.titleMask[w] === 0) return;
    const range = this.windowRange(w, windowShift, view);
    if (range === null) return;
    const { low, high } = range;
    const from = this.titleCount;
    for (let clause = 0; clause < termsOf.length; clause++) {
      const clauseTerms = termsOf[clause]!;
      const multiple = clauseTerms.length > 1;
      for (const term of clauseTerms) {
        const docs = term.titleDocs;
        // Windows are taken in ascending order within a round: the search goes on from the last window's end.
        const start = lowerBoundFrom(docs, term.titleCursor, low);
        let end = start;
        while (end < docs.length && docs[end]! < high) end++;
        term.titleCursor = end;
        if (end === start) continue;
        this.read += end - start;
        this.accumulate(term, clause, multiple, docs, term.titleFrequencies, start, end, view, true);
      }
      if (multiple) this.closeClause(clause);
    }
    const { ordinals } = view;
    for (let i = from; i < this.titleCount; i++) {
      const doc = this.titleTouched[i]!;
      const score = this.scores[doc]! * bitCount(this.masks[doc]!);
      this.scores[doc] = score;
      const ordinal = ordinals[doc]!;
      this.titleOf[ordinal] = score;
      if (view.hasBody(ordinal) && score > this.titleMax[w]!) this.titleMax[w] = score;
    }
  }

  /** Each window's sum of body bounds (the most of each term in it) and clauses present. */
  private paintBodies(terms: readonly QueryTerm[], view: IndexView, windowShift: number): void {
    const { ordinals, lengths, paragraphs } = view;
    for (const term of terms) {
      const bit = 1 << term.clause;
      // A term's blocks can share a window: its most in each window is added once, when the window is left.
      let pendingWindow = -1;
      let pendingValue = 0;
      const offer = (w: number, value: number) => {
        if (w === pendingWindow) {
          if (value > pendingValue) pendingValue = value;
          return;
        }
        if (pendingWindow >= 0) {
          this.bodySum[pendingWindow] = this.bodySum[pendingWindow]! + pendingValue;
          this.bodyMask[pendingWindow] = this.bodyMask[pendingWindow]! | bit;
        }
        pendingWindow = w;
        pendingValue = value;
      };
      const blocks = term.blocks;
      if (blocks) {
        const values = term.levelValues!;
        const windowMax = blocks.windowMax;
        const end = Math.min(windowMax.length, this.windowCount);
        for (let w = 0; w < end; w++) {
          const level = windowMax[w]!;
          if (level === 0) continue;
          this.bodySum[w] = this.bodySum[w]! + values[level]!;
          this.bodyMask[w] = this.bodyMask[w]! | bit;
        }
      } else {
        for (let i = 0; i < term.docs.length; i++) {
          const doc = term.docs[i]!;
          const ordinal = ordinals[doc]!;
          const length = lengths[doc]!;
          if (ordinal < 0 || length === 0 || paragraphs[doc] === 0) continue;
          offer(view.articleStart(ordinal) >> windowShift, term.weight * termScoreBound(term.idf, term.frequencies[i]!, length, view.avgLength));
        }
      }
      offer(-2, 0);
    }
  }

  /**
   * Scores the body passages of the window's articles; offers each article's score (best passage plus title,
   * weighted) to `top`. Returns how many articles it scored.
   */
  private scoreWindow(
    w: number,
    windowShift: number,
    terms: readonly QueryTerm[],
    clauses: ReadonlyArray<ReadonlyArray<ClauseTerm>>,
    view: IndexView,
    titleWeight: number,
    top: TopK<number>,
  ): number {
    const { ordinals } = view;
    const range = this.windowRange(w, windowShift, view);
    if (range === null) return 0;
    const { low, high } = range;
    const from = this.lastCount;
    for (let clause = 0; clause < clauses.length; clause++) {
      const multiple = countTerms(terms, clause) > 1;
      for (const term of terms) {
        if (term.clause !== clause) continue;
        const n = this.windowPostings(term, low, high);
        this.accumulate(term, clause, multiple, this.windowDocs, this.windowFrequencies, 0, n, view, false);
      }
      if (multiple) this.closeClause(clause);
    }
    this.multiply(from);
    // Each article's best passage, then its score.
    const seen: number[] = [];
    for (let i = from; i < this.lastCount; i++) {
      const doc = this.touched[i]!;
      const ordinal = ordinals[doc]!;
      const score = this.scores[doc]!;
      if (this.bestOf[ordinal] === 0) seen.push(ordinal);
      if (score > this.bestOf[ordinal]!) this.bestOf[ordinal] = score;
    }
    for (const ordinal of seen) {
      top.offer(this.bestOf[ordinal]! + titleWeight * this.titleOf[ordinal]!);
      this.bestOf[ordinal] = 0;
    }
    return seen.length;
  }

  /** The window's short ids: from the first article starting in it to the end of the last one (null: none). */
  private windowRange(w: number, windowShift: number, view: IndexView): { low: number; high: number } | null {
    const { ordinals } = view;
    let low = w << windowShift;
    if (low >= view.nextId) return null;
    const firstOrdinal = ordinals[low]!;
    if (firstOrdinal >= 0 && view.articleStart(firstOrdinal) < low) low = view.articleEnd(firstOrdinal);
    let last = Math.min((w + 1) << windowShift, view.nextId) - 1;
    while (last >= low && ordinals[last]! < 0) last--;
    if (last < low) return null;
    return { low, high: view.articleEnd(ordinals[last]!) };
  }

  /**
   * `scoreWindow` with MaxScore inside the window: each clause's bound in the window (its terms' most there), the
   * clauses ordered by bound; the longest run of the smallest whose sum times their number, plus the window's best
   * title, stays below the page's last score are non-essential: a passage holding only those cannot bring its
   * article onto the page. Candidates come from the essential clauses' postings only; the non-essential clauses
   * are looked up for each candidate, largest bound first, and a candidate is dropped as soon as its exact part
   * plus what the clauses not yet looked up can add (times the most clauses it can then match), plus its article's
   * title, falls below the page's last score. A dropped passage cannot be its article's best on the page: its
   * article scores below the page's last entry, or its best passage scores more. The passages scored in full are
   * scored as `Postings.score` scores them (the same sums in the same order) and added to the touched documents in
   * the order `Postings.score` would touch them (first clause matched, then short id), so ties break alike.
   */
  private scoreWindowMaxScore(
    w: number,
    windowShift: number,
    terms: readonly QueryTerm[],
    /** By clause: its terms. */
    termsOf: ReadonlyArray<readonly QueryTerm[]>,
    view: IndexView,
    titleWeight: number,
    top: TopK<number>,
    threshold: () => number,
  ): number {
    const range = this.windowRange(w, windowShift, view);
    if (range === null) return 0;
    const { low, high } = range;
    const { ordinals, lengths, paragraphs } = view;
    const clauseCount = termsOf.length;
    const bound = this.clauseBound;
    bound.fill(0, 0, clauseCount);
    for (const term of terms) {
      term.windowBound = this.termWindowBound(term, w, low, high, view);
      bound[term.clause] = bound[term.clause]! + term.windowBound;
    }
    // The clauses present, smallest bound first; the non-essential ones are the first `k`.
    const order = this.clauseOrder;
    let present = 0;
    for (let c = 0; c < clauseCount; c++) {
      if (bound[c]! === 0) continue;
      let at = present++;
      for (; at > 0 && bound[order[at - 1]!]! > bound[c]!; at--) order[at] = order[at - 1]!;
      order[at] = c;
    }
    const titlePart = titleWeight * this.titleMax[w]!;
    let k = 0;
    let prefix = 0;
    const firstThreshold = threshold();
    while (k < present) {
      const sum = prefix + bound[order[k]!]!;
      if ((sum * (k + 1) + titlePart) * (1 + 1e-9) >= firstThreshold) break;
      prefix = sum;
      k++;
    }
    let essential = 0;
    for (let i = k; i < present; i++) essential |= 1 << order[i]!;
    if (essential === 0) return 0;

    // Candidates: the body passages holding an essential clause, with those clauses' exact values.
    this.fitSlots(high - low);
    const slotOf = this.slotOf;
    let candidates = 0;
    const avgLength = view.avgLength;
    for (const term of terms) {
      const bit = 1 << term.clause;
      if ((essential & bit) === 0) continue;
      const n = this.windowPostings(term, low, high);
      const docs = this.windowDocs;
      const frequencies = this.windowFrequencies;
      for (let j = 0; j < n; j++) {
        const doc = docs[j]!;
        const fieldLength = lengths[doc]!;
        if (fieldLength === 0 || ordinals[doc]! < 0 || paragraphs[doc] === 0) continue;
        const tf = frequencies[j]!;
        const raw = termScore(term.idf, tf, fieldLength, avgLength);
        const value = term.weight * raw;
        let slot = slotOf[doc - low]!;
        if (slot < 0) {
          slot = candidates++;
          this.fitCandidates(candidates, clauseCount);
          slotOf[doc - low] = slot;
          this.candidateMasks[slot] = 0;
        }
        const at = slot * clauseCount + term.clause;
        const mask = this.candidateMasks[slot]!;
        this.candidateValues[at] = (mask & bit) === 0 ? value : this.candidateValues[at]! + value;
        this.candidateMasks[slot] = mask | bit;
      }
    }
    const values = this.candidateValues;
    const masks = this.candidateMasks;
    let survivors = 0;
    let scored = 0;
    let ordinal = -1;
    let best = -1;
    let title = 0;
    // The candidates in short-id order (an article's passages are consecutive): the window's range is short.
    for (let doc = low; doc < high && candidates > 0; doc++) {
      const slot = slotOf[doc - low]!;
      if (slot < 0) continue;
      slotOf[doc - low] = -1;
      candidates--;
      if (ordinals[doc] !== ordinal) {
        if (best >= 0) top.offer(best + titleWeight * this.titleOf[ordinal]!);
        ordinal = ordinals[doc]!;
        best = -1;
        title = titleWeight * this.titleOf[ordinal]!;
        scored++;
      }
      let mask = masks[slot]!;
      const base = slot * clauseCount;
      let exact = 0;
      for (let c = 0; c < clauseCount; c++) if ((mask >>> c) & 1) exact += values[base + c]!;
      // The non-essential clauses, largest bound first, while the candidate can still reach the page.
      let rest = prefix;
      let dropped = false;
      for (let r = k - 1; r >= 0; r--) {
        if (((exact + rest) * (bitCount(mask) + r + 1) + title) * (1 + 1e-9) < threshold()) {
          dropped = true;
          break;
        }
        const c = order[r]!;
        const bit = 1 << c;
        // The clause's bound at this passage from its blocks' own maxima, before any block is decoded.
        const near = clauseBoundAt(termsOf[c]!, doc);
        rest -= bound[c]!;
        if (near === 0) continue;
        if (((exact + rest + near) * (bitCount(mask) + r + 1) + title) * (1 + 1e-9) < threshold()) {
          dropped = true;
          break;
        }
        for (const term of termsOf[c]!) {
          if (term.windowBound === 0) continue;
          const tf = this.frequencyAt(term, doc);
          if (tf === 0) continue;
          const fieldLength = lengths[doc]!;
          const raw = termScore(term.idf, tf, fieldLength, avgLength);
          const value = term.weight * raw;
          values[base + c] = (mask & bit) === 0 ? value : values[base + c]! + value;
          mask |= bit;
        }
        if ((mask & bit) !== 0) exact += values[base + c]!;
      }
      if (dropped) continue;
      // Scored as Postings.score scores: the clauses' values summed in clause order, times their number.
      let sum = 0;
      let first = true;
      for (let c = 0; c < clauseCount; c++) {
        if (((mask >>> c) & 1) === 0) continue;
        sum = first ? values[base + c]! : sum + values[base + c]!;
        first = false;
      }
      const score = sum * bitCount(mask);
      this.scores[doc] = score;
      this.masks[doc] = mask;
      this.fitSurvivors(survivors + 1);
      // First clause matched, then short id: the order Postings.score touches documents in.
      this.survivorKeys[survivors++] = lowestBit(mask) * 4294967296 + doc;
      if (score > best) best = score;
    }
    if (best >= 0) top.offer(best + titleWeight * this.titleOf[ordinal]!);
    // Few per window: sorted in place by insertion.
    const keys = this.survivorKeys;
    for (let i = 1; i < survivors; i++) {
      const key = keys[i]!;
      let at = i;
      for (; at > 0 && keys[at - 1]! > key; at--) keys[at] = keys[at - 1]!;
      keys[at] = key;
    }
    for (let i = 0; i < survivors; i++) this.touched[this.lastCount++] = keys[i]! % 4294967296;
    return scored;
  }

  /** The most the term adds to a body passage of window `w` (short ids `low` to `high`): 0 when it holds none. */
  private termWindowBound(term: QueryTerm, w: number, low: number, high: number, view: IndexView): number {
    const blocks = term.blocks;
    if (blocks) {
      const level = w < blocks.windowMax.length ? blocks.windowMax[w]! : 0;
      return level === 0 ? 0 : term.levelValues![level]!;
    }
    // A word read whole: its exact most in the window.
    const { lengths, ordinals, paragraphs } = view;
    const docs = term.docs;
    let most = 0;
    for (let i = lowerBound(docs, low); i < docs.length && docs[i]! < high; i++) {
      const doc = docs[i]!;
      const length = lengths[doc]!;
      if (length === 0 || ordinals[doc]! < 0 || paragraphs[doc] === 0) continue;
      const value = term.weight * termScoreBound(term.idf, term.frequencies[i]!, length, view.avgLength);
      if (value > most) most = value;
    }
    return most * (1 + 1e-9);
  }


  /** The term's frequency in body passage `doc` (0: absent), decoding at most the one block that can hold it. */
  private frequencyAt(term: QueryTerm, doc: number): number {
    const blocks = term.blocks;
    if (blocks) {
      const m = doc >> blocks.shift;
      if (m >= blocks.blockCount || blocks.start[m + 1] === blocks.start[m]) return 0;
      this.decodeBlock(term, blocks, m, doc);
      const docs = term.blockDocs;
      for (let i = 0; i < term.blockCount; i++) {
        const d = docs[i]!;
        if (d === doc) return term.blockFrequencies[i]!;
        if (d > doc) return 0;
      }
      return 0;
    }
    const i = lowerBound(term.docs, doc);
    return i < term.docs.length && term.docs[i] === doc ? term.frequencies[i]! : 0;
  }

  private fitSlots(size: number): void {
    if (this.slotOf.length >= size) return;
    const slots = new Int32Array(Math.max(size, this.slotOf.length * 2));
    slots.fill(-1);
    this.slotOf = slots;
  }

  private fitCandidates(count: number, clauseCount: number): void {
    if (this.candidateMasks.length < count) {
      const masks = new Uint32Array(Math.max(count, this.candidateMasks.length * 2));
      masks.set(this.candidateMasks);
      this.candidateMasks = masks;
    }
    if (this.candidateValues.length < count * clauseCount) {
      const values = new Float64Array(Math.max(count * clauseCount, this.candidateValues.length * 2));
      values.set(this.candidateValues);
      this.candidateValues = values;
    }
  }

  private fitSurvivors(count: number): void {
    if (this.survivorKeys.length >= count) return;
    const keys = new Float64Array(Math.max(count, this.survivorKeys.length * 2));
    keys.set(this.survivorKeys);
    this.survivorKeys = keys;
  }

  /** The term's body postings with short ids from `low` to `high` (excluded), into the window arrays. */
  private windowPostings(term: QueryTerm, low: number, high: number): number {
    let n = 0;
    const blocks = term.blocks;
    if (blocks) {
      const lastBlock = Math.min(blocks.blockCount - 1, (high - 1) >> blocks.shift);
      for (let m = low >> blocks.shift; m <= lastBlock; m++) {
        // Windows go up in short ids: a block wider than a window is decoded once for the windows it spans.
        this.decodeBlock(term, blocks, m, Infinity);
        const docs = term.blockDocs;
        const frequencies = term.blockFrequencies;
        this.fitWindow(n + term.blockCount);
        for (let i = 0; i < term.blockCount; i++) {
          const doc = docs[i]!;
          if (doc < low || doc >= high) continue;
          this.windowDocs[n] = doc;
          this.windowFrequencies[n++] = frequencies[i]!;
        }
      }
      return n;
    }
    // A word read whole: the postings in the range, found by binary search.
    const docs = term.docs;
    let a = 0;
    let b = docs.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (docs[mid]! < low) a = mid + 1;
      else b = mid;
    }
    for (let i = a; i < docs.length && docs[i]! < high; i++) {
      this.fitWindow(n + 1);
      this.windowDocs[n] = docs[i]!;
      this.windowFrequencies[n++] = term.frequencies[i]!;
    }
    return n;
  }

  /**
   * Decodes block `m` of the term into its block arrays, up to its first posting at or after short id `until`
   * (Infinity: the whole block), continuing where the last call on the same block stopped: a lookup of one
   * passage decodes on average half a block, and the next lookups in the block go on from there.
   */
  private decodeBlock(term: QueryTerm, blocks: TermBlocks, m: number, until: number): void {
    if (term.block !== m) {
      const count = blocks.start[m + 1]! - blocks.start[m]!;
      if (term.blockDocs.length < count) {
        term.blockDocs = new Int32Array(Math.max(count, 64));
        term.blockFrequencies = new Int32Array(Math.max(count, 64));
      }
      term.block = m;
      term.blockCount = 0;
      term.blockTotal = count;
      term.blockAt = blocks.offset[m]!;
      term.blockLast = blocks.base[m]!;
    }
    const bytes = blocks.bytes;
    const docs = term.blockDocs;
    const frequencies = term.blockFrequencies;
    let n = term.blockCount;
    if (n > 0 && docs[n - 1]! >= until) return;
    let at = term.blockAt;
    let doc = term.blockLast;
    const start = n;
    while (n < term.blockTotal) {
      let byte = bytes[at++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = bytes[at++]!;
        gap |= (byte & 0x7f) << shift;
      }
      doc += gap;
      byte = bytes[at++]!;
      let frequency = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = bytes[at++]!;
        frequency |= (byte & 0x7f) << shift;
      }
      docs[n] = doc;
      frequencies[n++] = frequency;
      if (doc >= until) break;
    }
    this.read += n - start;
    term.blockCount = n;
    term.blockAt = at;
    term.blockLast = doc;
  }

  /**
   * Adds the term's score in each body or title document given (`docs` from `from` to `to`; titles: paragraph 0,
   * listed apart, `titles` true; the caller gives one kind), as `Postings.score` adds it: the same expression, and
   * a clause of several terms summed before it is added.
   */
  private accumulate(term: QueryTerm, clause: number, multiple: boolean, docs: Int32Array, frequencies: Int32Array, from: number, to: number, view: IndexView, titles: boolean): void {
    const { lengths, ordinals } = view;
    const { scores, clauseScores, masks } = this;
    const touched = titles ? this.titleTouched : this.touched;
    const avgLength = view.avgLength;
    const idf = term.idf;
    const weight = term.weight;
    const bit = 1 << clause;
    let count = titles ? this.titleCount : this.lastCount;
    for (let j = from; j < to; j++) {
      const doc = docs[j]!;
      const fieldLength = lengths[doc]!;
      if (fieldLength === 0 || ordinals[doc]! < 0) continue;
      if (!titles && view.paragraphs[doc] === 0) continue;
      const tf = frequencies[j]!;
      const raw = termScore(idf, tf, fieldLength, avgLength);
      const value = weight * raw;
      const mask = masks[doc]!;
      if (mask === 0) touched[count++] = doc;
      if (multiple) {
        if ((mask & bit) === 0) {
          clauseScores[doc] = value;
          if (this.clauseDocs.length <= this.clauseCount) this.clauseDocs = growInt32(this.clauseDocs, this.clauseCount + 1);
          this.clauseDocs[this.clauseCount++] = doc;
        } else {
          clauseScores[doc] = clauseScores[doc]! + value;
        }
      } else {
        scores[doc] = mask === 0 ? value : scores[doc]! + value;
      }
      masks[doc] = mask | bit;
    }
    if (titles) this.titleCount = count;
    else this.lastCount = count;
  }

  /** A clause of several terms: its sum is added to the score of each document it matched. */
  private closeClause(clause: number): void {
    const bit = 1 << clause;
    for (let i = 0; i < this.clauseCount; i++) {
      const doc = this.clauseDocs[i]!;
      this.scores[doc] = (this.masks[doc]! & ~bit) === 0 ? this.clauseScores[doc]! : this.scores[doc]! + this.clauseScores[doc]!;
    }
    this.clauseCount = 0;
  }

  /** Multiplies each document touched since `from` by the number of clauses it matched. */
  private multiply(from: number): void {
    for (let i = from; i < this.lastCount; i++) {
      const doc = this.touched[i]!;
      this.scores[doc] = this.scores[doc]! * bitCount(this.masks[doc]!);
    }
  }

  /**
   * Adds to the touched documents (the body passages scored) the titles scored, but those of articles that cannot
   * reach the page: without a body passage scored, and whose title alone (weighted) scores below `pageLast`, the
   * last score of the page found. Titles are scored window by window, but a window scored for its titles can hold
   * many: the passage index then gathers and ranks only the articles that can matter. An article left out scores
   * below `pageLast`, and at least `wanted` articles kept score `pageLast` or more, so the page is the same. (The
   * titles come after the passages: the order of the touched documents matters between passages of one article
   * only.)
   */
  private keepReachable(view: IndexView, titleWeight: number, pageLast: number): void {
    const { ordinals } = view;
    if (this.withBody.length < view.slots) this.withBody = new Uint8Array(Math.max(view.slots * 2, 1024));
    const withBody = this.withBody;
    const bodies = this.lastCount;
    for (let i = 0; i < bodies; i++) withBody[ordinals[this.touched[i]!]!] = 1;
    let kept = bodies;
    for (let i = 0; i < this.titleCount; i++) {
      const doc = this.titleTouched[i]!;
      if (pageLast === -Infinity || withBody[ordinals[doc]!] === 1 || titleWeight * this.scores[doc]! >= pageLast) {
        this.touched[kept++] = doc;
        continue;
      }
      // Not touched any more: cleared now (the next search clears the touched documents' masks).
      this.masks[doc] = 0;
    }
    for (let i = 0; i < bodies; i++) withBody[ordinals[this.touched[i]!]!] = 0;
    this.lastCount = kept;
    this.titleCount = 0;
  }

  private prepare(view: IndexView): void {
    for (let i = 0; i < this.lastCount; i++) this.masks[this.touched[i]!] = 0;
    this.lastCount = 0;
    this.titleCount = 0;
    if (this.masks.length < view.nextId) {
      const n = Math.max(view.nextId, this.masks.length * 2, 1024);
      this.scores = new Float64Array(n);
      this.clauseScores = new Float64Array(n);
      this.masks = new Uint32Array(n);
      this.touched = new Int32Array(n);
      this.titleTouched = new Int32Array(n);
    }
    if (this.titleOf.length < view.slots) {
      const n = Math.max(view.slots * 2, 1024);
      this.titleOf = new Float64Array(n);
      this.bestOf = new Float64Array(n);
    }
  }

  private fitWindows(windows: number): void {
    if (this.bodySum.length < windows) {
      const n = Math.max(windows * 2, 1024);
      this.bodySum = new Float64Array(n);
      this.bodyMask = new Uint32Array(n);
      this.titleMax = new Float64Array(n);
      this.titleSum = new Float64Array(n);
      this.titleMask = new Uint32Array(n);
      this.done = new Uint8Array(n);
      this.candidateWindows = new Int32Array(n);
      this.windowBounds = new Float64Array(n);
    } else {
      this.bodySum.fill(0, 0, windows);
      this.bodyMask.fill(0, 0, windows);
      this.titleMax.fill(0, 0, windows);
      this.titleSum.fill(0, 0, windows);
      this.titleMask.fill(0, 0, windows);
    }
  }

  private fitWindow(size: number): void {
    if (this.windowDocs.length >= size) return;
    const n = Math.max(size, this.windowDocs.length * 2);
    const docs = new Int32Array(n);
    docs.set(this.windowDocs);
    const frequencies = new Int32Array(n);
    frequencies.set(this.windowFrequencies);
    this.windowDocs = docs;
    this.windowFrequencies = frequencies;
  }
}

/** The most a clause (its terms) adds to body passage `doc`: its terms' block maxima there (0: no block holds it). */
function clauseBoundAt(terms: readonly QueryTerm[], doc: number): number {
  let most = 0;
  for (const term of terms) {
    if (term.windowBound === 0) continue;
    const blocks = term.blocks;
    if (!blocks) {
      most += term.windowBound;
      continue;
    }
    const m = doc >> blocks.shift;
    if (m < blocks.blockCount) most += term.levelValues![blocks.blockLevel[m]!]!;
  }
  return most;
}

/** Restores the max-heap (of indexes into `keys`, by key) below `at`, the heap's first `n` entries. */
function siftDown(heap: Int32Array, n: number, at: number, keys: Float64Array): void {
  const item = heap[at]!;
  const key = keys[item]!;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= n) break;
    if (child + 1 < n && keys[heap[child + 1]!]! > keys[heap[child]!]!) child++;
    if (keys[heap[child]!]! <= key) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = item;
}

/** The index of the lowest bit set (a mask of at least one bit). */
function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/**
 * `lowerBound` searched from `from` onwards, by doubling steps, when every short id before `from` is below `doc`
 * (the next window of an ascending walk is near); from the start otherwise.
 */
function lowerBoundFrom(docs: Int32Array, from: number, doc: number): number {
  if (from > docs.length || (from > 0 && docs[from - 1]! >= doc)) return lowerBound(docs, doc);
  let low = from;
  let high = from;
  let step = 1;
  while (high < docs.length && docs[high]! < doc) {
    low = high + 1;
    high = from + step;
    step *= 2;
  }
  high = Math.min(high, docs.length);
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (docs[mid]! < doc) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first index of the ascending `docs` whose short id is at least `doc`. */
function lowerBound(docs: Int32Array, doc: number): number {
  let a = 0;
  let b = docs.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (docs[mid]! < doc) a = mid + 1;
    else b = mid;
  }
  return a;
}

function growInt32(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

function noBlock(): Pick<QueryTerm, "levelValues" | "titleCursor" | "windowBound" | "block" | "blockCount" | "blockTotal" | "blockAt" | "blockLast" | "blockDocs" | "blockFrequencies"> {
  return { levelValues: null, titleCursor: 0, windowBound: 0, block: -1, blockCount: 0, blockTotal: 0, blockAt: 0, blockLast: 0, blockDocs: new Int32Array(0), blockFrequencies: new Int32Array(0) };
}

function countTerms(terms: readonly QueryTerm[], clause: number): number {
  let n = 0;
  for (const term of terms) if (term.clause === clause) n++;
  return n;
}

/** Windows of 16 short ids (about five articles), wider in very large indexes (fewer windows to bound). */
function windowShiftFor(nextId: number): number {
  let shift = 4;
  while (shift < 6 && nextId >> shift > 1 << 15) shift++;
  return shift;
}
