/**
 * The digest ledger in PostgreSQL, shared by every replica: one row per channel and local day. A replica claims a
 * digest by inserting its row (status "sending"); the primary key makes the insert succeed for one replica only.
 * The outcome (sent, failed) is written over the claim. A claim left "sending" by a replica that died is taken
 * over once, by the same statement, when it is older than the caller's `staleBefore`.
 */
import type { Pool } from "pg";
import type { Logger } from "../core/log.js";
import { findEntry, lastPostedEntry, ledgerEntrySchema, type Ledger, type LedgerEntry } from "../digest/ledger.js";
import { withRetry } from "./connection.js";

export async function openPgLedger(pool: Pool, log: Logger, replicaId: string): Promise<Ledger> {
  let entries: LedgerEntry[] = [];
  const key = (e: Pick<LedgerEntry, "platform" | "channel" | "day">) => `${e.platform}\u0000${e.channel}\u0000${e.day}`;

  function remember(entry: LedgerEntry): void {
    entries = [...entries.filter((e) => key(e) !== key(entry)), entry];
  }

  async function refresh(): Promise<void> {
    const rows = await pool.query<{ entry: unknown }>("SELECT entry FROM digest_ledger");
    entries = rows.rows.flatMap((r) => {
      const parsed = ledgerEntrySchema.safeParse(r.entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  await refresh();
  return {
    get entries() {
      return entries;
    },
    wasDamaged: false,
    shared: true,
    refresh,
    find: (platform, channel, day) => findEntry(entries, platform, channel, day),
    lastPosted: (platform, channel) => lastPostedEntry(entries, platform, channel),
    async claim(entry, staleBefore) {
      const checked = ledgerEntrySchema.parse({ ...entry, status: "sending" });
      const claimed = await withRetry("digest claim", log, () =>
        pool.query(
          `INSERT INTO digest_ledger (platform, channel, day, status, entry, intent_at, attempts, claimed_by)
           VALUES ($1, $2, $3, 'sending', $4, $5, 1, $6)
           ON CONFLICT (platform, channel, day) DO UPDATE
             SET entry = jsonb_set(excluded.entry, '{attempts}', to_jsonb(digest_ledger.attempts + 1)),
                 intent_at = excluded.intent_at, attempts = digest_ledger.attempts + 1, claimed_by = excluded.claimed_by
             WHERE digest_ledger.status = 'sending' AND digest_ledger.attempts < 2 AND digest_ledger.intent_at < $7
           RETURNING entry`,
          [checked.platform, checked.channel, checked.day, JSON.stringify(checked), checked.intentAt, replicaId, staleBefore.toISOString()],
        ),
      );
      const row = claimed.rows[0] as { entry: unknown } | undefined;
      if (!row) {
        // Another replica holds it: read its entry so that `find` agrees until the next refresh.
        const theirs = await pool.query<{ entry: unknown }>(
          "SELECT entry FROM digest_ledger WHERE platform = $1 AND channel = $2 AND day = $3",
          [checked.platform, checked.channel, checked.day],
        );
        const parsed = ledgerEntrySchema.safeParse(theirs.rows[0]?.entry);
        if (parsed.success) remember(parsed.data);
        return false;
      }
      remember(ledgerEntrySchema.parse(row.entry));
      return true;
    },
    async record(entry) {
      const checked = ledgerEntrySchema.parse(entry);
      await withRetry("digest ledger", log, () =>
        pool.query(
          `INSERT INTO digest_ledger (platform, channel, day, status, entry, intent_at, attempts, claimed_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (platform, channel, day) DO UPDATE
             SET status = excluded.status, entry = excluded.entry, intent_at = excluded.intent_at`,
          [checked.platform, checked.channel, checked.day, checked.status, JSON.stringify(checked), checked.intentAt, checked.attempts ?? 1, replicaId],
        ),
      );
      remember(checked);
    },
  };
}
