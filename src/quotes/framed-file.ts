/**
 * The frame of the quote book's snapshot files (quotes.bin, quotes-learnt.bin): a header line of JSON (format,
 * fingerprint, what the file describes, and the CRC-32 of everything after the line), lines of JSON describing
 * the layout, then binary sections. Written atomically.
 *
 * The layout's long arrays (the string table, the topic terms, the learnt vocabulary: megabytes at a million
 * passages) are written over several lines of at most `ITEMS_PER_LINE` items, the first line holding
 * `{ "$lines": n }` in their place, so that a running bot parses them a line per step, never megabytes at once.
 */
import { crc32Steps, writeHere, type SnapshotWriter } from "../checked-file.js";
import { runToEnd, type Steps } from "../statements/steps.js";

const NEWLINE = 0x0a;
/** Items of a layout array on one line (a line parses in a millisecond or two). */
export const ITEMS_PER_LINE = 4096;

/** Where a long array of the layout stands on the first line: the number of lines that follow for it. */
interface ArrayLines {
  $lines: number;
}

function isArrayLines(value: unknown): value is ArrayLines {
  return value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as Partial<ArrayLines>).$lines === "number" && Object.keys(value).length === 1;
}

/** The layout as lines: its long arrays replaced by `{ $lines }` on the first, their items on the lines after. */
export function layoutLines(layout: object): unknown[] {
  const first: Record<string, unknown> = {};
  const more: unknown[][] = [];
  for (const [key, value] of Object.entries(layout)) {
    if (!Array.isArray(value) || value.length <= ITEMS_PER_LINE) {
      first[key] = value;
      continue;
    }
    const lines: unknown[][] = [];
    for (let at = 0; at < value.length; at += ITEMS_PER_LINE) lines.push(value.slice(at, at + ITEMS_PER_LINE));
    first[key] = { $lines: lines.length } satisfies ArrayLines;
    more.push(...lines);
  }
  return [first, ...more];
}

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
  await write({ path, header, lines: layoutLines(layout as object), sections });
}

/**
 * The parts of a framed file, or "stale" when it was written for another format or fingerprint (not an error).
 * Throws when it is cut short, its checksum does not match or a JSON line does not parse.
 */
export function readFramed<H extends FrameHeader>(file: Buffer, format: number, fingerprint: string): { header: H; layout: unknown; binary: Buffer } | "stale" {
  return runToEnd(readFramedSteps<H>(file, format, fingerprint));
}

/**
 * `readFramed` as steps (statements/steps.ts): the checksum is taken a few megabytes at a time, and the layout's
 * long arrays are parsed a line per step.
 */
export function* readFramedSteps<H extends FrameHeader>(file: Buffer, format: number, fingerprint: string): Steps<{ header: H; layout: unknown; binary: Buffer } | "stale"> {
  const firstBreak = file.indexOf(NEWLINE);
  const secondBreak = firstBreak < 0 ? -1 : file.indexOf(NEWLINE, firstBreak + 1);
  if (secondBreak < 0) throw new Error("the file is cut short");
  const header = JSON.parse(file.toString("utf8", 0, firstBreak)) as Partial<H> | null;
  // Checked before the rest: a stale file is not an error.
  if (header?.format !== format || header.fingerprint !== fingerprint) return "stale";
  if ((yield* crc32Steps(file.subarray(firstBreak + 1))) !== header.crc32) throw new Error("its checksum does not match");
  const layout: unknown = JSON.parse(file.toString("utf8", firstBreak + 1, secondBreak));
  let end = secondBreak;
  if (layout !== null && typeof layout === "object" && !Array.isArray(layout)) {
    const fields = layout as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) {
      if (!isArrayLines(value)) continue;
      const items: unknown[] = [];
      for (let line = 0; line < value.$lines; line++) {
        yield;
        const start = end + 1;
        end = file.indexOf(NEWLINE, start);
        if (end < 0) throw new Error("the file is cut short");
        const part: unknown = JSON.parse(file.toString("utf8", start, end));
        if (!Array.isArray(part)) throw new Error(`a line of “${key}” is not a list`);
        for (const item of part) items.push(item);
      }
      fields[key] = items;
    }
  }
  return { header: header as H, layout, binary: file.subarray(end + 1) };
}
