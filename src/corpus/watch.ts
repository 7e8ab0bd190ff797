/**
 * Watching the corpus folder while the bot runs. New, changed and removed corpus files are reported by their
 * path relative to the folder (forward slashes), once things have settled for `debounceMs`.
 *
 * Two sources of changes: `fs.watch(root, { recursive: true })` reports most changes at once, and a periodic
 * rescan (mtime and size of every corpus file) catches what it misses (editors that replace files, folders
 * moved in, network file systems, watcher errors). Each path is handled by one `onChange` call at a time; a
 * failing call (e.g. the file was deleted while being read) is logged and never stops the watcher.
 */
import { watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Logger } from "../core/log.js";
import { isCorpusFileName } from "./load.js";

export interface WatchOptions {
  log: Logger;
  /** Quiet time after the last event on a path before it is reported. Default 250 ms. */
  debounceMs?: number;
  /** Interval of the safety-net rescan. Default 3,000 ms; 0 turns it off. */
  pollMs?: number;
  /** Listen to file-system events (default true); false relies on the rescan alone (e.g. network shares). */
  events?: boolean;
}

export interface CorpusWatcher {
  /** Stops watching and waits for the `onChange` calls under way. */
  close(): Promise<void>;
}

/**
 * Whether a path (relative, forward slashes) is one the corpus reader reads: a known extension, in no hidden
 * folder, not an editor's lock, backup or autosave file.
 */
