/**
 * One writer per data folder: the bot holds `<dataDir>/bot.lock` (its pid, host and start time) while it runs, so
 * that a second bot on the same DATELINE_DATA_DIR stops at once instead of posting digests twice and overwriting
 * subscriptions. A lock left by a process that no longer runs is taken over: on this host, its pid tells; from
 * another host (a shared volume), a lock not refreshed for HEARTBEAT_STALE_MS is stale. Command-line tools
 * that only read ask `dataDirHolder` and leave the state files alone while a bot holds the folder.
 *
 * Kept behind this small interface: state moving to a database will hold its lock there instead.
 */
import { hostname } from "node:os";
import { link, mkdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "./core/log.js";

export const LOCK_FILE = "bot.lock";
/** The holder touches its lock this often, so that a host that cannot see its process can tell it still runs. */
const HEARTBEAT_MS = 60_000;
const HEARTBEAT_STALE_MS = 5 * HEARTBEAT_MS;

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the data folder ${dataDir} is in use by another Dateline bot: pid ${holder.pid} on ${holder.host}, ` +
        `started ${holder.startedAt} (lock file ${join(dataDir, LOCK_FILE)}). Stop that bot first, or give this one ` +
        `its own DATELINE_DATA_DIR. If no Dateline runs as that process, remove the lock file.`,
    );
    this.name = "DataDirInUseError";
  }
}

/** Takes the folder's lock for this process, or throws DataDirInUseError naming the live holder. */
export async function lockDataDir(dataDir: string, log: Logger): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  await mkdir(dataDir, { recursive: true });
  const mine: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  // Written whole under a private name, then linked into place: the lock file is never seen half written, and
  // link() fails if another process got there first.
  const draft = `${path}.${process.pid}.draft`;
  await writeFile(draft, JSON.stringify(mine) + "\n");
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(draft, path);
        const heartbeat = setInterval(() => void utimes(path, new Date(), new Date()).catch(() => undefined), HEARTBEAT_MS);
        heartbeat.unref();
        return {
          path,
          release: async () => {
            clearInterval(heartbeat);
            await releaseIfMine(path);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = await readHolder(path);
      // Our own pid in a lock we have not taken yet is an earlier run's (containers reuse pid 1).
      if (holder && !isOurs(holder) && (await isAlive(holder, path))) throw new DataDirInUseError(dataDir, holder);
      // Stale (its process is gone) or unreadable: moved aside under our own name, so that two bots taking it
      // over at once cannot remove each other's fresh lock; the next attempt links ours.
      const aside = `${path}.${process.pid}.stale`;
      try {
        await rename(path, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      const moved = await readHolder(aside);
      if (moved && !isOurs(moved) && (await isAlive(moved, aside))) {
        // Another bot took it over between our read and our rename: give it back.
        await link(aside, path).catch(() => undefined);
        await rm(aside, { force: true });
        throw new DataDirInUseError(dataDir, moved);
      }
      await rm(aside, { force: true });
      log.warn("took over the data folder's lock from a process that no longer runs", { path, stale: moved ?? null });
    }
    throw new Error(`could not take the lock ${path}: it keeps changing`);
  } finally {
    await rm(draft, { force: true });
  }
}

/** The live bot holding the folder, or null (no lock, a stale one, or this process's own). */
export async function dataDirHolder(dataDir: string): Promise<LockHolder | null> {
  const path = join(dataDir, LOCK_FILE);
  const holder = await readHolder(path);
  if (!holder || isOurs(holder) || !(await isAlive(holder, path))) return null;
  return holder;
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<LockHolder>;
    if (!Number.isInteger(parsed.pid) || typeof parsed.host !== "string") return null;
    return { pid: parsed.pid!, host: parsed.host, startedAt: String(parsed.startedAt ?? "at an unknown time") };
  } catch {
    return null;
  }
}

function isOurs(holder: LockHolder): boolean {
  return holder.pid === process.pid && holder.host === hostname();
}

/** On this host, whether its process runs; from another, whether it refreshed its lock lately. */
async function isAlive(holder: LockHolder, path: string): Promise<boolean> {
  if (holder.host === hostname()) return processRuns(holder.pid);
  const touched = await stat(path).then((s) => s.mtimeMs, () => 0);
  return Date.now() - touched < HEARTBEAT_STALE_MS;
}

/** Whether a process with this pid runs on this host (EPERM: it does, as another user). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function releaseIfMine(path: string): Promise<void> {
  const holder = await readHolder(path);
  if (holder && isOurs(holder)) await rm(path, { force: true });
}
