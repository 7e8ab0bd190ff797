/**
 * Long computations written as generators that pause (`yield`) after each item of a heavy loop (an article, a
 * unit compared) and every thousand items of a light one, so that one body of code runs either straight through
 * (`runToEnd`: the CLI, tests, the synchronous API) or in short time slices with the event loop served between
 * them (`runInSlices`: a running bot, where a slash command must be acknowledged within 3 s while statements are
 * computed for a large archive). Both give the same result: the code and its order of work are the same.
 *
 * Slices share the articles and the quote book with the main thread as they are. A running bot groups the
 * archive's statements in a worker thread instead (src/workers/grouping.ts: a copy of every article there, 158 MB
 * of text at a million passages, for the other core's time); these steps are what it runs there, and what runs
 * here without worker threads.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { backgroundTurn, sliceRan } from "../core/background.js";

/** A computation that pauses between steps and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the computation without pausing: the same result as the sliced run, at once. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** Work this long (ms) before giving the event loop a turn (default 20). */
  sliceMs?: number;
  /** Stops the computation at the next pause; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * "background" (default): work no one is waiting on right now (a change indexed, statements, what the quote
   * book learns, snapshots); its slices take turns and give way to waiting commands (core/background.ts).
   * "command": the work of the command being answered; its slices run at every turn.
   */
  priority?: "background" | "command";
}

/**
 * Runs the computation in slices of about `sliceMs`, with turns of the event loop between them (for background
 * work, the turns core/background.ts gives: one slice at a time across computations, commands first).
 */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 20;
  const { signal } = options;
  const background = options.priority !== "command";
  try {
    for (;;) {
      // A turn first: the caller's current work (a command being answered, start-up) finishes before the first slice.
      if (background) await backgroundTurn();
      else await nextTurn();
      signal?.throwIfAborted();
      const started = performance.now();
      try {
        do {
          const step = steps.next();
          if (step.done) return step.value;
        } while (performance.now() - started < sliceMs);
      } finally {
        if (background) sliceRan(performance.now() - started);
      }
    }
  } finally {
    steps.return(undefined as never);
  }
}

/**
 * Makes `every` calls of `tick()` true once: `if (pace.tick()) yield;` in a loop pauses every `every` items.
 * (The pause itself must be written in the generator: a helper function cannot yield for it.)
 */
export function pacer(every: number): { tick(): boolean } {
  let count = 0;
  return {
    tick() {
      if (++count < every) return false;
      count = 0;
      return true;
    },
  };
}

/** Items a merge step handles before pausing; native sort runs on chunks of this size. */
const SORT_CHUNK = 4096;

/**
 * Sorts `items` in place, stably, pausing between chunks: the same order as `items.sort(compare)` (both are
 * stable, and a stable sort's result is fixed by the comparator), without holding the thread for a large array.
 */
export function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  if (items.length <= SORT_CHUNK) return items.sort(compare);
  // Runs of SORT_CHUNK sorted natively, then merged pairwise (bottom-up), taking the left item on ties.
  for (let at = 0; at < items.length; at += SORT_CHUNK) {
    const run = items.slice(at, at + SORT_CHUNK).sort(compare);
    for (let i = 0; i < run.length; i++) items[at + i] = run[i]!;
    yield;
  }
  let from = items;
  let to: T[] = new Array<T>(items.length);
  for (let width = SORT_CHUNK; width < items.length; width *= 2) {
    let done = 0;
    for (let left = 0; left < from.length; left += 2 * width) {
      const mid = Math.min(left + width, from.length);
      const end = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < end) {
        to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
        if (++done % SORT_CHUNK === 0) yield;
      }
      while (i < mid) to[k++] = from[i++]!;
      while (j < end) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
    yield;
  }
  if (from !== items) {
    for (let i = 0; i < items.length; i++) {
      items[i] = from[i]!;
      if (i % (16 * SORT_CHUNK) === 0) yield;
    }
  }
  return items;
}
