/**
 * When Dateline first saw each document, and which documents were the baseline: the corpus as found at the
 * very first start of a data folder (an archive installed with Dateline is not news). The digest uses both to
 * tell what is new (see src/digest/for-newsroom.ts).
 *
 * `FirstSeenStore` is the interface the rest of Dateline uses; `loadFirstSeen` keeps it in
 * `<dataDir>/first-seen.json`, one entry per line so that a damaged file can be salvaged line by line. Another
 * store (PostgreSQL) only has to load the entries at open and write the changed ones on `save()`.
 *
 * Entries of removed documents are kept: a file that is removed and put back is not news again.
 */
import { join } from "node:path";
import { z } from "zod";
import type { Logger } from "../core/log.js";
import { createWriteQueue, readTextIfExists, setAsideCorrupt, writeFileAtomic } from "../state-file.js";

export const FIRST_SEEN_FILE = "first-seen.json";

export interface FirstSeenEntry {
  /** ISO date-time when the document was first seen. */
  at: string;
  /** Part of the baseline: in the corpus at the data folder's first start (or re-taken after a damaged file). */
  baseline: boolean;
}

export interface FirstSeenStore {
  get(doc: string): FirstSeenEntry | null;
  /**
   * False until a baseline has been taken in this data folder (a fresh folder), and after a damaged file (the
   * documents whose entries were lost are then taken as the baseline again rather than announced as news).
   */
  readonly hasBaseline: boolean;
  /** Records every document not known yet as part of the baseline; returns how many that was. */
  takeBaseline(docs: Iterable<string>, now: Date): number;
  /** Records `now` for a document not seen before; returns its entry either way. */
  mark(doc: string, now: Date): FirstSeenEntry;
  readonly size: number;
  /** Writes the entries if they changed since the last save (atomic). */
  save(): Promise<void>;
}

/**
 * What every first-seen store keeps in memory (this file's and PostgreSQL's, src/store/pg-first-seen.ts): look-ups,
 * the baseline and new marks. `recorded` hears each document added (null: the baseline itself was taken), so that
 * the store knows what to save.
 */
export class FirstSeenTimes {
  constructor(
    private readonly docs: Map<string, FirstSeenEntry>,
    public hasBaseline: boolean,
    private readonly recorded: (doc: string | null) => void,
  ) {}

  get(doc: string): FirstSeenEntry | null {
    return this.docs.get(doc) ?? null;
  }

  get size(): number {
    return this.docs.size;
  }

  takeBaseline(ids: Iterable<string>, now: Date): number {
    const at = now.toISOString();
    let taken = 0;
    for (const doc of ids) {
      if (this.docs.has(doc)) continue;
      this.docs.set(doc, { at, baseline: true });
      this.recorded(doc);
      taken++;
    }
    this.hasBaseline = true;
    this.recorded(null);
    return taken;
  }

  mark(doc: string, now: Date): FirstSeenEntry {
    const known = this.docs.get(doc);
    if (known) return known;
    const entry = { at: now.toISOString(), baseline: false };
    this.docs.set(doc, entry);
    this.recorded(doc);
    return entry;
  }
}

const entrySchema = z.object({ at: z.string().refine((s) => !Number.isNaN(Date.parse(s))), baseline: z.boolean() });
const fileSchema = z.union([
  z.object({ version: z.literal(2), docs: z.record(z.string(), z.unknown()) }),
  // Version 1 (before baselines): every entry a date-time; the folder had started before, so its baseline is taken.
  z.object({ version: z.literal(1), docs: z.record(z.string(), z.unknown()) }),
]);

/** `dataDir` null keeps the entries in memory only (nothing is read or written: every start is a first start). */
export async function loadFirstSeen(dataDir: string | null, log: Logger): Promise<FirstSeenStore> {
  const path = dataDir === null ? null : join(dataDir, FIRST_SEEN_FILE);
  // Keyed by document ids, which may be any string: a Map, not an object.
  const docs = new Map<string, FirstSeenEntry>();
  let hasBaseline = false;
  let dirty = false;

  const text = path === null ? null : await readTextIfExists(path);
  if (path !== null && text !== null) {
    const parsed = parseFile(text);
    for (const [doc, entry] of parsed.entries) docs.set(doc, entry);
    hasBaseline = !parsed.damaged;
    if (parsed.damaged) {
      const aside = await setAsideCorrupt(path, new Date()).catch(() => null);
      log.warn("first-seen file is damaged; the entries that could be read are kept, the rest taken as the baseline", {
        path,
        keptAs: aside,
        recovered: docs.size,
      });
      dirty = true;
    }
  }

  const enqueue = createWriteQueue();
  const times = new FirstSeenTimes(docs, hasBaseline, () => {
    dirty = true;
  });
  return {
    get: (doc) => times.get(doc),
    get hasBaseline() {
      return times.hasBaseline;
    },
    takeBaseline: (ids, now) => times.takeBaseline(ids, now),
    mark: (doc, now) => times.mark(doc, now),
    get size() {
      return times.size;
    },
    save: () =>
      enqueue(async () => {
        if (!dirty || path === null) return;
        dirty = false;
        try {
          await writeFileAtomic(path, serialize(docs));
        } catch (error) {
          dirty = true;
          throw error;
        }
      }),
  };
}

/** One entry per line: `"doc":{"at":"…","baseline":true},`. */
function serialize(docs: ReadonlyMap<string, FirstSeenEntry>): string {
  const lines = [...docs].map(([doc, e]) => `${JSON.stringify(doc)}:${JSON.stringify({ at: e.at, baseline: e.baseline })}`);
  return `{"version":2,"docs":{\n${lines.join(",\n")}\n}}\n`;
}

/** The entries of a file; a damaged one is salvaged line by line. */
function parseFile(text: string): { entries: Array<[string, FirstSeenEntry]>; damaged: boolean } {
  try {
    const file = fileSchema.parse(JSON.parse(text));
    const entries: Array<[string, FirstSeenEntry]> = [];
    let unreadable = 0;
    for (const [doc, value] of Object.entries(file.docs)) {
      const entry = file.version === 1 ? { at: value, baseline: false } : value;
      const parsed = entrySchema.safeParse(entry);
      if (parsed.success) entries.push([doc, parsed.data]);
      else unreadable++;
    }
    return { entries, damaged: unreadable > 0 };
  } catch {
    const entries: Array<[string, FirstSeenEntry]> = [];
    for (const line of text.split("\n")) {
      try {
        const one = JSON.parse(`{${line.trim().replace(/,$/, "")}}`) as Record<string, unknown>;
        const [doc, value] = Object.entries(one)[0] ?? [];
        const parsed = entrySchema.safeParse(value);
        if (doc !== undefined && parsed.success) entries.push([doc, parsed.data]);
      } catch {
        // Not an entry line (the header, the end, or a damaged line).
      }
    }
    return { entries, damaged: true };
  }
}
