/**
 * Composition root: config -> corpus -> index -> enabled adapters and scheduler. With no chat platform
 * configured it opens the terminal console instead, and returns when standard input ends.
 */
import type { Services } from "../commands/index.js";
import { runConsole, type ConsoleOptions } from "./adapters/console/console.js";
import type { Progress } from "./cli/progress.js";
import { botFor } from "./bot-for.js";
import { discordEnabled, maxArticleBytes, slackEnabled, type Config } from "./config.js";
import type { BotCore, ChannelPoster } from "./core/bot.js";
import type { Platform } from "./core/command.js";
import type { Logger } from "./core/log.js";
import { watchCorpus } from "./corpus/watch.js";
import { lockDataDir } from "./data-lock.js";
import { createDigestScheduler } from "./digest/schedule.js";
import { createDigestServices } from "./digest/services.js";
import { EAGER_STATEMENTS_MAX_ARTICLES, openNewsroom, prepareStatements } from "./open-newsroom.js";
import { removeLeftoverTemps } from "./state-file.js";
import type { Ledger } from "./digest/ledger.js";
import type { PostgresStore } from "./store/postgres.js";
import type { SharedCorpus } from "./corpus/stored-corpus.js";
import { openFeedPoller } from "./feeds/for-config.js";
import { offThreadComposer, offThreadDigests } from "./workers/digests.js";
import { createWorkerPool } from "./workers/pool.js";
import { startingBot } from "./starting-bot.js";

export interface Running {
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Shown while the corpus opens (a person at the console waits for the prompt). */
  progress?: Progress | null;
  /** The console's streams (default: standard input and output). */
  console?: Pick<ConsoleOptions, "input" | "output">;
}

