/**
 * The passage index's snapshot on disk: reused when it was built from the same corpus with the same analysis
 * (code version and data files), rebuilt with a warning when it is missing, stale or corrupt.
 *
 * File layout (sources-index.bin): three lines of JSON, so that the header can be checked first, then bytes:
 *   1. header: { format, fingerprint, documents, passages, crc32 of everything after this line }
 *   2. the learned acronym lexicon: [[concept, [term, ...]], ...]
 *   3. the index's layout (index-codec.ts), then its binary sections
 * Saved atomically: written to a temporary file in the same folder, then renamed over the old one.
 */
import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { codeHash } from "../code-hash.js";
import type { Logger } from "../core/log.js";
import type { Article, Corpus } from "../corpus/types.js";
import { writeFileAtomic } from "../state-file.js";
import { analysisData } from "../text/analysis-data.js";
import { ANALYSIS_VERSION, glossaryLexicon } from "../text/analysis.js";
import type { IndexLayout } from "./index-codec.js";
import { PassageIndex } from "./source-index.js";
import type { SourceSearch } from "./types.js";

/** Bump when the file layout or what PassageIndex stores changes. */
export const SNAPSHOT_FORMAT = 2;
export const SNAPSHOT_FILE = "sources-index.bin";
/** Earlier formats' files, removed when a snapshot is saved. */
const OLD_SNAPSHOT_FILES = ["sources-index.json"];

export interface OpenSourceIndexOptions {
  /** Folder for the snapshot; null keeps nothing on disk. */
  dataDir: string | null;
  log: Logger;
  onProgress?: (done: number, total: number) => void;
}

export async function openSourceIndex(
  corpus: Corpus,
  options: OpenSourceIndexOptions,
): Promise<{ index: SourceSearch; fromSnapshot: boolean }> {
  const { dataDir, log } = options;
  const fingerprint = snapshotFingerprint(corpus);
  if (dataDir) {
    const loaded = await loadSnapshot(join(dataDir, SNAPSHOT_FILE), fingerprint, corpus.articles, log);
    if (loaded) {
      loaded.warmUp();
      return { index: loaded, fromSnapshot: true };
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
  if (dataDir) {
    try {
      await saveSnapshot(dataDir, fingerprint, index);
    } catch (error) {
      log.warn("could not save the index snapshot; it will be rebuilt next time", { dir: dataDir, err: error });
    }
  }
  return { index, fromSnapshot: false };
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
        // The index's, the text toolkit's and the corpus reader's code: paragraph numbers and terms come from them.
        code: [codeHash(new URL(".", import.meta.url)), codeHash(new URL("../text/", import.meta.url)), codeHash(new URL("../corpus/", import.meta.url))],
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

export async function saveSnapshot(dataDir: string, fingerprint: string, index: PassageIndex): Promise<void> {
  const lexicon = index.lexicon.entries().map((e) => [e.concept, e.sequence]);
  const { layout, sections } = index.encode();
  const text = Buffer.from(`${JSON.stringify(lexicon)}\n${JSON.stringify(layout)}\n`, "utf8");
  let checksum = crc32(text);
  // Node's crc32 answers 0 for an empty Uint8Array whatever the running value (an empty corpus's sections).
  for (const section of sections) if (section.byteLength > 0) checksum = crc32(section, checksum);
  const header: Header = { format: SNAPSHOT_FORMAT, fingerprint, documents: index.documentCount, passages: index.passageCount, crc32: checksum };
  await writeFileAtomic(join(dataDir, SNAPSHOT_FILE), [Buffer.from(`${JSON.stringify(header)}\n`, "utf8"), text, ...sections]);
  await Promise.all(OLD_SNAPSHOT_FILES.map((name) => rm(join(dataDir, name), { force: true })));
}

/** The index from the snapshot, or null (with a log line saying why) when it cannot be used. */
async function loadSnapshot(path: string, fingerprint: string, articles: readonly Article[], log: Logger): Promise<PassageIndex | null> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") log.info("no index snapshot yet; building the index", { path });
    else log.warn("cannot read the index snapshot; rebuilding the index", { path, err: error });
    return null;
  }
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
    if (crc32(file.subarray(firstBreak + 1)) !== header.crc32) throw new Error("its checksum does not match");
    const lexiconEntries = JSON.parse(file.toString("utf8", firstBreak + 1, secondBreak)) as unknown;
    const layout = JSON.parse(file.toString("utf8", secondBreak + 1, thirdBreak)) as IndexLayout;
    const lexicon = glossaryLexicon().copy();
    if (!Array.isArray(lexiconEntries)) throw new Error("the acronym lexicon is not a list");
    for (const entry of lexiconEntries as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Array.isArray(entry[1])) throw new Error("bad lexicon entry");
      lexicon.addNormalized(entry[0], (entry[1] as unknown[]).map(String));
    }
    const index = PassageIndex.decode(layout, file.subarray(thirdBreak + 1), lexicon, articles);
    if (index.documentCount !== header.documents || index.passageCount !== header.passages) {
      throw new Error(`it holds ${index.documentCount} documents and ${index.passageCount} passages, expected ${header.documents} and ${header.passages}`);
    }
    return index;
  } catch (error) {
    log.warn("the index snapshot is corrupt; rebuilding the index", { path, err: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
