/**
 * Digests composed in a worker thread (jobs.ts: `composeDigest`, the same function the CLI calls here), so that
 * neither `/digest` nor a scheduled post holds the event loop while the stories are grouped.
 *
 * The worker keeps its own copy of the corpus (the mirror): it reads the corpus itself once (started with the bot,
 * `prepare`), then follows every file the newsroom re-reads; a digest job sends only the period's article ids, their
 * quotations and the statements they render. Forty people asking for the digest of the same new articles get one
 * composition: a digest is kept for the state of the mirror, quotations and statements it was made from.
 *
 * The worker runs its jobs in order, so a change sent to it holds up the digests behind it. A changed file is
 * analysed for grouping (its story terms, the long part for a very long article) in the `analysis` pool first, and
 * only then sent to the mirror, where taking it is quick. Meanwhile a digest is composed from the mirror as it is:
 * the period's articles still being read are left out, and the digest says how many (`Digest.reading`).
 */
import type { Article } from "../corpus/types.js";
import type { Logger } from "../core/log.js";
import type { Reply } from "../core/reply.js";
import { digestReply } from "../digest/render.js";
import { NewArticlesIndex } from "../digest/new-articles-index.js";
import type { ComposeDigest } from "../digest/schedule.js";
import type { Digest } from "../digest/types.js";
import { composeDigest } from "../digest/compose.js";
import type { OpenedNewsroom } from "../open-newsroom.js";
import type { Quotation } from "../quotes/types.js";
import { statementsWhenReady } from "../statements/when-ready.js";
import type { StatementIndex } from "../statements/types.js";
import type { StoryTerms } from "../digest/stories.js";
import { createWorkerPool, type WorkerPool } from "./pool.js";

export interface PendingDigest {
  /** True when the digest is composed already: the answer can follow at once. */
  ready: boolean;
  digest: Promise<Digest>;
}

