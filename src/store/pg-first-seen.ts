/**
 * First-seen times and the baseline in PostgreSQL. Loaded whole at open (the digest asks for them synchronously);
 * `save()` writes the entries added since, and the earliest time any replica recorded wins: an entry already in
 * the database is kept and read back into memory.
 */
import type { Pool } from "pg";
import type { Logger } from "../core/log.js";
import { FirstSeenTimes, type FirstSeenEntry, type FirstSeenStore } from "../corpus/first-seen.js";
import { withRetry } from "./connection.js";

const BASELINE_KEY = "first_seen_baseline";

export async function loadPgFirstSeen(pool: Pool, log: Logger): Promise<FirstSeenStore> {
  const docs = new Map<string, FirstSeenEntry>();
  const rows = await pool.query<{ doc: string; at: string; baseline: boolean }>("SELECT doc, at, baseline FROM first_seen");
  for (const r of rows.rows) docs.set(r.doc, { at: r.at, baseline: r.baseline });
  const meta = await pool.query("SELECT 1 FROM dateline_meta WHERE key = $1", [BASELINE_KEY]);
  const hasBaseline = (meta.rowCount ?? 0) > 0;
  let baselineUnsaved = false;
  let unsaved = new Set<string>();
  let saving: Promise<void> = Promise.resolve();

  async function write(): Promise<void> {
    if (unsaved.size === 0 && !baselineUnsaved) return;
    const batch = [...unsaved];
    const withBaseline = baselineUnsaved;
    unsaved = new Set();
    baselineUnsaved = false;
    try {
      await withRetry("first-seen times", log, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          for (let i = 0; i < batch.length; i += 5000) {
            const part = batch.slice(i, i + 5000);
            const entries = part.map((d) => docs.get(d)!);
            // DO UPDATE with no change returns the row already there: the first replica's time wins everywhere.
            const kept = await client.query<{ doc: string; at: string; baseline: boolean }>(
              `INSERT INTO first_seen (doc, at, baseline) SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[])
               ON CONFLICT (doc) DO UPDATE SET doc = first_seen.doc RETURNING doc, at, baseline`,
              [part, entries.map((e) => e.at), entries.map((e) => e.baseline)],
            );
            for (const r of kept.rows) docs.set(r.doc, { at: r.at, baseline: r.baseline });
          }
          if (withBaseline) {
            await client.query("INSERT INTO dateline_meta (key, value) VALUES ($1, now()::text) ON CONFLICT (key) DO NOTHING", [BASELINE_KEY]);
          }
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      });
    } catch (error) {
      for (const d of batch) unsaved.add(d);
      baselineUnsaved ||= withBaseline;
      throw error;
    }
  }

  const times = new FirstSeenTimes(docs, hasBaseline, (doc) => {
    if (doc === null) baselineUnsaved = true;
    else unsaved.add(doc);
  });
  return {
    get: (doc) => times.get(doc),
    get hasBaseline() {
      return times.hasBaseline;
    },
    takeBaseline: (ids, now) => times.takeBaseline(ids, now),
    mark: (doc, now) => times.mark(doc, now),
    get size() {
      return times.size;
    },
    save() {
      const next = saving.then(write, write);
      saving = next.catch(() => undefined);
      return next;
    },
  };
}
