/**
 * The data folder's lock, for holders this process cannot see: a live process of another user or container is
 * asked by pid; a holder on another host (a shared volume) counts as alive while it keeps refreshing its lock.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { DataDirInUseError, LOCK_FILE, dataDirHolder, lockDataDir } from "../../src/data-lock.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dateline-lock-unit-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lockPath = () => path.join(dir, LOCK_FILE);

it("refuses while a live process on this host holds it, and names it; takes it once that process is gone", async () => {
  const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
  try {
    await writeFile(lockPath(), JSON.stringify({ pid: other.pid, host: (await import("node:os")).hostname(), startedAt: "2026-12-02T09:00:00Z" }));
    const refused = await lockDataDir(dir, memoryLogger()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as Error).message).toContain(`pid ${other.pid}`);
    expect(await dataDirHolder(dir)).toMatchObject({ pid: other.pid });
  } finally {
    other.kill("SIGKILL");
    await new Promise((resolve) => other.once("exit", resolve));
  }
  expect(await dataDirHolder(dir)).toBeNull();
  const lock = await lockDataDir(dir, memoryLogger());
  expect(JSON.parse(await readFile(lockPath(), "utf8"))).toMatchObject({ pid: process.pid });
  await lock.release();
  await expect(readFile(lockPath())).rejects.toThrow(/ENOENT/);
});

it("a holder on another host is alive while its lock is fresh, stale once it stopped refreshing it", async () => {
  await writeFile(lockPath(), JSON.stringify({ pid: 4242, host: "another-host.example", startedAt: "2026-12-02T09:00:00Z" }));
  await expect(lockDataDir(dir, memoryLogger())).rejects.toThrow(/pid 4242 on another-host\.example/);
  const anHourAgo = new Date(Date.now() - 3_600_000);
  await utimes(lockPath(), anHourAgo, anHourAgo);
  const log = memoryLogger();
  const lock = await lockDataDir(dir, log);
  expect(log.lines.some((l) => l.msg === "took over the data folder's lock from a process that no longer runs")).toBe(true);
  await lock.release();
});
