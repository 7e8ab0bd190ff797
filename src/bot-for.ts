/** Wires the command list, a newsroom and autocomplete into the BotCore that every adapter talks to. */
import { commands, type Services } from "../commands/index.js";
import { createBot, type BotCore, type CompletionKind } from "./core/bot.js";
import { createDispatcher } from "./core/dispatch.js";
import type { Logger } from "./core/log.js";
import { foldAccentsAndCase } from "./text/fold.js";

export function botFor(services: () => Services, log: Logger, now?: () => Date): BotCore {
  return createBot({
    dispatcher: createDispatcher(commands),
    services,
    log,
    now,
    complete: (kind, prefix, limit) => complete(services(), kind, prefix, limit),
  });
}

/** Speaker names (canonical first, then aliases) or outlets that start with, then contain, what was typed. */
function complete(services: Services, kind: CompletionKind, prefix: string, limit: number): string[] {
  if (kind === "speaker") {
    const typed = prefix.trim();
    const speakers = typed ? services.quotes.speakers.suggest(typed, limit) : [...services.quotes.speakers.speakers].sort((a, b) => b.quotes - a.quotes);
    return speakers.slice(0, limit).map((s) => s.name);
  }
  const outlets = new Map<string, number>();
  for (const a of services.articles()) if (a.outlet) outlets.set(a.outlet, (outlets.get(a.outlet) ?? 0) + 1);
  const want = foldAccentsAndCase(prefix).trim();
  const names = [...outlets.keys()].sort((a, b) => outlets.get(b)! - outlets.get(a)! || a.localeCompare(b));
  const starts = names.filter((n) => foldAccentsAndCase(n).trim().startsWith(want));
  const contains = names.filter((n) => !starts.includes(n) && foldAccentsAndCase(n).trim().includes(want));
  return [...starts, ...contains].slice(0, limit);
}
