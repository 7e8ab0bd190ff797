/**
 * `npm run scaling`: PostgreSQL full-text search beside the in-memory passage index, for docs/scaling.md (an archive
 * larger than one machine's memory). Two parts:
 *
 * - ranking: the judged collections of `npm run eval -- --only search` (CISI, MED, CRAN of ../shared/corpora/ir,
 *   and our judged news queries over bbc, reuters and polnear): nDCG@10 and recall@100 of the passage index and of
 *   PostgreSQL (`tsvector` 'english', title weighted A, the query's words OR-ed, `ts_rank` normalised by length,
 *   an article ranked by its best passage);
 * - scale: the bench's corpus replicated to `--passages` (default 1,000,000) passages, loaded into a table
 *   partitioned by month of publication with a GIN index; load and index time, index size, and the latency of the
 *   bench's /sources queries (top 10), all months and one year, beside the in-memory index built on the same passages.
 *
 * Needs DATABASE_URL (a server where `dateline_scaling_<pid>` may be created; dropped afterwards) and ../shared
 * (skipped with a message without either). Options: --passages N, --only ranking|scale, --repetitions N.
 * Run with a large heap: `node --max-old-space-size=8192 dist/scripts/scaling-pg.js`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadBenchCorpus, defaultCorpusLocations } from "../bench/corpora.js";
import { BENCH_QUERIES } from "../bench/queries.js";
import { indexedParagraphs } from "../bench/replicate.js";
import { summarize } from "../bench/stats.js";
import type { Article } from "../src/corpus/types.js";
import { packageRoot } from "../src/paths.js";
import { PassageIndex } from "../src/search/source-index.js";
import { datelineRanker, irCollection, measure, newsArticles, newsQueries, type Collection, type Figures } from "./eval-search.js";

const BATCH = 5000;

/** One row per indexed paragraph, and one for the title (n = 0, weight A). */
interface Row {
  doc: string;
  n: number;
  month: string;
  body: string;
}

function rowsOf(article: Article): Row[] {
  const month = monthOf(article.published);
  const rows: Row[] = [];
  if (article.title) rows.push({ doc: article.id, n: 0, month, body: article.title });
  for (const p of indexedParagraphs(article)) rows.push({ doc: article.id, n: p.n, month, body: article.text.slice(p.start, p.end) });
  return rows;
}

/** The first day of the article's month; undated articles go to one month of their own (1900-01). */
function monthOf(published: string | null): string {
  const m = published ? /^(\d{4})-(\d{2})/.exec(published) : null;
  return m ? `${m[1]}-${m[2]}-01` : "1900-01-01";
}

async function createPassages(db: pg.Client, months: readonly string[]): Promise<void> {
  await db.query(`
    CREATE TABLE passages (doc text NOT NULL, n integer NOT NULL, month date NOT NULL, body text NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', body), CASE WHEN n = 0 THEN 'A'::"char" ELSE 'D'::"char" END)) STORED)
    PARTITION BY RANGE (month)`);
  for (const month of months) {
    const name = `passages_${month.slice(0, 7).replace("-", "_")}`;
    await db.query(`CREATE TABLE ${name} PARTITION OF passages FOR VALUES FROM ('${month}') TO (('${month}'::date + interval '1 month')::date)`);
  }
}

async function insertRows(db: pg.Client, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const b = rows.slice(i, i + BATCH);
    await db.query("INSERT INTO passages (doc, n, month, body) SELECT * FROM unnest($1::text[], $2::int[], $3::date[], $4::text[])", [
      b.map((r) => r.doc),
      b.map((r) => r.n),
      b.map((r) => r.month),
      b.map((r) => r.body),
    ]);
  }
}

/** The query's words OR-ed (plainto_tsquery ANDs them: a long judged query would match nothing). */
const RANK_SQL = (limit: number, months: string) => `
  WITH q AS (SELECT replace(plainto_tsquery('english', $1)::text, '&', '|')::tsquery AS q)
  SELECT doc, max(ts_rank(tsv, q.q, 1)) AS score FROM passages, q
   WHERE tsv @@ q.q ${months}
   GROUP BY doc ORDER BY score DESC, doc LIMIT ${limit}`;

function pgRanker(db: pg.Client): (query: string, depth: number) => Promise<string[]> {
  return async (query, depth) => (await db.query<{ doc: string }>(RANK_SQL(depth, ""), [query])).rows.map((r) => r.doc);
}

async function loadCollection(db: pg.Client, articles: readonly Article[]): Promise<void> {
  await db.query("DROP TABLE IF EXISTS passages");
  const rows = articles.flatMap(rowsOf);
  await createPassages(db, [...new Set(rows.map((r) => r.month))].sort());
  await insertRows(db, rows);
  await db.query("CREATE INDEX passages_tsv ON passages USING gin (tsv)");
  await db.query("ANALYZE passages");
}

/** `measure` over a ranker that asks the database: every query ranked first, then scored as eval-search does. */
async function measureAsync(collection: Collection, rank: (q: string, depth: number) => Promise<string[]>): Promise<Figures> {
  const ranked = new Map<string, string[]>();
  for (const q of collection.queries) if (!ranked.has(q.text)) ranked.set(q.text, await rank(q.text, 100));
  return measure(collection.queries, (query, depth) => (ranked.get(query) ?? []).slice(0, depth));
}

