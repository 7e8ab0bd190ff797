/** A logger for code run under load: keeps a count and the first few lines instead of printing them all. */
import { createLogger, type Logger } from "../src/core/log.js";

export interface QuietLog {
  log: Logger;
  /** Lines logged at warn or error level so far. */
  count(): number;
  /** The first few of them, for the report. */
  first(): string[];
}

export function quietLog(keep = 3): QuietLog {
  let count = 0;
  const first: string[] = [];
  const log = createLogger("warn", (line) => {
    count++;
    if (first.length < keep) first.push(line.length > 300 ? line.slice(0, 300) + "…" : line);
  });
  return { log, count: () => count, first: () => [...first] };
}
