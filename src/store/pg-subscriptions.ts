/** Digest subscriptions in PostgreSQL: one row per channel. Read from the database, the last list kept in memory. */
import type { Pool } from "pg";
import type { Logger } from "../core/log.js";
import { subscriptionSchema, type Subscription, type SubscriptionStore } from "../digest/subscriptions.js";
import { isConnectionError, withRetry } from "./connection.js";

interface Row {
  platform: string;
  channel: string;
  time: string;
  zone: string;
  created_at: string;
}

export function pgSubscriptions(pool: Pool, log: Logger): SubscriptionStore {
  // The last list read: while the database cannot be reached, it is what the scheduler and /digest see.
  let known: Subscription[] = [];

  async function list(): Promise<Subscription[]> {
    try {
      const rows = await pool.query<Row>("SELECT platform, channel, time, zone, created_at FROM digest_subscriptions ORDER BY platform, channel");
      known = rows.rows.flatMap((r) => {
        const parsed = subscriptionSchema.safeParse({ platform: r.platform, channel: r.channel, time: r.time, zone: r.zone, createdAt: r.created_at });
        if (!parsed.success) log.warn("skipping an invalid digest subscription", { row: r, problem: parsed.error.issues[0]?.message });
        return parsed.success ? [parsed.data] : [];
      });
      return known;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      log.warn("database unreachable; digest subscriptions answered from memory", { err: (error as Error).message });
      return known;
    }
  }

  return {
    list,
    async get(platform, channel) {
      return (await list()).find((s) => s.platform === platform && s.channel === channel) ?? null;
    },
    async subscribe(input, now) {
      const s = subscriptionSchema.parse({ ...input, createdAt: now.toISOString() });
      await withRetry("digest subscription", log, () =>
        pool.query(
          `INSERT INTO digest_subscriptions (platform, channel, time, zone, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (platform, channel) DO UPDATE SET time = excluded.time, zone = excluded.zone,
             created_at = excluded.created_at, updated_at = now()`,
          [s.platform, s.channel, s.time, s.zone, s.createdAt],
        ),
      );
      known = [...known.filter((k) => k.platform !== s.platform || k.channel !== s.channel), s];
      return s;
    },
    async unsubscribe(platform, channel) {
      const result = await withRetry("digest unsubscription", log, () =>
        pool.query("DELETE FROM digest_subscriptions WHERE platform = $1 AND channel = $2", [platform, channel]),
      );
      known = known.filter((k) => k.platform !== platform || k.channel !== channel);
      return (result.rowCount ?? 0) > 0;
    },
  };
}
