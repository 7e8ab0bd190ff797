import { describe, expect, it } from "vitest";
import { checkTargets, computeRatios, firstAnswerPhases, markdownTable, renderReport } from "../../bench/report.js";
import type { BenchReport, EngineReport } from "../../bench/results.js";
import { summarize } from "../../bench/stats.js";

const latency = (sources: number[], quote: number[]) => ({ sources: summarize(sources), quote: summarize(quote), complete: true, slowest: [], found: [] });

function engine(over: Partial<EngineReport>): EngineReport {
  return { ingest: null, heap: null, snapshot: null, firstAnswer: null, latency: {}, slack: null, notes: [], ...over };
}

const minisearch = engine({
  ingest: { ms: 1000, mbPerSecond: 10 },
  heap: { bytes: 2000, perPassage: 2000 },
  snapshot: { bytes: 1000, writeMs: 1 },
  firstAnswer: { ms: 3000, wallMs: 3100, phases: { loadMs: 2900 }, found: 5 },
  latency: { default: latency([10, 20, 400], [5, 5, 100]), "prefix+fuzzy": latency([20, 40, 800], [10, 10, 200]) },
});
const dateline = engine({
  ingest: { ms: 2000, mbPerSecond: 5, parts: { indexMs: 1500, quotationsMs: 500, indexMbPerSecond: 6.5 } },
  heap: { bytes: 500, perPassage: 500, parts: { indexPerPassage: 400, quotationsPerPassage: 100 } },
  snapshot: { error: "Invalid string length" },
  firstAnswer: { ms: 1500, wallMs: 1600, phases: {}, found: 10 },
  latency: { dateline: latency([2, 4, 8], [1, 30, 40]) },
});

describe("computeRatios", () => {
  it("divides Dateline's figures by plain MiniSearch's from the same run", () => {
    const r = computeRatios(minisearch, dateline);
    expect(r["ingest speed (MB/s, higher is better)"]).toBe(0.5);
    expect(r["ingest speed, index only"]).toBe(0.65);
    expect(r["heap per passage"]).toBe(0.25);
    expect(r["first answer from snapshot"]).toBe(0.5);
    expect(r["/sources p99"]).toBe(8 / 400);
    expect(r["/sources p99 vs prefix+fuzzy"]).toBe(8 / 800);
    expect(r["/quote p50"]).toBe(30 / 5);
  });

  it("gives null where either side failed or was not measured", () => {
    const r = computeRatios(minisearch, dateline);
    expect(r["snapshot size"]).toBeNull();
    expect(r["Slack answer p99"]).toBeNull();
    expect(computeRatios(null, dateline)["/sources p50"]).toBeNull();
  });
});

describe("checkTargets", () => {
  it("checks each target of issue 8 and says which are met", () => {
    const targets = Object.fromEntries(checkTargets(minisearch, dateline).map((t) => [t.name, t]));
    expect(targets["/sources p99"]).toMatchObject({ met: true, value: "8.00 ms" });
    expect(targets["/quote p99"]).toMatchObject({ met: false });
    expect(targets["first answer after start"]).toMatchObject({ met: true });
    expect(targets["heap per passage"]).toMatchObject({ met: true });
    expect(targets["ingest vs MiniSearch addAll"]).toMatchObject({ met: false, value: "0.50 x" });
  });

  it("reports a figure that was not measured as unknown, not as met", () => {
    const targets = checkTargets(null, engine({}));
    expect(targets.every((t) => t.met === null && t.value === "not measured")).toBe(true);
  });
});

describe("the readable report", () => {
  it("pads a Markdown table to its widest cells", () => {
    expect(markdownTable([["a", "bb"], ["ccc", "d"]])).toBe("| a   | bb |\n| --- | -- |\n| ccc | d  |");
  });

  it("shows each engine's figure beside the other and explains failures", () => {
    const report: BenchReport = {
      date: "2026-01-01T00:00:00.000Z",
      machine: { cpus: 2, cpu: "Test CPU", memoryGiB: 24, node: "v20", platform: "linux x64" },
      corpus: { locations: ["x"], articles: 10, passages: 100, megabytes: 1, baseArticles: 5, basePassages: 50, copies: 1, loadMs: 1, replicateMs: 1 },
      repetitions: 5,
      minisearch,
      dateline,
      ratios: computeRatios(minisearch, dateline),
      targets: checkTargets(minisearch, dateline),
    };
    const text = renderReport(report);
    const row = text.split("\n").find((l) => l.startsWith("| /sources p99"));
    expect(row).toMatch(/400 ms .*800 ms .*8\.00 ms .*0\.02x/);
    expect(text).toMatch(/snapshot size .*\(Invalid string length\)/);
    expect(text).toContain("1 perturbed copies");
    expect(text).toMatch(/MISS \/quote p99: 40\.0 ms/);
  });

  it("says where the first /quote's quotations came from, with the time opening them took", () => {
    const phases = { queryMs: 5, firstQuoteMs: 1234, quotesSnapshotMs: 900 };
    const fromSnapshot = firstAnswerPhases({ ms: 10, wallMs: 20, phases, found: 1, quotations: { fromSnapshot: true } });
    expect(fromSnapshot).toBe("query 5.00 ms, firstQuote 1,234 ms (quotations from snapshot, loaded in 900 ms)");
    const extracted = firstAnswerPhases({
      ms: 10,
      wallMs: 20,
      phases: { firstQuoteMs: 5000, quotesExtractMs: 4900 },
      found: 1,
      quotations: { fromSnapshot: false, why: "no quotations snapshot yet; extracting the quotations" },
    });
    expect(extracted).toMatch(/^firstQuote 5,000 ms \(quotations EXTRACTED in 4,900 ms: the snapshot could not be used: no quotations snapshot yet/);
  });

  it("shows the quotations snapshot beside the index's without counting it in the size ratio", () => {
    const withQuotes = engine({ ...dateline, snapshot: { bytes: 500, writeMs: 1, quotes: { bytes: 3 * 1024 * 1024, writeMs: 250 } } });
    const report: BenchReport = {
      date: "2026-01-01T00:00:00.000Z",
      machine: { cpus: 2, cpu: "Test CPU", memoryGiB: 24, node: "v20", platform: "linux x64" },
      corpus: { locations: ["x"], articles: 10, passages: 100, megabytes: 1, baseArticles: 5, basePassages: 50, copies: 0, loadMs: 1, replicateMs: 1 },
      repetitions: 5,
      minisearch,
      dateline: withQuotes,
      ratios: computeRatios(minisearch, withQuotes),
      targets: checkTargets(minisearch, withQuotes),
    };
    expect(report.ratios["snapshot size"]).toBe(0.5);
    const text = renderReport(report);
    expect(text).toMatch(/\| snapshot size .*500 B \(\+ quotations 3\.00 MB\)/);
    expect(text).toContain("Dateline quotations snapshot (beside the index's, not in the size ratio): 3.00 MB, written in 250 ms");
  });
});
