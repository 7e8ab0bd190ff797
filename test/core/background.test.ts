import { setImmediate as nextTurn } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { commandWaiting, sliceRan, waitingCommands } from "../../src/core/background.js";
import { createTaskQueue } from "../../src/core/turns.js";
import { runInSlices, type Steps } from "../../src/statements/steps.js";

/** A computation of `count` steps, each its own slice (sliceMs 0), noting each step in `events`. */
function* noted(name: string, count: number, events: string[]): Steps<string> {
  for (let i = 0; i < count; i++) {
    events.push(`${name} ${i}`);
    yield;
  }
  return name;
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextTurn();
}

// A slice "just ran" for a minute: the background's share then makes the next slice wait minutes, unless no command
// waits. (Reported by hand, so that nothing here depends on how fast the machine is.)
const aLongSliceJustRan = () => sliceRan(60_000);

afterEach(() => sliceRan(0));

describe("background slices give way to commands", () => {
  it("holds a background slice while a command waits, and runs it as soon as none waits", async () => {
    const events: string[] = [];
    const done = commandWaiting();
    expect(waitingCommands()).toBe(1);
    aLongSliceJustRan();
    const running = runInSlices(noted("bg", 3, events), { sliceMs: 0 });
    await turns(20);
    expect(events).toEqual([]);
    done();
    expect(waitingCommands()).toBe(0);
    await expect(running).resolves.toBe("bg");
    expect(events).toEqual(["bg 0", "bg 1", "bg 2"]);
  });

  it("does not hold a command's own slices (priority: command)", async () => {
    const events: string[] = [];
    const done = commandWaiting();
    aLongSliceJustRan();
    await expect(runInSlices(noted("compare", 3, events), { sliceMs: 0, priority: "command" })).resolves.toBe("compare");
    expect(events).toEqual(["compare 0", "compare 1", "compare 2"]);
    done();
  });

  it("runs the commands queued before the background's next slice", async () => {
    const queue = createTaskQueue();
    const events: string[] = [];
    aLongSliceJustRan();
    const commands = [0, 1, 2].map((i) => queue(() => void events.push(`command ${i}`)));
    const background = runInSlices(noted("bg", 2, events), { sliceMs: 0 });
    await Promise.all([...commands, background]);
    expect(events).toEqual(["command 0", "command 1", "command 2", "bg 0", "bg 1"]);
  });

  it("counts a task as waiting until its synchronous part is done, not while it awaits a worker", async () => {
    const queue = createTaskQueue();
    let release = (): void => undefined;
    const slow = queue(async () => {
      await new Promise<void>((resolve) => (release = resolve));
    });
    expect(waitingCommands()).toBe(1);
    await turns(3);
    // Waiting for its worker: background work may go on meanwhile.
    expect(waitingCommands()).toBe(0);
    release();
    await slow;
  });

  it("runs the slices of two background computations one at a time, a turn of the event loop between two", async () => {
    const events: string[] = [];
    let ticking = true;
    const tick = () => {
      events.push("turn");
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await Promise.all([runInSlices(noted("a", 4, events), { sliceMs: 0 }), runInSlices(noted("b", 4, events), { sliceMs: 0 })]);
    ticking = false;
    const slices = events.filter((e) => e !== "turn");
    expect(slices).toHaveLength(8);
    // Between two turns of the event loop, at most one slice (before: one slice of each computation).
    let sinceTurn = 0;
    for (const e of events) {
      sinceTurn = e === "turn" ? 0 : sinceTurn + 1;
      expect(sinceTurn).toBeLessThanOrEqual(1);
    }
  });
});
