/**
 * Builds the Newsroom the commands run against: reads the corpus, opens the passage index (from its snapshot
 * when it is current), extracts the quotations, and keeps all of them in step when a corpus file changes.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Logger } from "./core/log.js";
import { loadFirstSeen, type FirstSeenStore } from "./corpus/first-seen.js";
import { withFeedItems } from "./feeds/corpus.js";
import type { CorpusFileReader, ReadOptions } from "./corpus/load.js";
import { openCorpus } from "./corpus/open.js";
import { readCorpusEntry, sourceFile } from "./corpus/read-entry.js";
import { sameArticle } from "./corpus/same-article.js";
import type { Article, Corpus, CorpusProblem } from "./corpus/types.js";
import type { LiveNewsroom, Newsroom } from "./newsroom.js";
import type { ArticleQuotes } from "./quotes/types.js";
import type { CorpusQuoteBook } from "./quotes/book.js";
import { openQuoteBookSteps } from "./quotes/snapshot.js";
import { openSourceIndex } from "./search/snapshot.js";
import { runInSlices, type SliceOptions } from "./statements/steps.js";
import type { StatementIndex } from "./statements/types.js";
import type { WorkerPool } from "./workers/pool.js";
import { offThreadWriter } from "./workers/snapshot-writer.js";
import { NewsroomStatements } from "./wiring/newsroom-statements.js";
import { QuoteBookOpening } from "./wiring/quote-book-opening.js";

export interface OpenNewsroomOptions {
  /** Where snapshots and state live; null keeps nothing on disk. */
  dataDir: string | null;
  log: Logger;
  onProgress?: (done: number, total: number) => void;
  /** Corpus files read (or taken from the corpus snapshot) so far, of those listed. */
  onCorpusFiles?: (done: number, total: number) => void;
  now?: () => Date;
  /** Bytes of one article read at most (DATELINE_MAX_ARTICLE_MB); default 5 MB. */
  maxArticleBytes?: number;
  /**
   * A running bot's worker threads: a changed corpus file is read and its quotations extracted there, and the
   * passage index takes it in time slices, so that commands are answered meanwhile.
   */
  workers?: WorkerPool;
  /** Where first-seen times are kept (PostgreSQL with DATABASE_URL); default the data folder's file. */
  firstSeen?: () => Promise<FirstSeenStore>;
  /**
   * The corpus to index instead of reading `location` (the stored corpus of PostgreSQL, shared by replicas); its
   * snapshots are kept under `snapshotKey`. Its changes come through `applyChanges`, not `refreshFile`.
   */
  corpus?: { corpus: Corpus; snapshotKey: string };
  /** Work between two turns of the event loop while snapshots are encoded or the quote book opened (default 10 ms). */
  snapshotSliceMs?: number;
}

/** Articles removed and added or changed, applied to the newsroom's indexes together. */
export interface CorpusChange {
  removed: readonly string[];
  upserted: readonly Article[];
  /** Files whose problems changed (the stored corpus's): their problems replace those held. */
  problems?: ReadonlyArray<{ file: string; problems: readonly CorpusProblem[] }>;
}

/** Articles a re-read corpus file removed and added or changed, in the order the newsroom applied them. */
export type ArticlesChanged = (change: { removed: string[]; upserted: Article[] }) => void;

export interface OpenedNewsroom extends LiveNewsroom {
  readonly corpus: Corpus;
  /** Whether the passage index came from a current snapshot. */
  readonly fromSnapshot: boolean;
  /** True when the location is a folder (files can be refreshed one by one). */
  readonly isFolder: boolean;
  /** True when the corpus was given (the replicas' stored corpus): no files hold it, its articles are the source. */
  readonly storedCorpus: boolean;
  /** Computes the statements in time slices (see `statementsInBackground` in newsroom.ts). */
  statementsInBackground(options?: Pick<SliceOptions, "sliceMs">): Promise<StatementIndex | null>;
  /** Stops a background computation of the statements (shutting down). */
  stopBackgroundWork(): void;
  /**
   * The quote book, opened from its snapshot in time slices when not open yet (a use of `quotes` meanwhile
   * finishes the opening at once); null when a corpus change stopped the opening (`quotes` opens it afresh).
   */
  quotesInBackground(): Promise<CorpusQuoteBook | null>;
  /** Settles once the snapshots being written in the background (the corpus's, the quotations') are on disk. */
  pendingWrites(): Promise<void>;
  /** Calls `listener` after each corpus file re-read that changed articles (a worker's copy of them follows). */
  onArticlesChanged(listener: ArticlesChanged): void;
  /** What the corpus reader was told: the article size limit. */
  readonly readOptions: ReadOptions;
  /**
   * Applies a change read elsewhere (the stored corpus's): the passage index, the quote book, first-seen times and
   * the listeners take it, after any change under way. Articles equal to those held are skipped.
   */
  applyChanges(change: CorpusChange): Promise<CorpusChange>;
}