export interface OffThreadDigests {
  /**
   * The digest of the articles first seen in (from, to]. `statements` gives the statements across outlets at
   * hand (or null); asked only when the period has two articles or more, as `digestForNewsroom` does.
   */
  compose(from: Date, to: Date, late: boolean, statements: () => StatementIndex | null, options?: { newest?: boolean }): PendingDigest;
  /** Starts reading the mirror now (a running bot), not on the first digest. */
  prepare(): void;
  /** Settles once every change received so far is in the mirror (a post waits for it: it leaves nothing out). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** What the newsroom must offer: its articles and quotations, and the changes of its files. */
export type DigestNewsroom = Pick<OpenedNewsroom, "location" | "corpus" | "articles" | "quotes" | "statements" | "firstSeen" | "onArticlesChanged" | "readOptions"> &
  Partial<Pick<OpenedNewsroom, "storedCorpus">>;

/** Digests kept: one per period asked for (channels get theirs since their last post). */
const KEPT = 4;

interface Kept {
  key: string;
  quotations: readonly Quotation[];
  statements: StatementIndex | null;
  ready: boolean;
  /** A digest with newer statements is being composed to replace this one. */
  refreshing: boolean;
  digest: Promise<Digest>;
}

export interface DigestWorkerOptions {
  log: Logger;
  /** The digest worker (default: a pool of one). */
  pool?: WorkerPool;
  /** Where changed articles are analysed for grouping before they go to the mirror (default: in the digest worker). */
  analysis?: WorkerPool;
}

export function offThreadDigests(newsroom: DigestNewsroom, options: DigestWorkerOptions): OffThreadDigests {
  const log = options.log;
  // One worker: it holds the mirror, and its jobs run in the order they are sent (changes before the digests after them).
  const pool = options.pool ?? createWorkerPool({ size: 1, log });
  let version = 0;
  const kept: Kept[] = [];
  let closed = false;
  // A job cut short by shutdown is no failure.
  const fail = (what: string) => (error: unknown) => void (closed || log.error(`digest worker: ${what} failed`, { err: error }));
  // The mirror is read on the first digest (a bot that never composes one starts no worker for it).
  let mirrored = false;
  const mirror = () => {
    if (mirrored) return;
    mirrored = true;
    // A replica's corpus is the stored one: its articles are handed over (reading the folder would be work thrown away).
    if (newsroom.storedCorpus) return void pool.run("mirrorReplace", [...newsroom.articles()]).catch(fail("taking the stored corpus"));
    void pool
      .run("mirrorLoad", { location: newsroom.location, options: newsroom.readOptions })
      .then(({ fingerprint }) => {
        // The files changed since the newsroom read them: its articles, as they are now.
        if (fingerprint !== newsroom.corpus.fingerprint) return pool.run("mirrorReplace", [...newsroom.articles()]);
        return null;
      })
      // The words of the articles that weigh the stories' words, analysed before a digest needs them.
      .then(() => pool.run("mirrorWarm", undefined))
      .catch(fail("reading the corpus"));
  };
  const newArticles = new NewArticlesIndex(newsroom);
  // Articles changed here and not yet sent to the mirror (by id: how many of their changes are on the way).
  const reading = new Map<string, number>();
  // Changes go to the mirror one after the other, in the order they came.
  let updates: Promise<void> = Promise.resolve();
  newsroom.onArticlesChanged(({ removed, upserted }) => {
    version++;
    newArticles.changed(removed, upserted);
    kept.length = 0;
    // Before the mirror is read, the change is in what it will read.
    if (!mirrored) return;
    for (const a of upserted) reading.set(a.id, (reading.get(a.id) ?? 0) + 1);
    updates = updates.then(async () => {
      const terms = await analysed(upserted);
      // From here on the worker composes with the change (its jobs run in order): digests kept are stale.
      version++;
      kept.length = 0;
      for (const a of upserted) {
        const left = (reading.get(a.id) ?? 1) - 1;
        if (left > 0) reading.set(a.id, left);
        else reading.delete(a.id);
      }
      await pool.run("mirrorUpdate", { removed, upserted, terms }).catch(fail("a corpus change"));
    });
  });
  /** The articles' story terms made in the analysis pool, or null (then the digest worker analyses them). */
  const analysed = async (articles: readonly Article[]): Promise<StoryTerms[] | null> => {
    if (!options.analysis || articles.length === 0) return null;
    try {
      return await Promise.all(articles.map((a) => options.analysis!.run("storyTerms", a)));
    } catch (error) {
      fail("analysing a changed article")(error);
      return null;
    }
  };

  return {
    compose(from, to, late, statementsAtHand, options = {}) {
      mirror();
      const inPeriod = newArticles.between(from, to);
      // Composed from the mirror as it is: the articles still on their way to it are left out (and counted).
      const articles = reading.size === 0 ? inPeriod : inPeriod.filter((a) => !reading.has(a.id));
      const unread = inPeriod.length - articles.length;
      const period = { from: from.toISOString(), to: to.toISOString(), late };
      const reply = (digest: Digest): Digest => ({ ...digest, ...period, ...(unread > 0 ? { reading: unread } : {}) });
      // Nothing to group (a quiet period, or all of it still being read): answered at once, without the worker.
      if (articles.length === 0) {
        return { ready: true, digest: Promise.resolve(reply(composeDigest({ articles: [], quotations: [], statements: null, from, to, late }))) };
      }
      const quotations = newsroom.quotes.quotations;
      const statements = articles.length > 1 ? statementsOrNone(statementsAtHand) : null;
      const key = `${version}\n${articles.map((a) => a.id).join("\n")}`;
      const make = (): Kept => {
        const made: Kept = { key, quotations, statements, ready: false, refreshing: false, digest: composeIn(pool, articles, quotations, statements, period) };
        made.digest.then(
          () => (made.ready = true),
          () => kept.includes(made) && kept.splice(kept.indexOf(made), 1),
        );
        return made;
      };
      let entry = kept.find((k) => k.key === key && k.quotations === quotations);
      if (entry && entry.statements !== statements && (options.newest || !entry.refreshing)) {
        // Only the statements across outlets changed (computed since: the "worded N ways" lines): composed again in
        // the background, the digest at hand answering meanwhile (unless the newest is asked for: a post).
        const stale = entry;
        const fresh = make();
        if (options.newest) entry = fresh;
        stale.refreshing = true;
        fresh.digest.then(
          () => kept.includes(stale) && kept.splice(kept.indexOf(stale), 1, fresh),
          () => (stale.refreshing = false),
        );
      }
      if (!entry) {
        entry = make();
        kept.unshift(entry);
        kept.length = Math.min(kept.length, KEPT);
      }
      // The period's bounds are the asker's; the rest depends only on the articles, quotations and statements.
      return { ready: entry.ready, digest: entry.digest.then(reply) };
    },
    prepare: mirror,
    settled: async () => {
      // Changes that came while waiting are waited for too.
      for (let waited: Promise<void> | null = null; waited !== updates; ) await (waited = updates);
    },
    close: () => {
      closed = true;
      return pool.close();
    },
  };
}

function composeIn(
  pool: WorkerPool,
  articles: readonly Article[],
  all: readonly Quotation[],
  statements: StatementIndex | null,
  period: { from: string; to: string; late: boolean },
): Promise<Digest> {
  const docs = new Set(articles.map((a) => a.id));
  // Only what composeDigest reads: quotations with a speaker, statements rendered in the period's articles.
  const quotations = all.filter((q) => q.speaker !== null && docs.has(q.doc));
  const rendered = statements?.statements.filter((s) => s.renderings.some((r) => docs.has(r.doc))) ?? null;
  return pool
    .run("composeDigest", { docs: [...docs], quotations, statements: rendered, ...period })
    .then((digest) => ({ ...digest, documents: Object.assign(Object.create(null) as Digest["documents"], digest.documents) }));
}

/** Statement grouping is an extra: a digest without the "worded N ways" lines is still a digest. */
function statementsOrNone(statements: () => StatementIndex | null): StatementIndex | null {
  try {
    return statements();
  } catch {
    return null;
  }
}

/** The scheduler's compose function: the public digest, composed in the worker once the statements are ready. */
export function offThreadComposer(newsroom: Parameters<typeof statementsWhenReady>[0], digests: OffThreadDigests): ComposeDigest {
  return async (from, to, late, subscription): Promise<Reply> => {
    const statements = await statementsWhenReady(newsroom).catch(() => null);
    await digests.settled();
    const digest = await digests.compose(from, to, late, () => statements, { newest: true }).digest;
    return digestReply(digest, { visibility: "public", zone: subscription.zone });
  };
}
