/**
 * One writer per data folder, checked from outside with the built bot (`node dist/src/cli.js start`) against the
 * fake Slack: a second bot on the same DATELINE_DATA_DIR exits at once naming the first; `dateline ask` works beside
 * it and writes nothing; a lock left by a killed bot is taken over, and temporary files left by interrupted writes
 * are removed at start. A data folder that cannot be written still gives answers, with a warning.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeSlack } from "../slack/fake-slack.js";
import { ROOT, ensureBuilt, freePort, startService, waitUntilListening, waitUntilRunning, type Service } from "./service.js";

const SECRET = "lock-signing-secret-0123456789";
const EXIT_WITHIN_MS = 30_000;

let fake: FakeSlack;
let dataDir: string;
const services: Service[] = [];

beforeAll(async () => {
  ensureBuilt();
  fake = await FakeSlack.start();
  dataDir = mkdtempSync(join(tmpdir(), "dateline-lock-"));
}, 180_000);

afterAll(async () => {
  await Promise.all(services.map((s) => s.kill()));
  await fake?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function bot(): Promise<{ service: Service; port: number }> {
  const port = await freePort();
  const service = startService({
    DATELINE_DATA_DIR: dataDir,
    DATELINE_CORPUS: "seeds",
    LOG_LEVEL: "info",
    SLACK_BOT_TOKEN: "xoxb-lock",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
  });
  services.push(service);
  return { service, port };
}

/** Resolves with how it exited; rejects when it still runs after EXIT_WITHIN_MS. */
async function exitOf(service: Service) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running:\n${service.output()}`)), EXIT_WITHIN_MS);
  });
  return Promise.race([service.exited, late]).finally(() => clearTimeout(timer));
}

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["dist/src/cli.js", ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "", ...env },
    encoding: "utf8",
  });
}

/** Every file under the folder with its content, to see that nothing was written. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[path] = `${statSync(path).mtimeMs}:${readFileSync(path).length}`;
    }
  };
  walk(dir);
  return out;
}

/** The pid of a process that has exited (nothing runs under it now). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

describe("one bot per data folder", () => {
  test("a second bot exits at once naming the first; `ask` answers beside it and writes nothing", async () => {
    const first = await bot();
    await waitUntilListening(first.service, first.port);
    // Listening comes before the corpus is read: the folder is left alone once the bot runs.
    await waitUntilRunning(first.service);
    const lock = JSON.parse(readFileSync(join(dataDir, "bot.lock"), "utf8")) as { pid: number };
    expect(lock.pid).toBe(first.service.child.pid);

    const second = await bot();
    const exit = await exitOf(second.service);
    expect(exit.code, second.service.output()).toBe(1);
    expect(second.service.output()).toContain(`in use by another Dateline bot: pid ${first.service.child.pid}`);
    expect(second.service.output()).toContain(join(dataDir, "bot.lock"));

    const before = contents(dataDir);
    const asked = cli(["ask", "/sources neutrality"], { DATELINE_DATA_DIR: dataDir, DATELINE_CORPUS: "seeds" });
    expect(asked.status, asked.stderr).toBe(0);
    expect(asked.stdout).toMatch(/^Sources for “neutrality”/);
    expect(contents(dataDir)).toEqual(before);

    // The first bot still answers, and gives the folder back when it stops.
    expect(await first.service.terminate(EXIT_WITHIN_MS)).toEqual({ code: 0, signal: null });
    expect(readdirSync(dataDir)).not.toContain("bot.lock");
  }, 120_000);

  test("a lock left by a killed bot is taken over; temporary files of interrupted writes are removed", async () => {
    const gone = await deadPid();
    writeFileSync(join(dataDir, "bot.lock"), JSON.stringify({ pid: gone, host: (await import("node:os")).hostname(), startedAt: "earlier" }));
    const indexDir = readdirSync(dataDir).find((name) => name.startsWith("index-"))!;
    const leftovers = [join(dataDir, `first-seen.json.${gone}.0a1b2c3d.tmp`), join(dataDir, indexDir, `snapshot.${gone}.ffee0011.tmp`)];
    for (const file of leftovers) writeFileSync(file, "half written");
    // A temporary file of a writer that still runs (this test) is left alone.
    const live = join(dataDir, `digest-ledger.json.${process.pid}.12345678.tmp`);
    writeFileSync(live, "being written");

    const { service, port } = await bot();
    await waitUntilListening(service, port);
    expect(service.output()).toContain("took over the data folder's lock");
    expect(JSON.parse(readFileSync(join(dataDir, "bot.lock"), "utf8"))).toMatchObject({ pid: service.child.pid });
    const files = Object.keys(contents(dataDir));
    for (const file of leftovers) expect(files).not.toContain(file);
    expect(files).toContain(live);
    rmSync(live);

    service.child.kill("SIGKILL");
    await service.exited;
  }, 120_000);
});

describe("a data folder that cannot be written", () => {
  test("`ask` still answers, with a warning", () => {
    const blocker = join(dataDir, "a-file");
    writeFileSync(blocker, "not a folder");
    // Nothing can be created under a file: every write of the data folder fails, as on a read-only disk.
    const asked = cli(["ask", "/sources neutrality"], { DATELINE_DATA_DIR: join(blocker, "data"), DATELINE_CORPUS: "seeds" });
    expect(asked.status, asked.stderr).toBe(0);
    expect(asked.stdout).toMatch(/^Sources for “neutrality”/);
    expect(asked.stderr).toMatch(/warn: .*(cannot save|could not save)/);
    const quoted = cli(["ask", "/quote Spoljaric neutrality"], { DATELINE_DATA_DIR: join(blocker, "data"), DATELINE_CORPUS: "seeds" });
    expect(quoted.status, quoted.stderr).toBe(0);
    expect(quoted.stdout).toContain("Spoljaric");
  });
});
