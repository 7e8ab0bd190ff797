/**
 * The corpus's snapshot on disk (corpus.bin, beside the index's): every corpus file as it was read (its size and
 * time when listed, its digest, its problems) and its articles (metadata, paragraph offsets and roles, text), so
 * that a start lists the folder and reads only the files whose size or time changed (open.ts).
 *
 * Articles taken from the snapshot read their text when it is asked for (an excerpt, a quotation shown), from the
 * snapshot's own copy of the text as it was read: the bytes the index's and quotations' offsets were computed on,
 * whatever became of the file since (a changed file is re-read at the next start, or by the watcher). Each text
 * carries a CRC-32, checked when it is read; a damaged text is never shown.
 *
 * File layout: a header line of JSON (checked with zod), a line of JSON (`Meta`: files and article metadata),
 * binary sections (little-endian, in the order of `SECTIONS`), then the texts one after another. The header's
 * CRC-32 covers the meta line and the sections, not the texts (reading those at start is what this avoids).
 * Saved atomically, in parts built a few thousand articles at a time (the event loop is not held).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { crc32 } from "node:zlib";
import { z } from "zod";
import { codeHash } from "../code-hash.js";
import type { Logger } from "../core/log.js";
import { writeFileAtomic } from "../state-file.js";
import { CORPUS_READER_VERSION, type EarlierFiles, type FileRecord } from "./load.js";
import type { Article, CorpusProblem, Paragraph, ParagraphRole } from "./types.js";

/** Bump when the file layout changes. */
export const CORPUS_SNAPSHOT_FORMAT = 1;
export const CORPUS_SNAPSHOT_FILE = "corpus.bin";

const ROLES: readonly ParagraphRole[] = ["body", "headline", "furniture"];
const PARAGRAPH_FIELDS = 3; // n, start, end (the role is a section of its own)
/** A file modified this close to when it was listed may change again within the same time stamp: read it again. */
const RACY_MS = 2000;
/** Texts read from the snapshot kept in memory (UTF-16 code units), most recently used first out last. */
const TEXT_CACHE_UNITS = 32 * 2 ** 20;
/** Articles encoded between two turns of the event loop while saving. */
const SAVE_SLICE = 2000;

const headerSchema = z.object({
  format: z.literal(CORPUS_SNAPSHOT_FORMAT),
  key: z.string(),
  metaBytes: z.number().int().nonnegative(),
  sectionBytes: z.number().int().nonnegative(),
  textBytes: z.number().int().nonnegative(),
  crc32: z.number().int().nonnegative(),
});
type Header = z.infer<typeof headerSchema>;

type ArticleRow = [
  id: string,
  title: string | null,
  outlet: string | null,
  url: string | null,
  published: string | null,
  author: string | null,
  language: string | null,
  dateline: string | null,
  source: string,
  origin: Article["origin"] | null,
];
type FileRow = [path: string, size: number, mtimeMs: number, digestSize: number, sha256: string, articles: number, problems: CorpusProblem[]];
interface Meta {
  /** The SHA-256 of the folder's defaults file the files were read with (null: none). */
  defaults: string | null;
  /** The article size limit the files were read with. */
  limit: number;
  files: FileRow[];
  articles: ArticleRow[];
  paragraphs: number;
}

/*
 * The sections: paragraphs by article (Uint32), each paragraph's n, start and end (Int32), each paragraph's role
 * (Uint8), then by article its text's bytes (Uint32), CRC-32 (Uint32) and encoding (Uint8: 0 UTF-8, 1 UTF-16LE
 * for a text with a lone surrogate).
 */

/** What the snapshot's content depends on besides the files: its format and the reader's code. */
export function corpusSnapshotKey(): string {
  return JSON.stringify([CORPUS_SNAPSHOT_FORMAT, CORPUS_READER_VERSION, codeHash(new URL(".", import.meta.url)), codeHash(new URL("../html/", import.meta.url))]);
}

/** The stored text of an article read from a snapshot, or undefined for an article read from its file. */
const storedAt = new WeakMap<Article, { store: TextStore; i: number }>();

/** Whether the article's text is read from a snapshot when asked for (not held in memory). */
export function hasStoredText(article: Article): boolean {
  return storedAt.has(article);
}

/** Told of each article text asked of a snapshot (from its file or its cache): for tests and measurements. */
let onTextRead: ((doc: string) => void) | null = null;

/** Calls `listener` with the id of each article whose text is asked of a snapshot, until the returned stop. */
export function watchStoredTextReads(listener: (doc: string) => void): () => void {
  onTextRead = listener;
  return () => {
    if (onTextRead === listener) onTextRead = null;
  };
}

/** Reads texts from the snapshot file, kept open (a snapshot saved since replaces the name, not this file). */
class TextStore {
  private readonly cache = new Map<number, string>();
  private cachedUnits = 0;
  private fd: number | null;

