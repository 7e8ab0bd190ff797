/**
 * The quotations' snapshot on disk (quotes.json, next to the passage index's): every article's own extraction
 * (quotations with article-local speaker names, and the people it names), so that a start does not re-run
 * extraction. The speaker registry and the topic index are rebuilt from it, which is quick.
 *
 * Reused only when its fingerprint matches (snapshot format, extraction version, text analysis, corpus) and
 * every saved quotation still reads exactly `article.text.slice(start, end)`; otherwise (missing, stale or
 * corrupt) the quotations are extracted again, with a log line saying why, and the snapshot is saved atomically.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { codeHash } from "../code-hash.js";
import type { Logger } from "../core/log.js";
import type { Article } from "../corpus/types.js";
import { analysisData } from "../search/analysis-data.js";
import { ANALYSIS_VERSION } from "../search/analysis.js";
import { writeFileAtomic } from "../state-file.js";
import type { ArticleQuotes } from "./article-quotes.js";
import { CorpusQuoteBook } from "./book.js";

/** Bump when the file layout changes. */
export const QUOTES_SNAPSHOT_FORMAT = 1;
/** Bump whenever extraction or attribution (src/quotes) changes what quoteArticle returns. */
export const QUOTE_EXTRACTION_VERSION = 1;
export const QUOTES_SNAPSHOT_FILE = "quotes.json";

export interface OpenQuoteBookOptions {
  /** Folder for the snapshot; null keeps nothing on disk. */
  dataDir: string | null;
  /** The corpus fingerprint (changes whenever a corpus file does). */
  fingerprint: string;
  log: Logger;
}

export interface OpenedQuoteBook {
  book: CorpusQuoteBook;
  fromSnapshot: boolean;
  /** Settles once the snapshot is saved (or saving failed, with a warning); never rejects. */
  saved: Promise<void>;
}

/** Synchronous because the quote book is built lazily on first use; only the save happens in the background. */
export function openQuoteBook(articles: readonly Article[], options: OpenQuoteBookOptions): OpenedQuoteBook {
  const { dataDir, log } = options;
  const fingerprint = quotesFingerprint(options.fingerprint);
  const path = dataDir ? join(dataDir, QUOTES_SNAPSHOT_FILE) : null;
  if (path) {
    const loaded = loadQuoteSnapshot(path, fingerprint, articles, log);
    if (loaded) return { book: loaded, fromSnapshot: true, saved: Promise.resolve() };
  }
  const started = Date.now();
  const book = new CorpusQuoteBook(articles);
  log.info("quotations extracted", { articles: articles.length, ms: Date.now() - started });
  const saved = path
    ? saveQuoteSnapshot(path, fingerprint, book).catch((error: unknown) => {
        log.warn("could not save the quotations snapshot; they will be extracted again next time", { path, err: error });
      })
    : Promise.resolve();
  return { book, fromSnapshot: false, saved };
}

export function quotesFingerprint(corpusFingerprint: string): string {
  return createHash("sha256")
    .update(
      JSON.stringify({
        format: QUOTES_SNAPSHOT_FORMAT,
        extraction: QUOTE_EXTRACTION_VERSION,
        code: codeHash(new URL(".", import.meta.url)),
        analysis: ANALYSIS_VERSION,
        data: analysisData().hash,
        corpus: corpusFingerprint,
      }),
    )
    .digest("hex");
}

export async function saveQuoteSnapshot(path: string, fingerprint: string, book: CorpusQuoteBook): Promise<void> {
  const articles = book.extracted().map(({ doc, extracted }) => ({ doc, quotations: extracted.quotations, named: extracted.named }));
  await writeFileAtomic(path, JSON.stringify({ format: QUOTES_SNAPSHOT_FORMAT, fingerprint, articles }));
}

const quotationSchema = z.object({
  id: z.string(),
  doc: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  speaker: z.string().nullable(),
  kind: z.enum(["direct", "partial", "transcript"]),
  cue: z.string().nullable(),
  mention: z.string().nullable(),
  confidence: z.number(),
  paragraph: z.number().int(),
  evidence: z.string(),
});

const namedSchema = z.object({
  name: z.string(),
  kind: z.enum(["person", "organisation"]),
  gender: z.enum(["male", "female"]).nullable(),
  forms: z.array(z.string()),
  titled: z.array(z.string()),
  sure: z.boolean(),
});

const snapshotSchema = z.object({
  format: z.literal(QUOTES_SNAPSHOT_FORMAT),
  fingerprint: z.string(),
  articles: z.array(z.object({ doc: z.string(), quotations: z.array(quotationSchema), named: z.array(namedSchema) })),
});

/** The book from the snapshot, or null (with a log line saying why) when it cannot be used. */
function loadQuoteSnapshot(path: string, fingerprint: string, articles: readonly Article[], log: Logger): CorpusQuoteBook | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") log.info("no quotations snapshot yet; extracting the quotations", { path });
    else log.warn("cannot read the quotations snapshot; extracting the quotations again", { path, err: error });
    return null;
  }
  try {
    const header = /^\{"format":(\d+),"fingerprint":"([0-9a-f]*)"/.exec(text);
    // Checked before parsing the whole file: a stale snapshot is not an error.
    if (header && (Number(header[1]) !== QUOTES_SNAPSHOT_FORMAT || header[2] !== fingerprint)) {
      log.warn("the quotations snapshot is stale (the corpus or the extraction changed); extracting the quotations again", { path });
      return null;
    }
    const parsed = snapshotSchema.parse(JSON.parse(text));
    if (parsed.fingerprint !== fingerprint) throw new Error("its fingerprint does not match its header");
    const saved = new Map(parsed.articles.map((a) => [a.doc, a]));
    if (saved.size !== articles.length) throw new Error(`it holds ${saved.size} articles, the corpus ${articles.length}`);
    const entries: Array<{ article: Article; extracted: ArticleQuotes }> = [];
    for (const article of articles) {
      const entry = saved.get(article.id);
      if (!entry) throw new Error(`it lacks article ${article.id}`);
      // Never show a quotation whose offsets do not read exactly its text in the article as loaded now.
      for (const q of entry.quotations) {
        if (q.doc !== article.id || article.text.slice(q.start, q.end) !== q.text) throw new Error(`quotation ${q.id} does not match its article`);
      }
      entries.push({ article, extracted: { quotations: entry.quotations, named: entry.named } });
    }
    return CorpusQuoteBook.fromExtracted(entries);
  } catch (error) {
    log.warn("the quotations snapshot is corrupt; extracting the quotations again", {
      path,
      err: error instanceof Error ? error.message.slice(0, 300) : String(error),
    });
    return null;
  }
}
