/**
 * The bot the adapters talk to from the moment they listen: while the corpus is read and the index opened, every
 * command is answered at once, privately, with where start-up stands ("Dateline is starting (still reading the
 * corpus: 1,200 of 5,000 files)…"), instead of waiting unanswered (a large first start reads for minutes, and Slack
 * gives 3 s). Once the newsroom is open, `ready(bot)` hands every later command to the real bot.
 */
import { commands } from "../commands/index.js";
import type { BotCore } from "./core/bot.js";
import { createDispatcher, type DispatchOutcome } from "./core/dispatch.js";
import type { Logger } from "./core/log.js";

/** Where start-up stands. */
export type StartStage =
  | { stage: "corpus"; done: number; total: number }
  | { stage: "index"; done: number; total: number }
  | { stage: "opening" };

export interface StartingBot extends BotCore {
  /** Start-up has moved on: the next starting reply says so. */
  progress(stage: StartStage): void;
  /** The newsroom is open: every command from now on goes to `bot`. */
  ready(bot: BotCore): void;
}

export function startingBot(log: Logger): StartingBot {
  let real: BotCore | null = null;
  let stage: StartStage = { stage: "opening" };
  const meta = createDispatcher(commands).commands;
  return {
    commands: meta,
    log,
    progress(next) {
      stage = next;
    },
    ready(bot) {
      real = bot;
    },
    complete: (kind, prefix, limit) => (real ? real.complete(kind, prefix, limit) : []),
    run(input, origin): Promise<DispatchOutcome> {
      if (real) return real.run(input, origin);
      const text = startingText(stage);
      const name = /^\/?(\w+)/.exec(input.trim())?.[1]?.toLowerCase() ?? null;
      return Promise.resolve({
        input,
        command: name !== null && meta.some((c) => c.name === name) ? name : null,
        ok: false,
        error: "starting",
        results: [],
        reply: { visibility: "private", text, blocks: [{ type: "paragraph", text }] },
      });
    },
  };
}

/** "Dateline is starting (still reading the corpus: 1,200 of 5,000 files). Ask again in a moment." */
export function startingText(stage: StartStage): string {
  const count = (n: number) => n.toLocaleString("en");
  const where =
    stage.stage === "corpus"
      ? `still reading the corpus: ${count(stage.done)} of ${count(stage.total)} files`
      : stage.stage === "index"
        ? `indexing the corpus: ${count(stage.done)} of ${count(stage.total)} passages`
        : "opening the corpus";
  return `Dateline is starting (${where}). Ask again in a moment.`;
}
