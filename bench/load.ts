/**
 * The load scenario of `npm run bench` (run in a child process of its own, see load-scenario.ts): the bot as
 * `npm start` runs it on Slack over HTTP (src/main.ts: the corpus watched, the worker threads, the digest
 * scheduler), over a copy of the corpora in a temporary folder. A worker thread plays Slack (slack-client.ts):
 * `--requests` slash commands, `--concurrency` at a time, one in seven a `/digest`, the others the benchmark's
 * queries; when a third of them are sent, an article of `--article-mb` megabytes arrives in the corpus folder.
 *
 * The data folder is fresh, so the corpus found at start is the baseline (an archive, not news): `--arriving`
 * records of the last JSONL corpus are held back and arrive after start, in one file, before the load, so that
 * each `/digest` composes and groups the day's news as a running newsroom's does.
 *
 * Prints one JSON line: LoadFigures (results.ts), or {skipped} when the corpora are absent.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readConfig } from "../src/config.js";
import { createLogger } from "../src/core/log.js";
import { start } from "../src/main.js";
import { packageRoot } from "../src/paths.js";
import { defaultCorpusLocations } from "./corpora.js";
import { BENCH_QUERIES, queryInput } from "./queries.js";
import type { LoadFigures } from "./results.js";
import { startSlackClientThread } from "./slack-client-thread.js";
import { freePort } from "./slack-load.js";

const SECRET = "bench-load-signing-secret";
/** The large article written during the load, and the day's news arriving after start. */
const ARTICLE_FILE = "incoming-feature.txt";
const ARRIVING_FILE = "arriving-today.jsonl";

/** One command in seven a /digest, the others the benchmark's queries in turn. */
export function loadInputs(count: number): string[] {
  const queries = BENCH_QUERIES.map(queryInput);
  return Array.from({ length: count }, (_, i) => (i % 7 === 6 ? "/digest" : queries[(i - Math.floor(i / 7)) % queries.length]!));
}

/** An article of about `bytes` bytes made of the corpus's own .txt articles (a long feature, an archive dump). */
function bigArticle(corpusDir: string, bytes: number): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".txt") && texts.length < 2000) texts.push(readFileSync(full, "utf8"));
    }
  };
  walk(corpusDir);
  if (texts.length === 0) texts.push("“We will look at every option,” the minister said on Tuesday. Officials said talks would resume.\n");
  const parts: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const text = texts[i % texts.length]!;
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join("\n\n");
}

/**
 * Copies the corpora into `corpusDir`, holding back the last `count` records of the last JSONL corpus (the news
 * arriving after start); returns them as the lines of a JSONL file, with the file's name, or null when there is
 * no JSONL corpus to take them from.
 */
function copyHoldingBack(locations: readonly string[], corpusDir: string, count: number): { lines: string[]; from: string } | null {
  const source = [...locations].reverse().find((l) => statSync(l).isFile() && l.endsWith(".jsonl"));
  for (const location of locations) {
    const target = path.join(corpusDir, path.basename(location));
    if (location !== source || count <= 0) {
      cpSync(location, target, { recursive: statSync(location).isDirectory() });
      continue;
    }
    const lines = readFileSync(location, "utf8").split("\n").filter((line) => line.trim() !== "");
    const kept = Math.max(0, lines.length - count);
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(target, lines.slice(0, kept).join("\n") + "\n");
    return { lines: lines.slice(kept), from: path.basename(location) };
  }
  return null;
}

