/** A small structured logger: one JSON object per line on standard error, filtered by LOG_LEVEL. */

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string) => void;

/** "json" for services (one object per line), "pretty" for people at a terminal ("warn: msg key=value"). */
export type LogFormat = "json" | "pretty";

export function createLogger(
  level: LogLevel = "info",
  sink: LogSink = (line) => process.stderr.write(line + "\n"),
  base: LogFields = {},
  format: LogFormat = "json",
): Logger {
  const write = (at: Exclude<LogLevel, "silent">, message: string, fields?: LogFields) => {
    if (order[at] < order[level]) return;
    const extra: LogFields = { ...base, ...fields };
    if (extra.err instanceof Error) extra.err = { message: extra.err.message, stack: extra.err.stack };
    if (format === "pretty") {
      const pairs = Object.entries(extra).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
      sink([`${at}: ${message}`, ...pairs].join(" "));
      return;
    }
    sink(JSON.stringify({ time: new Date().toISOString(), level: at, msg: message, ...extra }));
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (fields) => createLogger(level, sink, { ...base, ...fields }, format),
  };
}

/** A logger that keeps its lines in memory, for tests. */
export function memoryLogger(level: LogLevel = "debug"): Logger & { lines: LogFields[] } {
  const lines: LogFields[] = [];
  const logger = createLogger(level, (line) => lines.push(JSON.parse(line) as LogFields));
  return Object.assign(logger, { lines });
}
