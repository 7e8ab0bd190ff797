/** Running a benchmark step in a fresh Node process, for "time from process start to first answer". */
import { spawn } from "node:child_process";

export interface ChildRun<T> {
  /** Wall time from spawn to the child's exit, seen from the parent (includes Node's own start-up). */
  wallMs: number;
  /** The JSON object the child printed as its last stdout line. */
  report: T;
  /** The last few KB of its standard error (its log). */
  stderr: string;
}

/** Runs `node [nodeArgs] script [args]`, killing it after `timeoutMs`; rejects on failure with its stderr tail. */
export function runChild<T>(script: string, args: readonly string[], nodeArgs: readonly string[], timeoutMs: number): Promise<ChildRun<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err = (err + d).slice(-4000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !last) {
        reject(new Error(`${script} exited with ${signal ?? code}${signal === "SIGKILL" ? " (timed out)" : ""}: ${err.trim().split("\n").slice(-3).join(" | ")}`));
        return;
      }
      try {
        resolve({ wallMs, report: JSON.parse(last) as T, stderr: err });
      } catch {
        reject(new Error(`${script} printed no JSON report: ${last.slice(0, 200)}`));
      }
    });
  });
}
