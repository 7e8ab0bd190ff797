/**
 * The quotations' snapshot on disk (quotes.bin, next to the passage index's): every article's own extraction
 * (quotations with article-local speaker names, and the people it names), the quotations' topic index and the
 * state derived from them (speaker registry, canonical speakers, repeats), so that a start neither extracts nor
 * indexes the quotations again, nor rebuilds the registry (see snapshot-codec.ts).
 *
 * File layout: two lines of JSON, then bytes:
 *   1. header: { format, fingerprint, articles, quotations, crc32 of everything after this line }
 *   2. the layout of the quotations and their index (snapshot-codec.ts), then its binary sections
 *
 * Reused only when its fingerprint matches (snapshot format, extraction version, code, text analysis, corpus), its
 * checksum is right and every saved quotation still reads the text extracted in its article as loaded now (a
 * hash of the text is saved beside the offsets); otherwise (missing, stale or corrupt) the quotations are
 * extracted again, with a log line saying why, and the snapshot is saved atomically.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { codeHash } from "../code-hash.js";
import type { Logger } from "../core/log.js";
import type { Article } from "../corpus/types.js";
import { analysisData } from "../text/analysis-data.js";
import { ANALYSIS_VERSION } from "../text/analysis.js";
import { readFramedSteps, writeFramed } from "./framed-file.js";
import { CorpusQuoteBook } from "./book.js";
import { LEARNT_SNAPSHOT_FILE, loadLearntSteps, saveLearnt } from "./learnt-snapshot.js";
import { decodeQuotesSteps, encodeQuotesSteps, type EncodedQuotes, type QuoteLayout } from "./snapshot-codec.js";
import { runInSlices, runToEnd, type SliceOptions, type Steps } from "../statements/steps.js";
import type { SnapshotWriter } from "../checked-file.js";

/** Bump when the file layout changes (3: hearsay; 4: role speakers with their organisation; 5: wire-copy groups; 6: the layout's long arrays over several lines, framed-file.ts; 7: sections padded to 8 bytes, opened as views, src/index/snapshot-sections.ts). */
export const QUOTES_SNAPSHOT_FORMAT = 7;
/**
 * Bump whenever extraction or attribution (src/quotes) changes what quoteArticle returns (4: issue 15 clause and
 * role rules, calibrated confidences; 5: names over line breaks, question clauses, recordings, shared surnames; 6: a reporting clause typed inside
 * the closing mark, "…stockholders, he said.", left out of the quotation; 7: places never speakers, the words of another,
 * descriptions read from appositions; 8: one sentence splitter, "St Mary's. But" two sentences; 9: headline
 * fragments and subheadings no names, a shared surname to the one named as a subject, acronyms joined across the
 * corpus; 10: where the speech ends when the marks do not say it, speech-end.ts, and labels that name no one left
 * out; 11: a pronoun after a sentence whose subject is unnamed goes to no one, rules/unnamed-subject.ts, and no
 * "he" goes to a person named in a fronted phrase, "At a dinner hosted by X, he said"; 12: a role owned by a
 * he/she, "his chief aide said", is that person's role, rules/possessive-role.ts, a "they" after a body as subject is that body, rules/they-body.ts, and an unnamed speaker with an unnamed
 * employer is printed as described, "Analyst at a major Japanese bank", rules/unnamed-role.ts; 13: a fragment takes
 * the speaker of the clause closing its sentence, "…, harbour manager Ellen Marsh said." / "…, according to …",
 * rules/sentence-closer.ts; an unnamed party member is printed as described, "Senior Democrat", "Republican
 * involved in the planning"; "assured" reports speech; a naming or reporting verb in a clause that does not open
 * the sentence is the clause opener's, "such as when Pike … called him a “dreamer”", rules/subordinate-subject.ts; "as NAME put it"
 * after an opening phrase; "Sarah Dunn of Ashford, Kent says" is Dunn's, rules/hometown.ts; a source familiar with
 * someone's thinking printed whole; a name right after a body's noun, "his company Scott Free", is that body,
 * rules/body-noun-before.ts; "Forecasters warn: …" names no one, rules/plural-opener.ts; "The TV ad accuses …" is
 * nobody's, rules/written-subject.ts; "member" is a role's head, "a Republican National Committee member";
 * "Heading - Carl Bialik: “…”" and "More from Jones: “…”" are the writer's, rules/lead-in.ts).
 */
