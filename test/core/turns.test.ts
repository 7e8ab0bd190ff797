import { describe, expect, it } from "vitest";
import { createTaskQueue } from "../../src/core/turns.js";

describe("task queue", () => {
  it("runs tasks one at a time, in order, and lets other callbacks run between them", async () => {
    const queue = createTaskQueue();
    const events: string[] = [];
    const busy = (name: string) => () => {
      events.push(`start ${name}`);
      // An I/O callback queued while a task runs must get its turn before the next task starts.
      setImmediate(() => events.push(`io after ${name}`));
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue(busy("a")), queue(busy("b")), queue(busy("c"))]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events.indexOf("io after a")).toBeLessThan(events.indexOf("start b"));
    expect(events.indexOf("io after b")).toBeLessThan(events.indexOf("start c"));
  });

  it("keeps going after a task fails, and gives the failure to its caller", async () => {
    const queue = createTaskQueue();
    const failed = queue(() => {
      throw new Error("boom");
    });
    const next = queue(() => "next");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });
});

describe("task queue and waiting tasks", () => {
  it("starts the next task while one waits (for a worker thread), and still runs their own work in order", async () => {
    const queue = createTaskQueue();
    const events: string[] = [];
    let release = (): void => undefined;
    const slow = queue(async () => {
      events.push("slow starts");
      await new Promise<void>((resolve) => (release = resolve));
      events.push("slow ends");
      return "slow";
    });
    const quick = queue(() => {
      events.push("quick runs");
      return "quick";
    });
    await expect(quick).resolves.toBe("quick");
    expect(events).toEqual(["slow starts", "quick runs"]);
    release();
    await expect(slow).resolves.toBe("slow");
    expect(events).toEqual(["slow starts", "quick runs", "slow ends"]);
  });
});
