/**
 * Posting each subscribed channel's digest once per local day.
 *
 * A tick (every minute, driven by croner; `tick()` directly in tests) looks at every subscription: the
 * digest's latest due time at or before now is found with croner in the subscription's time zone (croner
 * handles daylight-saving changes: a 07:30 Europe/Paris digest is due once on the day clocks change, and a
 * time that does not exist that day falls to the next valid one). If the ledger has no entry for that channel
 * and local day, the digest is composed and posted; more than `graceMs` after its time it is marked late
 * (the bot was down when it was due). The ledger records the intent before the platform call, so a crash
 * never leads to a second post (see ledger.ts). A channel that cannot be posted to is logged and skipped;
 * the others still get theirs.
 */
import { Cron } from "croner";
import type { ChannelPoster } from "../core/bot.js";
import type { Logger } from "../core/log.js";
import type { Reply } from "../core/reply.js";
import { openLedger, type Ledger, type LedgerEntry } from "./ledger.js";
import { openSubscriptions, type Subscription, type SubscriptionStore } from "./subscriptions.js";

/** The longest period a digest covers. */
export const MAX_PERIOD_MS = 24 * 60 * 60 * 1000;
const DEFAULT_GRACE_MS = 5 * 60 * 1000;
/** A platform call that has not answered by then is given up (and recorded as failed, never retried). */
const DEFAULT_POST_TIMEOUT_MS = 2 * 60 * 1000;
const DEFAULT_CLAIM_TIMEOUT_MS = 10 * 60 * 1000;

export type ComposeDigest = (from: Date, to: Date, late: boolean, subscription: Subscription) => Reply | Promise<Reply>;

export interface DigestSchedulerOptions {
  dataDir: string;
  posters: readonly ChannelPoster[];
  compose: ComposeDigest;
  now?: () => Date;
  log: Logger;
  /** Defaults to the store in `dataDir`. */
  subscriptions?: SubscriptionStore;
  /** How long after its time a digest still counts as on time. Default 5 minutes. */
  graceMs?: number;
  /** How long to wait for a platform to accept a post. Default 2 minutes. */
  postTimeoutMs?: number;
  /** Defaults to the ledger file in `dataDir`. */
  ledger?: () => Promise<Ledger>;
  /**
   * With a shared ledger: a claim not marked posted after this long is taken to be a replica that died between
   * claim and post, and the digest is tried once more. Default 10 minutes.
   */
  claimTimeoutMs?: number;
}

export interface TickOutcome {
  platform: string;
  channel: string;
  day: string;
  status: "sent" | "failed";
  late: boolean;
}

export interface DigestScheduler {
  /** Posts what is owed (late digests included), then ticks every minute. */
  start(): Promise<void>;
  /** Stops ticking and waits for a tick under way. */
  stop(): Promise<void>;
  /** One pass over the subscriptions; returns what it posted or tried to. */
  tick(): Promise<TickOutcome[]>;
}

/** Croner job for a subscription's daily time, in its zone (not scheduled: used for date arithmetic). */
function dailyCron(subscription: Pick<Subscription, "time" | "zone">): Cron {
  const [hour, minute] = subscription.time.split(":").map(Number);
  return new Cron(`${minute} ${hour} * * *`, { timezone: subscription.zone });
}

/** The digest's latest due time at or before `now`. */
export function lastDue(subscription: Pick<Subscription, "time" | "zone">, now: Date): Date | null {
  const cron = dailyCron(subscription);
  // Two days back covers any day length (23 or 25 hours on a daylight-saving change).
  let run = cron.nextRun(new Date(now.getTime() - 2 * MAX_PERIOD_MS));
  let last: Date | null = null;
  while (run && run.getTime() <= now.getTime()) {
    last = run;
    run = cron.nextRun(run);
  }
  return last;
}

