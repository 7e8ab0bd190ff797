/**
 * While the corpus is still being read, commands get an immediate private answer saying so, with how far the
 * reading is ("Dateline is starting (still reading the corpus: N of M files)"), through the real Bolt app and
 * the console; once the newsroom is open, the same adapters answer from it (src/starting-bot.ts).
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { readCorpusFile, type CorpusFileReader } from "../../src/corpus/load.js";
import { openCorpus } from "../../src/corpus/open.js";
import { openNewsroom } from "../../src/open-newsroom.js";
import { startingBot, startingText } from "../../src/starting-bot.js";
import { consoleAsk, slackOver, type SlackSide } from "./harness.js";
import { SEEDS } from "./seed-truth.js";
import { slackVisibleText, type SlackBlockLike } from "./shown.js";

let dir: string;
let slack: SlackSide;
const starting = startingBot(memoryLogger("warn"));
/** The last progress the corpus reader reported. */
let reported = { done: -1, total: -1 };
let release: () => void = () => undefined;
let reading: Promise<unknown> = Promise.resolve();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-starting-"));
  await cp(SEEDS, join(dir, "corpus"), { recursive: true });
  slack = await slackOver(starting);
  // The corpus read as a start reads it, with one file held back until the test lets it go.
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  const reader: CorpusFileReader = async (root, relPath, options) => {
    if (first) {
      first = false;
      await held;
    }
    return readCorpusFile(root, relPath, options);
  };
  reading = openCorpus(join(dir, "corpus"), {
    dataDir: null,
    log: memoryLogger("warn"),
    reader,
    onFile: (done, total) => {
      reported = { done, total };
      starting.progress({ stage: "corpus", done, total });
    },
  });
  // Every file but the held one is read.
  while (reported.total < 0 || reported.done < reported.total - 1) await new Promise((resolve) => setTimeout(resolve, 10));
}, 60_000);

afterAll(async () => {
  release();
  await reading;
  await slack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a bot still reading its corpus", () => {
  test("answers a Slack slash command at once, privately, with how far it has read", async () => {
    expect(reported.total).toBeGreaterThan(1);
    const answer = await slack.ask("sources", "neutrality");
    const expected = `Dateline is starting (still reading the corpus: ${reported.done} of ${reported.total} files). Ask again in a moment.`;
    expect(startingText({ stage: "corpus", ...reported })).toBe(expected);
    expect(answer.body.response_type).toBe("ephemeral");
    expect(slackVisibleText(answer.body.blocks as SlackBlockLike[])).toContain(`still reading the corpus: ${reported.done} of ${reported.total} files`);
  });

  test("answers on the console the same way", async () => {
    const printed = await consoleAsk(starting, "/quote Lavrov Minsk");
    expect(printed).toContain(`Dateline is starting (still reading the corpus: ${reported.done} of ${reported.total} files)`);
  });

  test("offers no completions", () => {
    expect(starting.complete("speaker", "La", 5)).toEqual([]);
  });

  test("answers from the corpus through the same adapter once it is open", async () => {
    release();
    await reading;
    const newsroom = await openNewsroom(join(dir, "corpus"), { dataDir: null, log: memoryLogger("warn") });
    starting.ready(botFor(() => newsroom, memoryLogger("warn")));
    const answer = await slack.ask("sources", "neutrality");
    const shown = slackVisibleText(answer.body.blocks as SlackBlockLike[]);
    expect(shown).not.toContain("Dateline is starting");
    expect(shown).toContain("neutrality");
    expect(starting.complete("speaker", "Lav", 5).length).toBeGreaterThan(0);
  });
});
