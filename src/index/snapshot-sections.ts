/**
 * The one codec of the index snapshots' binary part (sources-index.bin, quotes.bin, quotes-learnt.bin): sections
 * of typed arrays, each padded with zeros to a multiple of 8 bytes, and a term index's terms as sections (their
 * documents' counts, their postings' byte lengths and the packed postings one after another).
 *
 * The file's binary part starts on a multiple of 8 too (checked-file.ts pads the header line), so that a section
 * opens as a typed array *over the file's bytes* (a view: no copy, no object per entry); where it is not aligned
 * (a buffer from elsewhere) it is copied. The layout records each section's own length, not the padding.
 */
import { PackedDocMap, packPostings } from "./packed-postings.js";
import type { TermIndex } from "./term-index.js";

/** Work that pauses (yields) between parts, as src/statements/steps.ts runs it (src/index/ imports no module of it). */
type Steps<T> = Generator<void, T, void>;

/** Every section starts on a multiple of this many bytes (the largest element: Float64). */
export const SECTION_ALIGNMENT = 8;
/** Terms restored or encoded between two pauses (a few milliseconds). */
const TERMS_PER_STEP = 4096;

const padding = (length: number) => (SECTION_ALIGNMENT - (length % SECTION_ALIGNMENT)) % SECTION_ALIGNMENT;
const ZEROS = new Uint8Array(SECTION_ALIGNMENT);

type Section = Uint8Array | Int32Array | Uint32Array | Float64Array;

