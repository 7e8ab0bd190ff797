/**
 * One suite for both state stores: the data folder's files and PostgreSQL (a fresh database per run). Each test
 * opens the store twice over the same place, as a restart (files) or a second replica (PostgreSQL) would.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadFirstSeen } from "../../src/corpus/first-seen.js";
import { openLedger, type LedgerEntry } from "../../src/digest/ledger.js";
import { openSubscriptions } from "../../src/digest/subscriptions.js";
import { emptyFeedState, openFileFeedState } from "../../src/feeds/state.js";
import type { Logger } from "../../src/core/log.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { StateStore } from "../../src/store/types.js";
import { tempDir } from "../digest/helpers.js";
import { freshDatabase, postgresServer, type TestDatabase } from "../helpers/postgres.js";

interface Backend {
  name: "files" | "postgres";
  available: boolean;
  /** A new place (folder or database) and a way to open stores over it. */
  place(): Promise<{ open(): Promise<StateStore>; cleanup(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "files",
    available: true,
    async place() {
      const { dir, cleanup } = await tempDir("dateline-store-");
      return { open: async () => fileStores(dir, memoryLogger()), cleanup };
    },
  },
  {
    name: "postgres",
    available: postgresServer !== null,
    async place() {
      const db = await freshDatabase();
      return { open: () => openPostgresStore(db.url, memoryLogger()), cleanup: () => db.drop() };
    },
  },
];

/**
 * The data folder's stores, each as the product opens it when there is no DATABASE_URL (the default of each user:
 * open-newsroom.ts, digest/services.ts and schedule.ts, feeds/for-config.ts), gathered as one StateStore.
 */
function fileStores(dataDir: string, log: Logger): StateStore {
  return {
    kind: "files",
    shared: false,
    subscriptions: openSubscriptions(dataDir, log),
    openLedger: (now) => openLedger(dataDir, log, now),
    loadFirstSeen: () => loadFirstSeen(dataDir, log),
    openFeedState: () => openFileFeedState(dataDir, log),
    close: async () => undefined,
  };
}

/** The file ledger drops entries older than 60 days: its clock is set to the entries' time. */
const ledgerNow = () => new Date("2024-03-12T08:00:00Z");

function ledgerEntry(over: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    platform: "slack",
    channel: "C1",
    day: "2024-03-12",
    zone: "UTC",
    due: "2024-03-12T07:30:00.000Z",
    from: "2024-03-11T07:30:00.000Z",
    to: "2024-03-12T07:30:00.000Z",
    late: false,
    status: "sending",
    intentAt: "2024-03-12T07:30:00.000Z",
    postedAt: null,
    ...over,
  };
}