export async function openNewsroom(location: string, options: OpenNewsroomOptions): Promise<OpenedNewsroom> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const { workers } = options;
  const readOptions: ReadOptions = options.maxArticleBytes === undefined ? {} : { maxArticleBytes: options.maxArticleBytes };
  const given = options.corpus;
  const indexDir = options.dataDir ? join(options.dataDir, "index-" + (given ? given.snapshotKey : locationKey(location))) : null;
  // The corpus (files unchanged since the corpus snapshot are not read; a worker reads the others), and the feed
  // items stored in the data folder (documents "feed:...").
  const reader: CorpusFileReader | undefined = workers && ((root, relPath, read) => workers.run("readCorpusFile", { root, relPath, options: read }));
  const opened = given
    ? { corpus: given.corpus, saved: Promise.resolve() }
    : await openCorpus(location, {
        dataDir: indexDir,
        log,
        ...readOptions,
        ...(reader ? { reader } : {}),
        ...(options.onCorpusFiles ? { onFile: options.onCorpusFiles } : {}),
      });
  const corpus = given ? given.corpus : await withFeedItems(opened.corpus, options.dataDir, log);
  const isFolder = given ? false : (await stat(location)).isDirectory();
  // A running bot (with worker threads) writes its snapshots there, and encodes the quote book's in time slices,
  // so that commands are answered meanwhile.
  const write = workers ? offThreadWriter(workers) : undefined;
  const sliceMs = options.snapshotSliceMs ?? SNAPSHOT_SLICE_MS;
  const save = workers ? { write, sliced: { sliceMs } } : {};
  const { index, fromSnapshot, saved: indexSaved } = await openSourceIndex(corpus, {
    dataDir: indexDir,
    log,
    onProgress: options.onProgress,
    ...(write ? { write, background: true, sliceMs } : {}),
  });
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const articleList = () => [...articles.values()];
  // Quotation extraction takes seconds on a large corpus and /sources does not need it: done on first use,
  // from the snapshot next to the index's when it is current.
  const book = new QuoteBookOpening(
    (fromSnapshot) => openQuoteBookSteps(articleList(), { dataDir: fromSnapshot ? indexDir : null, fingerprint: corpus.fingerprint, log, save }),
    sliceMs,
  );
  const statements = new NewsroomStatements(articleList, book, log);
  const firstSeen = await (options.firstSeen ? options.firstSeen() : loadFirstSeen(options.dataDir, log));
  markFirstSeen(firstSeen, corpus.articles, now(), log);
  const saveFirstSeen = firstSeenSaver(firstSeen, log);
  await saveFirstSeen();
  const docsByFile = documentsByFile(corpus.articles);
  let problems: CorpusProblem[] = [...corpus.problems];

  const listeners: ArticlesChanged[] = [];
  // Index changes one file at a time: a file's passages are indexed in slices, and another file's must not mix in.
  let indexing: Promise<unknown> = Promise.resolve();
  const inSlices = (steps: Generator<void, void, void> | undefined, sync: () => void): Promise<void> =>
    steps ? runInSlices(steps) : Promise.resolve(sync());

  async function refreshFile(relPath: string): Promise<"added" | "changed" | "removed" | "unchanged"> {
    const before = docsByFile.get(relPath) ?? [];
    const read = await readCorpusEntry(location, relPath, options.dataDir, { ...readOptions, defaults: corpus.defaults }, workers);
    problems = [...problems.filter((p) => p.file !== relPath), ...read.problems];
    for (const p of read.problems) log[p.severity === "error" ? "error" : "warn"]("corpus problem", { ...p });
    const after = read.articles;
    const afterIds = new Set(after.map((a) => a.id));
    if (after.length > 0) docsByFile.set(relPath, [...afterIds]);
    else docsByFile.delete(relPath);
    const applied = await applyChanges({ removed: before.filter((doc) => !afterIds.has(doc)), upserted: after });
    if (applied.removed.length === 0 && applied.upserted.length === 0) return "unchanged";
    log.info("corpus file refreshed", { file: relPath, documents: after.length });
    if (before.length === 0) return "added";
    return after.length === 0 ? "removed" : "changed";
  }

  async function applyChanges(change: CorpusChange): Promise<CorpusChange> {
    if (change.problems) {
      const files = new Set(change.problems.map((p) => p.file));
      problems = [...problems.filter((p) => !files.has(p.file)), ...change.problems.flatMap((p) => p.problems)];
    }
    const removed = change.removed.filter((doc) => articles.has(doc));
    const upserted = change.upserted.filter((article) => !sameArticle(articles.get(article.id), article));
    if (removed.length === 0 && upserted.length === 0) return { removed, upserted };
    // In a worker when there is one (meanwhile the passage index takes the change: searches need not wait for the
    // quotations); otherwise the quote book extracts them itself (when it is open).
    // (A worker that fails leaves the extraction to the quote book itself.)
    const extracting = (book.opened && workers ? Promise.all(upserted.map((article) => workers.run("quoteArticle", article))) : Promise.resolve([])).catch(() => []);
    const applying = indexing.then(async () => {
      for (const doc of removed) {
        articles.delete(doc);
        await inSlices(workers ? index.removeSteps?.(doc) : undefined, () => index.remove(doc));
      }
      for (const article of upserted) {
        articles.set(article.id, article);
        await inSlices(workers ? index.upsertSteps?.(article) : undefined, () => index.upsert(article));
        firstSeen.mark(article.id, now());
      }
      book.corpusChanged();
      await updateQuoteBook(book.opened, removed, upserted, await extracting);
      statements.corpusChanged();
      for (const listener of listeners) listener({ removed, upserted });
    });
    indexing = applying.catch(() => undefined);
    await applying;
    await saveFirstSeen();
    return { removed, upserted };
  }

  return {
    location,
    corpus,
    fromSnapshot,
    isFolder,
    storedCorpus: given !== undefined,
    sources: index,
    get quotes() {
      return book.now();
    },
    quotesInBackground: () => book.inBackground(),
    articles: articleList,
    article: (doc) => articles.get(doc),
    problems: () => problems,
    statements: () => statements.now(),
    statementsIfReady: () => statements.ifReady(),
    statementsInBackground: (sliced) => statements.inBackground(sliced),
    stopBackgroundWork: () => statements.stop(),
    pendingWrites: () => Promise.all([opened.saved, indexSaved, book.written()]).then(() => undefined),
    firstSeen: (doc) => firstSeen.get(doc)?.at ?? null,
    inBaseline: (doc) => firstSeen.get(doc)?.baseline ?? false,
    onArticlesChanged: (listener) => void listeners.push(listener),
    readOptions,
    refreshFile,
    applyChanges,
  };
}

