import { describe, expect, it } from "vitest";
import type { BenchQuery } from "../../bench/queries.js";
import { latencyByCommand, slowestQueries, timeQueries, WARM_UP } from "../../bench/timing.js";

const queries: BenchQuery[] = [
  { command: "sources", kind: "common", text: "a" },
  { command: "quote", kind: "rare", text: "b c" },
  { command: "sources", kind: "long", text: "d" },
];

describe("timeQueries", () => {
  it("warms up on the first queries of each command untimed, then times every repetition, keeping what the first timed run found", async () => {
    const calls: string[] = [];
    const times = await timeQueries(queries, 3, 60_000, (q) => {
      calls.push(q.text);
      return q.text.length;
    });
    // Both /sources queries and the one /quote query (WARM_UP of each command at most), then three timed passes.
    expect(WARM_UP).toBeGreaterThanOrEqual(2);
    expect(calls).toHaveLength(3 + queries.length * 3);
    expect(calls.slice(0, 6)).toEqual(["a", "d", "b c", "a", "b c", "d"]);
    expect(times.found).toEqual([1, 3, 1]);
    expect(times.samples.map((s) => s.length)).toEqual([3, 3, 3]);
    expect(times.complete).toBe(true);
  });

  it("once the budget is spent, still times every query once, then stops and says so", async () => {
    let calls = 0;
    const times = await timeQueries(queries, 100, -1, async () => {
      calls++;
      return 0;
    });
    expect(calls).toBe(3 + queries.length);
    expect(times.samples.map((s) => s.length)).toEqual([1, 1, 1]);
    expect(times.complete).toBe(false);
  });
});

describe("latencyByCommand and slowestQueries", () => {
  const times = { samples: [[1, 2], [50], [3, 9]], found: [4, 0, 2], complete: true };

  it("summarizes each command over its own queries' samples", () => {
    const by = latencyByCommand(queries, times);
    expect(by.sources).toMatchObject({ n: 4, p50: 2, max: 9 });
    expect(by.quote).toMatchObject({ n: 1, p99: 50 });
  });

  it("names the slowest queries by their worst sample", () => {
    expect(slowestQueries(queries, times, 2)).toEqual([
      { input: "/quote b c", maxMs: 50, found: 0 },
      { input: "/sources d", maxMs: 9, found: 2 },
    ]);
  });
});
