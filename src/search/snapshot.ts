/**
 * The passage index's snapshot on disk: reused when it was built from the same corpus with the same analysis
 * (code version and data files), rebuilt with a warning when it is missing, stale or corrupt.
 *
 * File layout (sources-index.bin): three lines of JSON, so that the header can be checked first, then bytes:
 *   1. header: { format, fingerprint, documents, passages, crc32 of everything after this line }
 *   2. the learned acronym lexicon: [[concept, [term, ...]], ...]
 *   3. the index's layout (index-codec.ts), then its binary sections
 * Saved atomically: written to a temporary file in the same folder, then renamed over the old one, by the
 * `SnapshotWriter` given (a worker thread's in a running bot: the checksum and the write are done there), in the
 * background: the index answers before its snapshot is on disk.
 */
import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { crc32Steps, writeHere, type SnapshotWriter } from "../checked-file.js";
import { codeHash } from "../code-hash.js";
import { runInSlices, runToEnd, type Steps } from "../statements/steps.js";
import type { Logger } from "../core/log.js";
import type { Article, Corpus } from "../corpus/types.js";
import { analysisData } from "../text/analysis-data.js";
import { ANALYSIS_VERSION, glossaryLexicon } from "../text/analysis.js";
import type { IndexLayout } from "./index-codec.js";
import { PassageIndex } from "./source-index.js";
import type { SourceSearch } from "./types.js";

/** Bump when the file layout or what PassageIndex stores changes (3: sections padded to 8 bytes and opened as views, src/index/snapshot-sections.ts). */
export const SNAPSHOT_FORMAT = 3;
export const SNAPSHOT_FILE = "sources-index.bin";
/** Earlier formats' files, removed when a snapshot is saved. */
const OLD_SNAPSHOT_FILES = ["sources-index.json"];

export interface OpenSourceIndexOptions {
  /** Folder for the snapshot; null keeps nothing on disk. */
  dataDir: string | null;
  log: Logger;
  onProgress?: (done: number, total: number) => void;
  /** Writes the snapshot (default: on this thread). */
  write?: SnapshotWriter;
  /** Answers before a snapshot built now is written (`saved` tells when); default: once it is written. */
  background?: boolean;
  /** Opens the snapshot in time slices of this many ms, the event loop served between them; absent: at once. */
  sliceMs?: number;
  /**
   * When the warm-up searches of an index opened from its snapshot run (warm-up.ts): "before" it is returned
   * (default), or "after-first-search", in time slices once the first search is answered, so that the first
   * answer does not wait for them (source-index.ts `warmUpAfterFirstSearch`).
   */
  warmUp?: "before" | "after-first-search";
}

export interface OpenedSourceIndex {
  index: SourceSearch;
  fromSnapshot: boolean;
  /** Settles once a snapshot built now is on disk (or could not be written, with a warning); never rejects. */
  saved: Promise<void>;
}

export async function openSourceIndex(corpus: Corpus, options: OpenSourceIndexOptions): Promise<OpenedSourceIndex> {
  const { dataDir, log } = options;
  const fingerprint = snapshotFingerprint(corpus);
  if (dataDir) {
    const steps = loadSnapshotSteps(await readSnapshot(join(dataDir, SNAPSHOT_FILE), log), join(dataDir, SNAPSHOT_FILE), fingerprint, corpus.articles, log);
    const sliced = options.sliceMs === undefined ? null : { sliceMs: options.sliceMs };
    const loaded = sliced ? await runInSlices(steps, sliced) : runToEnd(steps);
    if (loaded) {
      if (options.warmUp === "after-first-search") loaded.warmUpAfterFirstSearch(sliced ?? {});
      else if (sliced) await runInSlices(loaded.warmUpSteps(), sliced);
      else loaded.warmUp();
      return { index: loaded, fromSnapshot: true, saved: Promise.resolve() };
    }
  }
  const started = Date.now();
  const index = PassageIndex.build(corpus.articles, options.onProgress);
  log.info("passage index built", {
    articles: corpus.articles.length,
    passages: index.passageCount,
    ms: Date.now() - started,
  });
  index.warmUp();
  // Encoded now, before a live change can reach the index; checksummed and written by the writer meanwhile.
  const saved = dataDir
    ? saveSnapshot(dataDir, fingerprint, index, options.write).catch((error: unknown) => {
        log.warn("could not save the index snapshot; it will be rebuilt next time", { dir: dataDir, err: error });
      })
    : Promise.resolve();
  if (!options.background) await saved;
  return { index, fromSnapshot: false, saved };
}

