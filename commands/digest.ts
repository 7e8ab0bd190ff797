/**
 * /digest: the digest now (private), and the channel's daily digest: subscribe, unsubscribe, status.
 */
import { z } from "zod";
import { defineCommand, type CommandContext, type CommandResult, type ParsedArgs } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import type { Block, Reply } from "../src/core/reply.js";
import { digestJson } from "../src/digest/compose.js";
import { digestForNewsroom, digestInChat, type DigestSource } from "../src/digest/for-newsroom.js";
import type { Digest } from "../src/digest/types.js";
import { statementsIfReadyOrStarted } from "../src/statements/when-ready.js";
import type { OffThreadDigests } from "../src/workers/digests.js";
import { digestReply, formatWhen } from "../src/digest/render.js";
import { parseInstant } from "../src/digest/duration.js";
import { digestPeriod, nextDue } from "../src/digest/schedule.js";
import type { DigestServices } from "../src/digest/services.js";
import type { FeedReport } from "../src/feeds/poller.js";
import { timeSchema } from "../src/digest/subscriptions.js";
import { typedZoneSchema } from "../src/digest/zone-abbreviations.js";

export type { DigestServices } from "../src/digest/services.js";

/**
 * What /digest needs from ctx.services: the newsroom, the digest stores when the bot has them, and a worker
 * thread to compose digests in when it has one.
 */
export type DigestCommandServices = DigestSource & { digest?: DigestServices; digests?: OffThreadDigests };

export type DigestArgs =
  /** `from`/`to`: a given period (the "More stories" button carries the period of the digest it sits on). */
  | { action: "show"; from?: Date; to?: Date }
  | { action: "subscribe"; time: string; zone: string }
  | { action: "unsubscribe" }
  | { action: "status" };

const SUBCOMMANDS = "`/digest`, `/digest subscribe HH:MM [Area/City]`, `/digest unsubscribe` or `/digest status`";

const schema = z.custom<ParsedArgs>().transform((args, ctx): DigestArgs => {
  const [first, ...rest] = args.words;
  const action = first?.toLowerCase();
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  const { from: fromText, to: toText, ...otherFilters } = args.filters;
  const stray = args.phrases[0] ?? Object.keys(otherFilters)[0];
  if (stray !== undefined) return fail(`/digest does not take “${stray}”. Use ${SUBCOMMANDS}.`);
  if (fromText !== undefined || toText !== undefined) {
    const from = fromText === undefined ? null : parseInstant(fromText);
    const to = toText === undefined ? null : parseInstant(toText);
    if (!from || !to || from >= to || action !== undefined) return fail("A digest period is `/digest from:2026-12-01T06:00Z to:2026-12-02T06:00Z`.");
    return { action: "show", from, to };
  }
  if (action === undefined) return { action: "show" };
  if (action === "unsubscribe" || action === "status") {
    if (rest.length > 0) return fail(`/digest ${action} takes nothing after it.`);
    return { action };
  }
  if (action !== "subscribe") return fail(`“${first}” is not a /digest option. Use ${SUBCOMMANDS}.`);

  const [timeText, zoneText, ...extra] = rest;
  if (!timeText) return fail("Say when: `/digest subscribe 07:30 Europe/Paris` (24-hour clock; the zone defaults to UTC).");
  if (extra.length > 0) return fail(`Too many words after the time: the zone is one IANA name such as Europe/Paris.`);
  const time = timeSchema.safeParse(timeText);
  if (!time.success) return fail(`“${timeText}” is not a time of day. ${time.error.issues[0]?.message ?? ""}`.trim());
  const zone = typedZoneSchema.safeParse(zoneText ?? "UTC");
  if (!zone.success) return fail(zone.error.issues[0]?.message ?? `“${zoneText}” is not a time zone I know.`);
  return { action: "subscribe", time: time.data, zone: zone.data };
});

export const digestCommand = defineCommand<DigestCommandServices, DigestArgs>({
  name: "digest",
  summary: "The digest of what came into the corpus, now; or manage this channel's daily digest",
  usage: "/digest [subscribe HH:MM [Area/City] | unsubscribe | status]",
  examples: ["/digest", "/digest subscribe 07:30 Europe/Paris", "/digest status"],
  visibility: "private",
  params: [
    {
      name: "options",
      description: "Empty for the digest now; or subscribe HH:MM [Area/City], unsubscribe, status",
      required: false,
      maxLength: 80,
    },
  ],
  schema,
  run(args, ctx) {
    switch (args.action) {
      case "show":
        return show(ctx, args.from && args.to ? { from: args.from, to: args.to } : null);
      case "subscribe":
        return subscribe(args.time, args.zone, ctx);
      case "unsubscribe":
        return unsubscribe(ctx);
      case "status":
        return status(ctx);
    }
  },
});

type Ctx = CommandContext<DigestCommandServices>;

function say(text: string, extra: Block[] = []): Reply {
  return { visibility: "private", text, blocks: [{ type: "paragraph", text }, ...extra] };
}

/** The channel this command manages, and the digest stores; a clear answer when either is missing. */
function channelAndStores(ctx: Ctx): { channel: string; digest: DigestServices } {
  const digest = ctx.services.digest;
  if (!digest) {
    throw new UserError("Daily digests are not set up in this Dateline (it runs without a data folder or scheduler).", "no-digest");
  }
  if (!ctx.channel || ctx.platform === "cli") {
    throw new UserError("Daily digests belong to a channel: use this command in the Slack or Discord channel that should get it.", "no-channel");
  }
  return { channel: ctx.channel, digest };
}

