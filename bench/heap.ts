/** Heap measurements: run node with --expose-gc (bench.ts re-spawns itself with it when missing). */

const gc = (globalThis as { gc?: () => void }).gc;

export function canCollect(): boolean {
  return typeof gc === "function";
}

/** Heap used after full collections, in bytes (without --expose-gc: as it stands, less exact). */
export function settledHeap(): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}
