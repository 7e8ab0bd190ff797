/**
 * MiniSearch keeps three Maps with an entry per document (short id -> id, id -> short id, short id -> field
 * lengths): at a million passages that is three million entries, a million strings and a million small arrays,
 * about 200 bytes a passage and most of the time it takes to load a snapshot. These stand in for them, reading
 * the doc table (doc-table.ts) and a typed array instead. They are Maps, as MiniSearch expects, answering the
 * calls MiniSearch 7 makes on them (add, discard, has); what MiniSearch sets that the doc table does not know yet
 * (a document being added, before the index records it) is kept in the Map itself.
 *
 * The passage index has one field, so one length per document.
 */
import type { DocTable } from "./doc-table.js";

/** MiniSearch's `_documentIds`: short id -> id. */
export class DocumentIds extends Map<number, string> {
  constructor(private readonly docs: DocTable) {
    super();
  }

  override get(shortId: number): string | undefined {
    return super.get(shortId) ?? this.docs.id(shortId);
  }

  override has(shortId: number): boolean {
    return this.get(shortId) !== undefined;
  }

  override set(shortId: number, id: string): this {
    if (this.docs.id(shortId) !== id) super.set(shortId, id);
    return this;
  }

  override delete(shortId: number): boolean {
    const had = this.has(shortId);
    super.delete(shortId);
    this.docs.clear(shortId);
    return had;
  }

  override get size(): number {
    let extra = 0;
    for (const shortId of super.keys()) if (this.docs.id(shortId) === undefined) extra++;
    return this.docs.size + extra;
  }

  override *entries(): MapIterator<[number, string]> {
    for (const shortId of this.docs.shortIds()) yield [shortId, this.get(shortId)!];
    for (const [shortId, id] of super.entries()) if (this.docs.id(shortId) === undefined) yield [shortId, id];
  }

  override *keys(): MapIterator<number> {
    for (const [shortId] of this.entries()) yield shortId;
  }

  override *values(): MapIterator<string> {
    for (const [, id] of this.entries()) yield id;
  }

  override forEach(callback: (id: string, shortId: number, map: Map<number, string>) => void, thisArg?: unknown): void {
    for (const [shortId, id] of this.entries()) callback.call(thisArg, id, shortId, this);
  }

  override [Symbol.iterator](): MapIterator<[number, string]> {
    return this.entries();
  }
}

/** MiniSearch's `_idToShortId`: id -> short id. */
export class ShortIds extends Map<string, number> {
  constructor(private readonly docs: DocTable) {
    super();
  }

  override get(id: string): number | undefined {
    return super.get(id) ?? this.docs.shortId(id);
  }

  override has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  override set(id: string, shortId: number): this {
    if (this.docs.shortId(id) !== shortId) super.set(id, shortId);
    return this;
  }

  override delete(id: string): boolean {
    // The doc table forgets the document when its short id is deleted from DocumentIds (MiniSearch does both).
    const had = this.has(id);
    super.delete(id);
    return had;
  }

  override get size(): number {
    return this.docs.size + [...super.keys()].filter((id) => this.docs.shortId(id) === undefined).length;
  }

  override *entries(): MapIterator<[string, number]> {
    for (const shortId of this.docs.shortIds()) yield [this.docs.id(shortId)!, shortId];
    for (const [id, shortId] of super.entries()) if (this.docs.shortId(id) === undefined) yield [id, shortId];
  }

  override *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  override *values(): MapIterator<number> {
    for (const [, shortId] of this.entries()) yield shortId;
  }

  override forEach(callback: (shortId: number, id: string, map: Map<string, number>) => void, thisArg?: unknown): void {
    for (const [id, shortId] of this.entries()) callback.call(thisArg, shortId, id, this);
  }

  override [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/**
 * MiniSearch's `_fieldLength`: short id -> [length]. MiniSearch sets an empty array and fills it afterwards:
 * arrays it sets wait in the Map itself until `length` or `flush` reads them into the typed array.
 */
export class FieldLengths extends Map<number, number[]> {
  private lengths: Uint32Array;

  constructor(lengths: Uint32Array) {
    super();
    this.lengths = lengths;
  }

  /** The document's length, 0 for an unknown document; reads only the typed array (after `flush`). */
  length(shortId: number): number {
    return this.lengths[shortId] ?? 0;
  }

  /** Every document's length by short id (0: none), for short ids below `size`: the array itself, to read in a loop. */
  lengthsBelow(size: number): Uint32Array {
    this.flush();
    if (size > 0) this.ensure(size - 1);
    return this.lengths;
  }

  /** Takes in the arrays MiniSearch has set and filled. */
  flush(): void {
    for (const [shortId, lengths] of super.entries()) {
      if (lengths[0] === undefined) continue;
      this.ensure(shortId);
      this.lengths[shortId] = lengths[0];
      super.delete(shortId);
    }
  }

  override get(shortId: number): number[] | undefined {
    const pending = super.get(shortId);
    if (pending) return pending;
    const length = this.length(shortId);
    return length > 0 ? [length] : undefined;
  }

  override has(shortId: number): boolean {
    return super.has(shortId) || this.length(shortId) > 0;
  }

  override set(shortId: number, lengths: number[]): this {
    super.set(shortId, lengths);
    return this;
  }

  override delete(shortId: number): boolean {
    const had = this.has(shortId);
    super.delete(shortId);
    if (shortId < this.lengths.length) this.lengths[shortId] = 0;
    return had;
  }

  override get size(): number {
    this.flush();
    let count = super.size;
    for (const length of this.lengths) if (length > 0) count++;
    return count;
  }

  override *entries(): MapIterator<[number, number[]]> {
    this.flush();
    for (let shortId = 0; shortId < this.lengths.length; shortId++) if (this.lengths[shortId]! > 0) yield [shortId, [this.lengths[shortId]!]];
    yield* super.entries();
  }

  override *keys(): MapIterator<number> {
    for (const [shortId] of this.entries()) yield shortId;
  }

  override *values(): MapIterator<number[]> {
    for (const [, lengths] of this.entries()) yield lengths;
  }

  override forEach(callback: (lengths: number[], shortId: number, map: Map<number, number[]>) => void, thisArg?: unknown): void {
    for (const [shortId, lengths] of this.entries()) callback.call(thisArg, lengths, shortId, this);
  }

  override [Symbol.iterator](): MapIterator<[number, number[]]> {
    return this.entries();
  }

  private ensure(shortId: number): void {
    if (shortId < this.lengths.length) return;
    const grown = new Uint32Array(Math.max(shortId + 1, this.lengths.length * 2, 1024));
    grown.set(this.lengths);
    this.lengths = grown;
  }
}
