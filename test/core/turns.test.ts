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
