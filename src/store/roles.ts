/**
 * Roles that one replica at a time holds (the ingest role: polling feeds, storing the corpus), as PostgreSQL
 * session advisory locks on a connection of their own. The server releases a lock when its holder's connection
 * ends, a replica killed included; the others try again every `retryMs`, so one of them takes over within that.
 */
import pg from "pg";
import type { Logger } from "../core/log.js";

export const ROLE_RETRY_MS = 10_000;

export interface RoleHandlers {
  gained(): void | Promise<void>;
  lost(): void | Promise<void>;
}

export interface Roles {
  /** Names of the roles this replica holds now. */
  held(): string[];
  /**
   * Tries for `role` now and every retry interval; calls `gained` when taken, `lost` if the connection drops.
   * Settles after the first try (its `gained` included): whether the role is held then.
   */
  seek(role: string, handlers: RoleHandlers): Promise<boolean>;
  close(): Promise<void>;
}

/** The advisory lock key of a role (a 64-bit value computed by the server from its name). */
export const ROLE_KEY_SQL = "hashtextextended('dateline role ' || $1, 0)";

/** `changed` is told after a role is gained or lost (the replica's heartbeat then says so at once). */
export function createRoles(url: string, log: Logger, retryMs = ROLE_RETRY_MS, changed: () => void = () => undefined): Roles {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  const held = new Map<string, RoleHandlers>();
  const sought = new Map<string, RoleHandlers>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      c.on("error", (error) => void dropped(c, error));
      await c.connect();
      client = c;
      return c;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  /** The locks went with the connection: every held role is lost, and sought again. */
  async function dropped(c: pg.Client, error: Error): Promise<void> {
    if (client !== c) return;
    client = null;
    c.end().catch(() => undefined);
    for (const [role, handlers] of held) {
      held.delete(role);
      sought.set(role, handlers);
      log.warn("role lost with the database connection; sought again", { role, err: error.message });
      await Promise.resolve(handlers.lost()).catch((err: unknown) => log.error("error while giving up a role", { role, err }));
      changed();
    }
  }

  async function attempt(): Promise<void> {
    if (closed || sought.size === 0) return;
    let c: pg.Client;
    try {
      c = await connection();
    } catch (error) {
      log.warn("database unreachable; roles sought again later", { err: (error as Error).message });
      return;
    }
    for (const [role, handlers] of [...sought]) {
      try {
        const got = await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${ROLE_KEY_SQL}) AS ok`, [role]);
        if (!got.rows[0]?.ok || closed) continue;
        sought.delete(role);
        held.set(role, handlers);
        log.info("role taken", { role });
        changed();
        await handlers.gained();
      } catch (error) {
        log.warn("could not seek a role", { role, err: (error as Error).message });
      }
    }
  }

  return {
    held: () => [...held.keys()],
    seek(role, handlers) {
      sought.set(role, handlers);
      const first = attempt();
      timer ??= setInterval(() => void attempt(), retryMs);
      timer.unref();
      return first.then(() => held.has(role));
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      for (const [role, handlers] of held) {
        await Promise.resolve(handlers.lost()).catch((err: unknown) => log.error("error while giving up a role", { role, err }));
      }
      held.clear();
      sought.clear();
      const c = client ?? (await connecting?.catch(() => null)) ?? null;
      client = null;
      // Ending the session releases its advisory locks.
      await c?.end().catch(() => undefined);
    },
  };
}