export async function start(config: Config, location: string, log: Logger, options: StartOptions = {}): Promise<Running | null> {
  const dataDir = config.DATELINE_DATA_DIR;
  if (config.DATABASE_URL) {
    // Replicas share the database: no data-folder lock. Digests are claimed there, roles are advisory locks.
    // (Throws DatabaseUnreachableError, naming the server, when it cannot be reached.)
    const { openPostgresStore } = await import("./store/postgres.js");
    const shared = await openPostgresStore(config.DATABASE_URL, log.child({ component: "database" }), { replica: true });
    try {
      return await startHolding(config, location, log, () => shared.close(), options, shared);
    } catch (error) {
      await shared.close();
      throw error;
    }
  }
  // One bot per data folder: a second one stops here, naming the first. (Throws DataDirInUseError.)
  const lock = await lockDataDir(dataDir, log);
  try {
    const removed = await removeLeftoverTemps(dataDir);
    if (removed > 0) log.info("removed temporary files left by an interrupted write", { dataDir, removed });
    return await startHolding(config, location, log, lock.release, options);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function startHolding(
  config: Config,
  location: string,
  log: Logger,
  release: () => Promise<void>,
  { progress, console: consoleIO }: StartOptions,
  shared: PostgresStore | null = null,
): Promise<Running | null> {
  const dataDir = config.DATELINE_DATA_DIR;
  let ledger: Promise<Ledger> | null = null;
  const sharedState = shared
    ? { subscriptions: shared.subscriptions, ledger: () => (ledger ??= shared.openLedger()) }
    : {};
  progress?.stage(`Opening the corpus at ${location}…`);
  // Heavy work of a running bot (a changed file read, its quotations, digests) goes to worker threads.
  const workers = createWorkerPool({ log });
  // Statement grouping has a worker of its own (with its own copy of the corpus): it takes tens of seconds on a
  // large archive, which neither the other jobs nor the digests should wait behind.
  const grouping = createWorkerPool({ size: 1, log });
  const platforms: Platform[] = [];
  if (slackEnabled(config)) platforms.push("slack");
  if (discordEnabled(config)) platforms.push("discord");
  // The adapters listen before the corpus is read: until it is, each command is told that Dateline is starting.
  const starting = startingBot(log);
  const stops: Array<() => Promise<void>> = [];
  // The newsroom's work (set once it is open) stops after the adapters have finished their answers.
  let closeNewsroom: () => Promise<void> = () => Promise.all([workers.close(), grouping.close()]).then(() => undefined);
  stops.push(() => closeNewsroom());
  // The scheduler first (no new posts), then the adapters (they finish in-flight answers), then the newsroom.
  // (When start-up fails, the caller releases the lock.)
  const stopStarted = async () => {
    for (const stopOne of stops.splice(0).reverse()) {
      try {
        await stopOne();
      } catch (err) {
        log.error("error while stopping", { err });
      }
    }
  };
  // Last of all: the lock goes once nothing writes any more.
  const stopAll = async () => {
    await stopStarted();
    await release();
  };
  const posters: ChannelPoster[] = [];
  let newsroom;
  let sharedCorpus: SharedCorpus | null = null;
  try {
    posters.push(...(await startAdapters(config, starting, log, stops)));
    // Replicas index one corpus, stored in the database by the ingest role's holder (corpus/stored-corpus.ts).
    if (shared) {
      const { openSharedCorpus } = await import("./corpus/stored-corpus.js");
      sharedCorpus = await openSharedCorpus(shared, { location, dataDir, log, readOptions: { maxArticleBytes: maxArticleBytes(config) }, workers });
    }
    newsroom = await openNewsroom(location, {
      dataDir,
      log,
      onProgress: (done, total) => {
        progress?.indexed(done, total);
        starting.progress({ stage: "index", done, total });
      },
      onCorpusFiles: (done, total) => starting.progress({ stage: "corpus", done, total }),
      maxArticleBytes: maxArticleBytes(config),
      workers,
      grouping,
      ...(shared ? { firstSeen: () => shared.loadFirstSeen() } : {}),
      ...(sharedCorpus ? { corpus: { corpus: sharedCorpus.corpus, snapshotKey: sharedCorpus.snapshotKey } } : {}),
    });
  } catch (error) {
    await sharedCorpus?.stop();
    // A platform that cannot start (a refused token), or a corpus that cannot be read, ends start-up. What already
    // runs is closed first: an adapter already started would otherwise keep the process alive after the error.
    await stopStarted();
    throw error;
  }
  // Changed articles are analysed for grouping in the pool, so that the digest worker takes them quickly.
  const digests = offThreadDigests(newsroom, { log, analysis: workers });
  const closeWorkers = () => Promise.all([digests.close(), workers.close(), grouping.close()]);
  closeNewsroom = () => closeWorkers().then(() => undefined);
  // The reader has logged each skipped file or record by name; this is the summary. (Quotations are not counted
  // here: the quote book opens on first use, so that a large archive answers /sources without waiting for it.)
  log.info("corpus ready", {
    location,
    documents: newsroom.articles().length,
    skipped: newsroom.problems().filter((p) => p.severity === "error").length,
    fromSnapshot: newsroom.fromSnapshot,
  });

  // A corpus change discards the statements across outlets (a computation under way included); they are computed
  // again once the changes settle, in time slices so that commands keep being answered meanwhile.
  const restatement = debounced(() => void newsroom.statementsInBackground(), 2000);
  if (sharedCorpus) {
    newsroom.onArticlesChanged(() => restatement.schedule());
    await sharedCorpus.follow(newsroom, newsroom);
  }
  // Feeds (DATELINE_FEEDS): each new item is stored in the data folder and read into the newsroom like a corpus file.
  const feeds =
    config.DATELINE_FEEDS.length > 0
      ? await openFeedPoller(config, log, {
          ...(shared ? { store: await shared.openFeedState() } : {}),
          onStored: async (item) => {
            // Replicas: stored in the database, from which every replica (this one too) applies it.
            if (sharedCorpus) await sharedCorpus.ingest.storeFile(item.doc);
            else if ((await newsroom.refreshFile(item.doc)) !== "unchanged") restatement.schedule();
          },
        })
      : null;
  const digest = createDigestServices({ dataDir, log, platforms, ...sharedState, ...(feeds ? { feeds: () => feeds.status() } : {}) });
  const services: Services = Object.assign(newsroom, { digest, digests });
  const bot = botFor(() => services, log);
  starting.ready(bot);
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

  if (platforms.length === 0 && newsroom.articles().length <= EAGER_STATEMENTS_MAX_ARTICLES) {
    progress?.stage(`Finding the quotations and statements in ${newsroom.articles().length} articles…`);
  }
  prepareStatements(newsroom, { background: platforms.length > 0 });
  // A running bot learns the job titles and where topics stand once the quote book is open, in time slices, so
  // that `/quote the chancellor` and `/quote <topic>` find them ready; the console learns them when first asked.
  if (platforms.length > 0) {
    // The digest worker reads its copy of the corpus now, not when the first /digest is asked.
    digests.prepare();
    // The book itself opens in slices too (its snapshot decoded a few milliseconds at a time).
    void newsroom
      .quotesInBackground()
      .then(async (book) => {
        await (book ?? newsroom.quotes).titlesInBackground();
        await newsroom.quotes.placesInBackground();
      })
      .catch((error: unknown) => log.error("job titles not learnt: the quote book did not open", { err: error }));
  }
  // Replicas: one of them, the ingest role's holder, polls the feeds; another takes over if it goes away.
  if (feeds && sharedCorpus) await sharedCorpus.alsoOnIngest({ gained: () => feeds.start(), lost: () => feeds.stop() });
  else feeds?.start();
  closeNewsroom = async () => {
    await feeds?.stop();
    await sharedCorpus?.stop();
    restatement.cancel();
    newsroom.stopBackgroundWork();
    await watcher?.close();
    // A snapshot being written is finished (it is written atomically, so an exit would only lose it).
    await newsroom.pendingWrites();
    await closeWorkers();
  };
  if (platforms.length === 0) {
    await runConsole({ bot, ...consoleIO });
    await stopAll();
    return null;
  }

  try {
    const scheduler = createDigestScheduler({
      dataDir,
      posters,
      compose: offThreadComposer(newsroom, digests),
      log,
      ...sharedState,
      subscriptions: digest.subscriptions,
    });
    await scheduler.start();
    stops.push(() => scheduler.stop());
  } catch (error) {
    await stopStarted();
    throw error;
  }
  // The e2e helpers wait for this line: commands are answered from the corpus from now on.
  log.info("dateline running", { platforms });
  return { stop: stopAll };
}

/**
 * Starts the configured chat platforms over `bot` (each library loaded only when its platform is configured: they
 * are slow to import), pushing how to stop each onto `stops`; the posters the digest scheduler posts through.
 */
async function startAdapters(config: Config, bot: BotCore, log: Logger, stops: Array<() => Promise<void>>): Promise<ChannelPoster[]> {
  const posters: ChannelPoster[] = [];
  if (slackEnabled(config)) {
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
  return posters;
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
