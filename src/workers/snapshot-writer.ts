/**
 * Snapshot files written by a worker thread of the pool: the checksum over tens of megabytes and the write happen
 * there, not on the event loop. The sections are the file's own (the encoders copy what they take from live
 * arrays): their buffers are moved to the worker, not copied, when a section spans a whole buffer; a view into a
 * larger buffer (Node's small-Buffer pool, say) is copied, which is cheap for bytes.
 */
import type { CheckedFile, SnapshotWriter } from "../checked-file.js";
import type { WorkerPool } from "./pool.js";

/** Buffers of `sections` that can be moved without taking anything from elsewhere, each once. */
export function transferable(sections: readonly Uint8Array[]): ArrayBuffer[] {
  const moved = new Set<ArrayBuffer>();
  for (const s of sections) {
    const buffer = s.buffer;
    if (buffer instanceof ArrayBuffer && s.byteOffset === 0 && s.byteLength === buffer.byteLength && s.byteLength > 0) moved.add(buffer);
  }
  return [...moved];
}

/** A writer through the pool. Once called, the sections belong to the writer (unusable by the caller). */
export function offThreadWriter(pool: WorkerPool): SnapshotWriter {
  return async (file: CheckedFile) => {
    await pool.run("writeSnapshot", file, transferable(file.sections));
  };
}
