/**
 * Composition root: config -> corpus -> index -> enabled adapters and scheduler. With no chat platform
 * configured it opens the terminal console instead, and returns when standard input ends.
 */
import type { Services } from "../commands/index.js";
import { runConsole } from "./adapters/console/console.js";
import { botFor } from "./bot-for.js";
import { discordEnabled, maxArticleBytes, slackEnabled, type Config } from "./config.js";
import type { ChannelPoster } from "./core/bot.js";
import type { Platform } from "./core/command.js";
import type { Logger } from "./core/log.js";
import { watchCorpus } from "./corpus/watch.js";
import { createDigestScheduler } from "./digest/schedule.js";
import { createDigestServices } from "./digest/services.js";
import { openNewsroom, prepareStatements } from "./open-newsroom.js";
import { offThreadComposer, offThreadDigests } from "./workers/digests.js";
import { createWorkerPool } from "./workers/pool.js";

export interface Running {
  stop(): Promise<void>;
}

export async function start(config: Config, location: string, log: Logger): Promise<Running | null> {
  const dataDir = config.DATELINE_DATA_DIR;
  // Heavy work of a running bot (a changed file read, its quotations, digests) goes to worker threads.
  const workers = createWorkerPool({ log });
  let newsroom;
  try {
    newsroom = await openNewsroom(location, { dataDir, log, maxArticleBytes: maxArticleBytes(config), workers });
  } catch (error) {
    await workers.close();
    throw error;
  }
  const digests = offThreadDigests(newsroom, { log });
  const closeWorkers = () => Promise.all([digests.close(), workers.close()]);
  // The reader has logged each skipped file or record by name; this is the summary. (Quotations are not counted
  // here: the quote book opens on first use, so that a large archive answers /sources without waiting for it.)
  log.info("corpus ready", {
    location,
    documents: newsroom.articles().length,
    skipped: newsroom.problems().filter((p) => p.severity === "error").length,
    fromSnapshot: newsroom.fromSnapshot,
  });

  const platforms: Platform[] = [];
  if (slackEnabled(config)) platforms.push("slack");
  if (discordEnabled(config)) platforms.push("discord");
  const digest = createDigestServices({ dataDir, log, platforms });
  const services: Services = Object.assign(newsroom, { digest, digests });
  const bot = botFor(() => services, log);

  // A corpus change discards the statements across outlets (a computation under way included); they are computed
  // again once the changes settle, in time slices so that commands keep being answered meanwhile.
  const restatement = debounced(() => void newsroom.statementsInBackground(), 2000);
  // New, changed and removed corpus files reach the indexes while the bot runs.
  const watcher = newsroom.isFolder
    ? watchCorpus(
        location,
        async (relPath) => {
          if ((await newsroom.refreshFile(relPath)) !== "unchanged") restatement.schedule();
        },
        { log },
      )
    : null;

  prepareStatements(newsroom, { background: platforms.length > 0 });
  if (platforms.length === 0) {
    await runConsole({ bot });
    restatement.cancel();
    newsroom.stopBackgroundWork();
    await watcher?.close();
    await newsroom.pendingWrites();
    await closeWorkers();
    return null;
  }

  const stops: Array<() => Promise<void>> = [];
  stops.push(async () => {
    restatement.cancel();
    newsroom.stopBackgroundWork();
    await watcher?.close();
    // A snapshot being written is finished (it is written atomically, so an exit would only lose it).
    await newsroom.pendingWrites();
    await closeWorkers();
  });
  // The scheduler first (no new posts), then the adapters (they finish in-flight answers), then the watcher.
  const stopAll = async () => {
    for (const stopOne of stops.splice(0).reverse()) {
      try {
        await stopOne();
      } catch (err) {
        log.error("error while stopping", { err });
      }
    }
  };
  const posters: ChannelPoster[] = [];
  try {
    if (slackEnabled(config)) {
      // Each chat library is loaded only when its platform is configured (they are slow to import).
      const { startSlack } = await import("./adapters/slack/app.js");
      const slack = await startSlack({
        bot,
        botToken: config.SLACK_BOT_TOKEN!,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        port: config.PORT,
        log: log.child({ platform: "slack" }),
      });
      stops.push(() => slack.stop());
      posters.push(slack);
    }
    if (discordEnabled(config)) {
      const { startDiscord } = await import("./adapters/discord/client.js");
      const discord = await startDiscord({
        bot,
        token: config.DISCORD_TOKEN!,
        applicationId: config.DISCORD_APPLICATION_ID,
        apiUrl: config.DISCORD_API_URL,
        log: log.child({ platform: "discord" }),
      });
      stops.push(() => discord.stop());
      posters.push(discord);
    }
    const scheduler = createDigestScheduler({
      dataDir,
      posters,
      compose: offThreadComposer(newsroom, digests),
      log,
      subscriptions: digest.subscriptions,
    });
    await scheduler.start();
    stops.push(() => scheduler.stop());
  } catch (error) {
    // A platform that cannot start (a refused token) ends start-up. What already runs is closed first: the corpus
    // watcher or an adapter already started would otherwise keep the process alive after the error is reported.
    await stopAll();
    throw error;
  }
  log.info("dateline running", { platforms });
  return { stop: stopAll };
}

/** Runs `task` once, `ms` after the last call to `schedule`. */
function debounced(task: () => void, ms: number): { schedule(): void; cancel(): void } {
  let timer: NodeJS.Timeout | null = null;
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        task();
      }, ms);
      timer.unref();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
