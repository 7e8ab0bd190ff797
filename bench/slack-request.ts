/** What Slack sends for a slash command, signed as Slack signs it (pure). */
import { createHmac } from "node:crypto";

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return "v0=" + createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
}

/** The form body Slack posts for a slash command typed as `input` ("/sources Kyiv"). */
export function slashCommandBody(input: string, responseUrl: string, n: number): string {
  const space = input.indexOf(" ");
  const command = space < 0 ? input : input.slice(0, space);
  const text = space < 0 ? "" : input.slice(space + 1);
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0BENCH",
    team_domain: "bench",
    channel_id: "C0BENCH",
    channel_name: "bench",
    user_id: `U0BENCH${n % 7}`,
    user_name: "bench",
    command,
    text,
    api_app_id: "A0BENCH",
    response_url: responseUrl,
    trigger_id: `1.2.${n}`,
  }).toString();
}
