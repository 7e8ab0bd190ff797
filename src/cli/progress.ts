/** What a person at a terminal sees while a corpus opens: a line per stage and a bar that counts what it names. */
import type { Writable } from "node:stream";

export interface Progress {
  /** A stage begins ("Extracting quotations…"). */
  stage(text: string): void;
  /** Articles indexed so far, of `total`. */
  indexed(done: number, total: number): void;
}

/** Progress on standard error when it is a terminal; null when it is a file or a pipe (nothing is written). */
export function terminalProgress(stream: Writable & { isTTY?: boolean } = process.stderr): Progress | null {
  if (!stream.isTTY) return null;
  let last = -1;
  return {
    stage: (text) => stream.write(`${text}\n`),
    indexed(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === last) return;
      last = percent;
      const filled = Math.round(percent / 5);
      stream.write(`\r[${"#".repeat(filled)}${" ".repeat(20 - filled)}] ${percent}% ${done}/${total} articles indexed`);
      if (done >= total) stream.write("\n");
    },
  };
}
