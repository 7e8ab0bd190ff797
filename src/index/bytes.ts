/** Typed arrays to and from the bytes of a binary snapshot (the passage index's and the quotations'). */

/** A typed array's bytes, little-endian (the byte order of every machine Node runs on here). */
export function bytesOf(array: Int32Array | Uint32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Copies: a section of a file need not be aligned for a typed array. Throws when the size is not whole elements. */
function copied(bytes: Uint8Array, elementSize: number): ArrayBuffer {
  if (bytes.length % elementSize !== 0) throw new Error("a section is not a whole number of values");
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

export function int32s(bytes: Uint8Array): Int32Array {
  return new Int32Array(copied(bytes, 4));
}

export function uint32s(bytes: Uint8Array): Uint32Array {
  return new Uint32Array(copied(bytes, 4));
}

export function float64s(bytes: Uint8Array): Float64Array {
  return new Float64Array(copied(bytes, 8));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
