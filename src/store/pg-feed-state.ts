/** The feed poller's state in PostgreSQL: each feed's validators and health, and the items stored. */
import type { Pool } from "pg";
import type { Logger } from "../core/log.js";
import { emptyFeedState, feedStateSchema, type FeedStateStore } from "../feeds/state.js";
import { withRetry } from "./connection.js";

export function pgFeedState(pool: Pool, log: Logger): FeedStateStore {
  return {
    async getFeed(url) {
      const rows = await pool.query<{ state: unknown }>("SELECT state FROM feed_state WHERE url = $1", [url]);
      const parsed = feedStateSchema.safeParse(rows.rows[0]?.state);
      return parsed.success ? parsed.data : emptyFeedState();
    },
    async putFeed(url, state) {
      await withRetry("feed state", log, () =>
        pool.query("INSERT INTO feed_state (url, state) VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET state = excluded.state", [url, JSON.stringify(state)]),
      );
    },
    async hasItem(key) {
      const rows = await pool.query("SELECT 1 FROM feed_items WHERE key = $1", [key]);
      return (rows.rowCount ?? 0) > 0;
    },
    async addItem(key, item) {
      await withRetry("feed item", log, () =>
        pool.query("INSERT INTO feed_items (key, item) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET item = excluded.item", [key, JSON.stringify(item)]),
      );
    },
  };
}
