/**
 * The load scenario (load.ts) from the benchmark: run in a child process of its own (the bot as `npm start` runs
 * it, its heap apart from the benchmark's indexes), and its figures rendered against the targets of issue 14.
 */
import { fileURLToPath } from "node:url";
import { runChild } from "./child.js";
import { failure, isFailed, type Failed, type LoadFigures } from "./results.js";
import type { LatencySummary } from "./stats.js";

export type LoadOutcome = LoadFigures | Failed | { skipped: string };

/** Targets: every acknowledgement within Slack's patience and more (p99 < 1 s), every answer within 5 s. */
export const ACK_P99_TARGET_MS = 1000;
export const ANSWER_TARGET_MS = 5000;

export async function runLoadScenario(locations: readonly string[], options: { requests: number; concurrency: number; nodeArgs: readonly string[] }): Promise<LoadOutcome> {
  const script = fileURLToPath(new URL("./load.js", import.meta.url));
  const args = [...locations.flatMap((l) => ["--corpus", l]), "--requests", String(options.requests), "--concurrency", String(options.concurrency)];
  try {
    return (await runChild<LoadOutcome>(script, args, options.nodeArgs, 30 * 60_000)).report;
  } catch (error) {
    return failure(error);
  }
}

const ms = (x: number | null | undefined) => (x === null || x === undefined ? "-" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const summary = (s: LatencySummary | null | undefined) => (s ? `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (${s.n})` : "-");

export function renderLoad(outcome: LoadOutcome): string[] {
  if (isFailed(outcome)) return [`Load scenario: not measured: ${outcome.error}`];
  if ("skipped" in outcome) return [`Load scenario: skipped: ${outcome.skipped}`];
  const { load } = outcome;
  const answerMax = load.answer?.max ?? null;
  const lines = [
    `Load scenario (the bot as npm start runs it on Slack over HTTP; ${load.requests} slash commands, ${load.concurrency} at once, one in seven a /digest; an article of ${outcome.corpus.articleMegabytes} MB written into the corpus when a third were sent):`,
    `  start-up ${ms(outcome.startMs)}, first answers ${ms(outcome.warmUpMs)}; load ${ms(load.wallMs)}; ${load.failed} failed; ${load.notes} "composing" notes before an answer`,
    ...(outcome.arriving
      ? [`  the day's news: ${outcome.arriving.records} records of ${outcome.arriving.from} arriving after start (not in the baseline), taken in ${ms(outcome.arriving.takenMs)} before the load`]
      : [`  the day's news: none arrived after start (no JSONL corpus to hold records back from): /digest had only the large article to group`]),
    ...(load.digests
      ? [
          `  /digest answers: ${load.digests.withStories} with stories (at most ${load.digests.articles} new articles in ${load.digests.stories} stories` +
            (load.digests.withStoriesMoreReading !== undefined ? `; ${load.digests.withStoriesMoreReading} of them saying more were still being read` : "") +
            `), ` +
            (load.digests.stillReading !== undefined ? `${load.digests.stillReading} "still being read" (no story yet), ` : "") +
            `${load.digests.nothingNew} "nothing new"`,
        ]
      : []),
    `  ack: ${summary(load.ack)}; the bot's event loop held p99 ${ms(outcome.eventLoopDelay.p99)}, at most ${ms(outcome.eventLoopDelay.max)}`,
    ...(load.ackFirst || load.ackLater
      ? [`    first request of each client loop (a new connection): ${summary(load.ackFirst)}; later ones: ${summary(load.ackLater)}`]
      : []),
    ...(outcome.serverAck
      ? [`  ack inside the bot (the front door: request read to 200 sent): p50 ${ms(outcome.serverAck.p50)}, p99 ${ms(outcome.serverAck.p99)}, max ${ms(outcome.serverAck.max)} (${outcome.serverAck.n})`]
      : []),
    `  answer: ${summary(load.answer)}`,
    ...Object.entries(load.answerByCommand).map(([command, s]) => `    ${command}: ${summary(s)}`),
    `  the ${outcome.corpus.articleMegabytes} MB article in the indexes ${ms(outcome.articleIndexedMs)} after it was written`,
    `  ${(load.ack?.p99 ?? Infinity) < ACK_P99_TARGET_MS ? "ok  " : "MISS"} ack p99 ${ms(load.ack?.p99)} (target < ${ms(ACK_P99_TARGET_MS)})`,
    `  ${load.failed === 0 && answerMax !== null && answerMax <= ANSWER_TARGET_MS ? "ok  " : "MISS"} every answer within ${ms(ANSWER_TARGET_MS)}: slowest ${ms(answerMax)}, ${load.failed} unanswered`,
  ];
  if (outcome.warnings > 0) lines.push(`  the bot logged ${outcome.warnings} warnings/errors, first: ${outcome.firstWarnings[0] ?? ""}`);
  return lines;
}
