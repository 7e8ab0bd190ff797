/**
 * The command line with DATABASE_URL: `db migrate`, `db status`, a console bot keeping its state in PostgreSQL,
 * and a bot that cannot reach the database at start (says so, exits non-zero).
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbStatus } from "../../src/store/status.js";
import { tempDir } from "../digest/helpers.js";
import { ROOT } from "../e2e/service.js";
import { freshDatabase, postgresServer, type TestDatabase } from "../helpers/postgres.js";

const CLI = join(ROOT, "dist/src/cli.js");

function dateline(args: string[], env: Record<string, string>, input = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

describe("a bot whose database cannot be reached", () => {
  it("says so at start and exits non-zero", async () => {
    const { dir, cleanup } = await tempDir("dateline-nodb-");
    try {
      const result = await dateline(["start"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/none", DATELINE_DATA_DIR: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:1\/none/);
    } finally {
      await cleanup();
    }
  }, 60_000);

  it("is refused a URL that is not PostgreSQL's", async () => {
    const result = await dateline(["db", "status"], { DATABASE_URL: "mysql://localhost/x" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DATABASE_URL must be a PostgreSQL URL/);
  });
});

describe.skipIf(!postgresServer)("dateline db (PostgreSQL)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("migrates once, then reports the state a console bot kept there", async () => {
    const env = { DATABASE_URL: db.url };
    expect((await dateline(["db", "status", "--json"], env)).stdout).toMatch(/"pending":\["1-state","2-corpus","3-corpus-problems"\]/);
    expect((await dateline(["db", "migrate"], env)).stdout).toMatch(/applied 1-state/);
    expect((await dateline(["db", "migrate"], env)).stdout).toMatch(/schema current \(migration 3\)/);

    const { dir, cleanup } = await tempDir("dateline-db-console-");
    try {
      const bot = await dateline(["start"], { ...env, DATELINE_DATA_DIR: dir }, "/digest subscribe 07:30 Europe/Paris\n/digest status\n");
      expect(bot.code).toBe(0);
      expect(bot.stdout).toMatch(/07:30/);
    } finally {
      await cleanup();
    }
    const status = JSON.parse((await dateline(["db", "status", "--json"], env)).stdout) as DbStatus;
    expect(status.schema).toEqual({ current: 3, latest: 3, pending: [] });
    expect(status.subscriptions).toBe(1);
    // The seeds, as the baseline of this database's first start.
    expect(status.corpus.documents).toBeGreaterThan(0);
    expect(status.corpus.baselineDocuments).toBe(status.corpus.documents);
    // The console bot held the ingest role: it stored the seeds, and its index was built from them.
    expect(status.storedCorpus.articles).toBe(status.corpus.documents);
    expect(status.storedCorpus.version).toBe(1);
    expect(status.storedCorpus.indexes).toMatchObject([{ articles: status.corpus.documents, corpusVersion: 1, fromSnapshot: false }]);
    expect((await dateline(["db", "status"], env)).stdout).toContain(`stored corpus: ${status.corpus.documents} articles, version 1`);
    // The console bot stopped: no replica left running.
    expect(status.replicas.filter((r) => r.live)).toEqual([]);
  }, 180_000);

  it("gives `dateline digest` the replicas' first-seen times, without writing them", async () => {
    const env = { DATABASE_URL: db.url };
    await dateline(["db", "migrate"], env);
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: db.url });
    client.on("error", () => undefined);
    await client.connect();
    try {
      // A seed a replica saw an hour ago, after the baseline: news in the last day's digest.
      const seenAt = new Date(Date.now() - 3_600_000).toISOString();
      await client.query("INSERT INTO dateline_meta (key, value) VALUES ('first_seen_baseline', 'now') ON CONFLICT DO NOTHING");
      await client.query(
        "INSERT INTO first_seen (doc, at, baseline) VALUES ('000_4e94b34866221704.txt', $1, false) ON CONFLICT (doc) DO UPDATE SET at = $1, baseline = false",
        [seenAt],
      );
      const before = (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM first_seen")).rows[0]!.n;
      const { dir, cleanup } = await tempDir("dateline-db-digest-");
      try {
        const result = await dateline(["digest", "--corpus", "seeds", "--since", "24h", "--json"], { ...env, DATELINE_DATA_DIR: dir });
        expect(result.code).toBe(0);
        const digest = JSON.parse(result.stdout) as { stories: Array<{ docs: string[] }> };
        expect(digest.stories.flatMap((s) => s.docs)).toContain("000_4e94b34866221704.txt");
      } finally {
        await cleanup();
      }
      // Nothing written by the command.
      expect((await client.query<{ n: number }>("SELECT count(*)::int AS n FROM first_seen")).rows[0]!.n).toBe(before);
    } finally {
      await client.end();
    }
  }, 120_000);
});
