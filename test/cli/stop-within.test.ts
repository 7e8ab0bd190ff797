/** Shutdown is bounded: a stop that does not finish in time is reported, and the caller can exit anyway. */
import { expect, it } from "vitest";
import { stopWithin } from "../../src/cli/start.js";
import { memoryLogger } from "../../src/core/log.js";

it("reports a stop that finishes, and logs one that does not finish within the bound", async () => {
  const log = memoryLogger("debug");
  expect(await stopWithin({ stop: async () => {} }, 60_000, log)).toBe(true);
  expect(log.lines.some((l) => l.msg === "stopped")).toBe(true);

  const never = new Promise<void>(() => {});
  expect(await stopWithin({ stop: () => never }, 1, log)).toBe(false);
  expect(log.lines.filter((l) => l.level === "error" && /did not finish in time/.test(String(l.msg)))).toHaveLength(1);
});