/** A typed array's bytes, little-endian (the byte order of every machine Node runs on here). */
export function bytesOf(array: Section): Uint8Array {
  return array instanceof Uint8Array ? array : new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * The sections as the file holds them (each followed by its padding) and their own lengths, for the layout. The
 * arrays are written as given: a caller handing them to a worker thread gives arrays it no longer uses.
 */
export function laidOut(sections: readonly Section[]): { parts: Uint8Array[]; sizes: number[] } {
  const parts: Uint8Array[] = [];
  const sizes: number[] = [];
  for (const section of sections) {
    const bytes = bytesOf(section);
    parts.push(bytes);
    sizes.push(bytes.length);
    const pad = padding(bytes.length);
    // A fresh array each time: every part may be moved to a worker thread on its own.
    if (pad > 0) parts.push(ZEROS.slice(0, pad));
  }
  return { parts, sizes };
}

/** Reads the sections `laidOut` wrote; throws when the sizes do not add up to the binary part (a damaged file). */
export class SectionReader {
  private readonly starts: number[] = [];

  constructor(
    private readonly binary: Uint8Array,
    private readonly sizes: readonly number[],
  ) {
    let at = 0;
    for (const size of sizes) {
      if (!Number.isInteger(size) || size < 0) throw new Error("a section's size is not valid");
      this.starts.push(at);
      at += size + padding(size);
    }
    if (at !== binary.length) throw new Error("the binary part has the wrong size");
  }

  get count(): number {
    return this.sizes.length;
  }

  bytes(i: number, length?: number): Uint8Array {
    const start = this.starts[i];
    if (start === undefined) throw new Error(`no section ${i}`);
    // A plain Uint8Array, never a Buffer (the file's): a Buffer's `slice` is a view, and an encoder copying a
    // section opened here with `slice` (to hand it to a worker thread) would hand over the whole file instead.
    const bytes = new Uint8Array(this.binary.buffer, this.binary.byteOffset + start, this.sizes[i]!);
    if (length !== undefined && bytes.length !== length) throw new Error(`section ${i} has the wrong size`);
    return bytes;
  }

  int32s(i: number, length?: number): Int32Array {
    return typed(this.bytes(i, length === undefined ? undefined : length * 4), 4, (b, o, n) => new Int32Array(b, o, n));
  }

  uint32s(i: number, length?: number): Uint32Array {
    return typed(this.bytes(i, length === undefined ? undefined : length * 4), 4, (b, o, n) => new Uint32Array(b, o, n));
  }

  float64s(i: number, length?: number): Float64Array {
    return typed(this.bytes(i, length === undefined ? undefined : length * 8), 8, (b, o, n) => new Float64Array(b, o, n));
  }
}

/** A view over the bytes when they are aligned for the type, else over a copy of them. */
function typed<A>(bytes: Uint8Array, size: number, make: (buffer: ArrayBuffer, offset: number, length: number) => A): A {
  if (bytes.length % size !== 0) throw new Error("a section is not a whole number of values");
  // A file read into memory is an ArrayBuffer (never shared between threads).
  if (bytes.byteOffset % size === 0 && bytes.buffer instanceof ArrayBuffer) return make(bytes.buffer, bytes.byteOffset, bytes.length / size);
  // A copy of its own (a Buffer's `slice` would be a view, not a copy).
  return make(new Uint8Array(bytes).buffer, 0, bytes.length / size);
}

/** A term index's terms for a snapshot: in the dictionary's order, with their counts and packed postings. */
export interface TermSections {
  terms: string[];
  /** By term: the documents holding it. */
  counts: Uint32Array;
  /** By term: the byte length of its packed postings. */
  byteLengths: Uint32Array;
  /** Every term's packed postings, one after another (a new buffer: nothing shared with the index). */
  postings: Uint8Array;
}

/**
 * The index's terms as sections, as steps (pausing every few thousand terms). Packed terms are taken as they are;
 * a term a change left unpacked (a Map) is packed here, sorted by short id.
 */
export function* termSectionsSteps(index: TermIndex): Steps<TermSections> {
  const terms: string[] = [];
  const counts: number[] = [];
  const packed: Uint8Array[] = [];
  let total = 0;
  let seen = 0;
  for (const [term, postings] of index.terms) {
    if (++seen % TERMS_PER_STEP === 0) yield;
    if (postings.size === 0) continue;
    const bytes = postings instanceof PackedDocMap && postings.bytes ? postings.bytes : packPostings([...postings].sort((a, b) => a[0] - b[0]));
    terms.push(term);
    counts.push(postings.size);
    packed.push(bytes);
    total += bytes.length;
  }
  const all = new Uint8Array(total);
  const byteLengths = new Uint32Array(packed.length);
  let at = 0;
  for (let i = 0; i < packed.length; i++) {
    all.set(packed[i]!, at);
    at += packed[i]!.length;
    byteLengths[i] = packed[i]!.length;
  }
  return { terms, counts: Uint32Array.from(counts), byteLengths, postings: all };
}

/**
 * Puts the saved terms into `index` (empty), their postings packed as views of `sections.postings`, in the saved
 * order (the dictionary's insertion order: fuzzy look-ups list terms in it). Throws on anything inconsistent.
 * Returns where each term's postings start (by term, and one more: the end).
 */
export function* restoreTermsSteps(index: TermIndex, sections: Omit<TermSections, "terms"> & { terms: readonly string[] }): Steps<Float64Array> {
  const { terms, counts, byteLengths, postings } = sections;
  if (counts.length !== terms.length || byteLengths.length !== terms.length) throw new Error("the terms' sections have the wrong size");
  const starts = new Float64Array(terms.length + 1);
  for (let i = 0; i < terms.length; i++) starts[i + 1] = starts[i]! + byteLengths[i]!;
  if (starts[terms.length] !== postings.length) throw new Error("the postings have the wrong size");
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const count = counts[i]!;
    // A posting takes two bytes at least (a gap and a frequency).
    if (typeof term !== "string" || count === 0 || byteLengths[i]! < count * 2) throw new Error(`the postings of “${term}” are damaged`);
    index.terms.set(term, new PackedDocMap(postings.subarray(starts[i], starts[i + 1]), count));
    if (i % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
  }
  return starts;
}
