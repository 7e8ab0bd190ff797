/** One zod schema over the environment. Every problem is reported at once. */
import { z } from "zod";
import { parseDuration } from "./digest/duration.js";

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const url = optionalText.refine((s) => s === undefined || /^https?:\/\/\S+$/.test(s), "must be an http(s) URL");

export const configSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith("xapp-"), "must start with xapp-"),
    SLACK_API_URL: url,
    PORT: optionalText
      .transform((s) => (s === undefined ? 3000 : Number(s)))
      .refine((n) => Number.isInteger(n) && n >= 0 && n <= 65535, "must be a port number (0-65535)"),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.refine((s) => s === undefined || /^\d+$/.test(s), "must be a numeric id"),
    DISCORD_API_URL: url,
    DATELINE_CORPUS: optionalText,
    DATELINE_DATA_DIR: optionalText.transform((s) => s ?? ".dateline"),
    DATELINE_FEEDS: optionalText
      .transform((s) => (s ?? "").split(",").map((u) => u.trim()).filter(Boolean))
      .refine((urls) => urls.every((u) => /^https?:\/\/\S+$/.test(u)), "must be a comma-separated list of http(s) URLs"),
    DATELINE_FEED_INTERVAL: optionalText
      .transform((s) => parseDuration(s ?? "15m"))
      .refine((ms): ms is number => ms !== null, "must be a duration such as 15m, 1h or 1h30m"),
    DATELINE_FEEDS_ALLOW_PRIVATE: optionalText.transform((s) => s === "1" || s?.toLowerCase() === "true"),
    DATELINE_MAX_ARTICLE_MB: optionalText
      .transform((s) => (s === undefined ? 5 : Number(s)))
      .refine((n) => Number.isFinite(n) && n > 0 && n <= 1024, "must be a number of megabytes above 0, at most 1024"),
    /** PostgreSQL for the state shared by several replicas; without it, the files of the data folder. */
    DATABASE_URL: optionalText.refine(
      (s) => s === undefined || /^postgres(ql)?:\/\/\S+$/.test(s),
      "must be a PostgreSQL URL (postgres://user@host:5432/database)",
    ),
    LOG_LEVEL: optionalText
      .transform((s) => s?.toLowerCase() ?? "info")
      .pipe(z.enum(["debug", "info", "warn", "error", "silent"])),
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads the configuration from the environment; throws ConfigError listing every problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`);
  problems.push(...platformProblems(env));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

/** Checks across variables, on the raw environment so that they are reported together with the others. */
function platformProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  if (set("SLACK_BOT_TOKEN") && !set("SLACK_APP_TOKEN") && !set("SLACK_SIGNING_SECRET")) {
    problems.push("SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN (Socket Mode) is set");
  }
  if (!set("SLACK_BOT_TOKEN") && (set("SLACK_APP_TOKEN") || set("SLACK_SIGNING_SECRET"))) {
    problems.push("SLACK_BOT_TOKEN is required to run on Slack");
  }
  return problems;
}

export const slackEnabled = (c: Config): boolean => Boolean(c.SLACK_BOT_TOKEN);
export const discordEnabled = (c: Config): boolean => Boolean(c.DISCORD_TOKEN);
/** DATELINE_MAX_ARTICLE_MB in bytes: an article larger than this is read up to it. */
export const maxArticleBytes = (c: Config): number => Math.round(c.DATELINE_MAX_ARTICLE_MB * 2 ** 20);
