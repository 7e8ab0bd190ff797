import { describe, expect, it } from "vitest";
import { loadInputs } from "../../bench/load.js";
import { renderLoad } from "../../bench/load-scenario.js";
import { BenchUsageError, parseBenchOptions } from "../../bench/options.js";
import type { LoadFigures } from "../../bench/results.js";

describe("the load scenario", () => {
  it("sends a /digest in every seven commands, the benchmark's queries between them", () => {
    const inputs = loadInputs(70);
    expect(inputs.filter((i) => i === "/digest")).toHaveLength(10);
    expect(inputs.every((i, n) => (n % 7 === 6) === (i === "/digest"))).toBe(true);
    expect(inputs.filter((i) => i !== "/digest").every((i) => /^\/(sources|quote) \S/.test(i))).toBe(true);
  });

  it("is run alone with --only load and left out with --skip load", () => {
    expect(parseBenchOptions(["--only", "load"]).only).toBe("load");
    expect(parseBenchOptions([]).only).toBeNull();
    expect(parseBenchOptions(["--skip", "load"]).skip.has("load")).toBe(true);
    expect(() => parseBenchOptions(["--only", "slack"])).toThrow(BenchUsageError);
  });

  it("says which targets are met", () => {
    const summary = (p99: number, max: number) => ({ n: 10, p50: p99 / 2, p95: p99, p99, max, mean: p99 / 2 });
    const figures = (ackP99: number, answerMax: number): LoadFigures => ({
      corpus: { locations: ["x"], articleMegabytes: 5 },
      startMs: 1000,
      warmUpMs: 100,
      load: { requests: 10, concurrency: 5, ack: summary(ackP99, ackP99), answer: summary(answerMax, answerMax), failed: 0, wallMs: 2000, answerByCommand: {}, notes: 1, writtenAtMs: 50 },
      eventLoopDelay: { p99: 50, max: 200 },
      articleIndexedMs: 900,
      warnings: 0,
      firstWarnings: [],
    });
    expect(renderLoad(figures(400, 3000)).filter((l) => /^\s+(ok|MISS)/.test(l)).map((l) => l.trim().split(" ")[0])).toEqual(["ok", "ok"]);
    expect(renderLoad(figures(1400, 6000)).filter((l) => /^\s+(ok|MISS)/.test(l)).map((l) => l.trim().split(" ")[0])).toEqual(["MISS", "MISS"]);
    expect(renderLoad({ skipped: "../shared/corpora is absent" })).toEqual(["Load scenario: skipped: ../shared/corpora is absent"]);
  });
});
