/** Bolt's (and the Web API and Socket Mode clients') Logger interface over Dateline's structured logger. */
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../core/log.js";

const rank: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

/**
 * Every line goes to `log` with `source` (e.g. "bolt") and `platform: "slack"`. The level Bolt sets filters on
 * top of our own LOG_LEVEL. setName is ignored: Bolt shares one logger between its parts and renames it as it
 * goes, which would only make the source field misleading.
 */
export function boltLogger(log: Logger, source: string, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  const target = log.child({ platform: "slack", source });
  const write = (at: LogLevel, msg: unknown[]) => {
    if (rank[at] < rank[current]) return;
    const text = msg.map(describe).join(" ");
    target[at](text);
  };
  return {
    debug: (...msg: unknown[]) => write(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => write(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => write(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => write(LogLevel.ERROR, msg),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: () => {},
  };
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
