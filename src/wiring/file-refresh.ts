/**
 * Re-reading one corpus file while the bot runs (the folder watch and the feed poller call it): which documents
 * each file holds, the file read again (in a worker when there is one), its problems logged, and the difference
 * handed to `CorpusChanges`.
 */
import type { Logger } from "../core/log.js";
import type { ReadOptions } from "../corpus/load.js";
import { readCorpusEntry, sourceFile } from "../corpus/read-entry.js";
import type { Article } from "../corpus/types.js";
import type { WorkerPool } from "../workers/pool.js";
import type { CorpusChanges } from "./corpus-changes.js";

export type RefreshOutcome = "added" | "changed" | "removed" | "unchanged";

export interface FileRefreshOptions {
  /** The corpus folder. */
  root: string;
  /** The data folder, where feed items are kept ("feed:..." documents); null: none. */
  dataDir: string | null;
  /** How files are read (the article size limit, the folder's defaults). */
  read: ReadOptions;
  workers?: WorkerPool | undefined;
  log: Logger;
}

export class FileRefresh {
  /** Which documents each file holds: a JSONL file holds many records, a .txt file one article. */
  private readonly docsByFile = new Map<string, string[]>();

  constructor(
    articles: readonly Article[],
    private readonly changes: Pick<CorpusChanges, "apply">,
    private readonly options: FileRefreshOptions,
  ) {
    for (const a of articles) {
      const file = sourceFile(a);
      this.docsByFile.set(file, [...(this.docsByFile.get(file) ?? []), a.id]);
    }
  }

  /** Re-reads one file (path relative to the corpus folder) and applies what changed in it. */
  async refresh(relPath: string): Promise<RefreshOutcome> {
    const { root, dataDir, read: readOptions, workers, log } = this.options;
    const before = this.docsByFile.get(relPath) ?? [];
    const read = await readCorpusEntry(root, relPath, dataDir, readOptions, workers);
    for (const p of read.problems) log[p.severity === "error" ? "error" : "warn"]("corpus problem", { ...p });
    const after = read.articles;
    const afterIds = new Set(after.map((a) => a.id));
    if (after.length > 0) this.docsByFile.set(relPath, [...afterIds]);
    else this.docsByFile.delete(relPath);
    const applied = await this.changes.apply({
      removed: before.filter((doc) => !afterIds.has(doc)),
      upserted: after,
      problems: [{ file: relPath, problems: read.problems }],
    });
    if (applied.removed.length === 0 && applied.upserted.length === 0) return "unchanged";
    log.info("corpus file refreshed", { file: relPath, documents: after.length });
    if (before.length === 0) return "added";
    return after.length === 0 ? "removed" : "changed";
  }
}
