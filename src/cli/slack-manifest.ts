/** `dateline slack-manifest [--socket | --request-url URL]`: the Slack app manifest, from the command metadata. */
import { parseArgs } from "node:util";
import { commands } from "../../commands/index.js";
import { slackManifest } from "../adapters/slack/manifest.js";
import { UsageError } from "./shared.js";

export async function slackManifestCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { socket: { type: "boolean" }, "request-url": { type: "string" }, name: { type: "string" } },
  });
  const requestUrl = values["request-url"];
  if (values.socket && requestUrl) throw new UsageError("use either --socket or --request-url, not both");
  if (!values.socket && !requestUrl) {
    throw new UsageError("say how Slack reaches the bot: --socket (Socket Mode) or --request-url https://host/slack/events");
  }
  if (requestUrl && !/^https:\/\/\S+$/.test(requestUrl)) throw new UsageError("--request-url must be an https:// URL");
  const visible = commands.filter((c) => !c.hidden);
  const manifest = slackManifest(visible, { name: values.name, requestUrl, socketMode: Boolean(values.socket) });
  process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
}
