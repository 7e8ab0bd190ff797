/**
 * Builds the Newsroom the commands run against: reads the corpus, opens the passage index (from its snapshot
 * when it is current), extracts the quotations, and keeps all of them in step when a corpus file changes.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Logger } from "./core/log.js";
import { leadsOutside, outsideProblem } from "./corpus/boundary.js";
import { loadFirstSeen } from "./corpus/first-seen.js";
import { isFeedDoc, readFeedItemFile, withFeedItems } from "./feeds/corpus.js";
import type { FolderDefaults } from "./corpus/folder-defaults.js";
import { loadCorpus, readCorpusFile, type CorpusFile } from "./corpus/load.js";
import type { Article, Corpus, CorpusProblem } from "./corpus/types.js";
import type { LiveNewsroom, Newsroom } from "./newsroom.js";
import type { QuoteBook } from "./quotes/types.js";
import { openQuoteBook } from "./quotes/snapshot.js";
import { openSourceIndex } from "./search/snapshot.js";
import { buildStatements, buildStatementsInSlices } from "./statements/group.js";
import type { SliceOptions } from "./statements/steps.js";
import type { StatementIndex } from "./statements/types.js";

export interface OpenNewsroomOptions {
  /** Where snapshots and state live; null keeps nothing on disk. */
  dataDir: string | null;
  log: Logger;
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

export interface OpenedNewsroom extends LiveNewsroom {
  readonly corpus: Corpus;
  /** Whether the passage index came from a current snapshot. */
  readonly fromSnapshot: boolean;
  /** True when the location is a folder (files can be refreshed one by one). */
  readonly isFolder: boolean;
  /** Computes the statements in time slices (see `statementsInBackground` in newsroom.ts). */
  statementsInBackground(options?: Pick<SliceOptions, "sliceMs">): Promise<StatementIndex | null>;
  /** Stops a background computation of the statements (shutting down). */
  stopBackgroundWork(): void;
  /** Settles once the snapshots being written in the background (the quotations') are on disk. */
  pendingWrites(): Promise<void>;
}

