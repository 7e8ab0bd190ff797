import { describe, expect, it } from "vitest";
import { BenchUsageError, parseBenchOptions } from "../../bench/options.js";

describe("parseBenchOptions", () => {
  it("has defaults: the shared corpora as they are, 5 repetitions, a table, 200 Slack requests 50 at a time", () => {
    const o = parseBenchOptions([]);
    expect(o).toMatchObject({ corpora: [], passages: null, repetitions: 5, json: false, slackRequests: 200, concurrency: 50, budgetSeconds: 60 });
    expect([...o.skip]).toEqual([]);
  });

  it("takes repeated --corpus, --passages with separators, --queries, --json and --skip", () => {
    const o = parseBenchOptions(["--corpus", "a", "--corpus", "b.jsonl", "--passages", "1_000_000", "--queries", "3", "--json", "--skip", "slack"]);
    expect(o.corpora).toEqual(["a", "b.jsonl"]);
    expect(o.passages).toBe(1_000_000);
    expect(o.repetitions).toBe(3);
    expect(o.json).toBe(true);
    expect(o.skip.has("slack")).toBe(true);
  });

  it("refuses bad numbers, unknown options and unknown parts to skip", () => {
    expect(() => parseBenchOptions(["--passages", "0"])).toThrow(BenchUsageError);
    expect(() => parseBenchOptions(["--queries", "two"])).toThrow(/--queries/);
    expect(() => parseBenchOptions(["--fast"])).toThrow(BenchUsageError);
    expect(() => parseBenchOptions(["--skip", "dateline"])).toThrow(/--skip/);
    expect(() => parseBenchOptions(["extra"])).toThrow(BenchUsageError);
  });
});
