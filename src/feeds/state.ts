/**
 * What the feed poller remembers: each feed's validators (ETag, Last-Modified) and health, and the items it
 * has stored. Behind a small interface so that another store (PostgreSQL) can take its place; this one is a
 * JSON file in the data folder, written atomically. A corrupt file is set aside and started afresh: the stored
 * item files themselves still keep items from being fetched twice.
 */
import { join } from "node:path";
import { z } from "zod";
import type { Logger } from "../core/log.js";
import { createWriteQueue, readTextIfExists, setAsideCorrupt, writeFileAtomic } from "../state-file.js";

export const feedStateSchema = z.object({
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** Failures in a row (0 when the last poll worked). */
  failures: z.number().int().min(0),
  lastError: z.string().nullable(),
  lastAttempt: z.string().nullable(),
  lastSuccess: z.string().nullable(),
  /** Not polled again before this (ISO), after a failure. */
  retryAt: z.string().nullable(),
});
export type FeedState = z.infer<typeof feedStateSchema>;

export const storedItemSchema = z.object({
  feed: z.string(),
  url: z.string().nullable(),
  /** The document id of the stored file. */
  doc: z.string(),
  storedAt: z.string(),
  origin: z.enum(["page", "feed-summary"]),
});
export type StoredItem = z.infer<typeof storedItemSchema>;

export const emptyFeedState = (): FeedState => ({ etag: null, lastModified: null, failures: 0, lastError: null, lastAttempt: null, lastSuccess: null, retryAt: null });

export interface FeedStateStore {
  getFeed(url: string): Promise<FeedState>;
  putFeed(url: string, state: FeedState): Promise<void>;
  hasItem(key: string): Promise<boolean>;
  addItem(key: string, item: StoredItem): Promise<void>;
}

const fileSchema = z.object({
  version: z.literal(1),
  feeds: z.record(z.string(), feedStateSchema),
  items: z.record(z.string(), storedItemSchema),
});

export const FEED_STATE_FILE = "feeds/state.json";

export async function openFileFeedState(dataDir: string, log: Logger, now: () => Date = () => new Date()): Promise<FeedStateStore> {
  const path = join(dataDir, FEED_STATE_FILE);
  let data: z.infer<typeof fileSchema> = { version: 1, feeds: {}, items: {} };
  const text = await readTextIfExists(path);
  if (text !== null) {
    const parsed = (() => {
      try {
        return fileSchema.safeParse(JSON.parse(text));
      } catch {
        return null;
      }
    })();
    if (parsed?.success) data = parsed.data;
    else {
      const aside = await setAsideCorrupt(path, now());
      log.warn("feed state file unreadable: set aside, starting afresh (stored items are not fetched again)", { file: path, aside });
    }
  }
  const queue = createWriteQueue();
  const save = () => queue(() => writeFileAtomic(path, JSON.stringify(data)));
  return {
    getFeed: async (url) => ({ ...(data.feeds[url] ?? emptyFeedState()) }),
    async putFeed(url, state) {
      data.feeds[url] = state;
      await save();
    },
    hasItem: async (key) => Object.hasOwn(data.items, key),
    async addItem(key, item) {
      data.items[key] = item;
      await save();
    },
  };
}
