/**
 * Polling the newsroom's feeds (DATELINE_FEEDS). Each poll asks every due feed for what is new (conditional
 * requests: an unchanged feed answers 304), fetches each new item's page once (politely: see fetch.ts and
 * host-gate.ts), checks that it is an article (html/extract.ts), and stores it under the data folder as a file
 * of its own (item-file.ts), which the newsroom then reads like any corpus file. An item whose page cannot be
 * fetched or read keeps the feed's own title and summary, marked as such. A failing feed is retried with
 * back-off (1 min, 2 min, 4 min, ... up to 6 h) and reported in the log and by /digest status; nothing here
 * throws out of a poll, so a feed can never crash the bot.
 */
import { access } from "node:fs/promises";
import type { Logger } from "../core/log.js";
import { contentTypeCharset } from "../html/charset.js";
import { extractHtmlArticle } from "../html/extract.js";
import { writeFileAtomic } from "../state-file.js";
import { FetchError, fetchUrl, type FetchOptions } from "./fetch.js";
import { createHostGate, type HostGate } from "./host-gate.js";
import { itemDoc, itemFileName, itemPath, normalizeFeedDate, pageFile, summaryFile } from "./item-file.js";
import { readFeed, type FeedItem } from "./parse-feed.js";
import { emptyFeedState, type FeedState, type FeedStateStore } from "./state.js";

export interface FeedPollerOptions {
  feeds: readonly string[];
  dataDir: string;
  store: FeedStateStore;
  log: Logger;
  intervalMs: number;
  allowPrivate: boolean;
  gate?: HostGate;
  timeoutMs?: number;
  maxFeedBytes?: number;
  maxPageBytes?: number;
  maxRedirects?: number;
  /** New items stored per feed and poll, at most (a feed that suddenly lists thousands is taken in steps). */
  maxItemsPerPoll?: number;
  now?: () => Date;
  /** Called once each new item is stored (the newsroom reads the file). */
  onStored?: (item: StoredFeedItem) => Promise<void> | void;
}

export interface StoredFeedItem {
  feed: string;
  key: string;
  url: string | null;
  doc: string;
  title: string | null;
  published: string | null;
  origin: "page" | "feed-summary";
  /** Why the page was not kept (origin "feed-summary"). */
  reason: string | null;
}

export interface FeedReport {
  url: string;
  state: FeedState;
}

export interface PollResult {
  items: StoredFeedItem[];
  failed: Array<{ feed: string; error: string }>;
}

export interface FeedPoller {
  /** Polls the feeds that are due (all of them with `force`: interval and back-off ignored). Never throws. */
  pollOnce(options?: { force?: boolean }): Promise<PollResult>;
  /** Polls the due feeds now and then every minute (or interval, if shorter) until `stop`. */
  start(): void;
  stop(): Promise<void>;
  /** Each feed's state as last seen, for /digest status. */
  status(): FeedReport[];
}

const USER_AGENT = "Dateline newsroom bot (feed reader)";
const MINUTE = 60_000;
const MAX_RETRY_MS = 6 * 60 * MINUTE;

