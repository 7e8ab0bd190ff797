/**
 * One corpus for every replica (PostgreSQL): the ingest role's holder stores the folder's articles, every replica
 * indexes the stored corpus and applies the stored changes (LISTEN/NOTIFY, a poll as fallback); an index snapshot
 * is reused while the stored corpus is unchanged; another replica takes the ingest role when the holder goes.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { corpusIngest, openSharedCorpus, type SharedCorpus } from "../../src/corpus/stored-corpus.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { changesSince, loadStoredCorpus } from "../../src/store/pg-corpus.js";
import { openPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
import { dbStatus } from "../../src/store/status.js";
import { tempDir } from "../digest/helpers.js";
import { freshDatabase, postgresServer, type TestDatabase } from "../helpers/postgres.js";

const story = (title: string, body: string) => `${title}\n\n${body}\n`;

async function until(check: () => boolean | Promise<boolean>, withinMs = 15_000): Promise<void> {
  const end = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const found = (newsroom: OpenedNewsroom, word: string) =>
  newsroom.sources.search({ words: [word], phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => h.doc);

describe.skipIf(!postgresServer)("the stored corpus (PostgreSQL)", () => {
  let db: TestDatabase;
  let corpusDir: string;
  const cleanups: Array<() => Promise<void>> = [];

  let removeCorpusDir: () => Promise<void>;
  beforeAll(async () => {
    db = await freshDatabase();
    ({ dir: corpusDir, cleanup: removeCorpusDir } = await tempDir("dateline-stored-corpus-"));
    await writeFile(join(corpusDir, "ferry.txt"), story("Ferry to Zanzibar resumes", "The ferry between Dar es Salaam and Zanzibar resumed on Monday."));
    await writeFile(join(corpusDir, "tram.txt"), story("Tram line extended in Bordeaux", "Bordeaux opened a tram extension to Merignac airport."));
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(async () => {
    await db?.drop();
    await removeCorpusDir?.();
  });

  async function folder(): Promise<string> {
    const { dir, cleanup } = await tempDir("dateline-stored-corpus-");
    cleanups.push(cleanup);
    await writeFile(join(dir, "ferry.txt"), story("Ferry to Zanzibar resumes", "The ferry between Dar es Salaam and Zanzibar resumed on Monday."));
    await writeFile(join(dir, "tram.txt"), story("Tram line extended in Bordeaux", "Bordeaux opened a tram extension to Merignac airport."));
    return dir;
  }

  async function store(): Promise<PostgresStore> {
    const s = await openPostgresStore(db.url, memoryLogger(), { replica: true, roleRetryMs: 200 });
    cleanups.push(() => s.close());
    return s;
  }

  async function replica(dir: string, options: { pollMs?: number; dataDir?: string } = {}) {
    const s = await store();
    const data = await tempDir("dateline-stored-data-");
    cleanups.push(data.cleanup);
    const dataDir = options.dataDir ?? data.dir;
    const log = memoryLogger();
    const shared = await openSharedCorpus(s, { location: dir, dataDir, log, watch: { debounceMs: 50, pollMs: 200 } });
    cleanups.push(() => shared.stop());
    const newsroom = await openNewsroom(dir, {
      dataDir,
      log: memoryLogger(),
      firstSeen: () => s.loadFirstSeen(),
      corpus: { corpus: shared.corpus, snapshotKey: shared.snapshotKey },
    });
    await newsroom.pendingWrites();
    const follower = await shared.follow(newsroom, newsroom, options.pollMs ? { pollMs: options.pollMs } : {});
    return { store: s, shared, newsroom, follower, dataDir, log };
  }

  it("stores the folder once, and every replica indexes it and follows its changes through notifications", async () => {
    const a = await replica(corpusDir, { pollMs: 3_600_000 });
    const b = await replica(corpusDir, { pollMs: 3_600_000 });
    // One holder; the other loaded what it stored.
    expect([a.store.roles.held(), b.store.roles.held()].flat()).toEqual(["ingest"]);
    for (const r of [a, b]) {
      expect(r.newsroom.articles().map((x) => x.id).sort()).toEqual(["ferry.txt", "tram.txt"]);
      expect(found(r.newsroom, "Zanzibar")).toEqual(["ferry.txt"]);
      // The stored article is the one read from the file, offsets and all.
      expect(r.newsroom.article("ferry.txt")!.paragraphs.length).toBeGreaterThan(0);
    }
    const holder = a.store.roles.held().length ? a : b;

    // Added, changed, removed on the holder's folder: the watcher stores it, NOTIFY brings it to both (no poll).
    await writeFile(join(corpusDir, "glacier.txt"), story("Glacier museum opens in Iceland", "A museum about the Vatnajokull glacier opened in Hofn."));
    await until(() => found(a.newsroom, "Vatnajokull").length === 1 && found(b.newsroom, "Vatnajokull").length === 1);
    await writeFile(join(corpusDir, "tram.txt"), story("Tram line extended in Bordeaux", "Bordeaux opened a tram extension to Pessac."));
    await until(() => found(a.newsroom, "Pessac").length === 1 && found(b.newsroom, "Pessac").length === 1);
    expect(found(b.newsroom, "Merignac")).toEqual([]);
    await rm(join(corpusDir, "ferry.txt"));
    await until(() => b.newsroom.article("ferry.txt") === undefined && a.newsroom.article("ferry.txt") === undefined);
    expect(found(b.newsroom, "Zanzibar")).toEqual([]);

    // The removal is kept as a row marked removed, so that a replica catching up from an old version sees it.
    const since = await changesSince(a.store.pool, 0);
    expect(since.removed).toEqual(["ferry.txt"]);
    expect(since.upserted.map((x) => x.id).sort()).toEqual(["glacier.txt", "tram.txt"]);
    expect(a.follower.version).toBe(since.version);
    expect(b.follower.version).toBe(since.version);

    const status = await dbStatus(holder.store.pool);
    expect(status.storedCorpus).toMatchObject({ articles: 2, removed: 1, version: since.version });
    await until(async () => (await dbStatus(holder.store.pool)).storedCorpus.indexes.every((i) => i.corpusVersion === since.version));
    expect((await dbStatus(holder.store.pool)).storedCorpus.indexes.map((i) => i.replica).sort()).toEqual([a.store.replicaId, b.store.replicaId].sort());
  });

  it("applies a change whose notification was lost, at the next poll", async () => {
    const r = await replica(corpusDir, { pollMs: 200 });
    // Stored by a writer whose NOTIFY this replica cannot have heard: its listener is stopped first.
    await r.follower.stop();
    const follower = (await import("../../src/corpus/stored-corpus.js")).followStoredCorpus(
      { pool: r.store.pool, url: "postgres://127.0.0.1:1/nothing-listens-here" },
      r.newsroom,
      r.follower.version,
      { log: memoryLogger(), pollMs: 200 },
    );
    cleanups.push(() => follower.stop());
    await writeFile(join(corpusDir, "coffee.txt"), story("Coffee harvest falls", "Arabica growers in Minas Gerais expect a smaller harvest."));
    await until(() => found(r.newsroom, "Arabica").length === 1);
  });

  it("reuses a replica's index snapshot while the stored corpus is unchanged, and rebuilds it after a change", async () => {
    const { dir: dataDir } = await tempDir("dateline-stored-snap-");
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const s = await store();
    const open = async () => {
      const stored = await loadStoredCorpus(s.pool);
      return openNewsroom(corpusDir, {
        dataDir,
        log: memoryLogger(),
        firstSeen: () => s.loadFirstSeen(),
        corpus: { corpus: { location: "stored", articles: stored.articles, problems: [], fingerprint: stored.fingerprint }, snapshotKey: "stored-test" },
      });
    };
    const first = await open();
    await first.pendingWrites();
    expect(first.fromSnapshot).toBe(false);
    const second = await open();
    expect(second.fromSnapshot).toBe(true);
    expect(found(second, "Vatnajokull")).toEqual(["glacier.txt"]);
    // A change stored by the ingest (here called directly): the fingerprint differs, the index is built again.
    await writeFile(join(corpusDir, "chess.txt"), story("Chess olympiad moves to Chennai", "FIDE confirmed that Chennai will host the olympiad."));
    await corpusIngest(s.pool, { location: corpusDir, dataDir: null, log: memoryLogger() }).storeFile("chess.txt");
    const third = await open();
    expect(third.fromSnapshot).toBe(false);
    expect(found(third, "Chennai")).toEqual(["chess.txt"]);
  });

  it("gives the ingest role to another replica when its holder goes; the new holder stores what changed meanwhile", async () => {
    const dir = await folder();
    await mkdir(join(dir, "desk"));
    // A database of its own: the role and the stored corpus start empty.
    const own = await freshDatabase();
    cleanups.push(() => own.drop());
    const open = async () => {
      const s = await openPostgresStore(own.url, memoryLogger(), { replica: true, roleRetryMs: 200 });
      const shared = await openSharedCorpus(s, { location: dir, dataDir: null, log: memoryLogger(), watch: { debounceMs: 50, pollMs: 200 } });
      return { s, shared };
    };
    const first = await open();
    const second = await open();
    const sides: Array<{ s: PostgresStore; shared: SharedCorpus }> = [first, second];
    cleanups.push(async () => {
      for (const side of sides) {
        await side.shared.stop();
        await side.s.close();
      }
    });
    expect(first.s.roles.held()).toEqual(["ingest"]);
    expect(second.s.roles.held()).toEqual([]);
    expect(second.shared.corpus.articles.map((a) => a.id).sort()).toEqual(["ferry.txt", "tram.txt"]);
    await first.shared.stop();
    await first.s.close();
    sides.shift();
    // Written while nobody held the role: stored by the next holder's sync.
    await writeFile(join(dir, "desk", "bridge.txt"), story("Bridge inspection closes Danube crossing", "Engineers closed the Elisabeth bridge in Budapest."));
    await until(() => second.s.roles.held().includes("ingest"));
    await until(async () => (await loadStoredCorpus(second.s.pool)).articles.some((a) => a.id === "desk/bridge.txt"));
  });

  /** The "corpus problem" lines a replica logged about a file. */
  const problemsLogged = (log: ReturnType<typeof memoryLogger>, file: string) => log.lines.filter((l) => l.msg === "corpus problem" && l.file === file);

  it("reports a corpus file's problems on every replica: logged when the version is applied, held, listed by db status", async () => {
    const dir = await folder();
    const own = await freshDatabase();
    cleanups.push(() => own.drop());
    const open = async () => {
      const s = await openPostgresStore(own.url, memoryLogger(), { replica: true, roleRetryMs: 200 });
      cleanups.push(() => s.close());
      const log = memoryLogger();
      const shared = await openSharedCorpus(s, { location: dir, dataDir: null, log, watch: { debounceMs: 50, pollMs: 200 } });
      cleanups.push(() => shared.stop());
      const newsroom = await openNewsroom(dir, { dataDir: null, log: memoryLogger(), firstSeen: () => s.loadFirstSeen(), corpus: { corpus: shared.corpus, snapshotKey: shared.snapshotKey } });
      const follower = await shared.follow(newsroom, newsroom, { pollMs: 3_600_000 });
      return { s, log, newsroom, follower };
    };
    const holder = await open();
    const other = await open();
    expect(other.s.roles.held()).toEqual([]);

    // A malformed file written while both run: skipped, and reported by the replica that did not read it.
    await writeFile(join(dir, "wire.jsonl"), '{"id": "w1", "title": "Ports", "body": "Cranes idle in Rotterdam."}\n{"id": "w2", "body": \n');
    await until(() => other.newsroom.problems().some((p) => p.file === "wire.jsonl"));
    expect(other.newsroom.problems()).toEqual([expect.objectContaining({ file: "wire.jsonl", line: 2, severity: "error" })]);
    expect(problemsLogged(other.log, "wire.jsonl")).toEqual([expect.objectContaining({ line: 2, level: "error", storedVersion: other.follower.version })]);
    // The good record of the same file is served.
    expect(found(other.newsroom, "Rotterdam")).toEqual(["w1"]);
    await until(() => holder.newsroom.problems().length === 1);
    const status = await dbStatus(other.s.pool);
    expect(status.storedCorpus.problems).toEqual([expect.objectContaining({ file: "wire.jsonl", line: 2, severity: "error", version: other.follower.version })]);
    expect(status.storedCorpus.version).toBe(other.follower.version);

    // A replica starting now reports it at once, from the stored corpus.
    const late = await open();
    expect(late.newsroom.problems()).toEqual(other.newsroom.problems());
    expect(problemsLogged(late.log, "wire.jsonl")).toHaveLength(1);

    // A file that becomes malformed with no article changed is a change too (a new version, only problems).
    await writeFile(join(dir, "broken.json"), "{ not json");
    await until(() => other.newsroom.problems().some((p) => p.file === "broken.json"));
    expect(problemsLogged(other.log, "broken.json")).toHaveLength(1);

    // Fixed: the problem goes from every replica and from the status.
    await writeFile(join(dir, "wire.jsonl"), '{"id": "w1", "title": "Ports", "body": "Cranes idle in Rotterdam."}\n');
    await rm(join(dir, "broken.json"));
    await until(() => other.newsroom.problems().length === 0 && late.newsroom.problems().length === 0);
    expect((await dbStatus(other.s.pool)).storedCorpus.problems).toEqual([]);
  });

  it("applies a change of an article's metadata alone (same text) on every replica", async () => {
    const dir = await folder();
    const record = (title: string, outlet: string, published: string) =>
      JSON.stringify({ id: "berth-1", title, outlet, published, body: "The harbour authority in Mombasa reopened the container berth after dredging." }) + "\n";
    await writeFile(join(dir, "wire.jsonl"), record("Quayside works finished at Likoni", "Coast Herald", "2024-03-01"));
    const own = await freshDatabase();
    cleanups.push(() => own.drop());
    const open = async () => {
      const s = await openPostgresStore(own.url, memoryLogger(), { replica: true, roleRetryMs: 200 });
      cleanups.push(() => s.close());
      const shared = await openSharedCorpus(s, { location: dir, dataDir: null, log: memoryLogger(), watch: { debounceMs: 50, pollMs: 200 } });
      cleanups.push(() => shared.stop());
      const newsroom = await openNewsroom(dir, { dataDir: null, log: memoryLogger(), firstSeen: () => s.loadFirstSeen(), corpus: { corpus: shared.corpus, snapshotKey: shared.snapshotKey } });
      await shared.follow(newsroom, newsroom, { pollMs: 3_600_000 });
      return { s, newsroom };
    };
    const replicas = [await open(), await open()];
    const text = replicas[1]!.newsroom.article("berth-1")!.text;
    await writeFile(join(dir, "wire.jsonl"), record("Kilindini berth back in service", "Port Weekly", "2024-03-02"));
    for (const r of replicas) {
      await until(() => r.newsroom.article("berth-1")?.outlet === "Port Weekly");
      expect(r.newsroom.article("berth-1")).toMatchObject({ text, title: "Kilindini berth back in service", published: "2024-03-02" });
      expect(found(r.newsroom, "Kilindini")).toEqual(["berth-1"]);
      expect(found(r.newsroom, "Likoni")).toEqual([]);
    }
  });

  it("follows incrementally: only the changes above its version, in order, and catches up after its LISTEN connection is killed", async () => {
    const dir = await folder();
    const own = await freshDatabase();
    cleanups.push(() => own.drop());
    const s = await openPostgresStore(own.url, memoryLogger(), { replica: true, roleRetryMs: 200 });
    cleanups.push(() => s.close());
    const shared = await openSharedCorpus(s, { location: dir, dataDir: null, log: memoryLogger(), watch: { debounceMs: 50, pollMs: 200 } });
    cleanups.push(() => shared.stop());
    const applied: Array<{ removed: string[]; upserted: string[] }> = [];
    const held = new Set(shared.corpus.articles.map((a) => a.id));
    const target = {
      articles: () => [...held],
      applyChanges: async (change: { removed: readonly string[]; upserted: readonly { id: string }[] }) => {
        applied.push({ removed: [...change.removed], upserted: change.upserted.map((a) => a.id) });
        for (const id of change.removed) held.delete(id);
        for (const a of change.upserted) held.add(a.id);
      },
    };
    const follower = await shared.follow(target, { fromSnapshot: false }, { pollMs: 200 });
    await writeFile(join(dir, "dam.txt"), story("Dam inspection in Aswan", "Engineers inspected the Aswan dam."));
    await until(() => held.has("dam.txt"));
    await rm(join(dir, "tram.txt"));
    await until(() => !held.has("tram.txt"));
    // Each version brought only its own change (the corpus was never read again).
    expect(applied.filter((c) => c.upserted.length + c.removed.length > 0)).toEqual([
      { removed: [], upserted: ["dam.txt"] },
      { removed: ["tram.txt"], upserted: [] },
    ]);

    // The listening connection dies without the follower stopping: what is stored meanwhile still arrives.
    const admin = new (await import("pg")).default.Client({ connectionString: own.url });
    await admin.connect();
    cleanups.push(() => admin.end());
    const killed = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN dateline_corpus'");
    expect(killed.rowCount).toBe(1);
    await writeFile(join(dir, "kiln.txt"), story("Kiln reopens in Stoke", "A pottery kiln reopened in Stoke-on-Trent."));
    await until(() => held.has("kiln.txt"));
    // And the follower listens again.
    await until(async () => (await admin.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN dateline_corpus'")).rowCount === 1);
    expect(follower.version).toBe((await changesSince(s.pool, 0)).version);
  });
});