export function isCorpusFile(relPath: string): boolean {
  const parts = relPath.split("/");
  if (parts.some((part) => part.startsWith(".") || part === "node_modules")) return false;
  const name = parts[parts.length - 1] ?? "";
  if (/^#.*#$|~$/.test(name)) return false;
  return isCorpusFileName(name);
}

interface FileState {
  mtimeMs: number;
  size: number;
}

export function watchCorpus(
  root: string,
  onChange: (relPath: string) => Promise<void> | void,
  options: WatchOptions,
): CorpusWatcher {
  return new CorpusWatch(root, onChange, options);
}

/**
 * One watch of a corpus folder. Its parts: `schedule` (debounce a path), `deliver` (one `onChange` at a time per
 * path, each change reported once), `rescan` (the safety net), `startEvents` (fs.watch), `close`.
 */
class CorpusWatch implements CorpusWatcher {
  private readonly log: Logger;
  private readonly debounceMs: number;
  private closed = false;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Paths whose onChange is running, and whether another run was asked for meanwhile. */
  private readonly running = new Map<string, { again: boolean; done: Promise<void> }>();
  /** Last known state of every corpus file, for the rescan. */
  private known = new Map<string, FileState>();
  /**
   * State of every corpus file as last reported (null once reported removed), to report each change once. Not
   * seeded by the first scan: a file written just after the watcher starts is found by that scan too, and its
   * event must still be reported.
   */
  private readonly reported = new Map<string, FileState | null>();
  private scanning: Promise<void> | null = null;
  private scanSoonTimer: NodeJS.Timeout | null = null;
  private watcher: FSWatcher | null = null;
  private readonly initialScan: Promise<void>;
  private readonly poll: NodeJS.Timeout | null;

  constructor(
    private readonly root: string,
    private readonly onChange: (relPath: string) => Promise<void> | void,
    options: WatchOptions,
  ) {
    this.log = options.log.child({ component: "corpus-watch" });
    this.debounceMs = options.debounceMs ?? 250;
    const pollMs = options.pollMs ?? 3000;
    if (options.events !== false) this.startEvents();
    this.initialScan = this.rescan(true);
    this.poll = pollMs > 0 ? setInterval(() => void this.initialScan.then(() => this.rescan(false)), pollMs) : null;
    this.poll?.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    if (this.poll) clearInterval(this.poll);
    if (this.scanSoonTimer) clearTimeout(this.scanSoonTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([this.initialScan, this.scanning, ...[...this.running.values()].map((r) => r.done)]);
  }

  /** Reports `relPath` once nothing happened to it for `debounceMs`. */
  private schedule(relPath: string): void {
    if (this.closed) return;
    const previous = this.timers.get(relPath);
    if (previous) clearTimeout(previous);
    this.timers.set(
      relPath,
      setTimeout(() => {
        this.timers.delete(relPath);
        void this.deliver(relPath);
      }, this.debounceMs),
    );
  }

  /** Calls `onChange` for the path, one call at a time per path, once per change of its state. */
  private async deliver(relPath: string): Promise<void> {
    const current = this.running.get(relPath);
    if (current) {
      current.again = true;
      return;
    }
    const entry = { again: false, done: Promise.resolve() };
    this.running.set(relPath, entry);
    entry.done = (async () => {
      do {
        entry.again = false;
        // Record what we are about to report, so the rescan does not report it a second time.
        const state = await statFile(join(this.root, relPath));
        if (state) this.known.set(relPath, state);
        else this.known.delete(relPath);
        // Two notices of one write (an event and a rescan that read the file halfway through the write, or two
        // events further apart than the debounce on a busy machine) come here twice: report it once.
        // A removal is reported even for a path never seen (it may have been read before the watcher started).
        if (this.reported.has(relPath) && sameState(this.reported.get(relPath), state)) continue;
        this.reported.set(relPath, state);
        try {
          await this.onChange(relPath);
        } catch (error) {
          this.log.warn("could not take a corpus change into account", { file: relPath, err: error });
        }
      } while (entry.again && !this.closed);
      this.running.delete(relPath);
    })();
    await entry.done;
  }

  /** Compares the folder with what we know; reports differences (unless `silent`, for the first scan). */
  private rescan(silent: boolean): Promise<void> {
    if (this.scanning) return this.scanning;
    this.scanning = (async () => {
      try {
        const found = await listCorpusFiles(this.root);
        if (this.closed) return;
        const next = new Map<string, FileState>();
        for (const [relPath, state] of found) {
          next.set(relPath, state);
          const before = this.known.get(relPath);
          if (!silent && (!before || before.mtimeMs !== state.mtimeMs || before.size !== state.size)) {
            this.schedule(relPath);
          }
        }
        if (!silent) for (const relPath of this.known.keys()) if (!next.has(relPath)) this.schedule(relPath);
        // Paths being delivered keep the state deliver() recorded; the next scan compares against it.
        for (const relPath of this.running.keys()) {
          const state = this.known.get(relPath);
          if (state) next.set(relPath, state);
          else next.delete(relPath);
        }
        this.known = next;
      } catch (error) {
        this.log.warn("corpus rescan failed", { root: this.root, err: error });
      } finally {
        this.scanning = null;
      }
    })();
    return this.scanning;
  }

  private scanSoon(): void {
    if (this.closed || this.scanSoonTimer) return;
    this.scanSoonTimer = setTimeout(() => {
      this.scanSoonTimer = null;
      void this.rescan(false);
    }, this.debounceMs);
  }

  /** File-system events: a corpus file's path is scheduled; anything else that may hide files asks for a scan. */
  private startEvents(): void {
    try {
      this.watcher = watch(this.root, { recursive: true }, (_event, filename) => {
        if (this.closed) return;
        if (!filename) return this.scanSoon();
        const relPath = String(filename).split(sep).join("/");
        if (isCorpusFile(relPath)) this.schedule(relPath);
        // A folder moved in or out, or renamed: only a scan tells which files came or went.
        else if (!relPath.split("/").some((part) => part.startsWith("."))) this.scanSoon();
      });
      this.watcher.on("error", (error) => {
        this.log.warn("corpus watcher failed; relying on the periodic rescan", { root: this.root, err: error });
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (error) {
      this.log.warn("cannot watch the corpus folder; relying on the periodic rescan", { root: this.root, err: error });
    }
  }
}

function sameState(a: FileState | undefined | null, b: FileState | null): boolean {
  if (!a || !b) return !a && !b;
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}

async function statFile(path: string): Promise<FileState | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { mtimeMs: info.mtimeMs, size: info.size } : null;
  } catch {
    return null;
  }
}

/** Every corpus file under root with its mtime and size. Files that vanish during the walk are left out. */
async function listCorpusFiles(root: string): Promise<Map<string, FileState>> {
  const files = new Map<string, FileState>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    // `parentPath` (Node 20.12+) and `path` name the entry's folder.
    const folder = (entry as { parentPath?: string }).parentPath ?? entry.path;
    const full = join(folder, entry.name);
    const relPath = relative(root, full).split(sep).join("/");
    if (!isCorpusFile(relPath)) continue;
    const state = await statFile(full);
    if (state) files.set(relPath, state);
  }
  return files;
}