export const QUOTE_EXTRACTION_VERSION = 13;
export const QUOTES_SNAPSHOT_FILE = "quotes.bin";
/** Earlier formats' files, removed when a snapshot is saved. */
const OLD_SNAPSHOT_FILES = ["quotes.json"];

export interface OpenQuoteBookOptions {
  /** Folder for the snapshot; null keeps nothing on disk. */
  dataDir: string | null;
  /** The corpus fingerprint (changes whenever a corpus file does). */
  fingerprint: string;
  log: Logger;
  /** How the snapshots are saved (default: encoded at once and written on this thread). */
  save?: SaveOptions;
}

export interface OpenedQuoteBook {
  book: CorpusQuoteBook;
  fromSnapshot: boolean;
  /** Settles once the snapshot is saved (or saving failed, with a warning); never rejects. */
  saved: Promise<void>;
  /** Settles once every snapshot written so far (quotes.bin, and what was learnt since) is on disk; never rejects. */
  writes(): Promise<void>;
}

/** Synchronous because the quote book is built lazily on first use; only the save happens in the background. */
export function openQuoteBook(articles: readonly Article[], options: OpenQuoteBookOptions): OpenedQuoteBook {
  return runToEnd(openQuoteBookSteps(articles, options));
}

/**
 * `openQuoteBook` as steps (statements/steps.ts), for a running bot to open the book in time slices: the snapshot's
 * checksum and decoding pause every few megabytes or hundred articles; without a usable snapshot, the extraction
 * pauses after each article.
 */
export function* openQuoteBookSteps(articles: readonly Article[], options: OpenQuoteBookOptions): Steps<OpenedQuoteBook> {
  const { dataDir, log } = options;
  const fingerprint = quotesFingerprint(options.fingerprint);
  const path = dataDir ? join(dataDir, QUOTES_SNAPSHOT_FILE) : null;
  const loaded = path ? yield* loadQuoteSnapshotSteps(path, fingerprint, articles, log) : null;
  let book: CorpusQuoteBook;
  if (loaded) book = loaded;
  else {
    const started = Date.now();
    book = yield* CorpusQuoteBook.extractSteps(articles);
    log.info("quotations extracted", { articles: articles.length, ms: Date.now() - started });
  }
  let writes: Promise<void> = Promise.resolve();
  if (dataDir) {
    // The titles and topic places learnt from the texts: restored (before the book's first state is made, which
    // saving the quotations does), or saved once learnt (in the order learnt, after the quotations).
    const learntPath = join(dataDir, LEARNT_SNAPSHOT_FILE);
    const restore = yield* loadLearntSteps(learntPath, fingerprint, log);
    if (restore) book.restoreLearnt(restore);
    book.onLearnt((learnt, speakers) => {
      writes = writes.then(() =>
        saveLearnt(learntPath, fingerprint, learnt, speakers, options.save).catch((error: unknown) => {
          log.warn("could not save what the quote book learnt; it will be learnt again next time", { path: learntPath, err: String(error) });
        }),
      );
    });
  }
  const saved =
    path && !loaded
      ? saveQuoteSnapshot(path, fingerprint, book, options.save).then(
          (written) => {
            if (!written) log.info("the quote book changed while its snapshot was being made; not saved", { path });
          },
          (error: unknown) => {
            log.warn("could not save the quotations snapshot; they will be extracted again next time", { path, err: error });
          },
        )
      : Promise.resolve();
  writes = writes.then(() => saved);
  return { book, fromSnapshot: loaded !== null, saved, writes: () => writes };
}

