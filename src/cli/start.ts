/** `dateline start` (what `npm start` runs): the bot as a service, or the console when no platform is configured. */
import { createLogger } from "../core/log.js";
import { start } from "../main.js";
import { UsageError, cliConfig, corpusLocation } from "./shared.js";

export async function startCommand(argv: string[]): Promise<void> {
  if (argv.length > 0) throw new UsageError(`start takes no arguments (got "${argv.join(" ")}")`);
  const config = cliConfig();
  const log = createLogger(config.LOG_LEVEL);
  const running = await start(config, corpusLocation(undefined, config), log);
  if (!running) return;
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info("shutting down", { signal });
      void running.stop().then(resolve);
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
}
