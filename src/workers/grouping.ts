/**
 * Statement grouping (statements/group.ts) in a worker thread of its own, so that neither the event loop nor the
 * digests wait for it (tens of seconds at a million passages; the digest worker runs its jobs in order, so it
 * cannot host them without holding every digest behind them).
 *
 * The grouping worker keeps its own copy of the articles (the mirror, jobs.ts), read from the corpus itself when
 * it is the one the newsroom read (else sent in chunks from this thread), then kept in step with every change.
 * A grouping sends the articles' ids in this thread's order (a document's ordinal is its place in that list) and
 * the quotations as numbers (statements/encoded.ts, read through the quote book's `groupingFields`), in chunks, a
 * turn of the event loop between them; the worker answers with numbers, from which this thread makes the
 * statements and their index in time slices. A result that does not fit this thread's articles (a rendering's
 * text differs: the mirror is out of step) is refused, and the mirror is filled afresh before the next grouping.
 *
 * Stopping (a corpus change: the result would be stale) sets a flag in shared memory that the worker reads at
 * every pause of the grouping, so that the changes behind it are not held up.
 */
import type { Logger } from "../core/log.js";
import type { ReadOptions } from "../corpus/load.js";
import type { Article } from "../corpus/types.js";
import type { QuoteBook } from "../quotes/quote-book.js";
import { decodeStatements, encodeQuotations, type EncodedStatements } from "../statements/encoded.js";
import { statementIndexSteps } from "../statements/group.js";
import type { GroupElsewhere } from "../statements/query.js";
import { ShardedMap, stringShard } from "../statements/sharded-map.js";
import { idfWeights } from "../statements/similarity.js";
import { runInSlices, type Steps } from "../statements/steps.js";
import type { StatementIndex } from "../statements/types.js";
import type { WorkerPool } from "./pool.js";

/** What the grouping needs to know of the newsroom's corpus. */
export interface GroupingCorpus {
  location: string;
  readOptions: ReadOptions;
  /** The fingerprint of the corpus as the newsroom read it (the mirror reads it too when they agree). */
  fingerprint: string;
  /** The corpus is given (stored), not read from `location`: the mirror is sent the articles. */
  given: boolean;
  /** The articles as the newsroom holds them now, in its order. */
  articles(): readonly Article[];
}

export interface GroupingOptions {
  /** The grouping worker: a pool of one (its jobs run in order, after the changes sent before them). */
  pool: WorkerPool;
  log: Logger;
}

export interface OffThreadGrouping {
  /**
   * The statements across outlets of `articles` (the newsroom's, in its order) and the book's quotations, grouped
   * in the worker; made into statements here in slices of `sliceMs`. Rejects when `signal` aborts, or when the
   * worker fails or its copy of the articles is out of step (the caller then groups here).
   */
  statements(articles: readonly Article[], book: Pick<QuoteBook, "quotationCount" | "groupingFields">, options: { signal: AbortSignal; sliceMs?: number }): Promise<StatementIndex>;
  /** A corpus change, applied to the worker's copy (after what was sent before it). */
  changed(change: { removed: string[]; upserted: Article[] }): void;
  close(): Promise<void>;
}

/** Article ids sent per job. */
const IDS_PER_CHUNK = 20_000;
/** Quotations sent per job (a few ms to encode and to clone). */
const QUOTATIONS_PER_CHUNK = 4096;
/** Characters of article text per job when the mirror is filled from this thread. */
const MIRROR_CHUNK_CHARS = 1_000_000;

