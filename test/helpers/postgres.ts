/**
 * A fresh PostgreSQL database per test file, on the server at 127.0.0.1:5432 (DATELINE_TEST_PG_URL overrides):
 * `dateline_test_<pid>_<random>`, dropped afterwards. When no server answers, `postgresServer` is null and the
 * PostgreSQL tests are skipped with a message saying so (.ci/run starts the server).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

const ADMIN_URL = process.env.DATELINE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The admin URL when a server answers, else null (with the reason printed once). */
export const postgresServer: string | null = (await reachable()) ? ADMIN_URL : null;
if (!postgresServer) {
  console.warn(`PostgreSQL tests skipped: no server answers at ${ADMIN_URL} (start it, or set DATELINE_TEST_PG_URL)`);
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates a database of its own for a test run; `drop()` ends its connections and removes it. */
export async function freshDatabase(): Promise<TestDatabase> {
  const name = `dateline_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