async function ranking(db: pg.Client, corpora: string): Promise<void> {
  const collections: Collection[] = [];
  for (const name of ["cisi", "med", "cran"]) collections.push(await irCollection(join(corpora, "ir"), name));
  collections.push({ name: "news", articles: await newsArticles(corpora), queries: newsQueries(packageRoot()) });
  process.stdout.write("ranking (nDCG@10, recall@100; binary relevance)\n");
  for (const c of collections) {
    const memory = measure(c.queries, datelineRanker(PassageIndex.build(c.articles)));
    await loadCollection(db, c.articles);
    const postgres = await measureAsync(c, pgRanker(db));
    process.stdout.write(
      `  ${c.name.padEnd(5)} ${String(c.queries.length).padStart(3)} queries: in-memory ${memory.ndcg10.toFixed(3)} / ${memory.recall100.toFixed(3)}, ` +
        `PostgreSQL ${postgres.ndcg10.toFixed(3)} / ${postgres.recall100.toFixed(3)}\n`,
    );
  }
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);

async function scale(db: pg.Client, passages: number, repetitions: number): Promise<void> {
  const locations = defaultCorpusLocations(packageRoot())!;
  const bench = await loadBenchCorpus(locations, passages);
  const articles = bench.corpus.articles;
  process.stdout.write(`scale: ${articles.length.toLocaleString("en")} articles, ${bench.passages.toLocaleString("en")} passages\n`);
  const queries = BENCH_QUERIES.filter((q) => q.command === "sources").map((q) => q.text);

  // In memory first (its heap is measured before the rows are made).
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const index = PassageIndex.build(articles);
  const buildMs = performance.now() - t;
  global.gc?.();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const memoryTimes: number[] = [];
  for (const q of queries) index.search({ words: q.split(/\s+/), phrases: [] }, { offset: 0, limit: 10 });
  for (let r = 0; r < repetitions; r++) {
    for (const q of queries) {
      const s = performance.now();
      index.search({ words: q.split(/\s+/), phrases: [] }, { offset: 0, limit: 10 });
      memoryTimes.push(performance.now() - s);
    }
  }
  const mem = summarize(memoryTimes)!;
  process.stdout.write(`  in-memory index: built in ${ms(buildMs)}, heap about ${heapMB.toFixed(0)} MB; /sources top 10 p50 ${ms(mem.p50)}, p99 ${ms(mem.p99)} (${mem.n})\n`);

  // PostgreSQL: partitions by month, rows inserted, then the GIN index built (faster than maintained per row).
  await db.query("DROP TABLE IF EXISTS passages");
  const months = new Set<string>();
  for (const a of articles) months.add(monthOf(a.published));
  await createPassages(db, [...months].sort());
  t = performance.now();
  let rows: Row[] = [];
  let count = 0;
  for (const a of articles) {
    rows.push(...rowsOf(a));
    if (rows.length >= BATCH * 4) {
      await insertRows(db, rows);
      count += rows.length;
      rows = [];
    }
  }
  await insertRows(db, rows);
  count += rows.length;
  const loadMs = performance.now() - t;
  t = performance.now();
  await db.query("SET maintenance_work_mem = '512MB'");
  await db.query("CREATE INDEX passages_tsv ON passages USING gin (tsv)");
  await db.query("ANALYZE passages");
  const indexMs = performance.now() - t;
  const size = await db.query<{ table_mb: number; index_mb: number }>(`
    SELECT sum(pg_table_size(relid)) / 1048576.0 AS table_mb, sum(pg_indexes_size(relid)) / 1048576.0 AS index_mb
      FROM pg_partition_tree('passages') WHERE isleaf`);
  process.stdout.write(
    `  PostgreSQL: ${count.toLocaleString("en")} rows in ${months.size} monthly partitions, inserted in ${ms(loadMs)}, GIN built in ${ms(indexMs)}; ` +
      `table ${Number(size.rows[0]!.table_mb).toFixed(0)} MB (text and tsvector), GIN ${Number(size.rows[0]!.index_mb).toFixed(0)} MB\n`,
  );
  // One recent year of the archive (partition pruning), beside all months.
  const lastYear = [...months].filter((m) => !m.startsWith("1900")).sort().at(-1)!.slice(0, 4);
  for (const [label, filter] of [
    ["all months", ""],
    [`${lastYear} only`, `AND month >= '${lastYear}-01-01' AND month < '${Number(lastYear) + 1}-01-01'`],
  ] as const) {
    const times: number[] = [];
    for (const q of queries) await db.query(RANK_SQL(10, filter), [q]);
    for (let r = 0; r < repetitions; r++) {
      for (const q of queries) {
        const s = performance.now();
        await db.query(RANK_SQL(10, filter), [q]);
        times.push(performance.now() - s);
      }
    }
    const sum = summarize(times)!;
    process.stdout.write(`  PostgreSQL /sources top 10, ${label}: p50 ${ms(sum.p50)}, p99 ${ms(sum.p99)}, max ${ms(sum.max)} (${sum.n})\n`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { passages: { type: "string", default: "1000000" }, only: { type: "string" }, repetitions: { type: "string", default: "3" } } });
  const corpora = join(packageRoot(), "..", "shared", "corpora");
  if (!existsSync(corpora)) {
    process.stdout.write("scaling: skipped: ../shared/corpora is not beside the project\n");
    return;
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stdout.write("scaling: skipped: DATABASE_URL is not set (a PostgreSQL server where a database may be created)\n");
    return;
  }
  const name = `dateline_scaling_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    await db.connect();
    if (values.only !== "scale") await ranking(db, corpora);
    if (values.only !== "ranking") await scale(db, Number(values.passages), Number(values.repetitions));
  } finally {
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`scaling: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
