/** `dateline start` (what `npm start` runs): the bot as a service, or the console when no platform is configured. */
import { discordEnabled, slackEnabled } from "../config.js";
import { createLogger, type Logger } from "../core/log.js";
import { start, type Running } from "../main.js";
import { terminalProgress } from "./progress.js";
import { UsageError, cliConfig, cliLogger, corpusLocation } from "./shared.js";

export async function startCommand(argv: string[]): Promise<void> {
  if (argv.length > 0) throw new UsageError(`start takes no arguments (got "${argv.join(" ")}")`);
  const config = cliConfig();
  const asService = slackEnabled(config) || discordEnabled(config);
  // A service logs JSON lines for its operators; the console is read by a person, so it logs as the CLI does.
  const log = asService ? createLogger(config.LOG_LEVEL) : cliLogger(config);
  // As a service, listen for SIGINT/SIGTERM from the very start: one platform may already be answering while the
  // others (or the digest scheduler) are still starting, and a signal then must not kill answers in flight. A
  // signal during start-up is kept and acted on once start-up is done. (A second signal kills, as usual.) The
  // console is left alone: there Ctrl-C must keep ending the program at once.
  const signalled = asService ? firstSignal() : null;
  // At the console a person waits for the prompt: show how the opening goes (on a terminal only).
  const running = await start(config, corpusLocation(undefined, config), log, { progress: asService ? null : terminalProgress() });
  if (!running || !signalled) return;
  const signal = await signalled;
  log.info("shutting down", { signal });
  if (!(await stopWithin(running, SHUTDOWN_TIMEOUT_MS, log))) {
    // Something did not finish (a platform that does not answer): what could be delivered was; exit anyway.
    process.exit(1);
  }
}

/** Under the 30 s most supervisors (systemd, Kubernetes, Docker) give before they kill. */
export const SHUTDOWN_TIMEOUT_MS = 25_000;

/** Stops the bot; false (logged) when it has not finished within `ms`. */
export async function stopWithin(running: Running, ms: number, log: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const stopped = running.stop().then(() => true);
  const inTime = await Promise.race([stopped, late]).finally(() => clearTimeout(timer));
  if (inTime) log.info("stopped");
  else log.error("shutdown did not finish in time: exiting with work unfinished", { timeoutMs: ms });
  return inTime;
}

/** Resolves with the first SIGINT or SIGTERM received; each handler is used once. */
function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(signal);
    };
    process.once("SIGINT", on);
    process.once("SIGTERM", on);
  });
}
