/**
 * One corpus for every replica of a newsroom (DATABASE_URL). The replica holding the ingest role reads the corpus
 * folder and the stored feed items as a single bot does, and stores the articles new, changed and removed in
 * PostgreSQL (`store/pg-corpus.ts`), which tells every replica (NOTIFY). Every replica, the holder included, loads
 * the stored corpus at start and applies the stored changes as they come (LISTEN; a poll every `pollMs` catches
 * what a lost connection missed). Its in-memory index is its own: queries never go to the database.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Logger } from "../core/log.js";
import { isFeedDoc, withFeedItems } from "../feeds/corpus.js";
import { redactUrl } from "../store/connection.js";
import {
  CORPUS_CHANNEL,
  articleHash,
  changesSince,
  loadStoredCorpus,
  latestVersion,
  markIngested,
  recordIndexSnapshot,
  storedEntries,
  storedProblems,
  wasIngested,
  writeCorpusChanges,
  type CorpusWrite,
  type FileProblems,
} from "../store/pg-corpus.js";
import type { PostgresStore } from "../store/postgres.js";
import type { RoleHandlers } from "../store/roles.js";
import type { WorkerPool } from "../workers/pool.js";
import type { CorpusFileReader, ReadOptions } from "./load.js";
import { openCorpus } from "./open.js";
import { readCorpusEntry, sourceFile } from "./read-entry.js";
import type { Article, Corpus, CorpusProblem, FolderDefaults } from "./types.js";
import { watchCorpus, type CorpusWatcher, type WatchOptions } from "./watch.js";

export const INGEST_ROLE = "ingest";
/**
 * The fallback poll for changes whose notification was lost (a dropped or silently dead LISTEN connection): one
 * index look-up of the latest version, the changes read only when it moved, so it can be frequent.
 */
export const CORPUS_POLL_MS = 1_000;

export interface IngestOptions {
  /** The corpus folder (or file) this replica reads when it holds the ingest role. */
  location: string;
  /** This replica's data folder: the stored feed items, the folder corpus's snapshot. */
  dataDir: string | null;
  log: Logger;
  readOptions?: ReadOptions;
  workers?: WorkerPool;
  watch?: Omit<WatchOptions, "log">;
}

export interface CorpusIngest {
  /** Stores what the folder and the feed items hold now: everything at the first start, else what changed meanwhile. */
  sync(): Promise<number | null>;
  /** Stores a file's articles again after it changed (the watcher; a feed item just stored). */
  storeFile(relPath: string): Promise<"stored" | "unchanged">;
  /** The role was taken: sync, then watch the folder. */
  start(): Promise<void>;
  /** The role was lost or the bot stops: stop watching. */
  stop(): Promise<void>;
}