export const retryDelayMs = (failures: number): number => Math.min(MINUTE * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A feed's text: the charset its server or its XML declaration names, else UTF-8. */
function feedText(body: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder("latin1").decode(body.subarray(0, 200));
  const label = contentTypeCharset(contentType) ?? /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { log, store } = options;
  const now = options.now ?? (() => new Date());
  const gate = options.gate ?? createHostGate();
  const fetchOptions = (maxBytes: number, accept: string): FetchOptions => ({
    gate,
    allowPrivate: options.allowPrivate,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes,
    maxRedirects: options.maxRedirects ?? 5,
    accept,
    userAgent: USER_AGENT,
  });
  const states = new Map<string, FeedState>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;

  async function storeItem(feed: string, feedTitle: string | null, item: FeedItem): Promise<StoredFeedItem | null> {
    const fileName = itemFileName(item, feed);
    const file = itemPath(options.dataDir, fileName);
    if ((await store.hasItem(item.key)) || (await exists(file))) return null;
    const fetched = now().toISOString();
    let reason: string | null = null;
    let bytes: Uint8Array | null = null;
    let url = item.url;
    if (!url) reason = "the item has no link";
    else {
      try {
        const page = await fetchUrl(url, fetchOptions(options.maxPageBytes ?? 5 * 1024 * 1024, "text/html,application/xhtml+xml"));
        url = page.url;
        if (page.status !== 200) throw new Error(`HTTP status ${page.status}`);
        if (!/^(?:text\/html|application\/xhtml\+xml)\b/i.test(page.contentType ?? "")) throw new Error(`not an HTML page (${page.contentType ?? "no content type"})`);
        const published = item.published ? normalizeFeedDate(item.published) : null;
        const candidate = pageFile({ url, fetched, charset: contentTypeCharset(page.contentType), origin: "page", feed, published }, page.body);
        const read = extractHtmlArticle(candidate, fileName);
        if (!read.ok) throw new Error(read.reason);
        bytes = candidate;
      } catch (error) {
        reason = errorText(error);
      }
    }
    if (!bytes) {
      if (!item.title && !item.summary) {
        log.warn("feed item skipped: its page could not be read and the feed gives no title or summary", { feed, item: item.key, reason });
        await store.addItem(item.key, { feed, url, doc: itemDoc(fileName), storedAt: fetched, origin: "feed-summary" });
        return null;
      }
      log.warn("feed item page refused; keeping the feed's title and summary", { feed, url: item.url, reason });
      bytes = summaryFile({ url: url ?? item.key, fetched, charset: "utf-8", origin: "feed-summary", feed }, item, feedTitle);
    }
    await writeFileAtomic(file, [bytes]);
    const origin = reason === null ? "page" : "feed-summary";
    const stored: StoredFeedItem = { feed, key: item.key, url, doc: itemDoc(fileName), title: item.title, published: item.published, origin, reason };
    await store.addItem(item.key, { feed, url, doc: stored.doc, storedAt: fetched, origin });
    log.info("feed item stored", { feed, doc: stored.doc, origin });
    return stored;
  }

  /** A feed is due once its interval has passed since the last attempt, or its back-off has run out. */
  function isDue(state: FeedState): boolean {
    const at = now().getTime();
    if (state.retryAt) return Date.parse(state.retryAt) <= at;
    return !state.lastAttempt || Date.parse(state.lastAttempt) + options.intervalMs <= at;
  }

  async function pollFeed(feed: string, force: boolean, result: PollResult): Promise<void> {
    const state = await store.getFeed(feed);
    states.set(feed, state);
    if (!force && !isDue(state)) return;
    const attempt = now().toISOString();
    let parsed;
    try {
      const answer = await fetchUrl(feed, {
        ...fetchOptions(options.maxFeedBytes ?? 5 * 1024 * 1024, "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8"),
        etag: state.etag,
        lastModified: state.lastModified,
      });
      if (answer.status === 304) {
        const next = { ...state, failures: 0, lastError: null, lastAttempt: attempt, lastSuccess: attempt, retryAt: null };
        states.set(feed, next);
        await store.putFeed(feed, next);
        return;
      }
      if (answer.status !== 200) throw new Error(`HTTP status ${answer.status}`);
      parsed = readFeed(feedText(answer.body, answer.contentType));
      state.etag = answer.etag;
      state.lastModified = answer.lastModified;
    } catch (error) {
      const failures = state.failures + 1;
      const retryAt = new Date(now().getTime() + retryDelayMs(failures)).toISOString();
      const message = error instanceof FetchError || error instanceof Error ? error.message : String(error);
      const next = { ...state, failures, lastError: message, lastAttempt: attempt, retryAt };
      states.set(feed, next);
      await store.putFeed(feed, next);
      log.warn("feed failed; retrying with back-off", { feed, error: message, failures, retryAt });
      result.failed.push({ feed, error: message });
      return;
    }
    let stored = 0;
    for (const item of parsed.items) {
      if (stopped || stored >= (options.maxItemsPerPoll ?? 100)) break;
      try {
        const added = await storeItem(feed, parsed.title, item);
        if (!added) continue;
        stored++;
        result.items.push(added);
        await options.onStored?.(added);
      } catch (error) {
        log.error("feed item could not be stored", { feed, item: item.key, err: error });
      }
    }
    const next = { ...state, failures: 0, lastError: null, lastAttempt: attempt, lastSuccess: attempt, retryAt: null };
    states.set(feed, next);
    await store.putFeed(feed, next);
  }

  async function pollOnce(pollOptions: { force?: boolean } = {}): Promise<PollResult> {
    const result: PollResult = { items: [], failed: [] };
    // Feeds in parallel; the host gate keeps each host to one request a second.
    await Promise.all(
      options.feeds.map((feed) =>
        pollFeed(feed, pollOptions.force ?? false, result).catch((error: unknown) => {
          log.error("feed poll failed", { feed, err: error });
          result.failed.push({ feed, error: errorText(error) });
        }),
      ),
    );
    return result;
  }

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pollOnce().finally(() => {
        running = null;
        schedule(Math.min(options.intervalMs, MINUTE));
      });
    }, ms);
    timer.unref();
  };

  return {
    pollOnce,
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    status: () => options.feeds.map((url) => ({ url, state: states.get(url) ?? emptyFeedState() })),
  };
}
