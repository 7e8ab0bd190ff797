/**
 * Who goes first on the main thread: commands before background work. Long computations of a running bot (a
 * changed article indexed, the statements across outlets, the quote book's titles and topic places, snapshots
 * opened and encoded) run as time slices (`runInSlices`, statements/steps.ts); each asks here for its turn.
 *
 * Without this, every computation under way took a slice of its own at every turn of the event loop, between two
 * commands: with four of them running (a 5 MB article being indexed, statements, titles, topic places), each
 * command of a burst waited for its own work plus some 80 ms of slices, and the fiftieth command of a burst
 * waited fifty times that (measured: half the main thread went to slices during the load scenario of
 * `npm run bench`, docs/performance.md).
 *
 * Now the slices take turns one at a time, and while commands are waiting to run (`commandWaiting`, counted by
 * the command queue, core/turns.ts) a slice runs only when the background has had less than `BACKGROUND_SHARE`
 * of the time since the last one: background work goes on under a steady load, more slowly, and at full speed
 * again as soon as no command waits.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";

/** The part of the main thread's time background slices may take while commands wait. */
export const BACKGROUND_SHARE = 0.2;

let commandsWaiting = 0;
/** Resolved when no command waits any more (made when a slice first has to wait for that). */
let idle: { promise: Promise<void>; resolve: () => void } | null = null;
/** When the last background slice ended, and how long it took. */
let lastSlice = { endedAt: Number.NEGATIVE_INFINITY, ms: 0 };
/** The slices' line: each waits for the one before it to have run; `ahead` of them wait now. */
let line: Promise<void> = Promise.resolve();
let ahead = 0;

/** A command is waiting for its turn (or running its synchronous part); call the function returned when done. */
export function commandWaiting(): () => void {
  commandsWaiting++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--commandsWaiting > 0) return;
    idle?.resolve();
    idle = null;
  };
}

/** How many commands wait for their turn now. */
export function waitingCommands(): number {
  return commandsWaiting;
}

/**
 * Resolves when a background slice may run: after the slice before it (in any computation), after a turn of the
 * event loop, and, while commands wait, once the background's share allows. The slice must run synchronously
 * right after, then be reported with `sliceRan`.
 */
export function backgroundTurn(): Promise<void> {
  // With no slice waiting, the turn is asked of the event loop now (as a plain `setImmediate` would be).
  const before = ahead > 0 ? line : null;
  ahead++;
  const turn = (async () => {
    try {
      if (before) await before;
      await waitForRoom();
    } finally {
      ahead--;
    }
  })();
  line = turn.catch(() => undefined);
  return turn;
}

/** Reports how long the slice that `backgroundTurn` allowed took. */
export function sliceRan(ms: number): void {
  lastSlice = { endedAt: performance.now(), ms };
}

async function waitForRoom(): Promise<void> {
  // After a turn: the slice allowed before this one has run (synchronously, once its turn resolved), and so
  // has the work that was waiting at this turn (a command, a request).
  await nextTurn();
  while (commandsWaiting > 0) {
    const rest = (lastSlice.ms * (1 - BACKGROUND_SHARE)) / BACKGROUND_SHARE - (performance.now() - lastSlice.endedAt);
    if (rest <= 0) return;
    if (!idle) {
      let resolve = (): void => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      idle = { promise, resolve };
    }
    const ac = new AbortController();
    await Promise.race([sleep(rest, undefined, { signal: ac.signal }).catch(() => undefined), idle.promise]);
    ac.abort();
  }
}
