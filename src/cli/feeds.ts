/**
 * `dateline feeds [--once] [--json]`: polls the feeds of DATELINE_FEEDS and stores each new item in the data
 * folder (see feeds/poller.ts). With --once, every feed once (for cron, or to check a configuration), then
 * exits: status 1 when a feed failed. Without it, polls every DATELINE_FEED_INTERVAL until SIGINT or SIGTERM.
 * --json prints one JSON line per new item.
 */
import { parseArgs } from "node:util";
import { openFeedPoller } from "../feeds/for-config.js";
import type { StoredFeedItem } from "../feeds/poller.js";
import { UsageError, cliConfig, cliLogger } from "./shared.js";

export async function feeds(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { once: { type: "boolean" }, json: { type: "boolean" } } });
  const config = cliConfig();
  const log = cliLogger(config);
  if (config.DATELINE_FEEDS.length === 0) throw new UsageError("no feeds configured: set DATELINE_FEEDS to a comma-separated list of feed URLs");
  const print = (item: StoredFeedItem) => {
    if (values.json) process.stdout.write(JSON.stringify(item) + "\n");
    else process.stdout.write(`${item.doc}: ${item.title ?? "(no title)"}${item.origin === "feed-summary" ? ` [feed summary only: ${item.reason}]` : ""}\n`);
  };
  const poller = await openFeedPoller(config, log, { onStored: print });
  if (values.once) {
    const result = await poller.pollOnce({ force: true });
    if (!values.json) process.stderr.write(`${result.items.length} new item(s) from ${config.DATELINE_FEEDS.length} feed(s)\n`);
    if (result.failed.length > 0) {
      throw new Error(`${result.failed.length} of ${config.DATELINE_FEEDS.length} feed(s) failed: ${result.failed.map((f) => `${f.feed} (${f.error})`).join("; ")}`);
    }
    return;
  }
  poller.start();
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  log.info("stopping the feed poller", { signal });
  await poller.stop();
}
