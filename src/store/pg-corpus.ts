/**
 * The stored corpus in PostgreSQL (`corpus_articles`): the articles every replica of one newsroom indexes, written
 * by the ingest role's holder. Each write takes the next `corpus_version`; a replica reads the changes above the
 * version it holds. Removed articles stay as rows marked removed, so that a replica catching up sees the removal.
 */
import { createHash } from "node:crypto";
import type { Pool } from "pg";
import { articleFields } from "../corpus/same-article.js";
import type { Article, CorpusProblem } from "../corpus/types.js";

/** The channel on which the ingest holder tells the replicas that the stored corpus changed (payload: its version). */
export const CORPUS_CHANNEL = "dateline_corpus";

/** Writes take this transaction-level advisory lock, so that versions become visible in the order they are taken. */
const CORPUS_WRITE_LOCK = 0x636f7270; // "corp"

export interface StoredCorpus {
  articles: Article[];
  /** What reading the files found wrong, as the ingest role's holder read them. */
  problems: CorpusProblem[];
  /** The highest version applied (0: nothing was ever stored). */
  version: number;
  /** Equal fingerprints mean the same stored articles (ids and contents). */
  fingerprint: string;
}

/** One file's problems as read now (none: the file was fixed or removed). */
export interface FileProblems {
  file: string;
  problems: CorpusProblem[];
}

export interface StoredChanges {
  removed: string[];
  upserted: Article[];
  /** Files whose problems changed: their problems now replace those held. */
  problems: FileProblems[];
  /** The version these changes bring a replica to. */
  version: number;
}

/** What one stored article is: its id and content hash, and the file it came from. */
export interface StoredEntry {
  id: string;
  hash: string;
  file: string;
}

/** sha256 of the article as stored (text and every field): equal hashes mean an equal article. */
export function articleHash(article: Article): string {
  return createHash("sha256").update(JSON.stringify(articleFields(article))).update("\0").update(article.text).digest("hex");
}

function articleOf(text: string, metadata: Omit<Article, "text">): Article {
  return { ...metadata, text };
}

/** The fingerprint of the stored corpus: a hash over every live article's id and content hash, in id order. */
const FINGERPRINT_SQL = `SELECT coalesce(encode(sha256(convert_to(string_agg(id || ':' || hash, E'\\n' ORDER BY id COLLATE "C"), 'UTF8')), 'hex'), '') AS fingerprint
  FROM corpus_articles WHERE NOT removed`;

/** The highest version stored, by an article or a file's problems. */
const LATEST_VERSION_SQL = `SELECT greatest((SELECT max(version) FROM corpus_articles), (SELECT max(version) FROM corpus_problems))::text AS version`;