  constructor(
    fd: number,
    private readonly path: string,
    private readonly base: number,
    private readonly offsets: Float64Array,
    private readonly crcs: Uint32Array,
    private readonly encodings: Uint8Array,
  ) {
    this.fd = fd;
  }

  /** The text's bytes as saved, checked. */
  bytes(i: number): Buffer {
    if (this.fd === null) throw new Error(`the corpus snapshot ${this.path} is closed`);
    const start = this.offsets[i]!;
    const length = this.offsets[i + 1]! - start;
    const bytes = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const read = readSync(this.fd, bytes, filled, length - filled, this.base + start + filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled !== length || crc32(bytes) !== this.crcs[i]) {
      throw new Error(`the corpus snapshot ${this.path} is damaged (an article's text does not match its checksum); restart to rebuild it`);
    }
    return bytes;
  }

  encoding(i: number): number {
    return this.encodings[i]!;
  }

  text(i: number): string {
    const cached = this.cache.get(i);
    if (cached !== undefined) {
      this.cache.delete(i);
      this.cache.set(i, cached);
      return cached;
    }
    const text = this.bytes(i).toString(this.encodings[i] === 1 ? "utf16le" : "utf8");
    this.cache.set(i, text);
    this.cachedUnits += text.length;
    for (const [key, old] of this.cache) {
      if (this.cachedUnits <= TEXT_CACHE_UNITS || key === i) break;
      this.cache.delete(key);
      this.cachedUnits -= old.length;
    }
    return text;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** A corpus snapshot opened: its files by path, their articles made on demand with texts read when asked for. */
export class CorpusSnapshot implements EarlierFiles {
  private constructor(
    readonly path: string,
    private readonly meta: Meta,
    private readonly store: TextStore,
    private readonly paragraphStarts: Float64Array,
    private readonly paragraphFields: Int32Array,
    private readonly roles: Uint8Array,
    private readonly fileArticleStart: number[],
    readonly byPath: ReadonlyMap<string, number>,
  ) {}

  defaultsDigest(): string | null {
    return this.meta.defaults;
  }

  maxArticleBytes(): number {
    return this.meta.limit;
  }

  get fileCount(): number {
    return this.meta.files.length;
  }

  /** The file as saved, when it was listed with this size and time (else it must be read again). */
  unchanged(path: string, size: number, mtimeMs: number): FileRecord | null {
    const f = this.byPath.get(path);
    if (f === undefined) return null;
    const [, savedSize, savedTime, digestSize, sha256, count, problems] = this.meta.files[f]!;
    if (savedSize < 0 || savedSize !== size || savedTime !== mtimeMs) return null;
    const first = this.fileArticleStart[f]!;
    const articles: Article[] = [];
    for (let i = first; i < first + count; i++) articles.push(this.article(i));
    return { path, size, mtimeMs, digest: { path, size: digestSize, sha256 }, problems, articles };
  }

  /** Closes the file the texts are read from (only once no article of it is used any more). */
  close(): void {
    this.store.close();
  }

  private article(i: number): Article {
    const [id, title, outlet, url, published, author, language, dateline, source, origin] = this.meta.articles[i]!;
    const article = { id, title, outlet, url, published, author, language, dateline, source } as Article;
    if (origin) article.origin = origin;
    const store = this.store;
    // Own enumerable accessors: a spread or a structured clone (a worker's copy) reads them like values.
    Object.defineProperty(article, "text", { get: () => {
        onTextRead?.(id);
        return store.text(i);
      },
      enumerable: true, configurable: true });
    Object.defineProperty(article, "paragraphs", {
      get: () => {
        const paragraphs = this.paragraphsOf(i, id);
        Object.defineProperty(article, "paragraphs", { value: paragraphs, enumerable: true, writable: true, configurable: true });
        return paragraphs;
      },
      enumerable: true,
      configurable: true,
    });
    storedAt.set(article, { store, i });
    return article;
  }

  private paragraphsOf(i: number, doc: string): Paragraph[] {
    const out: Paragraph[] = [];
    for (let p = this.paragraphStarts[i]!; p < this.paragraphStarts[i + 1]!; p++) {
      const at = p * PARAGRAPH_FIELDS;
      const n = this.paragraphFields[at]!;
      out.push({ id: `${doc}#p${n}`, n, start: this.paragraphFields[at + 1]!, end: this.paragraphFields[at + 2]!, role: ROLES[this.roles[p]!]! });
    }
    return out;
  }

  /**
   * The snapshot at `path`, or null (with a log line saying why) when it is missing, of another format or reader,
   * or damaged. Reads the header, the metadata and the offsets, not the texts.
   */
  static open(path: string, log: Logger): CorpusSnapshot | null {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") log.info("no corpus snapshot yet; reading every corpus file", { path });
      else log.warn("cannot read the corpus snapshot; reading every corpus file", { path, err: String(error) });
      return null;
    }
    try {
      const opened = CorpusSnapshot.read(fd, path, log);
      if (!opened) closeSync(fd);
      return opened;
    } catch (error) {
      closeSync(fd);
      log.warn("the corpus snapshot is damaged; reading every corpus file and saving it again", { path, err: error instanceof Error ? error.message.slice(0, 300) : String(error) });
      return null;
    }
  }

  private static read(fd: number, path: string, log: Logger): CorpusSnapshot | null {
    const head = readAt(fd, 0, 4096);
    const lineEnd = head.indexOf(0x0a);
    if (lineEnd < 0) throw new Error("no header line");
    const parsed = headerSchema.safeParse(JSON.parse(head.toString("utf8", 0, lineEnd)));
    if (!parsed.success) {
      const format = (JSON.parse(head.toString("utf8", 0, lineEnd)) as { format?: unknown } | null)?.format;
      if (typeof format === "number" && format !== CORPUS_SNAPSHOT_FORMAT) {
        log.warn("the corpus snapshot is of another format; reading every corpus file", { path });
        return null;
      }
      throw new Error(`bad header: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    }
    const header: Header = parsed.data;
    if (header.key !== corpusSnapshotKey()) {
      log.info("the corpus reader changed since the corpus snapshot; reading every corpus file", { path });
      return null;
    }
    const body = readAt(fd, lineEnd + 1, header.metaBytes + header.sectionBytes);
    if (body.length !== header.metaBytes + header.sectionBytes) throw new Error("the file is cut short");
    if (crc32(body) !== header.crc32) throw new Error("its checksum does not match");
    const meta = JSON.parse(body.toString("utf8", 0, header.metaBytes)) as Meta;
    checkMeta(meta);
    const articleCount = meta.articles.length;
    const sizes = [articleCount * 4, meta.paragraphs * PARAGRAPH_FIELDS * 4, meta.paragraphs, articleCount * 4, articleCount * 4, articleCount];
    const sections: Buffer[] = [];
    let at = header.metaBytes;
    for (const size of sizes) {
      sections.push(body.subarray(at, at + size));
      at += size;
    }
    if (at !== body.length) throw new Error("its sections do not have the sizes its metadata gives");
    const [countBytes, fieldBytes, roles, textByteBytes, crcBytes, encodings] = sections as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
    const counts = uint32View(countBytes);
    const paragraphStarts = new Float64Array(articleCount + 1);
    for (let i = 0; i < articleCount; i++) paragraphStarts[i + 1] = paragraphStarts[i]! + counts[i]!;
    if (paragraphStarts[articleCount] !== meta.paragraphs) throw new Error("its paragraph counts do not add up");
    for (const role of roles) if (role >= ROLES.length) throw new Error("a paragraph has no role");
    const textBytes = uint32View(textByteBytes);
    const offsets = new Float64Array(articleCount + 1);
    for (let i = 0; i < articleCount; i++) offsets[i + 1] = offsets[i]! + textBytes[i]!;
    if (offsets[articleCount] !== header.textBytes) throw new Error("its text sizes do not add up");
    for (const e of encodings) if (e > 1) throw new Error("a text has no encoding");
    const fileArticleStart: number[] = [];
    const byPath = new Map<string, number>();
    let next = 0;
    meta.files.forEach((f, i) => {
      fileArticleStart.push(next);
      next += f[5];
      byPath.set(f[0], i);
    });
    if (next !== articleCount) throw new Error("its files do not hold its articles");
    const store = new TextStore(fd, path, lineEnd + 1 + header.metaBytes + header.sectionBytes, offsets, uint32View(crcBytes), encodings);
    return new CorpusSnapshot(path, meta, store, paragraphStarts, int32View(fieldBytes), roles, fileArticleStart, byPath);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, bytes, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return bytes.subarray(0, filled);
}

/** Typed views on a section (copied when not aligned). */
function uint32View(bytes: Buffer): Uint32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}
function int32View(bytes: Buffer): Int32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

/** The metadata's shape, checked field by field (zod over a million rows would cost more than the rest of the start). */
function checkMeta(meta: Meta): void {
  if (!meta || !(meta.defaults === null || typeof meta.defaults === "string") || !Number.isInteger(meta.limit) || !Array.isArray(meta.files) || !Array.isArray(meta.articles) || !Number.isInteger(meta.paragraphs)) throw new Error("bad metadata");
  const isText = (v: unknown) => v === null || typeof v === "string";
  for (const f of meta.files) {
    if (!Array.isArray(f) || typeof f[0] !== "string" || typeof f[1] !== "number" || typeof f[2] !== "number" || typeof f[3] !== "number" || typeof f[4] !== "string" || !Number.isInteger(f[5]) || f[5] < 0 || !Array.isArray(f[6])) {
      throw new Error("bad file entry");
    }
  }
  for (const a of meta.articles) {
    if (!Array.isArray(a) || a.length !== 10 || typeof a[0] !== "string" || typeof a[8] !== "string" || !a.every((v, k) => k === 9 ? v === null || v === "feed-summary" : isText(v))) {
      throw new Error("bad article entry");
    }
  }
}

/**
 * Saves `files` (in their order) at `path`, atomically. `listedAt` is when they were listed: a file modified within
 * `RACY_MS` of it is saved as changed, so that the next start reads it again.
 */
export async function saveCorpusSnapshot(path: string, read: { files: readonly FileRecord[]; listedAt: number; defaultsDigest: string | null; maxArticleBytes: number }): Promise<void> {
  const { files, listedAt } = read;
  const articles: Article[] = files.flatMap((f) => f.articles);
  const meta: Meta = {
    defaults: read.defaultsDigest,
    limit: read.maxArticleBytes,
    files: files.map((f) => [f.path, f.mtimeMs >= listedAt - RACY_MS ? -1 : f.size, f.mtimeMs, f.digest.size, f.digest.sha256, f.articles.length, f.problems]),
    articles: articles.map((a) => [a.id, a.title, a.outlet, a.url, a.published, a.author, a.language, a.dateline, a.source, a.origin ?? null]),
    paragraphs: 0,
  };
  const counts = new Uint32Array(articles.length);
  const textBytes = new Uint32Array(articles.length);
  const crcs = new Uint32Array(articles.length);
  const encodings = new Uint8Array(articles.length);
  const fieldParts: Int32Array[] = [];
  const roleParts: Uint8Array[] = [];
  const textParts: Uint8Array[] = [];
  for (let from = 0; from < articles.length; from += SAVE_SLICE) {
    if (from > 0) await nextTurn();
    const slice = articles.slice(from, from + SAVE_SLICE);
    const paragraphs = slice.reduce((n, a) => n + a.paragraphs.length, 0);
    const fields = new Int32Array(paragraphs * PARAGRAPH_FIELDS);
    const roles = new Uint8Array(paragraphs);
    const sliceTexts: Buffer[] = [];
    let p = 0;
    slice.forEach((article, k) => {
      const i = from + k;
      for (const paragraph of article.paragraphs) {
        if (paragraph.id !== `${article.id}#p${paragraph.n}`) throw new Error(`paragraph ${paragraph.id} of ${article.id} is not numbered as usual`);
        fields.set([paragraph.n, paragraph.start, paragraph.end], p * PARAGRAPH_FIELDS);
        roles[p++] = ROLES.indexOf(paragraph.role);
      }
      counts[i] = article.paragraphs.length;
      const stored = storedAt.get(article);
      let bytes: Buffer;
      if (stored) {
        bytes = stored.store.bytes(stored.i);
        encodings[i] = stored.store.encoding(stored.i);
      } else {
        const text = article.text;
        // UTF-8 cannot carry a lone surrogate (a JSON record's "\ud800"): such a text is saved as UTF-16.
        encodings[i] = isWellFormed(text) ? 0 : 1;
        bytes = Buffer.from(text, encodings[i] === 1 ? "utf16le" : "utf8");
      }
      textBytes[i] = bytes.length;
      crcs[i] = crc32(bytes);
      sliceTexts.push(bytes);
    });
    // One part a slice: written as they come, not as a write per article.
    textParts.push(Buffer.concat(sliceTexts));
    meta.paragraphs += paragraphs;
    fieldParts.push(fields);
    roleParts.push(roles);
  }
  const metaBytes = Buffer.from(JSON.stringify(meta), "utf8");
  const sections = [counts, ...fieldParts, ...roleParts, textBytes, crcs, encodings].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  let checksum = crc32(metaBytes);
  for (const section of sections) if (section.byteLength > 0) checksum = crc32(section, checksum);
  const header: Header = {
    format: CORPUS_SNAPSHOT_FORMAT,
    key: corpusSnapshotKey(),
    metaBytes: metaBytes.length,
    sectionBytes: sections.reduce((n, s) => n + s.byteLength, 0),
    textBytes: textParts.reduce((n, t) => n + t.length, 0),
    crc32: checksum,
  };
  const head = Buffer.from(JSON.stringify(header) + "\n", "utf8");
  await writeFileAtomic(path, [Buffer.concat([head, metaBytes]), ...sections, ...textParts]);
}

/** String.prototype.isWellFormed (Node 20; not in the TypeScript library the project targets). */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}