/** Equal fingerprints mean the same corpus analysed the same way. */
export function snapshotFingerprint(corpus: Pick<Corpus, "fingerprint">): string {
  return createHash("sha256")
    .update(
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        analysis: ANALYSIS_VERSION,
        data: analysisData().hash,
        corpus: corpus.fingerprint,
        // The index's, the text toolkit's and the corpus reader's code: paragraph numbers and terms come from them;
        // and src/index/'s, whose codec (snapshot-sections.ts) and packed postings the file holds.
        code: [
          codeHash(new URL(".", import.meta.url)),
          codeHash(new URL("../text/", import.meta.url)),
          codeHash(new URL("../corpus/", import.meta.url)),
          codeHash(new URL("../index/", import.meta.url)),
        ],
      }),
    )
    .digest("hex");
}

interface Header {
  format: number;
  fingerprint: string;
  documents: number;
  passages: number;
  crc32: number;
}

const NEWLINE = 0x0a;

/**
 * Saves the index: encoded at once on this thread (a walk over its arrays and terms that copies nothing but the
 * postings, before anything can change it), checksummed and written by `write`.
 */
export async function saveSnapshot(dataDir: string, fingerprint: string, index: PassageIndex, write: SnapshotWriter = writeHere): Promise<void> {
  const lexicon = index.lexicon.entries().map((e) => [e.concept, e.sequence]);
  const { layout, sections } = index.encode();
  const header: Omit<Header, "crc32"> = { format: SNAPSHOT_FORMAT, fingerprint, documents: index.documentCount, passages: index.passageCount };
  await write({ path: join(dataDir, SNAPSHOT_FILE), header: { ...header }, lines: [lexicon, layout], sections });
  await Promise.all(OLD_SNAPSHOT_FILES.map((name) => rm(join(dataDir, name), { force: true })));
}

/** The snapshot's bytes, or null (with a log line saying why) when there are none to read. */
async function readSnapshot(path: string, log: Logger): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") log.info("no index snapshot yet; building the index", { path });
    else log.warn("cannot read the index snapshot; rebuilding the index", { path, err: error });
    return null;
  }
}

/**
 * The index from the snapshot's bytes, or null (with a log line saying why) when it cannot be used; as steps
 * (statements/steps.ts): the checksum a few megabytes at a time, the terms a few thousand at a time.
 */
function* loadSnapshotSteps(file: Buffer | null, path: string, fingerprint: string, articles: readonly Article[], log: Logger): Steps<PassageIndex | null> {
  if (!file) return null;
  try {
    const firstBreak = file.indexOf(NEWLINE);
    const secondBreak = firstBreak < 0 ? -1 : file.indexOf(NEWLINE, firstBreak + 1);
    const thirdBreak = secondBreak < 0 ? -1 : file.indexOf(NEWLINE, secondBreak + 1);
    if (thirdBreak < 0) throw new Error("the file is cut short");
    const header = JSON.parse(file.toString("utf8", 0, firstBreak)) as Partial<Header>;
    if (header.format !== SNAPSHOT_FORMAT || header.fingerprint !== fingerprint) {
      log.warn("the index snapshot is stale (the corpus or the analysis changed); rebuilding the index", { path });
      return null;
    }
    if ((yield* crc32Steps(file.subarray(firstBreak + 1))) !== header.crc32) throw new Error("its checksum does not match");
    const lexiconEntries = JSON.parse(file.toString("utf8", firstBreak + 1, secondBreak)) as unknown;
    const layout = JSON.parse(file.toString("utf8", secondBreak + 1, thirdBreak)) as IndexLayout;
    const lexicon = glossaryLexicon().copy();
    if (!Array.isArray(lexiconEntries)) throw new Error("the acronym lexicon is not a list");
    for (const entry of lexiconEntries as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Array.isArray(entry[1])) throw new Error("bad lexicon entry");
      lexicon.addNormalized(entry[0], (entry[1] as unknown[]).map(String));
    }
    yield;
    const index = yield* PassageIndex.decodeSteps(layout, file.subarray(thirdBreak + 1), lexicon, articles);
    if (index.documentCount !== header.documents || index.passageCount !== header.passages) {
      throw new Error(`it holds ${index.documentCount} documents and ${index.passageCount} passages, expected ${header.documents} and ${header.passages}`);
    }
    return index;
  } catch (error) {
    log.warn("the index snapshot is corrupt; rebuilding the index", { path, err: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