async function show(ctx: Ctx, period: { from: Date; to: Date } | null): Promise<CommandResult> {
  const now = ctx.now();
  const digest = ctx.services.digest;
  const subscription = digest && ctx.channel ? await digest.subscriptions.get(ctx.platform, ctx.channel) : null;
  const last = digest && ctx.channel && !period ? await digest.lastPosted(ctx.platform, ctx.channel) : null;
  const { from, to } = period ?? digestPeriod(last, now);
  const result = ctx.platform === "cli" ? digestForNewsroom(ctx.services, from, to) : await digestForChat(ctx, from, to);
  const reply = digestReply(result, { visibility: "private", zone: subscription?.zone, page: ctx.page });
  return { reply, results: [digestJson(result)] };
}

/**
 * In chat: composed in the worker thread when the bot has one (the asker is told it is coming when it is not
 * ready), and never waiting for the statements across outlets (long to compute on a large archive).
 */
async function digestForChat(ctx: Ctx, from: Date, to: Date): Promise<Digest> {
  const composer = ctx.services.digests;
  if (!composer) return digestInChat(ctx.services, from, to);
  const pending = composer.compose(from, to, false, () => statementsIfReadyOrStarted(ctx.services, false));
  if (!pending.ready) await ctx.notify?.("Composing the digest of what came into the corpus… it follows in a moment.");
  return pending.digest;
}

async function subscribe(time: string, zone: string, ctx: Ctx): Promise<CommandResult> {
  const { channel, digest } = channelAndStores(ctx);
  const now = ctx.now();
  const subscription = await digest.subscriptions.subscribe({ platform: ctx.platform, channel, time, zone }, now);
  const next = nextDue(subscription, now);
  const lines = [`This channel will get the digest every day at ${subscription.time} (${subscription.zone}).`];
  if (next) lines.push(`Next: ${formatWhen(next.toISOString(), subscription.zone)}.`);
  if (!digest.postsOn(ctx.platform)) lines.push("Note: digests are not being posted on this platform right now.");
  const text = lines.join(" ");
  return { reply: say(text), results: [subscription] };
}

async function unsubscribe(ctx: Ctx): Promise<CommandResult> {
  const { channel, digest } = channelAndStores(ctx);
  const had = await digest.subscriptions.unsubscribe(ctx.platform, channel);
  const text = had
    ? "This channel will no longer get the daily digest."
    : "This channel had no daily digest. Subscribe with `/digest subscribe 07:30 Europe/Paris`.";
  return { reply: say(text), results: [{ unsubscribed: had }] };
}

async function status(ctx: Ctx): Promise<CommandResult> {
  const { channel, digest } = channelAndStores(ctx);
  const subscription = await digest.subscriptions.get(ctx.platform, channel);
  const last = await digest.lastPosted(ctx.platform, channel);
  const feeds = digest.feeds?.() ?? [];
  const feedFields = feedStatusFields(feeds, subscription?.zone ?? "UTC");
  const feedResults = feeds.map((f) => ({ feed: f.url, ok: f.state.failures === 0, error: f.state.lastError, retryAt: f.state.retryAt }));
  if (!subscription) {
    const first = "This channel has no daily digest. Subscribe with `/digest subscribe 07:30 Europe/Paris`.";
    const reply = say(first, feedFields.length > 0 ? [{ type: "fields", fields: feedFields }] : []);
    reply.text = [first, ...feedFields.map((f) => `${f.label}: ${f.value}`)].join("\n");
    return { reply, results: [{ subscription: null, next: null, last: last?.postedAt ?? null, feeds: feedResults }] };
  }
  const zone = subscription.zone;
  const next = nextDue(subscription, ctx.now());
  const fields = [
    { label: "Every day at", value: `${subscription.time} (${zone})` },
    { label: "Next", value: next ? formatWhen(next.toISOString(), zone) : "not scheduled" },
    { label: "Last posted", value: last ? lastLine(last.postedAt ?? last.intentAt, last.status, last.late, zone) : "not yet" },
    ...feedFields,
  ];
  const text = fields.map((f) => `${f.label}: ${f.value}`).join("\n");
  const extra: Block[] = digest.postsOn(ctx.platform)
    ? []
    : [{ type: "context", text: "Digests are not being posted on this platform right now." }];
  return {
    reply: { visibility: "private", text, blocks: [{ type: "heading", text: "Daily digest" }, { type: "fields", fields }, ...extra] },
    results: [{ subscription, next: next?.toISOString() ?? null, last: last?.postedAt ?? null, feeds: feedResults }],
  };
}

/** One line per feed that fails (with its error and next try), or one saying they are all well. */
function feedStatusFields(feeds: readonly FeedReport[], zone: string): Array<{ label: string; value: string }> {
  if (feeds.length === 0) return [];
  const failing = feeds.filter((f) => f.state.failures > 0);
  const fields = [{ label: "Feeds", value: `${feeds.length - failing.length} of ${feeds.length} working` }];
  for (const f of failing) {
    const retry = f.state.retryAt ? `; next try ${formatWhen(f.state.retryAt, zone)}` : "";
    fields.push({ label: `Feed failing (${f.state.failures}×)`, value: `${f.url}: ${f.state.lastError ?? "unknown error"}${retry}` });
  }
  return fields;
}

function lastLine(at: string, status: string, late: boolean, zone: string): string {
  const when = formatWhen(at, zone);
  if (status === "sending" || status === "presumed") return `${when} (may not have arrived: interrupted)`;
  return late ? `${when} (late)` : when;
}
