/**
 * The frame of the quote book's snapshot files (quotes.bin, quotes-learnt.bin): a header line of JSON (format,
 * fingerprint, what the file describes, and the CRC-32 of everything after the line), a line of JSON describing
 * the layout, then binary sections. Written atomically.
 */
import { crc32Steps, writeHere, type SnapshotWriter } from "../checked-file.js";
import { runToEnd, type Steps } from "../statements/steps.js";

const NEWLINE = 0x0a;

export interface FrameHeader {
  format: number;
  fingerprint: string;
  crc32: number;
}

/**
 * Writes `header` (its checksum added), `layout` and `sections` to `path`, atomically, with `write` (in a worker
 * thread for a running bot: the checksum and the write happen there).
 */
export async function writeFramed(
  path: string,
  header: Omit<FrameHeader, "crc32"> & Record<string, unknown>,
  layout: unknown,
  sections: Uint8Array[],
  write: SnapshotWriter = writeHere,
): Promise<void> {
  await write({ path, header, lines: [layout], sections });
}

/**
 * The parts of a framed file, or "stale" when it was written for another format or fingerprint (not an error).
 * Throws when it is cut short, its checksum does not match or a JSON line does not parse.
 */
export function readFramed<H extends FrameHeader>(file: Buffer, format: number, fingerprint: string): { header: H; layout: unknown; binary: Buffer } | "stale" {
  return runToEnd(readFramedSteps<H>(file, format, fingerprint));
}

/** `readFramed` as steps (statements/steps.ts): the checksum is taken a few megabytes at a time. */
export function* readFramedSteps<H extends FrameHeader>(file: Buffer, format: number, fingerprint: string): Steps<{ header: H; layout: unknown; binary: Buffer } | "stale"> {
  const firstBreak = file.indexOf(NEWLINE);
  const secondBreak = firstBreak < 0 ? -1 : file.indexOf(NEWLINE, firstBreak + 1);
  if (secondBreak < 0) throw new Error("the file is cut short");
  const header = JSON.parse(file.toString("utf8", 0, firstBreak)) as Partial<H> | null;
  // Checked before the rest: a stale file is not an error.
  if (header?.format !== format || header.fingerprint !== fingerprint) return "stale";
  if ((yield* crc32Steps(file.subarray(firstBreak + 1))) !== header.crc32) throw new Error("its checksum does not match");
  const layout: unknown = JSON.parse(file.toString("utf8", firstBreak + 1, secondBreak));
  return { header: header as H, layout, binary: file.subarray(secondBreak + 1) };
}
