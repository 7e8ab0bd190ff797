/** The pausing helpers: run to the end or in slices, a stable sort that pauses, a map that grows in small parts. */
import { describe, expect, it } from "vitest";
import { ShardedMap, stringShard } from "../../src/statements/sharded-map.js";
import { pacer, runInSlices, runToEnd, sortInSteps, type Steps } from "../../src/statements/steps.js";
import { turnCounter } from "../helpers/turns.js";

function* countTo(n: number): Steps<number> {
  let total = 0;
  for (let i = 1; i <= n; i++) {
    total += i;
    yield;
  }
  return total;
}

/** A deterministic pseudo-random sequence (no Math.random: a failure must be reproducible). */
function numbers(count: number, seed: number, range: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % range;
  });
}

describe("steps", () => {
  it("run to the end, or in slices, to the same value", async () => {
    expect(runToEnd(countTo(1000))).toBe(500_500);
    expect(await runInSlices(countTo(1000), { sliceMs: 0 })).toBe(500_500);
  });

  it("give the event loop a turn between slices", async () => {
    const turns = turnCounter();
    await runInSlices(countTo(100), { sliceMs: 0 });
    expect(turns.stop()).toBeGreaterThanOrEqual(50);
  });

  it("close the computation when aborted (its finally blocks run)", async () => {
    let closed = false;
    function* endless(): Steps<never> {
      try {
        for (;;) yield;
      } finally {
        closed = true;
      }
    }
    const controller = new AbortController();
    const running = runInSlices(endless(), { sliceMs: 0, signal: controller.signal });
    setImmediate(() => controller.abort(new Error("stop")));
    await expect(running).rejects.toThrow("stop");
    expect(closed).toBe(true);
  });

  it("pace a loop: true once every n ticks", () => {
    const pace = pacer(3);
    expect(Array.from({ length: 7 }, () => pace.tick())).toEqual([false, false, true, false, false, true, false]);
  });

  it.each([0, 1, 4096, 4097, 10_000, 33_333])("sort %i items in the order of the native stable sort", (count) => {
    // Few distinct keys: many ties, whose original order a stable sort keeps.
    const items = numbers(count, count + 7, 50).map((key, at) => ({ key, at }));
    const expected = [...items].sort((a, b) => a.key - b.key);
    const sorted = runToEnd(sortInSteps(items, (a, b) => a.key - b.key));
    expect(sorted).toBe(items);
    expect(sorted.map((x) => x.at)).toEqual(expected.map((x) => x.at));
  });

  it("sort with a comparator on strings, descending, the same as the native sort", () => {
    const items = numbers(9000, 3, 1000).map((n, at) => ({ id: `doc-${n}`, at }));
    const compare = (a: { id: string }, b: { id: string }) => b.id.localeCompare(a.id);
    const expected = [...items].sort(compare).map((x) => x.at);
    expect(runToEnd(sortInSteps(items, compare)).map((x) => x.at)).toEqual(expected);
  });
});

describe("sharded map", () => {
  it("finds what was set, whatever shard a key falls in (negative spreads included)", () => {
    const map = new ShardedMap<number, string>((k) => k * 7919 - 50_000, 4);
    for (let k = 0; k < 2000; k++) map.set(k, `v${k}`);
    map.set(5, "again");
    expect(map.get(5)).toBe("again");
    expect(map.get(1999)).toBe("v1999");
    expect(map.get(2000)).toBeUndefined();
  });

  it("spreads terms over its shards", () => {
    const map = new ShardedMap<string, number>(stringShard, 3);
    const words = ["said", "minister", "video", "x", "über", "lavrov", "ministry", "talks", ""];
    words.forEach((w, i) => map.set(w, i));
    expect(words.map((w) => map.get(w))).toEqual(words.map((_, i) => i));
    expect(new Set(words.map((w) => stringShard(w) & 7)).size).toBeGreaterThan(4);
  });
});
