/**
 * Exactly once across replicas: several schedulers, each with its own connection to one PostgreSQL database (as
 * replicas have), tick together over the same subscriptions; every digest is posted once. Then as separate
 * processes, and a replica that died between claim and post.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { createDigestScheduler, lastDue, localDay } from "../../src/digest/schedule.js";
import { openPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
import { clock, echoCompose, fakePoster, MINUTE, tempDir, type Post } from "../digest/helpers.js";
import { freshDatabase, postgresServer, type TestDatabase } from "../helpers/postgres.js";

const run = promisify(execFile);
const CHANNELS = Array.from({ length: 20 }, (_, i) => `C${String(i).padStart(2, "0")}`);

describe.skipIf(!postgresServer)("digests across replicas (PostgreSQL)", () => {
  let db: TestDatabase;
  const stores: PostgresStore[] = [];
  const open = async () => {
    const store = await openPostgresStore(db.url, memoryLogger());
    stores.push(store);
    return store;
  };
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterEach(async () => {
    await stores[0]?.pool.query("TRUNCATE digest_subscriptions, digest_ledger");
    for (const s of stores.splice(0)) await s.close();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("posts each of 20 channels' digests once with three replicas ticking together", async () => {
    const c = clock("2024-03-12T06:00:00Z");
    const replicas = await Promise.all([open(), open(), open()]);
    // Subscribed through different replicas.
    for (const [i, channel] of CHANNELS.entries()) {
      await replicas[i % 3]!.subscriptions.subscribe({ platform: "slack", channel, time: `07:${String(i).padStart(2, "0")}`, zone: "UTC" }, c.now());
    }
    const posts: Post[] = [];
    const schedulers = replicas.map((store) =>
      createDigestScheduler({
        dataDir: "/nonexistent",
        posters: [fakePoster("slack", posts, c.now)],
        compose: echoCompose,
        now: c.now,
        log: memoryLogger(),
        subscriptions: store.subscriptions,
        ledger: () => store.openLedger(),
      }),
    );
    c.set("2024-03-12T07:30:00Z");
    for (let round = 0; round < 3; round++) {
      await Promise.all(schedulers.map((s) => s.tick()));
      c.advance(MINUTE);
    }
    expect(posts.map((p) => p.channel).sort()).toEqual(CHANNELS);
    // The next day, once more each.
    c.set("2024-03-13T07:30:00Z");
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(posts).toHaveLength(40);
    const rows = await replicas[0]!.pool.query("SELECT status, count(*)::int AS n FROM digest_ledger GROUP BY status");
    expect(rows.rows).toEqual([{ status: "sent", n: 40 }]);
  });

  it("posts once more a digest claimed by a replica that died before posting, after the claim timeout", async () => {
    const c = clock("2024-03-12T07:30:00Z");
    const [dead, alive] = await Promise.all([open(), open()]);
    const sub = await alive!.subscriptions.subscribe({ platform: "slack", channel: "CDEAD", time: "07:30", zone: "UTC" }, new Date("2024-03-11T00:00:00Z"));
    // The dead replica's claim: inserted, never marked posted.
    const due = lastDue(sub, c.now())!;
    await (await dead!.openLedger()).claim(
      { platform: "slack", channel: "CDEAD", day: localDay(due, "UTC"), zone: "UTC", due: due.toISOString(), from: "2024-03-11T07:30:00.000Z", to: due.toISOString(), late: false, status: "sending", intentAt: c.now().toISOString(), postedAt: null, attempts: 1 },
      new Date(0),
    );
    const posts: Post[] = [];
    const log = memoryLogger();
    const scheduler = createDigestScheduler({
      dataDir: "/nonexistent",
      posters: [fakePoster("slack", posts, c.now)],
      compose: echoCompose,
      now: c.now,
      log,
      subscriptions: alive!.subscriptions,
      ledger: () => alive!.openLedger(),
      claimTimeoutMs: 10 * MINUTE,
    });
    c.advance(5 * MINUTE);
    await scheduler.tick();
    expect(posts).toHaveLength(0);
    c.advance(6 * MINUTE);
    await scheduler.tick();
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.reply.text)).toMatchObject({ from: "2024-03-11T07:30:00.000Z", late: true });
    expect(log.lines.some((l) => String(l.msg).includes("never marked it posted"))).toBe(true);
    c.advance(30 * MINUTE);
    await scheduler.tick();
    expect(posts).toHaveLength(1);
  });

  it("posts each digest once with three replica processes", async () => {
    const first = await open();
    for (const channel of CHANNELS) {
      await first.subscriptions.subscribe({ platform: "slack", channel, time: "07:00", zone: "UTC" }, new Date("2024-03-12T00:00:00Z"));
    }
    const { dir, cleanup } = await tempDir("dateline-replicas-");
    try {
      const out = join(dir, "posts.log");
      const script = resolve(import.meta.dirname, "replica-ticks.mjs");
      await Promise.all([0, 1, 2].map(() => run(process.execPath, [script, db.url, out, "2024-03-12T07:30:00Z"], { cwd: resolve(import.meta.dirname, "../..") })));
      const posted = (await readFile(out, "utf8")).trim().split("\n");
      expect(posted.sort()).toEqual(CHANNELS);
    } finally {
      await cleanup();
    }
  });
});
