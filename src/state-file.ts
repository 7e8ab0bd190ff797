/**
 * Files in DATELINE_DATA_DIR (first-seen map, digest subscriptions and ledger, index snapshots), written atomically:
 * the new content goes to a temporary file in the same folder, is flushed to disk, then renamed over the old
 * one. A crash leaves either the old file or the new one, never half of one.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { processRuns } from "./data-lock.js";

/** Why this process must not write state files (another process owns them), or null. */
let writesRefused: string | null = null;

/** Makes every later `writeFileAtomic` of this process fail with `reason` (a read-only command beside a bot). */
export function refuseStateWrites(reason: string | null): void {
  writesRefused = reason;
}

/** Writes `content` (text, or bytes in parts written one after another) to `path` atomically. */
export async function writeFileAtomic(path: string, content: string | readonly Uint8Array[]): Promise<void> {
  if (writesRefused) throw new Error(`not written: ${writesRefused}`);
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

/**
 * Removes the temporary files that writers killed mid-write left behind (`*.tmp`, in `dataDir` and its folders),
 * except those of processes still running. Returns how many were removed.
 */
export async function removeLeftoverTemps(dataDir: string): Promise<number> {
  let removed = 0;
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.name.endsWith(".tmp") && !writerRuns(entry.name)) {
        await rm(path, { force: true });
        removed++;
      }
    }
  };
  await visit(dataDir);
  return removed;
}

/** Whether the process named in a temporary file's name (`<file>.<pid>.<hex>.tmp`) still runs. Called at start,
 *  before this process writes: a name with our own pid is an earlier run's (containers reuse pid 1). */
function writerRuns(name: string): boolean {
  const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1]);
  return Boolean(pid) && pid !== process.pid && processRuns(pid);
}

/** The file's text, or null when it does not exist (nor can: a path through a file). Other read errors are thrown. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
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
