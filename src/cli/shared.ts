/** What every `dateline` subcommand shares: usage errors, the corpus location, opening the newsroom. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { maxArticleBytes, readConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../core/log.js";
import { CorpusUnreadableError } from "../corpus/types.js";
import { dataDirHolder } from "../data-lock.js";
import { openNewsroom, type OpenedNewsroom } from "../open-newsroom.js";
import { packageRoot } from "../paths.js";
import { refuseStateWrites } from "../state-file.js";

/** Bad usage or an unreadable corpus: exit status 2 with a one-line message on standard error. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** `--corpus`, then DATELINE_CORPUS, then seeds/ (here, or the one shipped with Dateline). */
export function corpusLocation(flag: string | undefined, config: Config): string {
  if (flag) return flag;
  if (config.DATELINE_CORPUS) return config.DATELINE_CORPUS;
  return existsSync("seeds") ? "seeds" : join(packageRoot(), "seeds");
}

export function cliConfig(): Config {
  try {
    return readConfig();
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\n\s*/g, " "));
  }
}

/** People read the command line's log, so it is pretty and quiet unless LOG_LEVEL says otherwise. */
export function cliLogger(config: Config): Logger {
  const level = process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn";
  return createLogger(level, undefined, {}, "pretty");
}

export async function openForCli(
  location: string,
  config: Config,
  log: Logger,
  onProgress?: (done: number, total: number) => void,
): Promise<OpenedNewsroom> {
  // Beside a running bot, read its snapshots and state but write nothing: the bot is their one writer.
  const holder = await dataDirHolder(config.DATELINE_DATA_DIR);
  if (holder) {
    refuseStateWrites(`the bot (pid ${holder.pid}) is the data folder's one writer`);
    log.info("a bot holds the data folder: reading it, writing nothing", { dataDir: config.DATELINE_DATA_DIR, pid: holder.pid });
  }
  // With DATABASE_URL, when each document was first seen is the replicas' (read, never written here).
  const url = config.DATABASE_URL;
  const firstSeen = url ? { firstSeen: async () => (await import("../store/read-only-first-seen.js")).readSharedFirstSeen(url, log) } : {};
  try {
    const newsroom = await openNewsroom(location, { dataDir: config.DATELINE_DATA_DIR, log, onProgress, maxArticleBytes: maxArticleBytes(config), ...firstSeen });
    reportProblems(newsroom, log);
    return newsroom;
  } catch (error) {
    if (error instanceof CorpusUnreadableError) throw new UsageError(error.message);
    throw error;
  }
}

/** The reader names each skipped file or record as it goes; this adds the summary, and says when nothing is left. */
function reportProblems(newsroom: OpenedNewsroom, log: Logger): void {
  const served = newsroom.articles().length;
  const skipped = newsroom.problems().filter((p) => p.severity === "error").length;
  if (skipped > 0) log.warn(`skipped ${skipped} malformed file(s) or record(s); serving the other ${served} articles`);
  if (served === 0) log.warn(`the corpus at ${newsroom.location} holds no articles (.txt, .md, .json, .jsonl, .ndjson, .html or .html.gz)`);
}

/** Parses a positive whole number option. */
export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} takes a whole number of at least 1, not "${value}"`);
  return n;
}
