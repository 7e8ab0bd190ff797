/** The worker threads' module (pool.ts): runs each job it is sent and answers with its output or its error. */
import { parentPort } from "node:worker_threads";
import { runJob, type JobName } from "./jobs.js";

const port = parentPort;
if (port) {
  port.on("message", (message: { job: JobName; input: never }) => {
    // One job at a time: the pool sends the next one only after this answer.
    void (async () => {
      try {
        port.postMessage({ ok: true, output: await runJob(message.job, message.input) });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        // The code too: a file deleted meanwhile (ENOENT) is no failure to its caller.
        port.postMessage({ ok: false, error: { message: e.message, stack: e.stack, code: (e as NodeJS.ErrnoException).code } });
      }
    })();
  });
}
