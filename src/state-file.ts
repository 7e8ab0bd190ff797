/**
 * Files in DATELINE_DATA_DIR (first-seen map, digest subscriptions and ledger, index snapshots), written atomically:
 * the new content goes to a temporary file in the same folder, is flushed to disk, then renamed over the old
 * one. A crash leaves either the old file or the new one, never half of one.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/** Writes `content` (text, or bytes in parts written one after another) to `path` atomically. */
export async function writeFileAtomic(path: string, content: string | readonly Uint8Array[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(temp, "w");
    try {
      if (typeof content === "string") await handle.writeFile(content, "utf8");
      else for (const part of content) await handle.writeFile(part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The file's text, or null when it does not exist. Other read errors are thrown. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Keeps a copy of a state file that could not be read, for whoever wants to look at it later. */
export async function setAsideCorrupt(path: string, now: Date): Promise<string> {
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}`;
  await rename(path, aside);
  return aside;
}

/**
 * Serialises writes of one file: each call waits for the previous one, so that the last state written wins
 * and two renames never race.
 */
export function createWriteQueue(): (write: () => Promise<void>) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (write) => {
    const next = last.then(write, write);
    last = next.catch(() => undefined);
    return next;
  };
}
