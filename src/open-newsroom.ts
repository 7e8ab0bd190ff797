/**
 * Builds the Newsroom the commands run against: reads the corpus, opens the passage index (from its snapshot
 * when it is current), extracts the quotations, and keeps all of them in step when a corpus file changes.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Logger } from "./core/log.js";
import { loadFirstSeen, type FirstSeenStore } from "./corpus/first-seen.js";
import type { CorpusFileReader, ReadOptions } from "./corpus/load.js";
import { openCorpus } from "./corpus/open.js";
import type { Corpus } from "./corpus/types.js";
import { withFeedItems } from "./feeds/corpus.js";
import type { LiveNewsroom, Newsroom } from "./newsroom.js";
import type { CorpusQuoteBook } from "./quotes/book.js";
import { openQuoteBookSteps } from "./quotes/snapshot.js";
import { openSourceIndex } from "./search/snapshot.js";
import type { SliceOptions } from "./statements/steps.js";
import type { StatementIndex } from "./statements/types.js";
import type { WorkerPool } from "./workers/pool.js";
import { groupInIdleWorker, offThreadGrouping } from "./workers/grouping.js";
import { offThreadWriter } from "./workers/snapshot-writer.js";
import { CorpusChanges, type ArticlesChanged, type CorpusChange } from "./wiring/corpus-changes.js";
import { FileRefresh } from "./wiring/file-refresh.js";
import { firstSeenSaver, markFirstSeen } from "./wiring/first-seen-marks.js";
import { HeldArticles } from "./wiring/held-articles.js";
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
  /**
   * The grouping worker (a pool of one, src/workers/grouping.ts): statements across outlets are grouped there
   * rather than in time slices here. Closed by the caller.
   */
  grouping?: WorkerPool;
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
  const { corpus, saved: corpusSaved, isFolder } = await readTheCorpus(location, indexDir, readOptions, options);
  // A running bot (with worker threads) writes its snapshots there, and encodes the quote book's in time slices,
  // so that commands are answered meanwhile.
  const write = workers ? offThreadWriter(workers) : undefined;
  const sliceMs = options.snapshotSliceMs ?? SNAPSHOT_SLICE_MS;
  const save = workers ? { write, sliced: { sliceMs } } : {};
  const { index, fromSnapshot, saved: indexSaved } = await openSourceIndex(corpus, {
    dataDir: indexDir,
    log,
    // The first command is answered without waiting for the warm-up searches (run after it, in slices).
    warmUp: "after-first-search",
    onProgress: options.onProgress,
    ...(write ? { write, background: true, sliceMs } : {}),
  });
  const held = new HeldArticles(corpus);
  const articleList = () => held.list();
  // Quotation extraction takes seconds on a large corpus and /sources does not need it: done on first use,
  // from the snapshot next to the index's when it is current.
  const book = new QuoteBookOpening(
    (fromSnapshot) => openQuoteBookSteps(articleList(), { dataDir: fromSnapshot ? indexDir : null, fingerprint: corpus.fingerprint, log, save }),
    sliceMs,
  );
  const grouping = options.grouping
    ? offThreadGrouping(
        { location, readOptions, fingerprint: corpus.fingerprint, given: given !== undefined, articles: articleList },
        { pool: options.grouping, log },
      )
    : null;
  const statements = new NewsroomStatements(articleList, book, log, grouping);
  const firstSeen = await (options.firstSeen ? options.firstSeen() : loadFirstSeen(options.dataDir, log));
  markFirstSeen(firstSeen, corpus.articles, now(), log);
  const saveFirstSeen = firstSeenSaver(firstSeen, log);
  await saveFirstSeen();
  const changes = new CorpusChanges(held, { index, book, statements, firstSeen, saveFirstSeen, workers, now });
  // The grouping worker's copy of the articles follows every change (after the statements were told of it).
  if (grouping) changes.onArticlesChanged((change) => grouping.changed(change));
  const files = new FileRefresh(corpus.articles, changes, { root: location, dataDir: options.dataDir, read: { ...readOptions, defaults: corpus.defaults }, workers, log });

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
    article: (doc) => held.get(doc),
    problems: () => held.problems(),
    statements: () => statements.now(),
    statementsIfReady: () => statements.ifReady(),
    statementsInBackground: (sliced) => statements.inBackground(sliced),
    ...(workers ? { groupElsewhere: groupInIdleWorker(options.grouping ? [options.grouping, workers] : [workers]) } : {}),
    stopBackgroundWork: () => statements.stop(),
    pendingWrites: () => Promise.all([corpusSaved, indexSaved, book.written()]).then(() => undefined),
    firstSeen: (doc) => firstSeen.get(doc)?.at ?? null,
    inBaseline: (doc) => firstSeen.get(doc)?.baseline ?? false,
    onArticlesChanged: (listener) => changes.onArticlesChanged(listener),
    readOptions,
    refreshFile: (relPath) => files.refresh(relPath),
    applyChanges: (change) => changes.apply(change),
  };
}

/**
 * The corpus to serve: the given one (the stored corpus), else the location read (files unchanged since the corpus
 * snapshot are not read; a worker reads the others) with the feed items stored in the data folder ("feed:...").
 */
async function readTheCorpus(
  location: string,
  indexDir: string | null,
  readOptions: ReadOptions,
  options: OpenNewsroomOptions,
): Promise<{ corpus: Corpus; saved: Promise<void>; isFolder: boolean }> {
  if (options.corpus) return { corpus: options.corpus.corpus, saved: Promise.resolve(), isFolder: false };
  const { workers, log } = options;
  const reader: CorpusFileReader | undefined = workers && ((root, relPath, read) => workers.run("readCorpusFile", { root, relPath, options: read }));
  const opened = await openCorpus(location, {
    dataDir: indexDir,
    log,
    ...readOptions,
    ...(reader ? { reader } : {}),
    ...(options.onCorpusFiles ? { onFile: options.onCorpusFiles } : {}),
  });
  const corpus = await withFeedItems(opened.corpus, options.dataDir, log);
  return { corpus, saved: opened.saved, isFolder: (await stat(location)).isDirectory() };
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

/** Snapshots are kept per corpus location, so that switching --corpus does not discard the other's. */
function locationKey(location: string): string {
  return createHash("sha256").update(resolve(location)).digest("hex").slice(0, 12);
}
