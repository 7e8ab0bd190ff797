import { describe, expect, it } from "vitest";
import { percentile, ratio, summarize } from "../../bench/stats.js";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("returns a sample actually measured, never an interpolation", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([1, 10], 50)).toBe(1);
    expect(percentile([1, 10], 51)).toBe(10);
  });

  it("takes the maximum at 100 and the minimum at 0", () => {
    expect(percentile([3, 5, 9], 100)).toBe(9);
    expect(percentile([3, 5, 9], 0)).toBe(3);
  });

  it("with few samples, p99 is the worst one", () => {
    expect(percentile([1, 2, 3, 4, 50], 99)).toBe(50);
  });

  it("refuses no samples and percentiles outside 0..100", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("sorts the samples itself and leaves the input alone", () => {
    const samples = [9, 1, 5, 3, 7];
    const s = summarize(samples);
    expect(s).toEqual({ n: 5, p50: 5, p95: 9, p99: 9, max: 9, mean: 5 });
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });

  it("is null for no samples", () => {
    expect(summarize([])).toBeNull();
  });
});

describe("ratio", () => {
  it("divides, and is null when a side is missing or the baseline is zero", () => {
    expect(ratio(5, 2)).toBe(2.5);
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(5, undefined)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
  });
});
