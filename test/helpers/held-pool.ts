/** A worker pool for tests that holds the answer of one kind of job until the test lets it go. */
import type { JobInput, JobName, JobOutput } from "../../src/workers/jobs.js";
import type { WorkerPool } from "../../src/workers/pool.js";

/** A pool whose next job of one kind, once done in its worker, is held until the test lets it go (`hold`). */
export function heldPool(inner: WorkerPool, held: JobName) {
  let armed: { reached(): void; gate: Promise<void> } | null = null;
  const jobs: JobName[] = [];
  const pool: WorkerPool = {
    async run<K extends JobName>(job: K, input: JobInput<K>): Promise<JobOutput<K>> {
      jobs.push(job);
      const output = await inner.run(job, input);
      if (job === held && armed) {
        const hit = armed;
        armed = null;
        hit.reached();
        await hit.gate;
      }
      return output;
    },
    get pending() {
      return inner.pending;
    },
    get inProcess() {
      return inner.inProcess;
    },
    close: () => inner.close(),
  };
  const hold = () => {
    let release = (): void => undefined;
    let reachedNow = (): void => undefined;
    const reached = new Promise<void>((resolve) => (reachedNow = resolve));
    armed = { reached: reachedNow, gate: new Promise<void>((resolve) => (release = resolve)) };
    return { reached, release };
  };
  return { pool, jobs, hold };
}

