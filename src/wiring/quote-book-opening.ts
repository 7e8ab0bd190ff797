/**
 * The newsroom's quote book, opened on first use: at once when a command needs it, or in time slices in the
 * background (`inBackground`), the snapshot beside the passage index's used while the corpus is as loaded.
 */
import type { CorpusQuoteBook } from "../quotes/book.js";
import type { OpenedQuoteBook } from "../quotes/snapshot.js";
import { runInSlices, runToEnd, type Steps } from "../statements/steps.js";

/** The steps that open the book; `fromSnapshot` false after a live change (the snapshot no longer fits). */
export type OpenBookSteps = (fromSnapshot: boolean) => Steps<OpenedQuoteBook>;

export class QuoteBookOpening {
  private book: CorpusQuoteBook | null = null;
  /** The snapshot matches the corpus as loaded; after a live change before first use, extract afresh. */
  private changedSinceLoad = false;
  private writes = (): Promise<void> => Promise.resolve();
  /** The book being opened in time slices: a first use meanwhile finishes it at once. */
  private opening: { steps: Steps<OpenedQuoteBook>; controller: AbortController; done: Promise<CorpusQuoteBook | null> } | null = null;

  constructor(
    private readonly openSteps: OpenBookSteps,
    private readonly sliceMs: number,
  ) {}

  /** The book when it is open already, else null. */
  get opened(): CorpusQuoteBook | null {
    return this.book;
  }

  /** The book, opened at once if need be (finishing an opening under way). */
  now(): CorpusQuoteBook {
    return this.book ?? this.adopt(runToEnd(this.opening?.steps ?? this.openSteps(!this.changedSinceLoad)));
  }

  /** The book, opened in time slices when it is not open yet (null when a corpus change stopped the opening). */
  inBackground(): Promise<CorpusQuoteBook | null> {
    if (this.book) return Promise.resolve(this.book);
    if (!this.opening) {
      const steps = this.openSteps(!this.changedSinceLoad);
      const controller = new AbortController();
      const done = runInSlices<OpenedQuoteBook | undefined>(steps, { sliceMs: this.sliceMs, signal: controller.signal }).then(
        // Undefined when a first use finished the opening at once meanwhile.
        (opened: OpenedQuoteBook | undefined) => this.book ?? (opened ? this.adopt(opened) : null),
        () => this.book,
      );
      this.opening = { steps, controller, done };
    }
    return this.opening.done;
  }

  /** A corpus change: an opening under way stops (the snapshot no longer fits); the book opens afresh when asked. */
  corpusChanged(): void {
    this.changedSinceLoad = true;
    if (this.book) return;
    this.opening?.controller.abort(new Error("the corpus changed"));
    this.opening = null;
  }

  /** Settles once the book's snapshots being written are on disk. */
  written(): Promise<void> {
    return this.writes();
  }

  private adopt(opened: OpenedQuoteBook): CorpusQuoteBook {
    this.writes = opened.writes;
    this.opening = null;
    return (this.book = opened.book);
  }
}