export function quotesFingerprint(corpusFingerprint: string): string {
  return createHash("sha256")
    .update(
      JSON.stringify({
        format: QUOTES_SNAPSHOT_FORMAT,
        extraction: QUOTE_EXTRACTION_VERSION,
        // src/index/'s too: the file's codec (snapshot-sections.ts) and the topic index's packed postings are there.
        code: [codeHash(new URL(".", import.meta.url)), codeHash(new URL("../text/", import.meta.url)), codeHash(new URL("../index/", import.meta.url))],
        analysis: ANALYSIS_VERSION,
        data: analysisData().hash,
        corpus: corpusFingerprint,
      }),
    )
    .digest("hex");
}

interface Header {
  format: number;
  fingerprint: string;
  articles: number;
  quotations: number;
  crc32: number;
}


export interface SaveOptions {
  /** Checksums and writes the file (default: on this thread; a worker thread's in a running bot). */
  write?: SnapshotWriter;
  /** Encodes in time slices, the event loop served between them; absent: at once. */
  sliced?: SliceOptions;
}

/**
 * Saves the book (atomically) at `path`, and removes an earlier format's file beside it. Resolves to false, with
 * nothing written, when the book changed while it was encoded in slices (it no longer matches the fingerprint).
 */
export async function saveQuoteSnapshot(path: string, fingerprint: string, book: CorpusQuoteBook, options: SaveOptions = {}): Promise<boolean> {
  const steps = encodeBookSteps(book);
  // At once: encoded before the book can change.
  const encoded = options.sliced ? await runInSlices(steps, options.sliced) : runToEnd(steps);
  if (!encoded) return false;
  const { layout, sections } = encoded;
  await writeFramed(path, { format: QUOTES_SNAPSHOT_FORMAT, fingerprint, articles: layout.articles.length, quotations: layout.quotations }, layout, sections, options.write);
  const dir = dirname(path);
  await Promise.all(OLD_SNAPSHOT_FILES.map((name) => rm(join(dir, name), { force: true })));
  return true;
}

/** The book's layout and sections, or null when it changed between two steps. */
function* encodeBookSteps(book: CorpusQuoteBook): Steps<EncodedQuotes | null> {
  const changes = book.changeCount;
  const state = yield* book.derivedStateSteps();
  if (book.changeCount !== changes) return null;
  const encoding = encodeQuotesSteps(book.extracted(), book.topicIndex, () => book.freshTopicIndex(), state);
  for (;;) {
    const step = encoding.next();
    if (step.done) return step.value;
    yield;
    if (book.changeCount !== changes) return null;
  }
}

/** The book from the snapshot, or null (with a log line saying why) when it cannot be used. */
function* loadQuoteSnapshotSteps(path: string, fingerprint: string, articles: readonly Article[], log: Logger): Steps<CorpusQuoteBook | null> {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") log.info("no quotations snapshot yet; extracting the quotations", { path });
    else log.warn("cannot read the quotations snapshot; extracting the quotations again", { path, err: error });
    return null;
  }
  try {
    const framed = yield* readFramedSteps<Header>(file, QUOTES_SNAPSHOT_FORMAT, fingerprint);
    if (framed === "stale") {
      log.warn("the quotations snapshot is stale (the corpus or the extraction changed); extracting the quotations again", { path });
      return null;
    }
    const { header } = framed;
    const layout = framed.layout as QuoteLayout;
    yield;
    const { entries, index, state } = yield* decodeQuotesSteps(layout, framed.binary, articles);
    if (entries.length !== header.articles || layout.quotations !== header.quotations) throw new Error("its header does not describe its content");
    return CorpusQuoteBook.restored(entries, index, state);
  } catch (error) {
    log.warn("the quotations snapshot is corrupt; extracting the quotations again", {
      path,
      err: error instanceof Error ? error.message.slice(0, 300) : String(error),
    });
    return null;
  }
}
