/**
 * The newsroom's statements across outlets: computed at once when a command needs them, or in the background
 * (grouped in the grouping worker when there is one, src/workers/grouping.ts, else in time slices here); a
 * corpus change makes them stale (a computation under way stops and is never published).
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Logger } from "../core/log.js";
import type { Article } from "../corpus/types.js";
import { buildStatements, buildStatementsInSlices } from "../statements/group.js";
import { runInSlices, type SliceOptions } from "../statements/steps.js";
import type { StatementIndex } from "../statements/types.js";
import type { OffThreadGrouping } from "../workers/grouping.js";
import type { QuoteBookOpening } from "./quote-book-opening.js";

export class NewsroomStatements {
  private statements: StatementIndex | null = null;
  /** Counts corpus changes: statements computed from an older generation are stale and never published. */
  private generation = 0;
  private background: { generation: number; controller: AbortController; done: Promise<StatementIndex | null> } | null = null;

  constructor(
    private readonly articles: () => Article[],
    private readonly book: QuoteBookOpening,
    private readonly log: Logger,
    /** The grouping worker (a running bot), or null: the background computation then runs here in slices. */
    private readonly offThread: OffThreadGrouping | null = null,
  ) {}

  /** The statements when they are computed, else null. */
  ifReady(): StatementIndex | null {
    return this.statements;
  }

  /** The statements, computed at once if need be. */
  now(): StatementIndex {
    if (this.statements) return this.statements;
    this.statements = buildStatements(this.articles(), this.book.now().quotations);
    // A background computation of the same statements is now redundant: it stops and answers with these.
    this.stop();
    return this.statements;
  }

  /** The statements, computed in time slices after the caller's current work; null when a change made them stale. */
  inBackground(options: Pick<SliceOptions, "sliceMs"> = {}): Promise<StatementIndex | null> {
    if (this.statements) return Promise.resolve(this.statements);
    if (this.background?.generation === this.generation) return this.background.done;
    this.stop();
    const started = this.generation;
    const controller = new AbortController();
    const done = (async (): Promise<StatementIndex | null> => {
      try {
        // After the caller's current work (start-up, a command being answered).
        await nextTurn();
        controller.signal.throwIfAborted();
        // The quote book opens synchronously on first use (a snapshot load, or an extraction without one); what
        // it derives from its quotations (the speaker registry, the title index) is then made in slices.
        await this.book.inBackground();
        controller.signal.throwIfAborted();
        await runInSlices(this.book.now().readySteps(), { sliceMs: options.sliceMs, signal: controller.signal });
        const built = await this.group(options.sliceMs, controller.signal);
        if (this.generation !== started) return null;
        this.statements ??= built;
        return this.statements;
      } catch (error) {
        // Stopped: by a corpus change (the statements would be stale), by a synchronous computation of the
        // same statements (they are ready), or by shutdown.
        if (controller.signal.aborted) return this.generation === started ? this.statements : null;
        this.log.error("statements across outlets failed", { err: error });
        return null;
      } finally {
        if (this.background?.controller === controller) this.background = null;
      }
    })();
    this.background = { generation: started, controller, done };
    return done;
  }

  /** The grouping, in the worker when there is one (here in slices if it fails), else here in slices. */
  private async group(sliceMs: number | undefined, signal: AbortSignal): Promise<StatementIndex> {
    if (this.offThread) {
      try {
        return await this.offThread.statements(this.articles(), this.book.now(), { signal, sliceMs });
      } catch (error) {
        if (signal.aborted) throw error;
        this.log.warn("the grouping worker failed: statements across outlets are grouped here, in time slices", { err: error });
      }
    }
    return buildStatementsInSlices(this.articles(), this.book.now().quotations, {}, { sliceMs, signal });
  }

  /** Stops a computation under way (a corpus change, shutdown). */
  stop(): void {
    this.background?.controller.abort(new Error("statements no longer wanted"));
    this.background = null;
  }

  /** A corpus change: the statements are stale. */
  corpusChanged(): void {
    this.generation++;
    this.statements = null;
    this.stop();
  }
}
