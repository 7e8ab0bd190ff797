/** `dateline discord-register [--guild ID]` (`npm run register`): registers the slash commands with Discord. */
import { parseArgs } from "node:util";
import { commands } from "../../commands/index.js";
import { registerDiscordCommands } from "../adapters/discord/register.js";
import { UsageError, cliConfig, cliLogger } from "./shared.js";

export async function discordRegister(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { guild: { type: "string" } } });
  if (values.guild !== undefined && !/^\d+$/.test(values.guild)) throw new UsageError("--guild takes a numeric server id");
  const config = cliConfig();
  if (!config.DISCORD_TOKEN) throw new UsageError("DISCORD_TOKEN is not set (see .env.example)");
  if (!config.DISCORD_APPLICATION_ID) throw new UsageError("DISCORD_APPLICATION_ID is not set (see .env.example)");
  const log = cliLogger(config);
  const { registered } = await registerDiscordCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    apiUrl: config.DISCORD_API_URL,
    guildId: values.guild,
    commands,
    log,
  });
  const where = values.guild ? `in server ${values.guild} (available at once)` : "globally (may take up to an hour to appear)";
  process.stdout.write(`Registered ${registered.map((n) => `/${n}`).join(", ")} ${where}.\n`);
}
