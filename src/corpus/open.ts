/**
 * A start's corpus read with its snapshot (snapshot.ts): the folder is listed, the files whose size and time are
 * those saved are taken from the snapshot (texts read when shown), the others read (through `reader`: a worker
 * thread's in a running bot). When anything differs from the snapshot, it is saved again in the background.
 */
import { join } from "node:path";
import type { Logger } from "../core/log.js";
import { loadCorpusFiles, type CorpusFileReader, type LoadCorpusOptions, type ReadOptions } from "./load.js";
import { CORPUS_SNAPSHOT_FILE, CorpusSnapshot, saveCorpusSnapshot } from "./snapshot.js";
import type { Corpus } from "./types.js";

export interface OpenCorpusOptions extends ReadOptions {
  /** Folder of the snapshot; null reads every file and keeps nothing. */
  dataDir: string | null;
  log: Logger;
  reader?: CorpusFileReader;
  onFile?: LoadCorpusOptions["onFile"];
}

export interface OpenedCorpus {
  corpus: Corpus;
  /** Files read, and files taken from the snapshot. */
  read: number;
  reused: number;
  /** Settles once the snapshot is saved (or saving failed, with a warning); never rejects. */
  saved: Promise<void>;
}

export async function openCorpus(location: string, options: OpenCorpusOptions): Promise<OpenedCorpus> {
  const { dataDir, log } = options;
  const path = dataDir ? join(dataDir, CORPUS_SNAPSHOT_FILE) : null;
  const earlier = path ? CorpusSnapshot.open(path, log) : null;
  const loaded = await loadCorpusFiles(location, {
    log,
    earlier,
    ...(options.reader ? { reader: options.reader } : {}),
    ...(options.onFile ? { onFile: options.onFile } : {}),
    ...(options.maxArticleBytes === undefined ? {} : { maxArticleBytes: options.maxArticleBytes }),
  });
  const { corpus, read, reused } = loaded;
  // Removed files change nothing that is read, but the snapshot would keep them: saved again too.
  const changed = !earlier || read > 0 || reused !== earlier.fileCount;
  const saved =
    path && changed
      ? saveCorpusSnapshot(path, loaded).catch((error: unknown) => {
          log.warn("could not save the corpus snapshot; every corpus file will be read at the next start", { path, err: String(error) });
        })
      : Promise.resolve();
  if (earlier && reused > 0) log.info("corpus files taken from the snapshot", { reused, read });
  // The earlier snapshot's file stays open while its articles are in use (it is only unlinked by a save).
  if (earlier && reused === 0) earlier.close();
  return { corpus, read, reused, saved };
}
