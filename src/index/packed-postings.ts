/**
 * MiniSearch keeps each term's postings as a Map (document short id -> term frequency): 30 to 40 bytes of heap
 * per posting, most of an index's memory. A packed term keeps them as bytes instead (for each document, the gap
 * from the previous short id, then the frequency, both as varints: 2 to 3 bytes a posting). Scoring
 * (postings.ts) and snapshots read the bytes directly.
 *
 * The index changes packed postings without unpacking them (term-index.ts): a document added has a short id
 * above every other, so its postings are appended to the bytes (`append`: into room kept at the end, grown by a
 * fraction of the size when full, so that adding costs in proportion to what is added); a document removed or
 * discarded leaves the bytes when its terms are packed again (`packTerms`: a pass over their bytes, no Map).
 * Bytes once handed out (`bytes`) are never written over: a reader holding them (a snapshot being encoded in
 * slices) keeps reading what it was given. The Map methods still work; they unpack the term into the Map.
 */

/** What `packTerms` reads and changes of an index (term-index.ts's TermIndex, named here to keep imports one way). */
export interface PackableIndex {
  readonly terms: {
    get(term: string): Map<number, number> | undefined;
    set(term: string, postings: Map<number, number>): unknown;
    delete(term: string): unknown;
    [Symbol.iterator](): Iterator<[string, Map<number, number>]>;
  };
  /** The document's length, 0 once discarded or removed. */
  length(shortId: number): number;
}

export class PackedDocMap extends Map<number, number> {
  #bytes: Uint8Array | null;
  #count: number;
  /** The last (greatest) short id of the bytes; undefined until needed when the bytes came without it. */
  #last: number | undefined;
  /** The buffer `#bytes` starts, when this map owns it and may write past `#bytes` (appended postings). */
  #room: Uint8Array | null = null;

  constructor(bytes: Uint8Array, count: number, last?: number) {
    super();
    this.#bytes = bytes;
    this.#count = count;
    this.#last = count === 0 ? -1 : last;
  }

  /** An empty term's postings, packed, to append to. */
  static empty(): PackedDocMap {
    return new PackedDocMap(new Uint8Array(0), 0);
  }

  /** The packed postings, or null once unpacked into the Map. */
  get bytes(): Uint8Array | null {
    return this.#bytes;
  }

  /**
   * Adds a document greater than every document of the postings, without unpacking them. Returns false (and
   * changes nothing) when the postings are unpacked: the caller sets the Map instead.
   */
  append(doc: number, frequency: number): boolean {
    const bytes = this.#bytes;
    if (!bytes) return false;
    const last = (this.#last ??= lastDoc(bytes, this.#count));
    if (doc <= last) throw new Error(`postings are appended in ascending short ids: ${doc} after ${last}`);
    // The first gap counts from 0.
    const gap = this.#count === 0 ? doc : doc - last;
    const used = bytes.length;
    const needed = used + varintLength(gap) + varintLength(frequency);
    let room = this.#room;
    if (!room || room.length < needed) {
      // Grown by a fraction of the size (amortized: each byte copied a bounded number of times), and never over
      // bytes handed out before: the old buffer stays as it was for whoever holds it.
      const spare = used < 4096 ? Math.max(32, used) : used >>> 3;
      room = new Uint8Array(needed + spare);
      room.set(bytes);
      this.#room = room;
    }
    let at = writeVarint(room, used, gap);
    at = writeVarint(room, at, frequency);
    this.#bytes = room.subarray(0, at);
    this.#count++;
    this.#last = doc;
    return true;
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
    this.#room = null;
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
    this.#room = null;
    for (const [doc, frequency] of unpacked(bytes, this.#count)) super.set(doc, frequency);
  }
}

/** The last short id of packed postings (a pass over the varints, nothing decoded into arrays). */
function lastDoc(bytes: Uint8Array, count: number): number {
  let doc = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    let byte = bytes[at++]!;
    let gap = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[at++]!;
      gap |= (byte & 0x7f) << shift;
    }
    doc += gap;
    while (bytes[at++]! & 0x80);
  }
  return count === 0 ? -1 : doc;
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
  for (const [doc, frequency] of postings.entries()) {
    if (!alive(doc)) continue;
    if (doc < last) sorted = false;
    last = doc;
    out.push([doc, frequency]);
  }
  if (!sorted) out.sort((a, b) => a[0] - b[0]);
  return out;
}

/**
 * Packed postings without the documents `alive` refuses, read and written as bytes (no Map, no array of pairs):
 * null when every document is alive (the bytes stay as they are).
 */
function livePacked(bytes: Uint8Array, count: number, alive: (doc: number) => boolean): { bytes: Uint8Array; count: number; last: number } | null {
  let out: Uint8Array | null = null;
  let written = 0;
  let kept = 0;
  let doc = 0;
  let lastKept = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const start = at;
    let byte = bytes[at++]!;
    let gap = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[at++]!;
      gap |= (byte & 0x7f) << shift;
    }
    doc += gap;
    // The frequency is copied as it is written.
    const frequencyAt = at;
    while (bytes[at++]! & 0x80);
    if (!alive(doc)) {
      if (!out) {
        // The first document to leave: what comes before it is copied as it is.
        out = new Uint8Array(bytes.length);
        out.set(bytes.subarray(0, start));
        written = start;
      }
      continue;
    }
    if (out) {
      written = writeVarint(out, written, kept === 0 ? doc : doc - lastKept);
      out.set(bytes.subarray(frequencyAt, at), written);
      written += at - frequencyAt;
    }
    kept++;
    lastKept = doc;
  }
  return out ? { bytes: out.subarray(0, written), count: kept, last: kept === 0 ? -1 : lastKept } : null;
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
 * document, this is MiniSearch's vacuum. A term packed already is read as bytes and written again only when a
 * document leaves it. Without `terms`, packs every term not packed yet (packed terms hold live documents only,
 * as long as the terms of every discarded document are packed again after it). The terms packed together share
 * one buffer.
 */
export function packTerms(index: PackableIndex, terms?: Iterable<string>): void {
  // A document holding a term has a length of at least 1 until it is discarded or removed.
  const alive = (doc: number) => index.length(doc) > 0;
  const pending: Array<{ term: string; packed: { bytes: Uint8Array; count: number; last: number } | null; postings: Array<[number, number]> | null }> = [];
  const consider = (term: string, map: Map<number, number> | undefined, again: boolean) => {
    if (!map) return;
    if (map instanceof PackedDocMap && map.bytes) {
      if (!again) return;
      const packed = livePacked(map.bytes, map.size, alive);
      if (packed) pending.push({ term, packed, postings: null });
      return;
    }
    pending.push({ term, packed: null, postings: livePostings(map, alive) });
  };
  if (terms) for (const term of new Set(terms)) consider(term, index.terms.get(term), true);
  else for (const [term, map] of index.terms) consider(term, map, false);

  let total = 0;
  for (const p of pending) total += p.packed ? p.packed.bytes.length : packedLength(p.postings!);
  const buffer = new Uint8Array(total);
  let at = 0;
  for (const { term, packed, postings } of pending) {
    const count = packed ? packed.count : postings!.length;
    if (count === 0) {
      index.terms.delete(term);
      continue;
    }
    const start = at;
    if (packed) {
      buffer.set(packed.bytes, at);
      at += packed.bytes.length;
    } else {
      at = packInto(buffer, at, postings!);
    }
    const last = packed ? packed.last : postings![count - 1]![0];
    index.terms.set(term, new PackedDocMap(buffer.subarray(start, at), count, last));
  }
}
