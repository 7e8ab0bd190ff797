/**
 * The PostgreSQL schema, as numbered migrations. Each runs once, in order; a new change is a new entry at the end
 * (an applied migration is never edited). `migrate` applies the pending ones in one transaction under a
 * transaction-level advisory lock, so that replicas starting together migrate once and the others wait for it.
 */
import type { Pool, PoolClient } from "pg";

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: "state",
    sql: `
      CREATE TABLE dateline_meta (key text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE digest_subscriptions (
        platform text NOT NULL, channel text NOT NULL, time text NOT NULL, zone text NOT NULL,
        created_at text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (platform, channel));
      -- One row per channel and local day: the claim (status 'sending'), then its outcome.
      CREATE TABLE digest_ledger (
        platform text NOT NULL, channel text NOT NULL, day text NOT NULL,
        status text NOT NULL, entry jsonb NOT NULL, intent_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 1, claimed_by text,
        PRIMARY KEY (platform, channel, day));
      CREATE TABLE first_seen (doc text PRIMARY KEY, at text NOT NULL, baseline boolean NOT NULL);
      CREATE TABLE feed_state (url text PRIMARY KEY, state jsonb NOT NULL);
      CREATE TABLE feed_items (key text PRIMARY KEY, item jsonb NOT NULL);
      CREATE TABLE replicas (
        id text PRIMARY KEY, host text NOT NULL, pid integer NOT NULL, started_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL, roles text[] NOT NULL DEFAULT '{}', stopped_at timestamptz);
    `,
  },
  {
    id: 2,
    name: "corpus",
    sql: `
      -- Every change to the stored corpus takes the next version; a replica applies the changes above the version
      -- it has. A removed article stays as a row marked removed (with its version), so that the removal is seen.
      CREATE SEQUENCE corpus_version;
      CREATE TABLE corpus_articles (
        id text PRIMARY KEY,
        -- The corpus file it was read from (relative to the corpus folder), or its feed document.
        file text NOT NULL,
        text text NOT NULL,
        -- The Article without its text (title, outlet, dates, paragraphs, source, origin).
        metadata jsonb NOT NULL,
        -- sha256 of the article (text and metadata): a change of content is a change of hash.
        hash text NOT NULL,
        version bigint NOT NULL,
        removed boolean NOT NULL DEFAULT false,
        stored_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX corpus_articles_version ON corpus_articles (version);
      CREATE INDEX corpus_articles_file ON corpus_articles (file);
      -- Each replica's in-memory index: the stored corpus it was built from (or loaded from its snapshot for).
      CREATE TABLE index_snapshots (
        replica text PRIMARY KEY, host text NOT NULL, fingerprint text NOT NULL, corpus_version bigint NOT NULL,
        articles integer NOT NULL, from_snapshot boolean NOT NULL, built_at timestamptz NOT NULL DEFAULT now());
    `,
  },
  {
    id: 3,
    name: "corpus-problems",
    sql: `
      -- What reading each corpus file found wrong (a file or record skipped, a warning), as the ingest role's holder
      -- read it, stored with the corpus version that brought it, so that every replica can report it. One row per
      -- file that had problems; a file fixed keeps its row with no problems (and a new version), so that followers
      -- see the problem go.
      CREATE TABLE corpus_problems (
        file text PRIMARY KEY,
        problems jsonb NOT NULL,
        version bigint NOT NULL);
      CREATE INDEX corpus_problems_version ON corpus_problems (version);
    `,
  },
];

/** The advisory lock key under which migrations run (any constant shared by every replica). */
const MIGRATION_LOCK = 0x64617465; // "date"

export interface MigrationReport {
  applied: Migration[];
  current: number;
}

/** Applies the pending migrations; returns those applied by this call. */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = await appliedIds(client);
    const applied: Migration[] = [];
    for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(m.id)) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO schema_migrations (id, name) VALUES ($1, $2)", [m.id, m.name]);
      applied.push(m);
    }
    await client.query("COMMIT");
    return { applied, current: Math.max(0, ...done, ...applied.map((m) => m.id)) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The migrations not applied yet (none when the schema is current). */
export async function pendingMigrations(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<Migration[]> {
  const client = await pool.connect();
  try {
    const exists = await client.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
    const done = exists.rows[0]?.present ? await appliedIds(client) : new Set<number>();
    return migrations.filter((m) => !done.has(m.id));
  } finally {
    client.release();
  }
}

async function appliedIds(client: PoolClient): Promise<Set<number>> {
  const rows = await client.query<{ id: number }>("SELECT id FROM schema_migrations");
  return new Set(rows.rows.map((r) => r.id));
}
