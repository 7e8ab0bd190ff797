/**
 * The Discord adapter: a discord.js Client with the Guilds intent only (slash commands, autocomplete and buttons
 * arrive as interactions; no message content is read), answering through the BotCore.
 */
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { Client, Events, GatewayIntentBits, Routes } from "discord.js";
import { describeDiscordError, discordRestBase } from "./api.js";
import { handleInteraction } from "./interactions.js";
import { renderDiscord } from "./render.js";
import type { BotCore, ChannelPoster } from "../../core/bot.js";
import type { Logger } from "../../core/log.js";
import type { Reply } from "../../core/reply.js";

export interface DiscordOptions {
  bot: BotCore;
  token: string;
  /** Checked against the application the gateway reports, to catch a token from another application. */
  applicationId?: string;
  /** REST base override (DISCORD_API_URL); the gateway address then comes from its `/gateway/bot`. */
  apiUrl?: string;
  log: Logger;
  /** How long stop() waits for answers in flight before disconnecting. */
  drainMs?: number;
}

export interface DiscordHandle extends ChannelPoster {
  stop(): Promise<void>;
}

export async function startDiscord(options: DiscordOptions): Promise<DiscordHandle> {
  const log = options.log.child({ platform: "discord" });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Every message names its allowed mentions itself; this default covers anything that might not.
    allowedMentions: { parse: [] },
    rest: options.apiUrl ? { api: discordRestBase(options.apiUrl) } : {},
  });

  const inFlight = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    const task: Promise<void> = handleInteraction(interaction, { bot: options.bot, log })
      .catch((err: unknown) => log.error("interaction handler crashed", { err }))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  });
  client.on(Events.Error, (err) => log.error("discord client error", { err }));
  client.on(Events.ShardError, (err, shard) => log.warn("discord gateway error", { shard, err }));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn("discord gateway closed", { shard, code: event.code }));
  client.on(Events.Warn, (message) => log.warn("discord warning", { message }));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(options.token);
    await ready;
  } catch (err) {
    const info = describeDiscordError(err);
    log.error("discord login failed", { status: info.status, code: info.code, err });
    await client.destroy();
    throw err;
  }
  const applicationId = client.application?.id;
  if (options.applicationId && applicationId && options.applicationId !== applicationId) {
    log.warn("DISCORD_APPLICATION_ID does not match the bot token's application", {
      configured: options.applicationId,
      actual: applicationId,
    });
  }
  log.info("discord connected", { user: client.user?.tag, application: applicationId, guilds: client.guilds.cache.size });

  let stopped = false;
  return {
    platform: "discord",
    async post(channel: string, reply: Reply): Promise<void> {
      const { content, embeds, components } = renderDiscord({ ...reply, visibility: "public" });
      try {
        await client.rest.post(Routes.channelMessages(channel), {
          body: { content, embeds, components, allowed_mentions: { parse: [] } },
        });
      } catch (err) {
        const info = describeDiscordError(err);
        log.error("discord post failed", { channel, status: info.status, code: info.code, err });
        throw err;
      }
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      // Finish the answers in flight (bounded), then close the gateway; destroy() also stops reconnecting.
      const drain = new AbortController();
      const drained = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => true),
        sleep(options.drainMs ?? 10_000, false, { signal: drain.signal }).catch(() => false),
      ]);
      drain.abort();
      if (!drained) log.warn("discord stopped with answers still in flight", { unanswered: inFlight.size });
      await client.destroy();
      log.info("discord stopped");
    },
  };
}
