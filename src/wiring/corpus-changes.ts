/**
 * Applies corpus changes to a newsroom, one change at a time: the articles held, the passage index (in time slices
 * with worker threads, so that commands are answered meanwhile), the quote book, the statements, first-seen times,
 * and then the listeners. A change read from a file (`FileRefresh`) and one read from the stored corpus
 * (`OpenedNewsroom.applyChanges`) both come here.
 */
import type { FirstSeenStore } from "../corpus/first-seen.js";
import { sameArticle } from "../corpus/same-article.js";
import type { Article, CorpusProblem } from "../corpus/types.js";
import type { CorpusQuoteBook } from "../quotes/book.js";
import type { ArticleQuotes } from "../quotes/types.js";
import type { SourceSearch } from "../search/types.js";
import { runInSlices } from "../statements/steps.js";
import type { WorkerPool } from "../workers/pool.js";
import type { HeldArticles } from "./held-articles.js";

/** Articles removed and added or changed, applied to the newsroom's indexes together. */
export interface CorpusChange {
  removed: readonly string[];
  upserted: readonly Article[];
  /** Files whose problems changed (the stored corpus's, or a file re-read): their problems replace those held. */
  problems?: ReadonlyArray<{ file: string; problems: readonly CorpusProblem[] }>;
}

/** Articles a change removed and added or changed, in the order the newsroom applied them. */
export type ArticlesChanged = (change: { removed: string[]; upserted: Article[] }) => void;

/** What a change is applied to, besides the articles held. */
export interface ChangeTargets {
  index: Pick<SourceSearch, "upsert" | "remove" | "upsertSteps" | "removeSteps">;
  /** The quote book's opening (`QuoteBookOpening`): the book takes the change when it is open, else opens afresh. */
  book: { readonly opened: QuoteBookTarget | null; corpusChanged(): void };
  /** The statements across outlets, stale after a change (`NewsroomStatements`). */
  statements: { corpusChanged(): void };
  firstSeen: Pick<FirstSeenStore, "mark">;
  /** Saves first-seen times after each change (never rejects: see `firstSeenSaver`). */
  saveFirstSeen: () => Promise<void>;
  /** A running bot's worker threads: quotations extracted there, the passage index changed in time slices. */
  workers?: Pick<WorkerPool, "run"> | undefined;
  now: () => Date;
}

/** What the quote book offers a change. */
export type QuoteBookTarget = Pick<CorpusQuoteBook, "changeSteps" | "remove" | "upsert">;

export class CorpusChanges {
  private readonly listeners: ArticlesChanged[] = [];
  /** The change being applied: the next waits for it (a file's passages are indexed in slices, another's must not mix in). */
  private applying: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly held: HeldArticles,
    private readonly targets: ChangeTargets,
  ) {}

  /** Calls `listener` after each change that removed or upserted articles. */
  onArticlesChanged(listener: ArticlesChanged): void {
    this.listeners.push(listener);
  }

  /**
   * Applies `change` after any change under way; articles equal to those held, and removals of articles not held,
   * are skipped. Resolves with what was applied, once first-seen times are saved.
   */
  async apply(change: CorpusChange): Promise<CorpusChange> {
    if (change.problems) this.held.replaceProblems(change.problems);
    const removed = change.removed.filter((doc) => this.held.has(doc));
    const upserted = change.upserted.filter((article) => !sameArticle(this.held.get(article.id), article));
    if (removed.length === 0 && upserted.length === 0) return { removed, upserted };
    const extracting = this.extract(upserted);
    const applying = this.applying.then(() => this.applyInTurn(removed, upserted, extracting));
    this.applying = applying.catch(() => undefined);
    await applying;
    await this.targets.saveFirstSeen();
    return { removed, upserted };
  }

  /**
   * The upserted articles' quotations, in a worker when there is one and the book is open (meanwhile the passage
   * index takes the change: searches need not wait for the quotations); otherwise none, and the quote book extracts
   * them itself (when it is open). A worker that fails leaves the extraction to the quote book too.
   */
  private extract(upserted: readonly Article[]): Promise<ArticleQuotes[]> {
    const { workers, book } = this.targets;
    if (!book.opened || !workers) return Promise.resolve([]);
    return Promise.all(upserted.map((article) => workers.run("quoteArticle", article))).catch(() => []);
  }

  private async applyInTurn(removed: string[], upserted: Article[], extracting: Promise<ArticleQuotes[]>): Promise<void> {
    const { index, book, statements, firstSeen, workers, now } = this.targets;
    for (const doc of removed) {
      this.held.delete(doc);
      await inSlices(workers ? index.removeSteps?.(doc) : undefined, () => index.remove(doc));
    }
    for (const article of upserted) {
      this.held.set(article);
      await inSlices(workers ? index.upsertSteps?.(article) : undefined, () => index.upsert(article));
      firstSeen.mark(article.id, now());
    }
    book.corpusChanged();
    await updateQuoteBook(book.opened, removed, upserted, await extracting);
    statements.corpusChanged();
    for (const listener of this.listeners) listener({ removed, upserted });
  }
}

/** Runs `steps` in time slices when there are any, else `sync` at once. */
function inSlices(steps: Generator<void, void, void> | undefined, sync: () => void): Promise<void> {
  return steps ? runInSlices(steps) : Promise.resolve(sync());
}

/**
 * The quote book (when open) takes a change: with the quotations found in a worker, in time slices that rebuild its
 * speaker registry too, answering from its state before the change meanwhile; else at once.
 */
async function updateQuoteBook(book: QuoteBookTarget | null, removed: readonly string[], upserted: readonly Article[], extracted: readonly ArticleQuotes[]): Promise<void> {
  if (!book) return;
  if (extracted.length === upserted.length) {
    await runInSlices(book.changeSteps(removed, upserted.map((article, i) => ({ article, extracted: extracted[i]! }))));
    return;
  }
  // Opened while the file was read (no quotations were asked of a worker): the book extracts them itself.
  for (const doc of removed) book.remove(doc);
  for (const article of upserted) book.upsert(article);
}
