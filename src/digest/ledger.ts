/**
 * The digest ledger, `<dataDir>/digest-ledger.json`: which digest was posted where, one entry per channel and
 * local day. Written atomically after every change.
 *
 * Posting follows intent -> send -> outcome: the entry is recorded as "sending" before the platform is
 * called and as "sent" (or "failed") after. After a crash between the two, the entry still says "sending":
 * the digest may have gone out, so it is never sent again that day (a possibly missed digest is better than a
 * duplicate in a newsroom channel).
 *
 * The file holds one entry per line, so that a damaged file can be salvaged line by line: readable entries
 * are kept, the damaged file is set aside, and the scheduler is told (see `wasDamaged`) so that it does not
 * post again what the lost entries may have recorded.
 */
import { join } from "node:path";
import { z } from "zod";
import type { Logger } from "../core/log.js";
import { createWriteQueue, readTextIfExists, setAsideCorrupt, writeFileAtomic } from "../state-file.js";

export const LEDGER_FILE = "digest-ledger.json";
/** Entries older than this are dropped when the ledger is written. */
const KEEP_DAYS = 60;

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: "not a date-time" });

export const ledgerEntrySchema = z.object({
  platform: z.enum(["slack", "discord", "console", "cli"]),
  channel: z.string().min(1),
  /** The subscription's local date the digest is for (YYYY-MM-DD). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  zone: z.string(),
  /** When it was due. */
  due: isoDateTime,
  /** The period it covers. */
  from: isoDateTime,
  to: isoDateTime,
  late: z.boolean(),
  /**
   * sending: recorded before the platform call (after a crash: possibly sent). sent / failed: the outcome.
   * presumed: written after a damaged ledger for a digest that may have been posted; never sent again.
   */
  status: z.enum(["sending", "sent", "failed", "presumed"]),
  intentAt: isoDateTime,
  postedAt: isoDateTime.nullable(),
  error: z.string().optional(),
  /** How many replicas have claimed it (a shared ledger retries a stale claim once). */
  attempts: z.number().int().min(1).optional(),
});

export type LedgerEntry = z.output<typeof ledgerEntrySchema>;

export interface Ledger {
  readonly entries: readonly LedgerEntry[];
  /** The channel's entry for a local day, whatever its status. */
  find(platform: string, channel: string, day: string): LedgerEntry | null;
  /** The channel's latest digest that was (or may have been) posted. */
  lastPosted(platform: string, channel: string): LedgerEntry | null;
  /** Adds or replaces the entry for (platform, channel, day) and writes the ledger. */
  record(entry: LedgerEntry): Promise<void>;
  /** True when the file was damaged at load and had to be rebuilt. */
  readonly wasDamaged: boolean;
  /**
   * Shared by several replicas (PostgreSQL): a digest is claimed before it is composed, and an unposted claim
   * older than the claim timeout is retried once. A file ledger (one process) composes first, then records.
   */
  readonly shared: boolean;
  /** Reads again what other replicas recorded (nothing to do for a file). */
  refresh(): Promise<void>;
  /**
   * Records `entry` (status "sending") unless the channel already has an entry for that day, atomically across
   * replicas; a shared ledger also takes over an unposted claim made before \`staleBefore\` and not yet retried.
   * Returns whether this process now holds the claim.
   */
  claim(entry: LedgerEntry, staleBefore: Date): Promise<boolean>;
}

export const POSTED: ReadonlySet<LedgerEntry["status"]> = new Set(["sending", "sent", "presumed"]);

export async function openLedger(dataDir: string, log: Logger, now: () => Date = () => new Date()): Promise<Ledger> {
  const path = join(dataDir, LEDGER_FILE);
  const enqueue = createWriteQueue();
  let entries: LedgerEntry[] = [];
  let wasDamaged = false;

  const text = await readTextIfExists(path);
  if (text !== null) {
    const parsed = parseLedger(text);
    entries = parsed.entries;
    if (parsed.damaged) {
      wasDamaged = true;
      const aside = await setAsideCorrupt(path, now()).catch(() => null);
      log.error("digest ledger was damaged; rebuilt from the entries that could be read", {
        path,
        keptAs: aside,
        recovered: entries.length,
        unreadable: parsed.unreadable,
      });
      await write(entries);
    }
  }

  function key(e: Pick<LedgerEntry, "platform" | "channel" | "day">): string {
    return `${e.platform}\u0000${e.channel}\u0000${e.day}`;
  }

  /** Writes `next` and makes it the ledger's content once it is on disk. */
  async function write(next: LedgerEntry[]): Promise<void> {
    const cutoff = now().getTime() - KEEP_DAYS * 86_400_000;
    const kept = next.filter((e) => Date.parse(e.intentAt) >= cutoff);
    const lines = kept.map((e) => JSON.stringify(e));
    const content = `{"version":1,"entries":[\n${lines.join(",\n")}\n]}\n`;
    await enqueue(() => writeFileAtomic(path, content));
    entries = kept;
  }

  async function record(entry: LedgerEntry): Promise<void> {
    const checked = ledgerEntrySchema.parse(entry);
    // Only what reached the disk counts: an intent that could not be written is not an intent.
    await write([...entries.filter((e) => key(e) !== key(checked)), checked]);
  }

  return {
    get entries() {
      return entries;
    },
    get wasDamaged() {
      return wasDamaged;
    },
    shared: false,
    refresh: async () => undefined,
    async claim(entry) {
      if (entries.some((e) => key(e) === key(entry))) return false;
      await record(entry);
      return true;
    },
    find: (platform, channel, day) => findEntry(entries, platform, channel, day),
    lastPosted: (platform, channel) => lastPostedEntry(entries, platform, channel),
    record,
  };
}

/** Reads a ledger file; a damaged one is salvaged line by line (each entry stands on a line of its own). */
export function parseLedger(text: string): { entries: LedgerEntry[]; damaged: boolean; unreadable: number } {
  try {
    const json = z.object({ version: z.literal(1), entries: z.array(z.unknown()) }).parse(JSON.parse(text));
    const entries = json.entries.flatMap((item) => {
      const parsed = ledgerEntrySchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    return { entries, damaged: entries.length !== json.entries.length, unreadable: json.entries.length - entries.length };
  } catch {
    const entries: LedgerEntry[] = [];
    let unreadable = 0;
    for (const line of text.split("\n")) {
      const candidate = line.trim().replace(/,$/, "");
      if (!candidate.startsWith("{") || candidate.startsWith('{"version"')) continue;
      try {
        const parsed = ledgerEntrySchema.safeParse(JSON.parse(candidate));
        if (parsed.success) entries.push(parsed.data);
        else unreadable++;
      } catch {
        unreadable++;
      }
    }
    return { entries, damaged: true, unreadable };
  }
}

/** The ledger's entry for a channel's digest of one day, if any (every ledger's `find`). */
export function findEntry(entries: readonly LedgerEntry[], platform: string, channel: string, day: string): LedgerEntry | null {
  return entries.find((e) => e.platform === platform && e.channel === channel && e.day === day) ?? null;
}

/** The channel's latest digest that was posted (every ledger's `lastPosted`). */
export function lastPostedEntry(entries: readonly LedgerEntry[], platform: string, channel: string): LedgerEntry | null {
  let last: LedgerEntry | null = null;
  for (const e of entries) {
    if (e.platform !== platform || e.channel !== channel || !POSTED.has(e.status)) continue;
    if (!last || Date.parse(e.to) > Date.parse(last.to)) last = e;
  }
  return last;
}