export function corpusIngest(pool: pg.Pool, options: IngestOptions): CorpusIngest {
  const log = options.log.child({ component: "corpus-ingest" });
  const { location, dataDir, workers } = options;
  const readOptions = options.readOptions ?? {};
  let defaults: FolderDefaults | undefined;
  let watcher: CorpusWatcher | null = null;
  let retry: NodeJS.Timeout | null = null;
  let running = false;
  // One write at a time: a file stored while the folder is synced waits for it.
  let writing: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const done = writing.then(task);
    writing = done.catch(() => undefined);
    return done;
  };

  async function readFolder(): Promise<Corpus> {
    const reader: CorpusFileReader | undefined = workers && ((root, relPath, read) => workers.run("readCorpusFile", { root, relPath, options: read }));
    const snapshotDir = dataDir ? join(dataDir, "ingest-" + createHash("sha256").update(location).digest("hex").slice(0, 12)) : null;
    const opened = await openCorpus(location, { dataDir: snapshotDir, log, ...readOptions, ...(reader ? { reader } : {}) });
    await opened.saved;
    return withFeedItems(opened.corpus, dataDir, log);
  }

  const sync = () =>
    serial(async () => {
      const started = Date.now();
      const corpus = await readFolder();
      defaults = corpus.defaults;
      const stored = new Map((await storedEntries(pool)).map((e) => [e.id, e]));
      const write: CorpusWrite = { upserted: [], removed: [] };
      const present = new Set<string>();
      for (const article of corpus.articles) {
        present.add(article.id);
        if (stored.get(article.id)?.hash !== articleHash(article)) write.upserted.push({ article, file: sourceFile(article) });
      }
      // A feed item is stored in the data folder of the replica that fetched it: another holder does not have it.
      for (const id of stored.keys()) if (!present.has(id) && !isFeedDoc(id)) write.removed.push(id);
      write.problems = changedProblems(byFile(corpus.problems), await storedProblems(pool), (file) => !isFeedDoc(file));
      const version = await writeCorpusChanges(pool, write);
      await markIngested(pool);
      log.info("corpus stored", {
        articles: corpus.articles.length,
        upserted: write.upserted.length,
        removed: write.removed.length,
        problemFiles: write.problems.length,
        version,
        ms: Date.now() - started,
      });
      return version;
    });

  const storeFile = (relPath: string) =>
    serial(async (): Promise<"stored" | "unchanged"> => {
      const read = await readCorpusEntry(location, relPath, dataDir, { ...readOptions, ...(defaults ? { defaults } : {}) }, workers);
      logProblems(log, read.problems);
      const stored = new Map((await storedEntries(pool, [relPath])).map((e) => [e.id, e]));
      const ids = new Set(read.articles.map((a) => a.id));
      const write: CorpusWrite = {
        upserted: read.articles.filter((a) => stored.get(a.id)?.hash !== articleHash(a)).map((article) => ({ article, file: relPath })),
        removed: [...stored.keys()].filter((id) => !ids.has(id)),
        problems: changedProblems(new Map([[relPath, read.problems]]), await storedProblems(pool, [relPath]), (file) => file === relPath),
      };
      const version = await writeCorpusChanges(pool, write);
      if (version === null) return "unchanged";
      log.info("corpus file stored", { file: relPath, upserted: write.upserted.length, removed: write.removed.length, problems: read.problems.length, version });
      return "stored";
    });

  async function start(): Promise<void> {
    running = true;
    // The watcher first: a file written while the folder is read is then either read or reported after.
    if (!watcher && (await stat(location)).isDirectory()) {
      watcher = watchCorpus(
        location,
        async (relPath) => {
          await storeFile(relPath);
        },
        { log, ...options.watch },
      );
    }
    try {
      await sync();
    } catch (error) {
      // The role stays here: the folder is synced again shortly (the watcher meanwhile stores what changes).
      log.error("the corpus could not be stored; trying again", { err: error });
      retry = setTimeout(() => void (running && sync().catch(() => undefined)), CORPUS_POLL_MS);
      retry.unref();
    }
  }

  return {
    sync,
    storeFile,
    start,
    async stop() {
      running = false;
      if (retry) clearTimeout(retry);
      retry = null;
      await watcher?.close();
      watcher = null;
      await writing;
    },
  };
}

/** Problems grouped by the file they are about. */
function byFile(problems: readonly CorpusProblem[]): Map<string, CorpusProblem[]> {
  const files = new Map<string, CorpusProblem[]>();
  for (const p of problems) files.set(p.file, [...(files.get(p.file) ?? []), p]);
  return files;
}

/** A problem as text, whatever the order of its keys (the database gives them in its own). */
const problemKey = (p: CorpusProblem) => JSON.stringify([p.file, p.line ?? null, p.severity, p.message]);
const sameProblems = (a: readonly CorpusProblem[], b: readonly CorpusProblem[]) =>
  a.length === b.length && a.every((p, i) => problemKey(p) === problemKey(b[i]!));

/**
 * The files whose problems differ between a reading and what is stored: those read with other problems, and those
 * stored with problems that the reading covers (`covered`) but found none in (fixed or removed: stored as none).
 */
function changedProblems(read: Map<string, CorpusProblem[]>, stored: Map<string, CorpusProblem[]>, covered: (file: string) => boolean): FileProblems[] {
  const changed: FileProblems[] = [];
  for (const [file, problems] of read) if (!sameProblems(problems, stored.get(file) ?? [])) changed.push({ file, problems });
  for (const file of stored.keys()) if (!read.has(file) && covered(file)) changed.push({ file, problems: [] });
  return changed;
}

