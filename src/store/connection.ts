/**
 * The connection to PostgreSQL (DATABASE_URL): a pool whose idle-connection errors are logged instead of ending
 * the process, a check at start that says plainly when the server cannot be reached, and retries for state
 * writes across a lost connection.
 */
import pg from "pg";
import type { Logger } from "../core/log.js";

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`cannot reach the database at ${redactUrl(url)}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "DatabaseUnreachableError";
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

/** A pool on `url`, checked with one query (throws DatabaseUnreachableError). */
export async function connectPool(url: string, log: Logger, options: { max?: number } = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 5, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // An idle client whose server went away emits 'error' on the pool: unhandled, it would end the process.
  pool.on("error", (error) => log.warn("database connection lost; it is opened again on next use", { err: error.message }));
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(url, error);
  }
  return pool;
}

/** Errors worth retrying: the connection, not the statement, failed. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? "";
  if (["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"].includes(code)) return true;
  // SQLSTATE class 08 (connection exception), 57P01-57P03 (server shutting down or starting).
  if (/^08|^57P0[123]$/.test(code)) return true;
  const message = (error as Error)?.message ?? "";
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(message);
}

export interface RetryOptions {
  attempts?: number;
  /** Wait before the first retry, doubled after each. */
  firstDelayMs?: number;
}

/**
 * Runs a state write, retrying it while the connection fails (each failure logged); other errors are thrown at
 * once. After the last attempt the error is thrown to the caller, who reports it.
 */
export async function withRetry<T>(what: string, log: Logger, run: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  let delay = options.firstDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isConnectionError(error) || attempt >= attempts) throw error;
      log.warn("database unreachable; write retried", { what, attempt, retryInMs: delay, err: (error as Error).message });
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }
}
