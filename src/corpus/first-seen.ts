/**
 * When Dateline first saw each document, kept across restarts in `<dataDir>/first-seen.json`. The digest
 * uses it to tell what is new. Entries of removed documents are kept: a file that is removed and put back
 * is not news again.
 */
import { join } from "node:path";
import { z } from "zod";
import type { Logger } from "../core/log.js";
import { createWriteQueue, readTextIfExists, setAsideCorrupt, writeFileAtomic } from "../state-file.js";

export const FIRST_SEEN_FILE = "first-seen.json";

const fileSchema = z.object({
  version: z.literal(1),
  docs: z.record(z.string(), z.string()),
});

export interface FirstSeenMap {
  /** ISO date-time when the document was first seen, or null if never. */
  get(doc: string): string | null;
  /** Records `now` for a document not seen before; returns its first-seen time either way. */
  mark(doc: string, now: Date): string;
  readonly size: number;
  /** Writes the map if it changed since the last save (atomic). */
  save(): Promise<void>;
}

/** `dataDir` null keeps the map in memory only (nothing is read or written). */
export async function loadFirstSeen(dataDir: string | null, log: Logger): Promise<FirstSeenMap> {
  const path = dataDir === null ? null : join(dataDir, FIRST_SEEN_FILE);
  const docs = new Map<string, string>();
  let dirty = false;

  const text = path === null ? null : await readTextIfExists(path);
  if (path !== null && text !== null) {
    const parsed = parseFile(text);
    if (parsed) {
      for (const [doc, iso] of Object.entries(parsed)) docs.set(doc, iso);
    } else {
      const aside = await setAsideCorrupt(path, new Date()).catch(() => null);
      log.warn("first-seen file is corrupt; rebuilding it (documents seen again count as new)", {
        path,
        keptAs: aside,
      });
      dirty = true;
    }
  }

  const enqueue = createWriteQueue();
  return {
    get: (doc) => docs.get(doc) ?? null,
    mark(doc, now) {
      const known = docs.get(doc);
      if (known) return known;
      const iso = now.toISOString();
      docs.set(doc, iso);
      dirty = true;
      return iso;
    },
    get size() {
      return docs.size;
    },
    save: () =>
      enqueue(async () => {
        if (!dirty || path === null) return;
        dirty = false;
        const content = JSON.stringify({ version: 1, docs: Object.fromEntries(docs) }, null, 1);
        try {
          await writeFileAtomic(path, content + "\n");
        } catch (error) {
          dirty = true;
          throw error;
        }
      }),
  };
}

/** The entries of a valid file; null for a corrupt one. Entries with an unreadable date are dropped. */
function parseFile(text: string): Record<string, string> | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return null;
  const entries = Object.entries(parsed.data.docs).filter(([, iso]) => !Number.isNaN(Date.parse(iso)));
  return Object.fromEntries(entries);
}