/** Work between two turns of the event loop while a running bot encodes a snapshot. */
const SNAPSHOT_SLICE_MS = 10;

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

/**
 * The quote book (when open) takes a file's change: with the quotations found in a worker, in time slices that
 * rebuild its speaker registry too, answering from its state before the change meanwhile; else at once.
 */
async function updateQuoteBook(book: CorpusQuoteBook | null, removed: readonly string[], upserted: readonly Article[], extracted: readonly ArticleQuotes[]): Promise<void> {
  if (!book) return;
  if (extracted.length === upserted.length) {
    await runInSlices(book.changeSteps(removed, upserted.map((article, i) => ({ article, extracted: extracted[i]! }))));
    return;
  }
  // Opened while the file was read (no quotations were asked of a worker): the book extracts them itself.
  for (const doc of removed) book.remove(doc);
  for (const article of upserted) book.upsert(article);
}

/** Marks every article seen now; the corpus found at the data folder's first start is the baseline. */
function markFirstSeen(firstSeen: FirstSeenStore, articles: readonly Article[], seenAt: Date, log: Logger): void {
  if (!firstSeen.hasBaseline) {
    // The corpus as found at the data folder's first start is the baseline: an archive, not news.
    const taken = firstSeen.takeBaseline(articles.map((a) => a.id), seenAt);
    log.info(`${taken.toLocaleString("en")} articles taken as the baseline`, { articles: taken });
  }
  for (const a of articles) firstSeen.mark(a.id, seenAt);
}

/** Saves first-seen times; a data folder that cannot be written (read-only, another process's) is warned of once. */
function firstSeenSaver(firstSeen: FirstSeenStore, log: Logger): () => Promise<void> {
  let unsaved = false;
  return () =>
    firstSeen.save().catch((error: unknown) => {
      if (!unsaved) log.warn("cannot save when documents were first seen; answering without keeping it", { err: String(error) });
      unsaved = true;
    });
}

/** Which documents each file holds: a JSONL file holds many records, a .txt file one article. */
function documentsByFile(articles: readonly Article[]): Map<string, string[]> {
  const docsByFile = new Map<string, string[]>();
  for (const a of articles) {
    const file = sourceFile(a);
    docsByFile.set(file, [...(docsByFile.get(file) ?? []), a.id]);
  }
  return docsByFile;
}

/** Snapshots are kept per corpus location, so that switching --corpus does not discard the other's. */
function locationKey(location: string): string {
  return createHash("sha256").update(resolve(location)).digest("hex").slice(0, 12);
}
