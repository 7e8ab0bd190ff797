/**
 * What the /digest command needs besides the newsroom: the subscription store and the ledger (read-only).
 * The bot provides it as `services.digest` when it runs with a data folder.
 */
import { join } from "node:path";
import type { Platform } from "../core/command.js";
import type { Logger } from "../core/log.js";
import type { FeedReport } from "../feeds/poller.js";
import { readTextIfExists } from "../state-file.js";
import { LEDGER_FILE, parseLedger, type Ledger, type LedgerEntry } from "./ledger.js";
import { openSubscriptions, type SubscriptionStore } from "./subscriptions.js";

export interface DigestServices {
  subscriptions: SubscriptionStore;
  /** The channel's latest digest that was (or may have been) posted, from the ledger. */
  lastPosted(platform: Platform, channel: string): Promise<LedgerEntry | null>;
  /** Whether a scheduler posts digests on this platform in this run (for /digest status). */
  postsOn(platform: Platform): boolean;
  /** The feeds' health (DATELINE_FEEDS), when the bot polls feeds. */
  feeds?(): FeedReport[];
}

export function createDigestServices(options: {
  dataDir: string;
  log: Logger;
  /** Platforms whose adapter is running with the scheduler. */
  platforms: readonly Platform[];
  subscriptions?: SubscriptionStore;
  /** The ledger shared by replicas (PostgreSQL); by default the data folder's file is read on each call. */
  ledger?: () => Promise<Ledger>;
  feeds?: () => FeedReport[];
}): DigestServices {
  const subscriptions = options.subscriptions ?? openSubscriptions(options.dataDir, options.log);
  return {
    subscriptions,
    postsOn: (platform) => options.platforms.includes(platform),
    ...(options.feeds ? { feeds: options.feeds } : {}),
    async lastPosted(platform, channel) {
      if (options.ledger) {
        const book = await options.ledger();
        await book.refresh();
        return book.lastPosted(platform, channel);
      }
      const text = await readTextIfExists(join(options.dataDir, LEDGER_FILE));
      if (text === null) return null;
      let last: LedgerEntry | null = null;
      for (const e of parseLedger(text).entries) {
        if (e.platform !== platform || e.channel !== channel || e.status === "failed") continue;
        if (!last || e.to > last.to) last = e;
      }
      return last;
    },
  };
}
