/**
 * What a chat adapter needs from Dateline: the command list, a way to run chat text, and autocomplete.
 * Adapters receive a BotCore and never see commands, the corpus or the index directly.
 */
import type { CommandMeta, Platform } from "./command.js";
import type { Dispatcher, DispatchOutcome } from "./dispatch.js";
import type { Logger } from "./log.js";
import type { Reply } from "./reply.js";
import { createTaskQueue } from "./turns.js";

/** Who asked, and where. */
export interface Origin {
  platform: Platform;
  user: { id: string; name?: string } | null;
  channel: string | null;
  /** 0-based page ("More results"). */
  page?: number;
  limit?: number;
  /** Shows the asker a message before the answer (see CommandContext.notify). */
  notify?(text: string): Promise<void>;
}

export type CompletionKind = "speaker" | "outlet";

export interface BotCore {
  readonly commands: readonly CommandMeta[];
  /** Runs chat text such as "/quote Lavrov Minsk". Never throws. */
  run(input: string, origin: Origin): Promise<DispatchOutcome>;
  /** Choices for a partially typed value, best first, at most `limit`. */
  complete(kind: CompletionKind, prefix: string, limit: number): string[];
  readonly log: Logger;
}

/** A channel the digest can be posted to, implemented by each chat adapter. */
export interface ChannelPoster {
  readonly platform: Platform;
  /** Posts publicly in the channel. Rejects with the platform's error when the channel cannot be posted to. */
  post(channel: string, reply: Reply): Promise<void>;
}

export function createBot<S>(options: {
  dispatcher: Dispatcher<S>;
  services: () => S;
  complete: (kind: CompletionKind, prefix: string, limit: number) => string[];
  log: Logger;
  now?: () => Date;
}): BotCore {
  const { dispatcher, log } = options;
  const now = options.now ?? (() => new Date());
  const queue = createTaskQueue();
  return {
    commands: dispatcher.commands,
    log,
    complete: (kind, prefix, limit) => {
      try {
        return options.complete(kind, prefix, limit).slice(0, limit);
      } catch (err) {
        log.error("autocomplete failed", { kind, err });
        return [];
      }
    },
    run: (input, origin) =>
      queue(() =>
        dispatcher.dispatch(input, {
          services: options.services(),
          platform: origin.platform,
          user: origin.user,
          channel: origin.channel,
          page: origin.page,
          limit: origin.limit,
          notify: origin.notify,
          log: log.child({ platform: origin.platform }),
          now,
        }),
      ),
  };
}
