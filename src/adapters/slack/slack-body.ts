/**
 * What Slack posts to the HTTP endpoint, read as Bolt's HTTPReceiver reads it, and sorted by who may answer it.
 * The front door (front-door-worker.ts) answers some requests itself so that their acknowledgement never waits for
 * the main thread; the rest need the app's own acknowledgement.
 */
import { parse as parseQuery } from "node:querystring";

export type SlackBody = Record<string, unknown>;

/**
 * - `ssl-check`: Slack checking the certificate (`ssl_check=1`): an empty 200, nothing run.
 * - `url-verification`: Slack checking the Events URL: the challenge sent back.
 * - `ack-now`: slash commands and block actions, which every handler here acknowledges with an empty 200 before
 *   doing anything (app.ts): the door sends that 200 itself and hands the request to the app.
 * - `ask-bolt`: everything else (events, view submissions, options loads, shortcuts): the acknowledgement may carry
 *   a body the app decides (errors of a form, options), so the door waits for the app's.
 */
export type SlackRequestKind = "ssl-check" | "url-verification" | "ack-now" | "ask-bolt";

/**
 * The body as Bolt parses it: a form (slash commands; interactivity as a JSON `payload` field) or JSON (events).
 * Throws on a body that is neither (Bolt answers 400).
 */
export function parseSlackBody(raw: Buffer | string, contentType: string | undefined): SlackBody {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  if (mediaType(contentType) === "application/x-www-form-urlencoded") {
    const form = parseQuery(text);
    if (typeof form.payload === "string") return asObject(JSON.parse(form.payload));
    return { ...form };
  }
  return asObject(JSON.parse(text));
}

export function slackRequestKind(body: SlackBody): SlackRequestKind {
  if (body.ssl_check === "1") return "ssl-check";
  if (body.type === "url_verification") return "url-verification";
  if (typeof body.command === "string") return "ack-now";
  if (body.type === "block_actions") return "ack-now";
  return "ask-bolt";
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

function asObject(value: unknown): SlackBody {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("the body is not an object");
  return value as SlackBody;
}
