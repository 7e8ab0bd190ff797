/**
 * Replicas in `npm run bench` (issue 18): bot processes as an operator runs them (`dateline start`, Slack over HTTP)
 * on one PostgreSQL database, over a copy of the corpora. The first holds the ingest role and stores the corpus;
 * the second loads it from the database. A worker thread plays Slack (slack-client.ts) and sends the same slash
 * commands, first all to one replica, then round-robin to two (a load balancer in front of them). Also timed: a
 * file written into the corpus folder until /sources finds it on the replica that did not read it.
 *
 * Needs DATABASE_URL (a server where a database may be created: `dateline_bench_<pid>` is made and dropped);
 * without it the part is skipped with a note.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { packageRoot } from "../src/paths.js";
import { loadInputs } from "./load.js";
import { failure, type ReplicaOutcome, type SlackFigures } from "./results.js";
import { startSlackClientThread } from "./slack-client-thread.js";
import { freePort } from "./slack-load.js";
import type { LatencySummary } from "./stats.js";

const SECRET = "bench-replicas-signing-secret";

interface Bot {
  child: ChildProcess;
  port: number;
  output(): string;
  /** Whether the bot logged "dateline running": its corpus is indexed (it listens, answering "starting", before). */
  running(): boolean;
}

function startBot(env: Record<string, string>, nodeArgs: readonly string[]): Bot {
  const child = spawn(process.execPath, [...nodeArgs, path.join(packageRoot(), "dist", "src", "cli.js"), "start"], {
    // LOG_LEVEL info: the bench waits for "dateline running".
    env: { ...process.env, LOG_LEVEL: "info", DISCORD_TOKEN: "", SLACK_APP_TOKEN: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let running = false;
  const keep = (d: Buffer) => {
    out = (out + d.toString("utf8")).slice(-4000);
    running ||= out.includes("dateline running");
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, port: Number(env.PORT), output: () => out, running: () => running };
}

/** Until the bot answers from its corpus (it listens earlier, answering "Dateline is starting" until then). */
async function listening(bot: Bot, withinMs: number): Promise<void> {
  const end = Date.now() + withinMs;
  while (Date.now() < end) {
    if (bot.child.exitCode !== null) throw new Error(`a replica exited (${bot.child.exitCode}): ${bot.output().slice(-500)}`);
    if (bot.running()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`a replica was not running within ${withinMs} ms: ${bot.output().slice(-500)}`);
}

export async function runReplicas(locations: readonly string[], options: { requests: number; concurrency: number; nodeArgs: readonly string[] }): Promise<ReplicaOutcome> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { skipped: "DATABASE_URL is not set (replicas share a PostgreSQL database)" };
  const name = `dateline_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  const bots: Bot[] = [];
  const workDir = mkdtempSync(path.join(tmpdir(), "dateline-replicas-"));
  const client = startSlackClientThread();
  const figures = client.figures;
  let created = false;
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    created = true;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const corpusDir = path.join(workDir, "corpus");
    for (const location of locations) cpSync(location, path.join(corpusDir, path.basename(location)), { recursive: statSync(location).isDirectory() });
    const fakePort = await client.fakePort();
    const envFor = async (i: number) => ({
      DATABASE_URL: url.toString(),
      DATELINE_DATA_DIR: path.join(workDir, `data-${i}`),
      DATELINE_CORPUS: corpusDir,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${fakePort}/api/`,
      PORT: String(await freePort()),
    });
    let t = performance.now();
    bots.push(startBot(await envFor(0), options.nodeArgs));
    await listening(bots[0]!, 30 * 60_000);
    const ingest = performance.now() - t;
    t = performance.now();
    bots.push(startBot(await envFor(1), options.nodeArgs));
    await listening(bots[1]!, 30 * 60_000);
    const follower = performance.now() - t;
    const ports = bots.map((b) => b.port);
    const base = { port: ports[0]!, secret: SECRET, keepOpen: true as const };
    // Warm-up on each (the quote book opened), then the load on one, then round-robin on two.
    for (const port of ports) await figures({ ...base, port, inputs: ["/quote Blair Iraq", "/sources government said", "/compare economy"], requests: 3, concurrency: 1 });
    const inputs = loadInputs(options.requests);
    const one = await figures({ ...base, inputs, requests: options.requests, concurrency: options.concurrency });
    const two = await figures({ ...base, ports, inputs, requests: options.requests, concurrency: options.concurrency });

    // A new file on the ingest side, searched for on the other replica.
    const word = `zqxreplica${process.pid}`;
    writeFileSync(path.join(corpusDir, `${word}.txt`), `Replica check\n\nThe bench wrote ${word} into the corpus folder.\n`);
    const written = performance.now();
    let fileSearchableMs: number | null = null;
    for (let tries = 0; tries < 600 && fileSearchableMs === null; tries++) {
      // The file's name is cited only by a hit: "no article matches" repeats the word typed, never the file.
      const found = await figures({ ...base, port: ports[1]!, inputs: [`/sources ${word}`], requests: 1, concurrency: 1, expect: `${word}.txt` });
      if (found.matched === 1) fileSearchableMs = performance.now() - written;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { corpus: { locations: [...locations] }, startMs: { ingest, follower }, one, two, fileSearchableMs };
  } catch (error) {
    return failure(error);
  } finally {
    await client.close();
    for (const bot of bots) bot.child.kill("SIGTERM");
    await Promise.all(bots.map((b) => (b.child.exitCode === null ? new Promise((resolve) => b.child.once("exit", resolve)) : null)));
    if (created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  }
}

const ms = (x: number | null | undefined) => (x === null || x === undefined ? "-" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const summary = (s: LatencySummary | null | undefined) => (s ? `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (${s.n})` : "-");

export function renderReplicas(outcome: ReplicaOutcome): string[] {
  if ("error" in outcome) return [`Replicas: not measured: ${outcome.error}`];
  if ("skipped" in outcome) return [`Replicas: skipped: ${outcome.skipped}`];
  const line = (label: string, f: SlackFigures) =>
    `  ${label}: ${f.requests} commands, ${f.concurrency} at once, ${ms(f.wallMs)}, ${f.failed} failed; ack ${summary(f.ack)}; answer ${summary(f.answer)}`;
  return [
    "Replicas (bot processes on one PostgreSQL database, Slack over HTTP; one in seven commands a /digest):",
    `  start-up: the ingest holder ${ms(outcome.startMs.ingest)} (reads and stores the corpus), the second ${ms(outcome.startMs.follower)} (loads the stored corpus)`,
    line("one replica", outcome.one),
    line("two replicas, round-robin", outcome.two),
    `  a file written into the corpus folder found by /sources on the other replica after ${ms(outcome.fileSearchableMs)}`,
  ];
}
