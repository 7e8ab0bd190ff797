import { describe, expect, it } from "vitest";
import { loadInputs } from "../../bench/load.js";
import { renderLoad } from "../../bench/load-scenario.js";
import { BenchUsageError, parseBenchOptions } from "../../bench/options.js";
import type { LoadFigures } from "../../bench/results.js";
import { noDigestAnswers, readDigestAnswer } from "../../bench/slack-client.js";
import { digestReply } from "../../src/digest/render.js";
import type { Digest } from "../../src/digest/types.js";

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

  it("counts /digest answers with stories, still being read, and with nothing new apart, from the replies /digest renders", () => {
    const digest = (articles: number, reading: number, stories: number): Digest => ({
      from: "2026-12-03T00:00:00Z",
      to: "2026-12-03T12:00:00Z",
      late: false,
      articles,
      ungrouped: 0,
      ...(reading > 0 ? { reading } : {}),
      stories: Array.from({ length: stories }, (_, i) => ({ headline: `Story ${i}`, articles: [], quotes: [], outlets: [], score: 1 })) as unknown as Digest["stories"],
      templated: [],
      speakers: [],
      documents: {},
    });
    // The answer as the Slack client receives it: the reply's JSON, text and blocks.
    const answer = (d: Digest) => JSON.stringify(digestReply(d));
    const counts = noDigestAnswers();
    readDigestAnswer(answer(digest(0, 300, 0)), counts);
    readDigestAnswer(answer(digest(0, 0, 0)), counts);
    readDigestAnswer(answer(digest(0, 0, 0)), counts);
    // With stories (the renderer's summary line, as src/digest/render.ts words it), with and without a reading note.
    readDigestAnswer("Dateline digest: 218 new articles in 143 stories since 3 Dec. 3 more new articles are still being read: not in this digest yet.", counts);
    readDigestAnswer("Dateline digest: 300 new articles in 175 stories since 3 Dec.", counts);
    expect(counts).toEqual({ withStories: 2, articles: 300, stories: 175, withStoriesMoreReading: 1, stillReading: 1, nothingNew: 2 });
    const rendered = renderLoad({
      corpus: { locations: ["x"], articleMegabytes: 5 },
      startMs: 1000,
      warmUpMs: 100,
      load: { requests: 3, concurrency: 3, ack: null, answer: null, failed: 0, wallMs: 2000, answerByCommand: {}, notes: 0, writtenAtMs: 50, digests: counts },
      eventLoopDelay: { p99: 50, max: 200 },
      articleIndexedMs: 900,
      warnings: 0,
      firstWarnings: [],
    });
    expect(rendered.find((l) => l.includes("/digest answers"))).toMatch(/1 "still being read" \(no story yet\), 2 "nothing new"/);
  });
});
