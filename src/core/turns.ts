/**
 * Runs tasks one at a time, letting the event loop turn before each one. Searches are CPU work on the main
 * thread: without the turn, fifty commands arriving together would each hold up the next request's
 * acknowledgement (Slack's 3 seconds, Discord's deferral) for the whole batch; with it, an incoming request
 * waits for at most the one task that is running.
 *
 * "One at a time" is the task's work on this thread: a task that waits (for a worker thread composing a digest,
 * for a file) lets the next task start, so that one slow answer does not hold up every answer behind it.
 *
 * A task counts as waiting from when it is queued until its synchronous part is done: meanwhile background work
 * in time slices gives way to it (core/background.ts).
 */
import { setImmediate as turn } from "node:timers/promises";
import { commandWaiting } from "./background.js";

export type TaskQueue = <T>(task: () => Promise<T> | T) => Promise<T>;

export function createTaskQueue(): TaskQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T> | T): Promise<T> => {
    let yielded = (): void => undefined;
    const next = new Promise<void>((resolve) => (yielded = resolve));
    const ran = commandWaiting();
    const run = tail.then(async () => {
      await turn();
      try {
        // Returned, not awaited: the next task may start as soon as this one waits.
        return task();
      } finally {
        ran();
        yielded();
      }
    });
    tail = next;
    return run;
  };
}