/** Logs a corpus file's problems as its reader does (each skipped file or record named). */
export function logProblems(log: Logger, problems: readonly CorpusProblem[], fields: Record<string, unknown> = {}): void {
  for (const p of problems) log[p.severity === "error" ? "error" : "warn"]("corpus problem", { ...p, ...fields });
}

export interface FollowOptions {
  log: Logger;
  pollMs?: number;
  /** Told after each change applied, with the version reached. */
  onApplied?: (version: number) => void;
}

export interface CorpusFollower {
  /** The stored corpus version this replica's indexes hold. */
  readonly version: number;
  /** Applies what was stored since (the LISTEN notification and the poll call it). */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

/** What a replica's newsroom must offer to follow the stored corpus. */
export interface ChangeTarget {
  articles(): readonly unknown[];
  /** The stored changes: articles removed and upserted, and the files whose problems changed (see OpenedNewsroom). */
  applyChanges(change: { removed: readonly string[]; upserted: readonly Article[]; problems?: ReadonlyArray<{ file: string; problems: CorpusProblem[] }> }): Promise<unknown>;
}

/** Follows the stored corpus from `version` on: LISTEN on a connection of its own, and a poll as fallback. */
export function followStoredCorpus(store: Pick<PostgresStore, "pool" | "url">, target: ChangeTarget, version: number, options: FollowOptions): CorpusFollower {
  const log = options.log.child({ component: "corpus-follow" });
  let current = version;
  let listener: pg.Client | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  async function applyPending(): Promise<void> {
    do {
      again = false;
      // Only the changes above the version held are read (never the whole corpus again).
      const changes = await changesSince(store.pool, current);
      if (changes.version === current) continue;
      // The problems the ingest holder found reading the files, reported here too (each file or record named).
      for (const file of changes.problems) logProblems(log, file.problems, { storedVersion: changes.version });
      await target.applyChanges(changes);
      current = changes.version;
      log.info("stored corpus changes applied", {
        removed: changes.removed.length,
        upserted: changes.upserted.length,
        problemFiles: changes.problems.length,
        version: current,
      });
      options.onApplied?.(current);
    } while (again && !stopped);
  }

  /** One catch-up at a time; a notification arriving meanwhile runs it once more. */
  function catchUp(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = applyPending()
      .catch((error: unknown) => log.warn("stored corpus changes not applied yet; tried again at the next notification or poll", { err: (error as Error).message }))
      .finally(() => {
        running = null;
      });
    return running;
  }

  /** One connection at a time: the poll asks again while a connection may still be under way. */
  let connecting = false;
  let listenFailing = false;
  async function listen(): Promise<void> {
    if (listener || connecting || stopped) return;
    connecting = true;
    try {
      await listenOnce();
    } finally {
      connecting = false;
    }
  }

  async function listenOnce(): Promise<void> {
    // Keep-alive: a connection dead without a word (a network cut) is noticed, and listened on again.
    const client = new pg.Client({ connectionString: store.url, connectionTimeoutMillis: 5000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    client.on("error", (error) => {
      if (listener === client) listener = null;
      client.end().catch(() => undefined);
      log.warn("corpus notifications lost with the database connection; polling until it is back", { err: error.message });
    });
    client.on("notification", (message) => {
      // The payload is the version stored: one this replica holds already needs no read.
      if (message.channel === CORPUS_CHANNEL && !(Number(message.payload) <= current)) void catchUp();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CORPUS_CHANNEL}`);
      if (stopped) {
        await client.end();
        return;
      }
      listener = client;
      if (listenFailing) log.info("listening for corpus changes again");
      listenFailing = false;
      // What was stored while nobody listened.
      void catchUp();
    } catch (error) {
      await client.end().catch(() => undefined);
      // Said once, not at every poll while the server is away.
      if (!listenFailing) log.warn("cannot listen for corpus changes; polling", { err: (error as Error).message });
      listenFailing = true;
    }
  }

  /** A notification may be lost (the listening connection dropped or dead): the latest version is checked often. */
  async function poll(): Promise<void> {
    void listen();
    if (running) return;
    try {
      if ((await latestVersion(store.pool)) > current) await catchUp();
    } catch (error) {
      log.debug("the stored corpus version could not be checked", { err: (error as Error).message });
    }
  }

  void listen();
  const polling = setInterval(() => void poll(), options.pollMs ?? CORPUS_POLL_MS);
  polling.unref();

  return {
    get version() {
      return current;
    },
    catchUp,
    async stop() {
      stopped = true;
      clearInterval(polling);
      await running;
      // A connection under way ends itself once connected (it sees `stopped`).
      while (connecting) await new Promise((resolve) => setTimeout(resolve, 20));
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
    },
  };
}

export interface SharedCorpusOptions extends IngestOptions {
  /** How often a replica that found nothing stored yet looks again (default 500 ms). */
  waitMs?: number;
}

export interface SharedCorpus {
  readonly ingest: CorpusIngest;
  /** The stored corpus as loaded at start, to be indexed (see `OpenNewsroomOptions.corpus`). */
  readonly corpus: Corpus;
  readonly snapshotKey: string;
  readonly version: number;
  /** More work for whoever holds the ingest role (the feed poller): started now if the role is held. */
  alsoOnIngest(handlers: RoleHandlers): Promise<void>;
  /** Follows the stored changes into the newsroom, and records its index in `index_snapshots`. */
  follow(target: ChangeTarget, index: { fromSnapshot: boolean }, options?: Pick<FollowOptions, "pollMs">): Promise<CorpusFollower>;
  stop(): Promise<void>;
}

/**
 * A replica's start: seeks the ingest role (its holder stores the folder first), waits until the corpus was
 * stored once (replicas starting together on a new database), and loads the stored corpus.
 */
export async function openSharedCorpus(store: PostgresStore, options: SharedCorpusOptions): Promise<SharedCorpus> {
  const { log } = options;
  const ingest = corpusIngest(store.pool, options);
  const extra: RoleHandlers[] = [];
  let holding = false;
  await store.roles.seek(INGEST_ROLE, {
    async gained() {
      holding = true;
      await ingest.start();
      for (const h of extra) await h.gained();
    },
    async lost() {
      holding = false;
      for (const h of extra) await h.lost();
      await ingest.stop();
    },
  });
  let told = false;
  while (!(await wasIngested(store.pool))) {
    if (!told) log.info("waiting for the replica holding the ingest role to store the corpus");
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.waitMs ?? 500));
  }
  const stored = await loadStoredCorpus(store.pool);
  log.info("stored corpus loaded", { articles: stored.articles.length, problems: stored.problems.length, version: stored.version });
  // What the ingest holder's reading found wrong, reported by every replica (as a single bot reports it at start).
  logProblems(log.child({ component: "corpus-follow" }), stored.problems, { storedVersion: stored.version });
  const corpus: Corpus = { location: `postgres:${redactUrl(store.url)}`, articles: stored.articles, problems: stored.problems, fingerprint: stored.fingerprint };
  const snapshotKey = "stored-" + createHash("sha256").update(redactUrl(store.url)).digest("hex").slice(0, 12);
  let follower: CorpusFollower | null = null;
  return {
    ingest,
    corpus,
    snapshotKey,
    version: stored.version,
    async alsoOnIngest(handlers) {
      extra.push(handlers);
      if (holding) await handlers.gained();
    },
    async follow(target, index, followOptions = {}) {
      const record = (version: number) =>
        recordIndexSnapshot(store.pool, {
          replica: store.replicaId,
          host: hostname(),
          fingerprint: stored.fingerprint,
          corpusVersion: version,
          articles: target.articles().length,
          fromSnapshot: index.fromSnapshot,
        }).catch((error: unknown) => log.warn("index snapshot not recorded", { err: (error as Error).message }));
      await record(stored.version);
      follower = followStoredCorpus(store, target, stored.version, { log, ...followOptions, onApplied: (v) => void record(v) });
      return follower;
    },
    async stop() {
      await follower?.stop();
      await ingest.stop();
    },
  };
}