/** Every live stored article, with the version and fingerprint they make (read in one snapshot of the database). */
export async function loadStoredCorpus(pool: Pool): Promise<StoredCorpus> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const version = await client.query<{ version: string | null }>(LATEST_VERSION_SQL);
    const fingerprint = await client.query<{ fingerprint: string }>(FINGERPRINT_SQL);
    const rows = await client.query<{ text: string; metadata: Omit<Article, "text"> }>(
      `SELECT text, metadata FROM corpus_articles WHERE NOT removed ORDER BY id COLLATE "C"`,
    );
    const problems = await client.query<{ problems: CorpusProblem[] }>(`SELECT problems FROM corpus_problems ORDER BY file COLLATE "C"`);
    await client.query("COMMIT");
    return {
      articles: rows.rows.map((r) => articleOf(r.text, r.metadata)),
      problems: problems.rows.flatMap((r) => r.problems),
      version: Number(version.rows[0]?.version ?? 0),
      fingerprint: `stored:${fingerprint.rows[0]?.fingerprint ?? ""}`,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The changes stored after `version` (an article changed twice is given once, as it is now). */
export async function changesSince(pool: Pool, version: number): Promise<StoredChanges> {
  const client = await pool.connect();
  try {
    // One snapshot of the database: the articles and the problems of the same versions.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const rows = await client.query<{ id: string; text: string; metadata: Omit<Article, "text">; removed: boolean; version: string }>(
      "SELECT id, text, metadata, removed, version::text AS version FROM corpus_articles WHERE version > $1 ORDER BY version",
      [version],
    );
    const problemRows = await client.query<{ file: string; problems: CorpusProblem[]; version: string }>(
      "SELECT file, problems, version::text AS version FROM corpus_problems WHERE version > $1 ORDER BY version, file",
      [version],
    );
    await client.query("COMMIT");
    const removed: string[] = [];
    const upserted: Article[] = [];
    let latest = version;
    for (const r of rows.rows) {
      latest = Math.max(latest, Number(r.version));
      if (r.removed) removed.push(r.id);
      else upserted.push(articleOf(r.text, r.metadata));
    }
    for (const r of problemRows.rows) latest = Math.max(latest, Number(r.version));
    return { removed, upserted, problems: problemRows.rows.map((r) => ({ file: r.file, problems: r.problems })), version: latest };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The highest version stored: a follower compares it with its own before reading any change. */
export async function latestVersion(pool: Pool): Promise<number> {
  const rows = await pool.query<{ version: string | null }>(LATEST_VERSION_SQL);
  return Number(rows.rows[0]?.version ?? 0);
}

/** The problems stored per file (files with none left out). */
export async function storedProblems(pool: Pool, files?: readonly string[]): Promise<Map<string, CorpusProblem[]>> {
  const rows = files
    ? await pool.query<FileProblems>("SELECT file, problems FROM corpus_problems WHERE jsonb_array_length(problems) > 0 AND file = ANY($1)", [files])
    : await pool.query<FileProblems>("SELECT file, problems FROM corpus_problems WHERE jsonb_array_length(problems) > 0");
  return new Map(rows.rows.map((r) => [r.file, r.problems]));
}

/** The live stored entries, all of them or those of some files. */
export async function storedEntries(pool: Pool, files?: readonly string[]): Promise<StoredEntry[]> {
  const rows = files
    ? await pool.query<StoredEntry>("SELECT id, hash, file FROM corpus_articles WHERE NOT removed AND file = ANY($1)", [files])
    : await pool.query<StoredEntry>("SELECT id, hash, file FROM corpus_articles WHERE NOT removed");
  return rows.rows;
}

export interface CorpusWrite {
  /** Articles new or changed, each with the file it was read from. */
  upserted: Array<{ article: Article; file: string }>;
  /** Ids of articles no longer in the corpus. */
  removed: string[];
  /** Files whose problems changed (none: fixed or gone), stored with the same version. */
  problems?: FileProblems[];
}

/**
 * Stores a change in one transaction under the write lock: each row written takes the same new version; then
 * NOTIFY (sent at commit) tells every replica. Returns the new version, or null when there was nothing to write.
 */
export async function writeCorpusChanges(pool: Pool, change: CorpusWrite): Promise<number | null> {
  const problems = change.problems ?? [];
  if (change.upserted.length === 0 && change.removed.length === 0 && problems.length === 0) return null;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [CORPUS_WRITE_LOCK]);
    const next = await client.query<{ v: string }>("SELECT nextval('corpus_version')::text AS v");
    const version = Number(next.rows[0]!.v);
    // In batches: a first ingest can be a whole archive.
    for (let i = 0; i < change.upserted.length; i += 500) {
      const batch = change.upserted.slice(i, i + 500);
      await client.query(
        `INSERT INTO corpus_articles (id, file, text, metadata, hash, version, removed, stored_at)
           SELECT id, file, text, metadata, hash, $5, false, now()
             FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $6::text[]) AS t(id, file, text, metadata, hash)
         ON CONFLICT (id) DO UPDATE SET file = EXCLUDED.file, text = EXCLUDED.text, metadata = EXCLUDED.metadata,
           hash = EXCLUDED.hash, version = EXCLUDED.version, removed = false, stored_at = now()`,
        [
          batch.map((u) => u.article.id),
          batch.map((u) => u.file),
          batch.map((u) => u.article.text),
          batch.map((u) => JSON.stringify(articleFields(u.article))),
          version,
          batch.map((u) => articleHash(u.article)),
        ],
      );
    }
    if (change.removed.length > 0) {
      await client.query(
        "UPDATE corpus_articles SET removed = true, text = '', version = $2, stored_at = now() WHERE id = ANY($1) AND NOT removed",
        [change.removed, version],
      );
    }
    if (problems.length > 0) {
      await client.query(
        `INSERT INTO corpus_problems (file, problems, version)
           SELECT file, problems, $3 FROM unnest($1::text[], $2::jsonb[]) AS t(file, problems)
         ON CONFLICT (file) DO UPDATE SET problems = EXCLUDED.problems, version = EXCLUDED.version`,
        [problems.map((p) => p.file), problems.map((p) => JSON.stringify(p.problems)), version],
      );
    }
    await client.query("SELECT pg_notify($1, $2)", [CORPUS_CHANNEL, String(version)]);
    await client.query("COMMIT");
    return version;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Marks that the corpus folder was stored once (replicas starting on an empty store wait for it). */
export async function markIngested(pool: Pool): Promise<void> {
  await pool.query(
    "INSERT INTO dateline_meta (key, value) VALUES ('corpus_ingested_at', now()::text) ON CONFLICT (key) DO NOTHING",
  );
}

export async function wasIngested(pool: Pool): Promise<boolean> {
  const rows = await pool.query("SELECT 1 FROM dateline_meta WHERE key = 'corpus_ingested_at'");
  return rows.rowCount !== null && rows.rowCount > 0;
}

export interface IndexSnapshotRecord {
  replica: string;
  host: string;
  fingerprint: string;
  corpusVersion: number;
  articles: number;
  fromSnapshot: boolean;
}

/** Records which stored corpus a replica's in-memory index holds (for `dateline db status`). */
export async function recordIndexSnapshot(pool: Pool, r: IndexSnapshotRecord): Promise<void> {
  await pool.query(
    `INSERT INTO index_snapshots (replica, host, fingerprint, corpus_version, articles, from_snapshot, built_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (replica) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, corpus_version = EXCLUDED.corpus_version,
       articles = EXCLUDED.articles, from_snapshot = EXCLUDED.from_snapshot, built_at = now()`,
    [r.replica, r.host, r.fingerprint, r.corpusVersion, r.articles, r.fromSnapshot],
  );
}
