/**
 * A replica whose database goes away for a while (a TCP proxy in front of PostgreSQL, cut and restored): the
 * subscriptions are answered from memory, a write waits, retried and logged, and lands once the server is back.
 */
import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import { freshDatabase, postgresServer, type TestDatabase } from "../helpers/postgres.js";

/** Forwards 127.0.0.1:<port> to the database server; `cut()` drops every connection and refuses new ones. */
async function proxy(target: URL): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let open = true;
  const server: Server = createServer((client) => {
    if (!open) return client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(!postgresServer)("connection loss (PostgreSQL)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("answers from memory while the database is gone, and retries writes until it is back", async () => {
    const target = new URL(db.url);
    const line = await proxy(target);
    const viaProxy = new URL(db.url);
    viaProxy.host = `127.0.0.1:${line.port}`;
    const log = memoryLogger();
    const store = await openPostgresStore(viaProxy.toString(), log);
    try {
      const now = new Date("2024-03-12T06:00:00Z");
      await store.subscriptions.subscribe({ platform: "slack", channel: "KEEP", time: "07:30", zone: "UTC" }, now);
      expect((await store.subscriptions.list()).map((s) => s.channel)).toEqual(["KEEP"]);

      line.cut();
      expect((await store.subscriptions.list()).map((s) => s.channel)).toEqual(["KEEP"]);
      expect(log.lines.some((l) => String(l.msg).includes("answered from memory"))).toBe(true);

      const write = store.subscriptions.subscribe({ platform: "slack", channel: "LATER", time: "08:00", zone: "UTC" }, now);
      setTimeout(() => line.restore(), 1500);
      await write;
      expect(log.lines.some((l) => String(l.msg).includes("write retried"))).toBe(true);
      expect((await store.subscriptions.list()).map((s) => s.channel).sort()).toEqual(["KEEP", "LATER"]);
    } finally {
      await store.close();
      await line.close();
    }
  });
});
