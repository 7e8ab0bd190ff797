/**
 * The snapshots' common shape on disk (sources-index.bin, quotes.bin, quotes-learnt.bin): a header line of JSON
 * holding the CRC-32 of everything after it, more lines of JSON, then binary sections; written atomically. The
 * writing (checksum, bytes to disk) is a `SnapshotWriter`: here (`writeHere`), or in a worker thread
 * (src/workers/snapshot-writer.ts) so that a running bot's event loop never waits for it.
 */
import { crc32 } from "node:zlib";
import { writeFileAtomic } from "./state-file.js";
import type { Steps } from "./statements/steps.js";
import { SECTION_ALIGNMENT } from "./index/snapshot-sections.js";

/** Bytes checksummed between two pauses of an opening in slices (a few milliseconds). */
const CHECKSUM_BYTES_PER_STEP = 4 << 20;

/** What a snapshot file holds; plain data and byte arrays, so that it can be posted to a worker thread. */
export interface CheckedFile {
  path: string;
  /** The header line's fields; `crc32` is added by the writer. */
  header: Record<string, unknown>;
  /** Lines of JSON after the header, each written as `JSON.stringify(line)`. */
  lines: unknown[];
  sections: Uint8Array[];
}

/** Writes a snapshot file (checksum, atomic write); resolves once it is on disk. */
export type SnapshotWriter = (file: CheckedFile) => Promise<void>;

/** The file's bytes, in parts: the header line (with the checksum of the rest), the JSON lines, the sections. */
export function checkedParts(file: CheckedFile): Uint8Array[] {
  const text = Buffer.from(file.lines.map((line) => `${JSON.stringify(line)}\n`).join(""), "utf8");
  let checksum = crc32(text);
  // Node's crc32 answers 0 for an empty Uint8Array whatever the running value (an empty corpus's sections).
  for (const section of file.sections) if (section.byteLength > 0) checksum = crc32(section, checksum);
  // Spaces after the header's JSON, so that the sections start on a multiple of 8 bytes in the file: they then open
  // as typed arrays over the file's bytes (src/index/snapshot-sections.ts). The checksum does not cover the header.
  const header = Buffer.from(JSON.stringify({ ...file.header, crc32: checksum }), "utf8");
  const spaces = (SECTION_ALIGNMENT - ((header.length + 1 + text.length) % SECTION_ALIGNMENT)) % SECTION_ALIGNMENT;
  return [Buffer.concat([header, Buffer.from(`${" ".repeat(spaces)}\n`, "utf8")]), text, ...file.sections];
}

/** Writes on this thread (the command line, tests, a bot without worker threads). */
export const writeHere: SnapshotWriter = (file) => writeFileAtomic(file.path, checkedParts(file));

/** The CRC-32 of `bytes`, as steps (statements/steps.ts): a few megabytes between two pauses. */
export function* crc32Steps(bytes: Uint8Array): Steps<number> {
  let checksum = 0;
  for (let at = 0; at < bytes.length; at += CHECKSUM_BYTES_PER_STEP) {
    checksum = crc32(bytes.subarray(at, Math.min(bytes.length, at + CHECKSUM_BYTES_PER_STEP)), checksum);
    yield;
  }
  return checksum;
}
