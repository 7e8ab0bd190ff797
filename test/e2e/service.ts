/**
 * The built bot as an operator runs it: `node dist/src/cli.js start` (what `npm start` runs) in a child process,
 * configured only through its environment. Builds dist/ first when it is missing or older than the sources.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Every platform variable, so that one left in the test's own environment cannot switch a platform on. */
const PLATFORM_VARIABLES = [
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_API_URL",
  "DISCORD_TOKEN",
  "DISCORD_APPLICATION_ID",
  "DISCORD_API_URL",
];

/** The .ts files of the shipped code whose compiled .js in dist/ is missing or older. */
export function staleBuildFiles(): string[] {
  const stale: string[] = [];
  for (const folder of ["src", "commands"]) {
    for (const file of tsFiles(join(ROOT, folder))) {
      const built = join(ROOT, "dist", relative(ROOT, file)).replace(/\.ts$/, ".js");
      if (!existsSync(built) || statSync(built).mtimeMs < statSync(file).mtimeMs) stale.push(relative(ROOT, file));
    }
  }
  return stale;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/**
 * `npm run build` when dist/ is missing or stale. Type errors elsewhere do not stop tsc from emitting; a source
 * file saved again while it builds is tolerated (the build has a version of it seconds old).
 */
export function ensureBuilt(): void {
  if (staleBuildFiles().length === 0) return;
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: ROOT, encoding: "utf8" });
  if (!existsSync(join(ROOT, "dist", "src", "cli.js"))) {
    throw new Error(`the build did not produce dist/src/cli.js:\n${result.stdout}${result.stderr}`);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Service {
  readonly child: ChildProcess;
  /** Everything it wrote (standard output and error), for failure messages. */
  output(): string;
  readonly exited: Promise<Exit>;
  /** Sends SIGTERM and resolves with how it exited, or rejects when it is still running after `withinMs`. */
  terminate(withinMs: number): Promise<Exit>;
  /** Kills it if it is still running (afterAll). */
  kill(): Promise<void>;
}

export function startService(env: Record<string, string>): Service {
  const blank = Object.fromEntries(PLATFORM_VARIABLES.map((name) => [name, ""]));
  const child = spawn(process.execPath, ["dist/src/cli.js", "start"], {
    cwd: ROOT,
    env: { ...process.env, ...blank, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let running = true;
  void exited.then(() => (running = false));

  return {
    child,
    output: () => output,
    exited,
    async terminate(withinMs) {
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`still running ${withinMs} ms after SIGTERM:\n${output}`)), withinMs);
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (!running) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Resolves once something answers HTTP on the port; rejects when the service exits first or `withinMs` pass. */
export async function waitUntilListening(service: Service, port: number, withinMs = 60_000): Promise<void> {
  let exited: Exit | null = null;
  void service.exited.then((e) => (exited = e));
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the service exited (${JSON.stringify(exited)}) before listening:\n${service.output()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing listened on ${port} within ${withinMs} ms:\n${service.output()}`);
}

/**
 * Resolves once the bot logs "dateline running" (LOG_LEVEL info or finer): its adapters listen from the start,
 * answering "Dateline is starting…" until the corpus is open, so listening alone no longer means ready to answer.
 * Rejects when the service exits first or `withinMs` pass.
 */
export async function waitUntilRunning(service: Service, withinMs = 90_000): Promise<void> {
  let exited: Exit | null = null;
  void service.exited.then((e) => (exited = e));
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (/dateline running/.test(service.output())) return;
    if (exited) throw new Error(`the service exited (${JSON.stringify(exited)}) before running:\n${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not running within ${withinMs} ms (is LOG_LEVEL info?):\n${service.output()}`);
}
