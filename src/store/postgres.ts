/**
 * The state in PostgreSQL (DATABASE_URL), shared by every replica of one newsroom: migrated at open, each replica
 * registered in `replicas` with a heartbeat (and the roles it holds) for `dateline db status`.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type pg from "pg";
import type { Logger } from "../core/log.js";
import { connectPool } from "./connection.js";
import { migrate } from "./migrations.js";
import { pgFeedState } from "./pg-feed-state.js";
import { loadPgFirstSeen } from "./pg-first-seen.js";
import { openPgLedger } from "./pg-ledger.js";
import { pgSubscriptions } from "./pg-subscriptions.js";
import { createRoles, type Roles } from "./roles.js";
import type { StateStore } from "./types.js";

export const HEARTBEAT_MS = 10_000;

export interface PostgresStore extends StateStore {
  readonly kind: "postgres";
  readonly pool: pg.Pool;
  /** The server's URL (connections of their own: roles, corpus notifications). */
  readonly url: string;
  /** This process's name in `replicas` (host, pid and a random part). */
  readonly replicaId: string;
  readonly roles: Roles;
}

export interface PostgresStoreOptions {
  /** Registers this process as a replica with a heartbeat (a bot; not a one-off command). */
  replica?: boolean;
  /** How often a role not held is sought again (default ROLE_RETRY_MS, 10 s). */
  roleRetryMs?: number;
}

/** Opens the store (throws DatabaseUnreachableError when the server does not answer) and migrates the schema. */
export async function openPostgresStore(url: string, log: Logger, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = await connectPool(url, log);
  const replicaId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let heartbeat: NodeJS.Timeout | null = null;
  let roles: Roles;
  try {
    const { applied } = await migrate(pool);
    if (applied.length > 0) log.info("database migrated", { applied: applied.map((m) => `${m.id}-${m.name}`) });
    const beat = () =>
      pool
        .query("UPDATE replicas SET heartbeat_at = now(), roles = $2 WHERE id = $1", [replicaId, roles.held()])
        .catch((error: unknown) => log.warn("replica heartbeat not written", { err: (error as Error).message }));
    roles = createRoles(url, log, options.roleRetryMs, () => void beat());
    if (options.replica) {
      await pool.query(
        "INSERT INTO replicas (id, host, pid, started_at, heartbeat_at) VALUES ($1, $2, $3, now(), now())",
        [replicaId, hostname(), process.pid],
      );
      heartbeat = setInterval(() => void beat(), HEARTBEAT_MS);
      heartbeat.unref();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    kind: "postgres",
    shared: true,
    pool,
    url,
    replicaId,
    roles,
    subscriptions: pgSubscriptions(pool, log),
    openLedger: () => openPgLedger(pool, log, replicaId),
    loadFirstSeen: () => loadPgFirstSeen(pool, log),
    openFeedState: async () => pgFeedState(pool, log),
    async close() {
      if (heartbeat) clearInterval(heartbeat);
      await roles.close();
      if (options.replica) {
        await pool.query("UPDATE replicas SET stopped_at = now(), roles = '{}' WHERE id = $1", [replicaId]).catch(() => undefined);
      }
      await pool.end().catch(() => undefined);
    },
  };
}
