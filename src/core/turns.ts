/**
 * Runs tasks one at a time, letting the event loop turn before each one. Searches are CPU work on the main
 * thread: without the turn, fifty commands arriving together would each hold up the next request's
 * acknowledgement (Slack's 3 seconds, Discord's deferral) for the whole batch; with it, an incoming request
 * waits for at most the one task that is running.
 */
import { setImmediate as turn } from "node:timers/promises";

export type TaskQueue = <T>(task: () => Promise<T> | T) => Promise<T>;

export function createTaskQueue(): TaskQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T> | T): Promise<T> => {
    const run = tail.then(async () => {
      await turn();
      return task();
    });
    // The next task waits for this one whatever its outcome; the caller still sees the rejection.
    tail = run.catch(() => undefined);
    return run;
  };
}
