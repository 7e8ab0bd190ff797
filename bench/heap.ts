/** Heap measurements: run node with --expose-gc (bench.ts re-spawns itself with it when missing). */

const gc = (globalThis as { gc?: () => void }).gc;

export function canCollect(): boolean {
  return typeof gc === "function";
}

/**
 * Memory used after full collections, in bytes (without --expose-gc: as it stands, less exact): the JS heap plus
 * the ArrayBuffers behind typed arrays, which live outside it (packed postings, score arrays).
 */
export function settledHeap(): number {
  if (gc) {
    gc();
    gc();
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
