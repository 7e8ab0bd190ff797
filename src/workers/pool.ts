/**
 * A small pool of worker threads that run the jobs of `jobs.ts` (corpus files read, quotations extracted,
 * digests composed), so that the event loop keeps serving chat requests while they run. Jobs wait in order for
 * a free worker. A worker that crashes fails its job and is replaced; a pool whose workers cannot start at all
 * (no compiled worker module) runs the jobs in this thread instead, with a warning, so that nothing is lost.
 *
 * Workers are started on first use and do not keep the process alive while idle.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Logger } from "../core/log.js";
import { runJob, type JobInput, type JobName, type JobOutput } from "./jobs.js";
import { workerScript } from "./locate.js";

export interface WorkerPool {
  /**
   * Runs the job in a worker. `transfer`: buffers of `input` moved to the worker instead of copied (unusable here
   * afterwards; ignored when the jobs run in this thread).
   */
  run<K extends JobName>(job: K, input: JobInput<K>, transfer?: readonly ArrayBuffer[]): Promise<JobOutput<K>>;
  /** Jobs waiting or running. */
  readonly pending: number;
  /** True once the workers could not start: jobs run on this thread (a long job then holds the event loop). */
  readonly inProcess?: boolean;
  /** Terminates the workers; jobs still waiting or running are rejected. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads (default: one fewer than the cores, at least 1, at most 4). */
  size?: number;
  log: Logger;
  /** Module the workers run (default: the compiled worker.js, see locate.ts). */
  script?: URL;
}

interface Task {
  job: JobName;
  input: unknown;
  transfer: readonly ArrayBuffer[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

type Reply = { ok: true; output: unknown } | { ok: false; error: { message: string; stack?: string; code?: string } };

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export function createWorkerPool(options: PoolOptions): WorkerPool {
  const size = options.size ?? defaultPoolSize();
  const log = options.log.child({ component: "workers" });
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let closed = false;
  let inProcess = false;

  function start(): Slot | null {
    let worker: Worker;
    try {
      worker = new Worker(options.script ?? workerScript());
    } catch (error) {
      // The compiled module is missing (a build never run): the jobs still get done, here.
      log.warn("worker threads unavailable; running heavy jobs on the main thread", { err: error });
      inProcess = true;
      return null;
    }
    worker.unref();
    const slot: Slot = { worker, task: null };
    worker.on("message", (reply: Reply) => {
      const task = slot.task;
      slot.task = null;
      worker.unref();
      if (task) {
        if (reply.ok) task.resolve(reply.output);
        else task.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack, code: reply.error.code }));
      }
      next();
    });
    worker.on("error", (error) => fail(slot, error));
    worker.on("exit", (code) => fail(slot, new Error(`worker thread exited with code ${code}`)));
    slots.push(slot);
    return slot;
  }

  /** A worker died: its job fails, and another worker takes its place for the jobs waiting. */
  function fail(slot: Slot, error: unknown): void {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    const task = slot.task;
    slot.task = null;
    if (task) {
      if (!closed) log.error("worker thread failed", { job: task.job, err: error });
      task.reject(error);
    }
    if (!closed) next();
  }

  function next(): void {
    while (queue.length > 0 && !closed) {
      if (inProcess) {
        const task = queue.shift()!;
        // After the current callback, as a worker's answer would come.
        setImmediate(() => {
          try {
            task.resolve(runJob(task.job, task.input as never));
          } catch (error) {
            task.reject(error);
          }
        });
        continue;
      }
      const slot = slots.find((s) => s.task === null) ?? (slots.length < size ? start() : null);
      if (!slot) {
        if (inProcess) continue;
        return;
      }
      const task = queue.shift()!;
      slot.task = task;
      // A busy worker keeps the process alive until its answer is in (a CLI awaiting it must not exit first).
      slot.worker.ref();
      slot.worker.postMessage({ job: task.job, input: task.input }, [...task.transfer]);
    }
  }

  return {
    run<K extends JobName>(job: K, input: JobInput<K>, transfer: readonly ArrayBuffer[] = []): Promise<JobOutput<K>> {
      if (closed) return Promise.reject(new Error("the worker pool is closed"));
      return new Promise<JobOutput<K>>((resolve, reject) => {
        queue.push({ job, input, transfer, resolve: resolve as (value: unknown) => void, reject });
        next();
      });
    },
    get pending() {
      return queue.length + slots.filter((s) => s.task !== null).length;
    },
    get inProcess() {
      return inProcess;
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error("the worker pool is closed"));
      await Promise.all(
        slots.splice(0).map(async (slot) => {
          slot.task?.reject(new Error("the worker pool is closed"));
          await slot.worker.terminate();
        }),
      );
    },
  };
}
