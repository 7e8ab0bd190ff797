/**
 * First-seen times for a one-off command (`dateline digest`, `ask`, ...) with DATABASE_URL: read from the shared
 * database at open, never written (the replicas are its writers), the connection closed at once.
 */
import type { Logger } from "../core/log.js";
import type { FirstSeenStore } from "../corpus/first-seen.js";
import { connectPool } from "./connection.js";
import { pendingMigrations } from "./migrations.js";
import { loadPgFirstSeen } from "./pg-first-seen.js";

export async function readSharedFirstSeen(url: string, log: Logger): Promise<FirstSeenStore> {
  const pool = await connectPool(url, log, { max: 1 });
  try {
    if ((await pendingMigrations(pool)).length > 0) throw new Error("the database's schema is not current: run dateline db migrate (or start a bot)");
    const store = await loadPgFirstSeen(pool, log);
    return {
      get: (doc) => store.get(doc),
      get hasBaseline() {
        return store.hasBaseline;
      },
      takeBaseline: (docs, now) => store.takeBaseline(docs, now),
      mark: (doc, now) => store.mark(doc, now),
      get size() {
        return store.size;
      },
      save: async () => undefined,
    };
  } finally {
    await pool.end();
  }
}
