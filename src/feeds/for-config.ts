/** The feed poller as the configuration describes it (DATELINE_FEEDS, DATELINE_FEED_INTERVAL, the data folder). */
import type { Config } from "../config.js";
import type { Logger } from "../core/log.js";
import { createFeedPoller, type FeedPoller, type FeedPollerOptions } from "./poller.js";
import { openFileFeedState } from "./state.js";

export async function openFeedPoller(config: Config, log: Logger, extra: Partial<FeedPollerOptions> = {}): Promise<FeedPoller> {
  const dataDir = config.DATELINE_DATA_DIR;
  return createFeedPoller({
    feeds: config.DATELINE_FEEDS,
    dataDir,
    store: await openFileFeedState(dataDir, log),
    log: log.child({ component: "feeds" }),
    intervalMs: config.DATELINE_FEED_INTERVAL,
    allowPrivate: config.DATELINE_FEEDS_ALLOW_PRIVATE,
    ...extra,
  });
}