for (const backend of backends) {
  describe.skipIf(!backend.available)(`state store: ${backend.name}`, () => {
    let place: Awaited<ReturnType<Backend["place"]>>;
    const opened: StateStore[] = [];
    const open = async () => {
      const store = await place.open();
      opened.push(store);
      return store;
    };
    beforeAll(async () => {
      place = await backend.place();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    afterAll(async () => {
      await place?.cleanup();
    });

    it("keeps subscriptions: one per channel, replaced, removed, seen by another opening", async () => {
      const a = await open();
      const b = await open();
      const now = new Date("2024-03-12T06:00:00Z");
      await a.subscriptions.subscribe({ platform: "slack", channel: "S1", time: "7:30", zone: "europe/paris" }, now);
      await a.subscriptions.subscribe({ platform: "discord", channel: "S2", time: "08:00", zone: "UTC" }, now);
      await b.subscriptions.subscribe({ platform: "slack", channel: "S1", time: "09:15", zone: "Asia/Tokyo" }, now);
      const fromA = await a.subscriptions.get("slack", "S1");
      expect(fromA).toMatchObject({ time: "09:15", zone: "Asia/Tokyo", createdAt: now.toISOString() });
      expect((await a.subscriptions.list()).filter((s) => s.channel.startsWith("S")).map((s) => s.channel).sort()).toEqual(["S1", "S2"]);
      expect(await b.subscriptions.unsubscribe("discord", "S2")).toBe(true);
      expect(await b.subscriptions.unsubscribe("discord", "S2")).toBe(false);
      expect(await a.subscriptions.get("discord", "S2")).toBeNull();
      await expect(a.subscriptions.subscribe({ platform: "slack", channel: "S3", time: "25:00", zone: "UTC" }, now)).rejects.toThrow();
    });

    it("keeps the digest ledger: a second claim of a channel's day is refused, outcomes replace the claim", async () => {
      const a = await open();
      const book = await a.openLedger(ledgerNow);
      const entry = ledgerEntry({ channel: "L1" });
      expect(await book.claim(entry, new Date(0))).toBe(true);
      expect(await book.claim({ ...entry, intentAt: "2024-03-12T07:31:00.000Z" }, new Date(0))).toBe(false);
      await book.record({ ...entry, status: "sent", postedAt: "2024-03-12T07:30:05.000Z" });
      await book.record(ledgerEntry({ channel: "L1", day: "2024-03-11", to: "2024-03-11T07:30:00.000Z", status: "sent" }));
      await book.record(ledgerEntry({ channel: "L1", day: "2024-03-13", to: "2024-03-13T07:30:00.000Z", status: "failed" }));

      const again = await (await open()).openLedger(ledgerNow);
      expect(again.find("slack", "L1", "2024-03-12")).toMatchObject({ status: "sent", postedAt: "2024-03-12T07:30:05.000Z" });
      // A failed digest was not posted: the last posted is the 12th's.
      expect(again.lastPosted("slack", "L1")?.day).toBe("2024-03-12");
      expect(again.find("slack", "L1", "2024-03-14")).toBeNull();
      expect(await again.claim({ ...entry, day: "2024-03-12" }, new Date(0))).toBe(false);
    });

    it("keeps first-seen times and the baseline; a known document keeps its first time", async () => {
      const first = await (await open()).loadFirstSeen();
      expect(first.hasBaseline).toBe(false);
      expect(first.takeBaseline(["a.txt", "b.txt"], new Date("2024-03-01T00:00:00Z"))).toBe(2);
      first.mark("c.txt", new Date("2024-03-02T00:00:00Z"));
      expect(first.mark("a.txt", new Date("2024-03-05T00:00:00Z"))).toEqual({ at: "2024-03-01T00:00:00.000Z", baseline: true });
      await first.save();

      const second = await (await open()).loadFirstSeen();
      expect(second.hasBaseline).toBe(true);
      expect(second.size).toBe(3);
      expect(second.get("b.txt")).toEqual({ at: "2024-03-01T00:00:00.000Z", baseline: true });
      expect(second.get("c.txt")).toEqual({ at: "2024-03-02T00:00:00.000Z", baseline: false });
      expect(second.get("d.txt")).toBeNull();
      // Document ids are any string.
      second.mark("feed:https://example.org/a?b=\"c\"", new Date("2024-03-03T00:00:00Z"));
      await second.save();
      expect((await (await open()).loadFirstSeen()).get("feed:https://example.org/a?b=\"c\"")?.at).toBe("2024-03-03T00:00:00.000Z");
    });

    it("keeps the feeds' state and stored items", async () => {
      const feeds = await (await open()).openFeedState();
      expect(await feeds.getFeed("https://example.org/rss")).toEqual(emptyFeedState());
      const state = { ...emptyFeedState(), etag: '"v1"', failures: 2, lastError: "HTTP 503", retryAt: "2024-03-12T08:00:00.000Z" };
      await feeds.putFeed("https://example.org/rss", state);
      await feeds.addItem("https://example.org/a", { feed: "https://example.org/rss", url: "https://example.org/a", doc: "feeds/a.md", storedAt: "2024-03-12T07:00:00.000Z", origin: "page" });
      const again = await (await open()).openFeedState();
      expect(await again.getFeed("https://example.org/rss")).toEqual(state);
      expect(await again.hasItem("https://example.org/a")).toBe(true);
      expect(await again.hasItem("https://example.org/b")).toBe(false);
    });
  });
}

describe.skipIf(!postgresServer)("state store: PostgreSQL across replicas", () => {
  let db: TestDatabase;
  const opened: StateStore[] = [];
  const open = async () => {
    const store = await openPostgresStore(db.url, memoryLogger());
    opened.push(store);
    return store;
  };
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("migrates once when replicas start together", async () => {
    const stores = await Promise.all([open(), open(), open(), open()]);
    const pool = (stores[0] as Awaited<ReturnType<typeof openPostgresStore>>).pool;
    const rows = await pool.query<{ id: number }>("SELECT id FROM schema_migrations");
    expect(rows.rows.map((r) => r.id).sort()).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it("lets exactly one of several replicas claim a digest", async () => {
    const books = await Promise.all(Array.from({ length: 6 }, async () => (await open()).openLedger()));
    const entry = ledgerEntry({ channel: "RACE" });
    const won = await Promise.all(books.map((b) => b.claim(entry, new Date(0))));
    expect(won.filter(Boolean)).toHaveLength(1);
    // The losers now know the winner's claim.
    for (const [i, b] of books.entries()) if (!won[i]) expect(b.find("slack", "RACE", entry.day)?.status).toBe("sending");
  });

  it("takes over a stale, unposted claim once, never a posted one", async () => {
    const [a, b, c] = await Promise.all([open(), open(), open()]).then((s) => Promise.all(s.map((x) => x.openLedger())));
    const claim = ledgerEntry({ channel: "STALE", intentAt: "2024-03-12T07:30:00.000Z" });
    expect(await a!.claim(claim, new Date(0))).toBe(true);
    // Not stale yet for b's timeout.
    expect(await b!.claim({ ...claim, intentAt: "2024-03-12T07:35:00.000Z" }, new Date("2024-03-12T07:25:00.000Z"))).toBe(false);
    const later = { ...claim, intentAt: "2024-03-12T07:45:00.000Z" };
    const staleBefore = new Date("2024-03-12T07:40:00.000Z");
    const retried = await Promise.all([b!.claim(later, staleBefore), c!.claim(later, staleBefore)]);
    expect(retried.filter(Boolean)).toHaveLength(1);
    // Retried once: a second stale claim is never taken over.
    expect(await a!.claim({ ...claim, intentAt: "2024-03-12T09:00:00.000Z" }, new Date("2024-03-12T08:55:00.000Z"))).toBe(false);
    await b!.refresh();
    expect(b!.find("slack", "STALE", claim.day)?.attempts).toBe(2);

    const posted = ledgerEntry({ channel: "POSTED" });
    await a!.claim(posted, new Date(0));
    await a!.record({ ...posted, status: "sent", postedAt: posted.intentAt });
    expect(await b!.claim({ ...posted, intentAt: "2024-03-12T09:00:00.000Z" }, new Date("2024-03-12T08:59:00.000Z"))).toBe(false);
  });

  it("keeps the earliest first-seen time when two replicas see a document", async () => {
    const [x, y] = await Promise.all([open(), open()]).then((s) => Promise.all(s.map((st) => st.loadFirstSeen())));
    x!.mark("shared.txt", new Date("2024-03-01T10:00:00Z"));
    await x!.save();
    y!.mark("shared.txt", new Date("2024-03-01T10:05:00Z"));
    await y!.save();
    expect(y!.get("shared.txt")?.at).toBe("2024-03-01T10:00:00.000Z");
  });
});
