/** Roles across replicas: one holder at a time, taken over when the holder goes, shown by `db status`. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { openPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
import { dbStatus } from "../../src/store/status.js";
import { freshDatabase, postgresServer, type TestDatabase } from "../helpers/postgres.js";

async function until(check: () => boolean | Promise<boolean>, withinMs = 10_000): Promise<void> {
  const end = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!postgresServer)("roles across replicas (PostgreSQL)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("gives the ingest role to one replica, and to another when it stops", async () => {
    const open = () => openPostgresStore(db.url, memoryLogger(), { replica: true, roleRetryMs: 200 });
    const stores: PostgresStore[] = await Promise.all([open(), open(), open()]);
    const holding = new Set<string>();
    for (const s of stores) void s.roles.seek("ingest", { gained: () => void holding.add(s.replicaId), lost: () => void holding.delete(s.replicaId) });
    await until(() => holding.size === 1);
    // Tried again several times: still one holder.
    await new Promise((r) => setTimeout(r, 600));
    expect(holding.size).toBe(1);
    const first = stores.find((s) => holding.has(s.replicaId))!;

    await until(async () => (await dbStatus(stores[0]!.pool)).roles[0]?.holder === first.replicaId);
    const status = await dbStatus(stores[0]!.pool);
    expect(status.replicas.filter((r) => r.live).map((r) => r.id).sort()).toEqual(stores.map((s) => s.replicaId).sort());
    expect(status.replicas.find((r) => r.id === first.replicaId)?.roles).toEqual(["ingest"]);

    await first.close();
    expect(holding.has(first.replicaId)).toBe(false);
    await until(() => holding.size === 1);
    const second = stores.find((s) => holding.has(s.replicaId))!;
    expect(second).not.toBe(first);
    const after = await dbStatus(second.pool);
    expect(after.replicas.map((r) => r.id)).not.toContain(first.replicaId);
    for (const s of stores) if (s !== first) await s.close();
  });
});