/** The digest's next due time after `now`. */
export function nextDue(subscription: Pick<Subscription, "time" | "zone">, now: Date): Date | null {
  return dailyCron(subscription).nextRun(now);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(at: Date, zone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The period a channel's digest covers: since its last digest, at most 24 hours. */
export function digestPeriod(last: LedgerEntry | null, now: Date): { from: Date; to: Date } {
  const floor = now.getTime() - MAX_PERIOD_MS;
  const since = last ? Date.parse(last.to) : floor;
  return { from: new Date(Math.max(since, floor)), to: now };
}

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const log = options.log.child({ component: "digest" });
  const now = options.now ?? (() => new Date());
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const postTimeoutMs = options.postTimeoutMs ?? DEFAULT_POST_TIMEOUT_MS;
  const subscriptions = options.subscriptions ?? openSubscriptions(options.dataDir, log);
  let ledger: Promise<Ledger> | null = null;
  let damageHandled = false;
  let running: Promise<TickOutcome[]> | null = null;
  let cron: Cron | null = null;
  const missingPlatforms = new Set<string>();

  const claimTimeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;
  const openedLedger = () => (ledger ??= options.ledger ? options.ledger() : openLedger(options.dataDir, log, now));

  /**
   * After a damaged ledger, a digest due today whose entry could not be recovered may already have been
   * posted: it is recorded as "presumed" and not posted again (a duplicate is worse than a missed digest).
   */
  async function presumeAfterDamage(book: Ledger, all: readonly Subscription[], at: Date): Promise<void> {
    for (const sub of all) {
      const due = lastDue(sub, at);
      if (!due || due.getTime() < Date.parse(sub.createdAt)) continue;
      const day = localDay(due, sub.zone);
      if (book.find(sub.platform, sub.channel, day)) continue;
      log.warn("digest ledger was damaged: today's digest may have been posted, so it is not posted again", {
        platform: sub.platform,
        channel: sub.channel,
        day,
      });
      await book.record({
        platform: sub.platform,
        channel: sub.channel,
        day,
        zone: sub.zone,
        due: due.toISOString(),
        from: due.toISOString(),
        to: due.toISOString(),
        late: false,
        status: "presumed",
        intentAt: at.toISOString(),
        postedAt: null,
      });
    }
  }

  /** A shared ledger's claim that was never marked posted, made longer ago than the claim timeout, not retried yet. */
  function isStaleClaim(book: Ledger, entry: LedgerEntry, at: Date): boolean {
    if (!book.shared || entry.status !== "sending" || (entry.attempts ?? 1) >= 2) return false;
    return at.getTime() - Date.parse(entry.intentAt) >= claimTimeoutMs;
  }

  async function postOne(book: Ledger, sub: Subscription, at: Date): Promise<TickOutcome | null> {
    const due = lastDue(sub, at);
    if (!due || due.getTime() < Date.parse(sub.createdAt)) return null;
    const day = localDay(due, sub.zone);
    const existing = book.find(sub.platform, sub.channel, day);
    const retrying = existing !== null && isStaleClaim(book, existing, at);
    if (existing && !retrying) return null;

    const poster = options.posters.find((p) => p.platform === sub.platform);
    if (!poster) {
      if (!missingPlatforms.has(sub.platform)) {
        missingPlatforms.add(sub.platform);
        log.warn("digests subscribed on a platform that is not running are not posted", { platform: sub.platform });
      }
      return null;
    }

    const late = at.getTime() - due.getTime() > graceMs;
    // A stale claim's retry covers the period that claim was for.
    const { from, to } = retrying ? { from: new Date(existing.from), to: at } : digestPeriod(book.lastPosted(sub.platform, sub.channel), at);
    const base = { platform: sub.platform, channel: sub.channel, day, zone: sub.zone, due: due.toISOString() };
    const entry: LedgerEntry = {
      ...base,
      from: from.toISOString(),
      to: to.toISOString(),
      late,
      status: "sending",
      intentAt: at.toISOString(),
      postedAt: null,
      ...(book.shared ? { attempts: retrying ? (existing.attempts ?? 1) + 1 : 1 } : {}),
    };
    // Several replicas: the one whose claim is inserted posts; the others leave the channel alone.
    if (book.shared) {
      if (!(await book.claim(entry, new Date(at.getTime() - claimTimeoutMs)))) return null;
      if (retrying) log.warn("digest claimed by a replica that never marked it posted: posting it once more", { ...base, claimedAt: existing.intentAt });
    }
    let reply: Reply;
    try {
      reply = await options.compose(from, to, late, sub);
    } catch (error) {
      // Our own failure: recorded, so that it is reported once and not retried every minute all day.
      log.error("digest could not be composed", { ...base, err: error });
      await book.record({ ...entry, status: "failed", error: `compose: ${errorMessage(error)}` });
      return { ...base, status: "failed", late };
    }
    // The intent is on disk before the platform is called; if it cannot be written, nothing is sent.
    if (!book.shared) await book.record(entry);
    try {
      await withTimeout(poster.post(sub.channel, { ...reply, visibility: "public" }), postTimeoutMs);
    } catch (error) {
      log.warn("digest could not be posted; channel skipped", { ...base, err: error });
      await book.record({ ...entry, status: "failed", error: errorMessage(error) });
      return { ...base, status: "failed", late };
    }
    await book.record({ ...entry, status: "sent", postedAt: now().toISOString() });
    log.info(late ? "late digest posted" : "digest posted", { ...base, from: entry.from, to: entry.to });
    return { ...base, status: "sent", late };
  }

  async function runTick(): Promise<TickOutcome[]> {
    const at = now();
    const book = await openedLedger();
    await book.refresh();
    const all = await subscriptions.list();
    if (book.wasDamaged && !damageHandled) {
      damageHandled = true;
      await presumeAfterDamage(book, all, at);
    }
    const outcomes: TickOutcome[] = [];
    for (const sub of all) {
      try {
        const outcome = await postOne(book, sub, at);
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        log.error("digest failed", { platform: sub.platform, channel: sub.channel, err: error });
      }
    }
    return outcomes;
  }

  function tick(): Promise<TickOutcome[]> {
    // One tick at a time: a slow post must not let the next tick post the same digest.
    running ??= runTick().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    async start() {
      const safeTick = () => tick().catch((error: unknown) => void log.error("digest tick failed", { err: error }));
      // A first tick at once posts what is owed (late digests); a failing one must not stop the bot starting.
      await safeTick();
      cron ??= new Cron("* * * * *", { protect: true, unref: true }, async () => {
        await safeTick();
      });
    },
    async stop() {
      cron?.stop();
      cron = null;
      await running?.catch(() => undefined);
    },
    tick,
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 500);
  return String(error).slice(0, 500);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the platform within ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
