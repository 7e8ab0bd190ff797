/**
 * Composition root: config -> corpus -> index -> enabled adapters and scheduler. With no chat platform
 * configured it opens the terminal console instead, and returns when standard input ends.
 */
import type { Services } from "../commands/index.js";
import { runConsole } from "./adapters/console/console.js";
import { botFor } from "./bot-for.js";
import { discordEnabled, slackEnabled, type Config } from "./config.js";
import type { ChannelPoster } from "./core/bot.js";
import type { Logger } from "./core/log.js";
import { openNewsroom } from "./open-newsroom.js";

export interface Running {
  stop(): Promise<void>;
}

export async function start(config: Config, location: string, log: Logger): Promise<Running | null> {
  const newsroom = await openNewsroom(location, { dataDir: config.DATELINE_DATA_DIR, log });
  const skipped = newsroom.problems().filter((p) => p.severity === "error");
  for (const p of newsroom.problems()) log.warn("corpus problem", { file: p.file, line: p.line, problem: p.message });
  log.info("corpus ready", {
    location,
    documents: newsroom.articles().length,
    quotations: newsroom.quotes.quotations.length,
    skipped: skipped.length,
    fromSnapshot: newsroom.fromSnapshot,
  });
  const services: Services = newsroom;
  const bot = botFor(() => services, log);

  if (!slackEnabled(config) && !discordEnabled(config)) {
    await runConsole({ bot });
    return null;
  }

  const stops: Array<() => Promise<void>> = [];
  const posters: ChannelPoster[] = [];
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
  log.info("dateline running", { platforms: posters.map((p) => p.platform) });
  return {
    async stop() {
      // Adapters first (they finish in-flight answers), then state is flushed by the stores they use.
      for (const stopOne of stops.reverse()) {
        try {
          await stopOne();
        } catch (err) {
          log.error("error while stopping", { err });
        }
      }
    },
  };
}