export async function openNewsroom(location: string, options: OpenNewsroomOptions): Promise<OpenedNewsroom> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  // The corpus, and the feed items stored in the data folder (documents "feed:...").
  const corpus = await withFeedItems(await loadCorpus(location, { log }), options.dataDir, log);
  const isFolder = (await stat(location)).isDirectory();
  const indexDir = options.dataDir ? join(options.dataDir, "index-" + locationKey(location)) : null;
  const { index, fromSnapshot } = await openSourceIndex(corpus, {
    dataDir: indexDir,
    log,
    onProgress: options.onProgress,
  });
  // Quotation extraction takes seconds on a large corpus and /sources does not need it: done on first use,
  // from the snapshot next to the index's when it is current.
  let quoteBook: QuoteBook | null = null;
  // The snapshot matches the corpus as loaded; after a live change before first use, extract afresh.
  let changedSinceLoad = false;
  let quotesSaved: Promise<void> = Promise.resolve();
  const quotes = (): QuoteBook => {
    if (quoteBook) return quoteBook;
    const opened = openQuoteBook([...articles.values()], {
      dataDir: changedSinceLoad ? null : indexDir,
      fingerprint: corpus.fingerprint,
      log,
    });
    quotesSaved = opened.saved;
    return (quoteBook = opened.book);
  };
  const firstSeen = await loadFirstSeen(options.dataDir, log);
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const seenAt = now();
  if (!firstSeen.hasBaseline) {
    // The corpus as found at the data folder's first start is the baseline: an archive, not news.
    const taken = firstSeen.takeBaseline(corpus.articles.map((a) => a.id), seenAt);
    log.info(`${taken.toLocaleString("en")} articles taken as the baseline`, { articles: taken });
  }
  for (const a of corpus.articles) firstSeen.mark(a.id, seenAt);
  // A data folder that cannot be written (read-only, or another process's) must not stop the answers.
  let unsaved = false;
  const saveFirstSeen = () =>
    firstSeen.save().catch((error: unknown) => {
      if (!unsaved) log.warn("cannot save when documents were first seen; answering without keeping it", { err: String(error) });
      unsaved = true;
    });
  await saveFirstSeen();

  // Which documents each file holds: a JSONL file holds many records, a .txt file one article.
  const docsByFile = new Map<string, string[]>();
  for (const a of corpus.articles) {
    const file = sourceFile(a);
    docsByFile.set(file, [...(docsByFile.get(file) ?? []), a.id]);
  }
  let problems: CorpusProblem[] = [...corpus.problems];
  let statements: StatementIndex | null = null;
  // Counts corpus changes: statements computed from an older generation are stale and never published.
  let generation = 0;
  let background: { generation: number; controller: AbortController; done: Promise<StatementIndex | null> } | null =
    null;

  const stopBackgroundWork = (): void => {
    background?.controller.abort(new Error("statements no longer wanted"));
    background = null;
  };

  function computeStatements(): StatementIndex {
    if (statements) return statements;
    statements = buildStatements([...articles.values()], quotes().quotations);
    // A background computation of the same statements is now redundant: it stops and answers with these.
    stopBackgroundWork();
    return statements;
  }

  function statementsInBackground(options: Pick<SliceOptions, "sliceMs"> = {}): Promise<StatementIndex | null> {
    if (statements) return Promise.resolve(statements);
    if (background?.generation === generation) return background.done;
    stopBackgroundWork();
    const started = generation;
    const controller = new AbortController();
    const done = (async (): Promise<StatementIndex | null> => {
      try {
        // After the caller's current work (start-up, a command being answered).
        await nextTurn();
        controller.signal.throwIfAborted();
        // The quote book opens synchronously on first use (a snapshot load, or an extraction without one).
        const built = await buildStatementsInSlices([...articles.values()], quotes().quotations, {}, {
          sliceMs: options.sliceMs,
          signal: controller.signal,
        });
        if (generation !== started) return null;
        statements ??= built;
        return statements;
      } catch (error) {
        // Stopped: by a corpus change (the statements would be stale), by a synchronous computation of the
        // same statements (they are ready), or by shutdown.
        if (controller.signal.aborted) return generation === started ? statements : null;
        log.error("statements across outlets failed", { err: error });
        return null;
      } finally {
        if (background?.controller === controller) background = null;
      }
    })();
    background = { generation: started, controller, done };
    return done;
  }

  async function refreshFile(relPath: string): Promise<"added" | "changed" | "removed" | "unchanged"> {
    const before = docsByFile.get(relPath) ?? [];
    const read = await readIfPresent(location, relPath, options.dataDir, corpus.defaults);
    problems = [...problems.filter((p) => p.file !== relPath), ...read.problems];
    for (const p of read.problems) log[p.severity === "error" ? "error" : "warn"]("corpus problem", { ...p });
    const after = read.articles;
    const afterIds = new Set(after.map((a) => a.id));
    let changed = false;
    for (const doc of before) {
      if (afterIds.has(doc)) continue;
      articles.delete(doc);
      index.remove(doc);
      quoteBook?.remove(doc);
      changed = true;
    }
    for (const article of after) {
      if (articles.get(article.id)?.text === article.text) continue;
      articles.set(article.id, article);
      index.upsert(article);
      quoteBook?.upsert(article);
      firstSeen.mark(article.id, now());
      changed = true;
    }
    if (after.length > 0) docsByFile.set(relPath, [...afterIds]);
    else docsByFile.delete(relPath);
    if (!changed) return "unchanged";
    changedSinceLoad = true;
    generation++;
    statements = null;
    stopBackgroundWork();
    await saveFirstSeen();
    log.info("corpus file refreshed", { file: relPath, documents: after.length });
    if (before.length === 0) return "added";
    return after.length === 0 ? "removed" : "changed";
  }

  return {
    location,
    corpus,
    fromSnapshot,
    isFolder,
    sources: index,
    get quotes() {
      return quotes();
    },
    articles: () => [...articles.values()],
    article: (doc) => articles.get(doc),
    problems: () => problems,
    statements: computeStatements,
    statementsIfReady: () => statements,
    statementsInBackground,
    stopBackgroundWork,
    pendingWrites: () => quotesSaved,
    firstSeen: (doc) => firstSeen.get(doc)?.at ?? null,
    inBaseline: (doc) => firstSeen.get(doc)?.baseline ?? false,
    refreshFile,
  };
}

/** Up to this many articles, statements across outlets are computed before the first answer (a few seconds at most). */
export const EAGER_STATEMENTS_MAX_ARTICLES = 5000;

/**
 * Computes the statements across outlets that /quote uses to fold wordings together: at once for a corpus of
 * moderate size, so that the first answer already folds them; for a larger one only when `background` is set
 * (a running bot), in the background, so that neither start-up nor the commands answered meanwhile wait.
 */
export function prepareStatements(newsroom: Newsroom, options: { background: boolean }): void {
  if (newsroom.articles().length <= EAGER_STATEMENTS_MAX_ARTICLES) {
    newsroom.statements();
  } else if (options.background) {
    // In time slices when the newsroom can (commands keep being answered meanwhile), else after the current work.
    if (newsroom.statementsInBackground) void newsroom.statementsInBackground();
    else setImmediate(() => newsroom.statements());
  }
}

/** A file deleted (or deleted while being read) holds no articles any more. */
async function readIfPresent(
  root: string,
  relPath: string,
  dataDir: string | null,
  defaults?: FolderDefaults,
): Promise<Pick<CorpusFile, "articles" | "problems">> {
  try {
    if (dataDir && isFeedDoc(relPath)) return await readFeedItemFile(dataDir, relPath);
    // A file changed into a link that leads out of the corpus folder is not read, as at start.
    const outside = await leadsOutside(root, relPath);
    if (outside) return { articles: [], problems: [outsideProblem(relPath, outside)] };
    return await readCorpusFile(root, relPath, defaults);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { articles: [], problems: [] };
    throw error;
  }
}

/** The corpus file an article was read from, relative to the corpus folder ("feed.jsonl:12" -> "feed.jsonl"). */
function sourceFile(article: Article): string {
  return article.source.replace(/:\d+$/, "");
}

/** Snapshots are kept per corpus location, so that switching --corpus does not discard the other's. */
function locationKey(location: string): string {
  return createHash("sha256").update(resolve(location)).digest("hex").slice(0, 12);
}