async function main(): Promise<LoadFigures | { skipped: string }> {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", multiple: true },
      requests: { type: "string", default: "300" },
      concurrency: { type: "string", default: "50" },
      "article-mb": { type: "string", default: "5" },
      arriving: { type: "string", default: "300" },
    },
  });
  const locations = values.corpus ?? defaultCorpusLocations(packageRoot());
  if (!locations) return { skipped: "../shared/corpora is absent" };
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const articleBytes = Math.round(Number(values["article-mb"]) * 2 ** 20);

  const workDir = mkdtempSync(path.join(tmpdir(), "dateline-load-"));
  const client = startSlackClientThread();
  const figures = client.figures;

  // What the bot logs: warnings and errors counted, and when the new article was taken into the indexes.
  let warnings = 0;
  const firstWarnings: string[] = [];
  let refreshedAt: number | null = null;
  let arrivedAt: number | null = null;
  // The acknowledgement times the Slack front door measured itself (logged when it closes).
  let serverAck: LoadFigures["serverAck"] = null;
  const log = createLogger("info", (line) => {
    const entry = JSON.parse(line) as { level: string; msg: string; ackMs?: LoadFigures["serverAck"] };
    const file = (entry as { file?: string }).file ?? "";
    if (entry.msg === "corpus file refreshed" && file.endsWith(ARTICLE_FILE)) refreshedAt = performance.now();
    if (entry.msg === "corpus file refreshed" && file.endsWith(ARRIVING_FILE)) arrivedAt = performance.now();
    if (entry.msg === "Slack front door closed") serverAck = entry.ackMs ?? null;
    if (entry.level === "warn" || entry.level === "error") {
      warnings++;
      if (firstWarnings.length < 3) firstWarnings.push(line.slice(0, 300));
    }
  });

  let running: Awaited<ReturnType<typeof start>> = null;
  try {
    const corpusDir = path.join(workDir, "corpus");
    const held = copyHoldingBack(locations, corpusDir, Number(values.arriving));
    const fakePort = await client.fakePort();
    const port = await freePort();
    const config = readConfig({
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${fakePort}/api/`,
      PORT: String(port),
      DATELINE_DATA_DIR: path.join(workDir, "data"),
    });
    const started = performance.now();
    running = await start(config, corpusDir, log);
    const startMs = performance.now() - started;
    // The day's news arrives (first seen after the baseline was taken): every /digest of the load has it to group.
    let arriving: LoadFigures["arriving"] = null;
    if (held && held.lines.length > 0) {
      const sent = performance.now();
      writeFileSync(path.join(corpusDir, ARRIVING_FILE), held.lines.join("\n") + "\n");
      for (let waited = 0; arrivedAt === null && waited < 600_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
      arriving = { records: held.lines.length, from: held.from, takenMs: arrivedAt === null ? null : (arrivedAt as number) - sent };
    }
    // The quote book and the statements are made after start-up; a few answers first, as after a quiet night.
    const base = { port, secret: SECRET, keepOpen: true as const };
    const warmUp = await figures({ ...base, inputs: ["/quote Blair Iraq", "/sources government said", "/compare economy"], requests: 3, concurrency: 1 });
    const article = bigArticle(corpusDir, articleBytes);
    const written = path.join(corpusDir, ARTICLE_FILE);
    const loadStarted = performance.now();
    // How long the bot's event loop was held (every acknowledgement waits for it).
    const loopHeld = monitorEventLoopDelay({ resolution: 10 });
    loopHeld.enable();
    const load = await figures({ ...base, inputs: loadInputs(requests), requests, concurrency, write: { afterRequests: Math.floor(requests / 3), path: written, text: article } });
    loopHeld.disable();
    // The article taken into the indexes, if not yet.
    for (let waited = 0; refreshedAt === null && waited < 120_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
    const refreshed = refreshedAt as number | null;
    // Stopped here, so that the front door logs its own acknowledgement times.
    const stopping = running;
    running = null;
    await stopping?.stop();
    return {
      corpus: { locations, articleMegabytes: articleBytes / 2 ** 20 },
      startMs,
      warmUpMs: warmUp.wallMs,
      load,
      eventLoopDelay: { p99: loopHeld.percentile(99) / 1e6, max: loopHeld.max / 1e6 },
      arriving,
      articleIndexedMs: refreshed === null || load.writtenAtMs === null ? null : refreshed - loadStarted - load.writtenAtMs,
      serverAck,
      warnings,
      firstWarnings,
    };
  } finally {
    await running?.stop();
    await client.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

// Run as a script (the benchmark's child process); imported, it only lends `loadInputs`.
if (process.argv[1] && existsSync(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (report) => {
      process.stdout.write(JSON.stringify(report) + "\n");
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
