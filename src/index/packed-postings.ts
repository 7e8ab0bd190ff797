/**
 * MiniSearch keeps each term's postings as a Map (document short id -> term frequency): 30 to 40 bytes of heap
 * per posting, most of an index's memory. A packed term keeps them as bytes instead (for each document, the gap
 * from the previous short id, then the frequency, both as varints: 2 to 3 bytes a posting) and turns back into
 * a Map only when the index changes it (adding or removing a document holding the term, term-index.ts). Scoring
 * (postings.ts) and snapshots (snapshot.ts) read the bytes directly.
 */
import type { TermIndex, TermPostings } from "./term-index.js";

export class PackedDocMap extends Map<number, number> {
  #bytes: Uint8Array | null;
  #count: number;

  constructor(bytes: Uint8Array, count: number) {
    super();
    this.#bytes = bytes;
    this.#count = count;
  }

  /** The packed postings, or null once unpacked into the Map. */
  get bytes(): Uint8Array | null {
    return this.#bytes;
  }

  override get size(): number {
    return this.#bytes ? this.#count : super.size;
  }

  override get(doc: number): number | undefined {
    this.unpack();
    return super.get(doc);
  }

  override has(doc: number): boolean {
    this.unpack();
    return super.has(doc);
  }

  override set(doc: number, frequency: number): this {
    this.unpack();
    return super.set(doc, frequency);
  }

  override delete(doc: number): boolean {
    this.unpack();
    return super.delete(doc);
  }

  override clear(): void {
    this.#bytes = null;
    super.clear();
  }

  override forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    this.unpack();
    super.forEach(callback, thisArg);
  }

  override entries(): MapIterator<[number, number]> {
    this.unpack();
    return super.entries();
  }

  override keys(): MapIterator<number> {
    this.unpack();
    return super.keys();
  }

  override values(): MapIterator<number> {
    this.unpack();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  private unpack(): void {
    const bytes = this.#bytes;
    if (!bytes) return;
    this.#bytes = null;
    for (const [doc, frequency] of unpacked(bytes, this.#count)) super.set(doc, frequency);
  }
}

/**
 * A term's postings decoded into arrays reused from term to term, so that the loops that read every posting of a
 * common word (scoring, marking) read plain numbers. Packed postings are decoded here, the only varint decoder;
 * a Map's are copied.
 */
export class PostingsReader {
  /** Short ids, ascending for packed postings. */
  docs = new Int32Array(1024);
  frequencies = new Int32Array(1024);

  /** Reads the postings into `docs` and `frequencies`; returns how many there are. */
  read(postings: Map<number, number>): number {
    const count = postings.size;
    if (this.docs.length < count) {
      const size = Math.max(count, this.docs.length * 2);
      this.docs = new Int32Array(size);
      this.frequencies = new Int32Array(size);
    }
    const bytes = postings instanceof PackedDocMap ? postings.bytes : null;
    if (bytes) {
      decodeInto(bytes, count, this.docs, this.frequencies);
    } else {
      let i = 0;
      for (const [doc, frequency] of postings) {
        this.docs[i] = doc;
        this.frequencies[i++] = frequency;
      }
    }
    return count;
  }
}

/**
 * Decodes `count` postings (varint gap from the previous short id, varint frequency) starting at byte `at`, the first
 * gap counted from `doc`, into `docs` and `frequencies`.
 */
export function decodeInto(bytes: Uint8Array, count: number, docs: Int32Array, frequencies: Int32Array, at = 0, doc = 0): void {
  for (let i = 0; i < count; i++) {
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
    docs[i] = doc;
    frequencies[i] = frequency;
  }
}

/** The postings of packed bytes, in order. */
export function* unpacked(bytes: Uint8Array, count: number): Generator<[number, number]> {
  const docs = new Int32Array(count);
  const frequencies = new Int32Array(count);
  decodeInto(bytes, count, docs, frequencies);
  for (let i = 0; i < count; i++) yield [docs[i]!, frequencies[i]!];
}

/** Postings (short id -> frequency) of documents that `alive` accepts, sorted by short id. */
function livePostings(postings: Map<number, number>, alive: (doc: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let sorted = true;
  let last = -1;
  const entries = postings instanceof PackedDocMap && postings.bytes ? unpacked(postings.bytes, postings.size) : postings.entries();
  for (const [doc, frequency] of entries) {
    if (!alive(doc)) continue;
    if (doc < last) sorted = false;
    last = doc;
    out.push([doc, frequency]);
  }
  if (!sorted) out.sort((a, b) => a[0] - b[0]);
  return out;
}

function varintLength(value: number): number {
  let length = 1;
  while (value >= 0x80) {
    value >>>= 7;
    length++;
  }
  return length;
}

export function writeVarint(into: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    into[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  into[at++] = value;
  return at;
}

function packedLength(postings: ReadonlyArray<readonly [number, number]>): number {
  let length = 0;
  let last = 0;
  for (const [doc, frequency] of postings) {
    length += varintLength(doc - last) + varintLength(frequency);
    last = doc;
  }
  return length;
}

/** Postings sorted by short id, packed into a buffer of their own. */
export function packPostings(postings: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const bytes = new Uint8Array(packedLength(postings));
  packInto(bytes, 0, postings);
  return bytes;
}

function packInto(into: Uint8Array, at: number, postings: ReadonlyArray<readonly [number, number]>): number {
  let last = 0;
  for (const [doc, frequency] of postings) {
    at = writeVarint(into, at, doc - last);
    at = writeVarint(into, at, frequency);
    last = doc;
  }
  return at;
}

/**
 * Packs the postings of `terms`, leaving out documents the index has discarded: for the terms of a discarded
 * document, this is MiniSearch's vacuum. Without `terms`, packs every term not packed yet (packed terms hold
 * live documents only, as long as the terms of every discarded document are packed again after it). The terms
 * packed together share one buffer.
 */
export function packTerms(index: TermIndex, terms?: Iterable<string>): void {
  // A document holding a term has a length of at least 1 until it is discarded or removed.
  const alive = (doc: number) => index.length(doc) > 0;
  const pending: Array<{ term: string; postings: Array<[number, number]> }> = [];
  const consider = (term: string, map: TermPostings | undefined, again: boolean) => {
    if (!map || (!again && map instanceof PackedDocMap && map.bytes)) return;
    pending.push({ term, postings: livePostings(map, alive) });
  };
  if (terms) for (const term of new Set(terms)) consider(term, index.terms.get(term), true);
  else for (const [term, map] of index.terms) consider(term, map, false);

  let total = 0;
  for (const p of pending) total += packedLength(p.postings);
  const buffer = new Uint8Array(total);
  let at = 0;
  for (const { term, postings } of pending) {
    if (postings.length === 0) {
      index.terms.delete(term);
      continue;
    }
    const start = at;
    at = packInto(buffer, at, postings);
    index.terms.set(term, new PackedDocMap(buffer.subarray(start, at), postings.length));
  }
}
