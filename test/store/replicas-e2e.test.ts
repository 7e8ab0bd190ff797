/**
 * Three bot processes on one database, as an operator runs them (`dateline start`, Slack over HTTP, a local fake
 * Slack): 20 channels subscribed through different replicas, the processes' clocks moved past their times, each
 * digest posted exactly once; the ingest role's holder killed with SIGKILL, another replica takes the role, a file
 * added afterwards is found by /sources on both survivors; no subscription lost.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, signedPost, slashCommandBody } from "../slack/fake-slack.js";
import { ensureBuilt, freePort, startService, waitUntilListening, waitUntilRunning, type Service } from "../e2e/service.js";
import { freshDatabase, postgresServer, type TestDatabase } from "../helpers/postgres.js";

const SECRET = "replicas-signing-secret-0123456789";
const CHANNELS = Array.from({ length: 20 }, (_, i) => `C0REPLICA${String(i).padStart(2, "0")}`);
const MINUTE = 60_000;
const CLOCK_PRELOAD = resolve(import.meta.dirname, "shifted-clock.mjs");

interface Replica {
  service: Service;
  events: string;
}

async function until<T>(what: string, check: () => Promise<T | null | false> | T | null | false, withinMs: number): Promise<T> {
  const end = Date.now() + withinMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!postgresServer)("three replicas on one database (Slack over HTTP, PostgreSQL)", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let fake: FakeSlack;
  let work: string;
  let corpus: string;
  let clockFile: string;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    ensureBuilt();
    db = await freshDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    fake = await FakeSlack.start();
    work = await mkdtemp(join(tmpdir(), "dateline-replicas-"));
    corpus = join(work, "corpus");
    await cp("seeds", corpus, { recursive: true });
    clockFile = join(work, "clock-offset");
    await writeFile(clockFile, "0");
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const service = startService({
        DATABASE_URL: db.url,
        DATELINE_DATA_DIR: join(work, `data-${i}`),
        DATELINE_CORPUS: corpus,
        SLACK_BOT_TOKEN: "xoxb-replicas",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        LOG_LEVEL: "info",
        DATELINE_TEST_CLOCK_FILE: clockFile,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${CLOCK_PRELOAD}`.trim(),
      });
      replicas.push({ service, events: `http://127.0.0.1:${port}/slack/events` });
      await waitUntilListening(service, port, 120_000);
      // The adapters listen before the corpus is read (they answer "Dateline is starting" until then).
      await waitUntilRunning(service, 120_000);
    }
  }, 400_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.service.kill()));
    await fake?.stop();
    await pool?.end();
    await db?.drop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function ask(replica: Replica, id: string, command: string, text: string, channel = "C0DESK"): Promise<string> {
    const body = slashCommandBody({ command, text, channel, responseUrl: fake.responseUrl(id) });
    const http = await signedPost(replica.events, body, SECRET);
    expect(http.status, replica.service.output()).toBe(200);
    return JSON.stringify((await fake.waitForResponse(id)).body);
  }

  const digestPosts = () => fake.callsTo("chat.postMessage").filter((c) => CHANNELS.includes(String(c.body.channel)));

  it("posts each of 20 channels' digests once, then survives the ingest replica's SIGKILL", async () => {
    // Three to four minutes ahead, in UTC: every channel subscribed before its time comes, even on a busy machine.
    const due = new Date(Math.floor((Date.now() + 4 * MINUTE) / MINUTE) * MINUTE);
    const hhmm = due.toISOString().slice(11, 16);
    for (const [i, channel] of CHANNELS.entries()) {
      const answer = await ask(replicas[i % 3]!, `sub-${channel}`, "/digest", `subscribe ${hhmm} UTC`, channel);
      expect(answer).toContain(hhmm);
    }
    const subscribed = await pool.query<{ channel: string }>("SELECT channel FROM digest_subscriptions ORDER BY channel");
    expect(subscribed.rows.map((r) => r.channel)).toEqual(CHANNELS);
    expect(digestPosts()).toHaveLength(0);

    // Every process's clock moved six minutes on: past the channels' time (within the five minutes' grace). The
    // next minute's tick posts. The clocks are put back afterwards, so that the bots accept this test's signed
    // requests again (they refuse a timestamp five minutes away from their own time).
    const moveClocks = async (ms: number) => {
      await writeFile(clockFile, String(ms));
      for (const r of replicas) if (r.service.child.exitCode === null) r.service.child.kill("SIGUSR2");
    };
    await moveClocks(6 * MINUTE);
    await until("20 digests posted", () => digestPosts().length >= CHANNELS.length, 3 * MINUTE);
    const ledger = await until(
      "the ledger marks 20 digests sent",
      async () => {
        const rows = await pool.query<{ channel: string; status: string }>("SELECT channel, status FROM digest_ledger ORDER BY channel");
        return rows.rows.filter((r) => r.status === "sent").length === CHANNELS.length ? rows.rows : null;
      },
      60_000,
    );
    expect(ledger.map((r) => r.channel)).toEqual(CHANNELS);
    await moveClocks(0);

    // The ingest role's holder, from its own row (a replica writes its roles at once when they change).
    const holderRow = await until(
      "a replica holds the ingest role",
      async () => (await pool.query<{ id: string; pid: number }>("SELECT id, pid FROM replicas WHERE 'ingest' = ANY(roles) AND stopped_at IS NULL")).rows[0] ?? null,
      30_000,
    );
    const holder = replicas.find((r) => r.service.child.pid === holderRow.pid)!;
    expect(holder).toBeDefined();
    holder.service.child.kill("SIGKILL");
    await holder.service.exited;
    const survivors = replicas.filter((r) => r !== holder);
    const taken = Date.now();
    const next = await until(
      "another replica takes the ingest role",
      async () =>
        (await pool.query<{ pid: number }>("SELECT pid FROM replicas WHERE 'ingest' = ANY(roles) AND stopped_at IS NULL AND pid <> $1", [holderRow.pid])).rows[0] ?? null,
      60_000,
    );
    expect(survivors.map((r) => r.service.child.pid)).toContain(next.pid);
    console.info(`ingest role taken over ${Date.now() - taken} ms after SIGKILL`);

    // A file added once the new holder has the role: found on both survivors.
    await writeFile(join(corpus, "late-brief.txt"), "Lighthouse keeper retires at Lizard Point\n\nThe last lighthouse keeper at Lizard Point, Cornwall, retired on Friday after forty years.\n");
    const added = Date.now();
    for (const [i, r] of survivors.entries()) {
      let last = "";
      await until(
        `/sources finds the new file on survivor ${i}`,
        async () => {
          last = await ask(r, `late-${i}-${Date.now()}`, "/sources", "lighthouse keeper");
          // The excerpt's words beyond the query's (those are marked in the answer).
          return last.includes("retired on Friday after forty years") || null;
        },
        60_000,
      ).catch((error: unknown) => {
        const logs = survivors.map((x) => x.service.output().split("\n").filter((l) => !l.includes("digest posted")).join("\n").slice(-4000));
        throw new Error(`${(error as Error).message}\nlast answer: ${last}\n${logs.join("\n-----\n")}`);
      });
    }
    console.info(`new file searchable on both survivors ${Date.now() - added} ms after it was written`);

    // Still one post a channel, and every subscription kept.
    expect(digestPosts().map((c) => String(c.body.channel)).sort()).toEqual(CHANNELS);
    const after = await pool.query<{ channel: string }>("SELECT channel FROM digest_subscriptions ORDER BY channel");
    expect(after.rows.map((r) => r.channel)).toEqual(CHANNELS);
  }, 400_000);
});
