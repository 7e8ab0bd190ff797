/** What `dateline db status` reports: the schema, the replicas seen, the roles held, the corpus, the digests. */
import type { Pool } from "pg";
import type { CorpusProblem } from "../corpus/types.js";
import { HEARTBEAT_MS } from "./postgres.js";
import { MIGRATIONS, pendingMigrations } from "./migrations.js";

/** A replica whose heartbeat is older than this is reported as gone. */
export const REPLICA_GONE_MS = 3 * HEARTBEAT_MS;

export interface DbStatus {
  schema: { current: number; latest: number; pending: string[] };
  replicas: Array<{ id: string; host: string; pid: number; startedAt: string; heartbeatAt: string; live: boolean; roles: string[] }>;
  /** Roles held now, from the server's advisory locks (the holder named when its replica row tells). */
  roles: Array<{ role: string; holder: string | null }>;
  corpus: { documents: number; baselineDocuments: number };
  /** The corpus stored for the replicas (migration 2): articles, the latest version, each replica's index. */
  storedCorpus: {
    articles: number;
    removed: number;
    version: number;
    indexes: Array<{ replica: string; host: string; fingerprint: string; corpusVersion: number; articles: number; fromSnapshot: boolean; builtAt: string; live: boolean }>;
    /** What the ingest holder's reading of the files found wrong (migration 3), with the version that stored it. */
    problems: Array<{ file: string; line?: number; severity: "warning" | "error"; message: string; version: number }>;
  };
  subscriptions: number;
  lastDigests: Array<{ platform: string; channel: string; day: string; status: string; postedAt: string | null }>;
}

const KNOWN_ROLES = ["ingest"];

export async function dbStatus(pool: Pool): Promise<DbStatus> {
  const pending = await pendingMigrations(pool);
  const latest = Math.max(...MIGRATIONS.map((m) => m.id));
  const current = Math.max(0, ...MIGRATIONS.filter((m) => !pending.includes(m)).map((m) => m.id));
  const status: DbStatus = {
    schema: { current, latest, pending: pending.map((m) => `${m.id}-${m.name}`) },
    replicas: [],
    roles: [],
    corpus: { documents: 0, baselineDocuments: 0 },
    storedCorpus: { articles: 0, removed: 0, version: 0, indexes: [], problems: [] },
    subscriptions: 0,
    lastDigests: [],
  };
  if (current === 0) return status;

  const replicas = await pool.query<{ id: string; host: string; pid: number; started_at: Date; heartbeat_at: Date; roles: string[]; live: boolean }>(
    `SELECT id, host, pid, started_at, heartbeat_at, roles,
            stopped_at IS NULL AND heartbeat_at > now() - make_interval(secs => $1) AS live
       FROM replicas WHERE stopped_at IS NULL AND heartbeat_at > now() - interval '1 day' ORDER BY started_at`,
    [REPLICA_GONE_MS / 1000],
  );
  status.replicas = replicas.rows.map((r) => ({
    id: r.id,
    host: r.host,
    pid: r.pid,
    startedAt: r.started_at.toISOString(),
    heartbeatAt: r.heartbeat_at.toISOString(),
    live: r.live,
    roles: r.roles,
  }));
  for (const role of KNOWN_ROLES) {
    // Whether the role's advisory lock is held right now, by any session of this database.
    const held = await pool.query<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND ((classid::bigint << 32) | objid::bigint) = hashtextextended('dateline role ' || $1, 0)) AS held`,
      [role],
    );
    if (held.rows[0]?.held) status.roles.push({ role, holder: status.replicas.find((r) => r.live && r.roles.includes(role))?.id ?? null });
  }
  const corpus = await pool.query<{ documents: number; baseline: number }>(
    "SELECT count(*)::int AS documents, count(*) FILTER (WHERE baseline)::int AS baseline FROM first_seen",
  );
  status.corpus = { documents: corpus.rows[0]?.documents ?? 0, baselineDocuments: corpus.rows[0]?.baseline ?? 0 };
  if (current >= 2) status.storedCorpus = await storedCorpusStatus(pool, status.replicas, current >= 3);
  const subs = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM digest_subscriptions");
  status.subscriptions = subs.rows[0]?.n ?? 0;
  const last = await pool.query<{ platform: string; channel: string; day: string; status: string; posted_at: string | null }>(
    `SELECT DISTINCT ON (platform, channel) platform, channel, day, status, entry->>'postedAt' AS posted_at
       FROM digest_ledger WHERE status IN ('sent', 'sending', 'presumed') ORDER BY platform, channel, day DESC`,
  );
  status.lastDigests = last.rows.map((r) => ({ platform: r.platform, channel: r.channel, day: r.day, status: r.status, postedAt: r.posted_at }));
  return status;
}

async function storedCorpusStatus(pool: Pool, replicas: DbStatus["replicas"], withProblems: boolean): Promise<DbStatus["storedCorpus"]> {
  const counts = await pool.query<{ articles: number; removed: number; version: string | null }>(
    `SELECT count(*) FILTER (WHERE NOT removed)::int AS articles, count(*) FILTER (WHERE removed)::int AS removed,
            ${withProblems ? "greatest(max(version), (SELECT max(version) FROM corpus_problems))" : "max(version)"}::text AS version
       FROM corpus_articles`,
  );
  const problems = withProblems
    ? await pool.query<{ problem: CorpusProblem; version: string }>(
        `SELECT p.problem, c.version::text AS version FROM corpus_problems c, jsonb_array_elements(c.problems) AS p(problem) ORDER BY c.file COLLATE "C"`,
      )
    : { rows: [] };
  const indexes = await pool.query<{ replica: string; host: string; fingerprint: string; corpus_version: string; articles: number; from_snapshot: boolean; built_at: Date }>(
    "SELECT replica, host, fingerprint, corpus_version::text AS corpus_version, articles, from_snapshot, built_at FROM index_snapshots ORDER BY built_at DESC",
  );
  const live = new Set(replicas.filter((r) => r.live).map((r) => r.id));
  return {
    articles: counts.rows[0]?.articles ?? 0,
    removed: counts.rows[0]?.removed ?? 0,
    version: Number(counts.rows[0]?.version ?? 0),
    indexes: indexes.rows.map((r) => ({
      replica: r.replica,
      host: r.host,
      fingerprint: r.fingerprint,
      corpusVersion: Number(r.corpus_version),
      articles: r.articles,
      fromSnapshot: r.from_snapshot,
      builtAt: r.built_at.toISOString(),
      live: live.has(r.replica),
    })),
    problems: problems.rows.map((r) => ({
      file: r.problem.file,
      ...(r.problem.line === undefined ? {} : { line: r.problem.line }),
      severity: r.problem.severity,
      message: r.problem.message,
      version: Number(r.version),
    })),
  };
}
