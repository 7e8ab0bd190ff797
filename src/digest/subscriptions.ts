/**
 * Which channels get a daily digest, at what local time, in which time zone: `<dataDir>/digest-subscriptions.json`.
 * One subscription per channel (subscribing again replaces it). The file is read on every call, so that the
 * /digest command and the scheduler always agree even when they hold separate stores.
 */
import { join } from "node:path";
import { z } from "zod";
import type { Platform } from "../core/command.js";
import type { Logger } from "../core/log.js";
import { createWriteQueue, readTextIfExists, setAsideCorrupt, writeFileAtomic } from "../state-file.js";

export const SUBSCRIPTIONS_FILE = "digest-subscriptions.json";

/** "07:30" or "7:30"; hours 00-23, minutes 00-59. */
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The canonical IANA name of a time zone ("europe/paris" -> "Europe/Paris"), or null when unknown. */
export function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][\w+-]*(?:\/[\w+-]+)*$/.test(zone)) return null;
  try {
    // Intl throws a RangeError for a zone it does not know.
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Known zones close to a mistyped one ("Europe/Pari" -> Europe/Paris), best first. */
export function suggestTimeZones(zone: string, limit = 3): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  const wanted = zone.toLowerCase();
  const city = wanted.split("/").pop() ?? wanted;
  const scored = zones
    .map((z) => {
      const lower = z.toLowerCase();
      const zoneCity = lower.split("/").pop() ?? lower;
      return { z, d: Math.min(editDistance(wanted, lower), editDistance(city, zoneCity)) };
    })
    .filter(({ d }) => d <= Math.max(2, Math.floor(city.length / 3)))
    .sort((a, b) => a.d - b.d || a.z.localeCompare(b.z));
  return scored.slice(0, limit).map(({ z }) => z);
}

export const EXAMPLE_ZONES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC"];

export function unknownZoneMessage(zone: string): string {
  const close = suggestTimeZones(zone);
  const hint = close.length > 0 ? `Did you mean ${close.join(", ")}?` : `Try for example ${EXAMPLE_ZONES.join(", ")}.`;
  return `“${zone}” is not a time zone I know. Use an IANA name (Area/City). ${hint}`;
}

export const timeSchema = z
  .string()
  .regex(TIME, { message: "The time is HH:MM on a 24-hour clock, from 00:00 to 23:59 (for example 07:30)." })
  .transform((t) => {
    const [h, m] = t.split(":");
    return `${h!.padStart(2, "0")}:${m}`;
  });

export const zoneSchema = z.string().transform((zone, ctx) => {
  const canonical = canonicalTimeZone(zone);
  if (canonical) return canonical;
  ctx.addIssue({ code: "custom", message: unknownZoneMessage(zone) });
  return z.NEVER;
});

const platformSchema = z.enum(["slack", "discord", "console", "cli"]);

export const subscriptionSchema = z.object({
  platform: platformSchema,
  channel: z.string().min(1).max(200),
  /** Local time of day, "HH:MM". */
  time: timeSchema,
  /** IANA time zone name. */
  zone: zoneSchema,
  /** When the subscription was made (ISO): a digest due before that is not owed. */
  createdAt: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
});

export type Subscription = z.output<typeof subscriptionSchema>;

const fileSchema = z.object({ version: z.literal(1), subscriptions: z.array(z.unknown()) });

export interface SubscriptionStore {
  list(): Promise<Subscription[]>;
  get(platform: Platform, channel: string): Promise<Subscription | null>;
  /** Validates and stores (replacing the channel's previous subscription). Throws a ZodError on bad input. */
  subscribe(input: { platform: Platform; channel: string; time: string; zone: string }, now: Date): Promise<Subscription>;
  /** Returns whether the channel had a subscription. */
  unsubscribe(platform: Platform, channel: string): Promise<boolean>;
}

export function openSubscriptions(dataDir: string, log: Logger): SubscriptionStore {
  const path = join(dataDir, SUBSCRIPTIONS_FILE);
  const enqueue = createWriteQueue();

  async function read(): Promise<Subscription[]> {
    const text = await readTextIfExists(path);
    if (text === null) return [];
    let raw: unknown[];
    try {
      raw = fileSchema.parse(JSON.parse(text)).subscriptions;
    } catch (error) {
      // Salvaged as the ledger is: the readable entries are kept, the damaged file is set aside.
      const kept = salvage(text);
      const aside = await setAsideCorrupt(path, new Date()).catch(() => null);
      log.error("digest subscriptions file was damaged; kept the entries that could be read", {
        path,
        keptAs: aside,
        recovered: kept.length,
        err: String(error),
      });
      await write(kept).catch((again: unknown) => log.warn("could not write the salvaged subscriptions", { path, err: String(again) }));
      return kept;
    }
    const subscriptions: Subscription[] = [];
    for (const item of raw) {
      const parsed = subscriptionSchema.safeParse(item);
      if (parsed.success) subscriptions.push(parsed.data);
      else log.warn("skipping an invalid digest subscription", { path, item, problem: parsed.error.issues[0]?.message });
    }
    return subscriptions;
  }

  const write = (subscriptions: Subscription[]) =>
    writeFileAtomic(path, JSON.stringify({ version: 1, subscriptions }, null, 1) + "\n");

  const same = (s: Subscription, platform: Platform, channel: string) => s.platform === platform && s.channel === channel;

  return {
    list: read,
    async get(platform, channel) {
      return (await read()).find((s) => same(s, platform, channel)) ?? null;
    },
    async subscribe(input, now) {
      const subscription = subscriptionSchema.parse({ ...input, createdAt: now.toISOString() });
      await enqueue(async () => {
        const others = (await read()).filter((s) => !same(s, input.platform, input.channel));
        await write([...others, subscription]);
      });
      return subscription;
    },
    async unsubscribe(platform, channel) {
      let had = false;
      await enqueue(async () => {
        const all = await read();
        const kept = all.filter((s) => !same(s, platform, channel));
        had = kept.length !== all.length;
        if (had) await write(kept);
      });
      return had;
    },
  };
}

/** The subscriptions still readable in a damaged file: each is a flat object, found whatever surrounds it. */
function salvage(text: string): Subscription[] {
  const found: Subscription[] = [];
  for (const [candidate] of text.matchAll(/\{[^{}]*\}/g)) {
    try {
      const parsed = subscriptionSchema.safeParse(JSON.parse(candidate));
      if (parsed.success) found.push(parsed.data);
    } catch {
      // A damaged entry: lost.
    }
  }
  // One per channel: the last one written wins, as when subscribing again.
  return [...new Map(found.map((s) => [`${s.platform}\u0000${s.channel}`, s])).values()];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