export function offThreadGrouping(corpus: GroupingCorpus, options: GroupingOptions): OffThreadGrouping {
  const { pool } = options;
  const log = options.log.child({ component: "grouping" });
  /** The mirror filled (or being filled); null until the first grouping, and again after a failure. */
  let mirror: Promise<void> | null = null;
  /** Changes seen: a fill from this thread that saw one meanwhile is made again. */
  let changes = 0;
  let closed = false;

  const fill = async (): Promise<void> => {
    const before = changes;
    if (!corpus.given) {
      const { fingerprint } = await pool.run("mirrorLoad", { location: corpus.location, options: corpus.readOptions });
      // The corpus the newsroom read, with no change since: the mirror holds what this thread holds.
      if (fingerprint === corpus.fingerprint && changes === 0) return;
    }
    for (let seen = before - 1; seen !== changes; ) {
      seen = changes;
      await sendArticles(pool, corpus.articles());
    }
  };

  return {
    async statements(articles, book, { signal, sliceMs }) {
      mirror ??= fill();
      const stop = new Int32Array(new SharedArrayBuffer(4));
      const onAbort = () => Atomics.store(stop, 0, 1);
      signal.addEventListener("abort", onAbort, { once: true });
      try {
        await mirror;
        signal.throwIfAborted();
        // Without worker threads the grouping would run here in one piece: the caller groups in slices instead.
        if (pool.inProcess) throw new Error("worker threads unavailable: grouping here in time slices");
        const sent: Array<Promise<unknown>> = [];
        await runInSlices(sendGrouping(pool, articles, book, sent), { sliceMs, signal });
        const grouped = pool.run("groupingRun", { stop, duplicates: true });
        const [encoded] = await Promise.all([grouped, ...sent]);
        signal.throwIfAborted();
        return await runInSlices(statementsFrom(encoded, articles), { sliceMs, signal });
      } catch (error) {
        // A worker replaced after a crash has no mirror; one out of step must be filled afresh.
        if (!signal.aborted && !closed) mirror = null;
        throw error;
      } finally {
        signal.removeEventListener("abort", onAbort);
      }
    },
    changed({ removed, upserted }) {
      changes++;
      // Before the mirror is filled, the change is in what it will be filled with.
      if (!mirror) return;
      pool.run("mirrorUpdate", { removed, upserted, terms: null }).catch((error: unknown) => {
        if (closed) return;
        log.warn("the grouping worker's copy of the corpus missed a change: it is filled afresh", { err: error });
        mirror = null;
      });
    },
    close() {
      closed = true;
      return pool.close();
    },
  };
}

/** The mirror replaced by `articles`, sent in chunks of about MIRROR_CHUNK_CHARS characters. */
async function sendArticles(pool: WorkerPool, articles: readonly Article[]): Promise<void> {
  await pool.run("mirrorReplace", []);
  for (let at = 0; at < articles.length; ) {
    const chunk: Article[] = [];
    for (let chars = 0; at < articles.length && chars < MIRROR_CHUNK_CHARS; at++) {
      chunk.push(articles[at]!);
      chars += articles[at]!.text.length;
    }
    await pool.run("mirrorAppend", chunk);
  }
}

/** The articles' ids and the quotations, sent to the worker a chunk per step (`sent`: the jobs' promises). */
function* sendGrouping(pool: WorkerPool, articles: readonly Article[], book: Pick<QuoteBook, "quotationCount" | "groupingFields">, sent: Array<Promise<unknown>>): Steps<void> {
  const send = (job: Promise<unknown>) => {
    // Awaited only when the sending is done: a job failing meanwhile (shutdown) must not go unhandled.
    job.catch(() => undefined);
    sent.push(job);
  };
  send(pool.run("groupingOpen", undefined));
  const ordinal = new ShardedMap<string, number>(stringShard);
  for (let at = 0; at < articles.length; at += IDS_PER_CHUNK) {
    const ids: string[] = [];
    for (let i = at; i < Math.min(articles.length, at + IDS_PER_CHUNK); i++) {
      ids.push(articles[i]!.id);
      ordinal.set(articles[i]!.id, i);
    }
    send(pool.run("groupingArticles", ids));
    yield;
  }
  const count = book.quotationCount;
  const ordinalOf = (doc: string) => ordinal.get(doc) ?? -1;
  for (let at = 0; at < count; at += QUOTATIONS_PER_CHUNK) {
    send(pool.run("groupingQuotations", encodeQuotations(book.groupingFields(at, Math.min(count, at + QUOTATIONS_PER_CHUNK)), ordinalOf)));
    yield;
  }
}

/**
 * Groups a few articles (/compare's candidates) in the first of `pools` with nothing to do, the articles sent
 * along (no mirror needed); null when every pool is busy (the caller groups them itself, rather than wait behind
 * a corpus file's extraction or the archive's grouping). The statements are made here in command slices.
 */
export function groupInIdleWorker(pools: readonly WorkerPool[]): GroupElsewhere {
  return (articles, quotations) => {
    const pool = pools.find((p) => p.pending === 0 && !p.inProcess);
    if (!pool) return null;
    const ordinal = new Map(articles.map((a, i) => [a.id, i]));
    const input = {
      articles: [...articles],
      quotations: encodeQuotations(quotations, (doc) => ordinal.get(doc) ?? -1),
      stop: new Int32Array(new SharedArrayBuffer(4)),
      duplicates: false,
    };
    return pool.run("groupArticles", input).then((encoded) => runInSlices(statementsFrom(encoded, articles), { priority: "command" }));
  };
}

/** The worker's numbers made into statements and indexed, in steps. */
export function* statementsFrom(encoded: EncodedStatements, articles: readonly Article[]): Steps<StatementIndex> {
  const grouped = yield* decodeStatements(encoded, (ordinal) => articles[ordinal]);
  const weight = idfWeights(grouped.frequencies.df, grouped.frequencies.documents);
  return yield* statementIndexSteps(grouped.statements, grouped.duplicates, weight);
}
