/** `dateline start` (what `npm start` runs): the bot as a service, or the console when no platform is configured. */
import { discordEnabled, slackEnabled } from "../config.js";
import { createLogger } from "../core/log.js";
import { start } from "../main.js";
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
  const running = await start(config, corpusLocation(undefined, config), log);
  if (!running || !signalled) return;
  const signal = await signalled;
  log.info("shutting down", { signal });
  await running.stop();
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
