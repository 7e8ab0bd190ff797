/**
 * Reading a corpus: a folder (recursively) or a single file of .txt, .md, .json, .jsonl or .ndjson, or a web
 * page (.html, .htm, .html.gz: see html-file.ts).
 * Hidden files and folders, node_modules and other file kinds are ignored. A bad file or record is skipped
 * and recorded in `problems`; the rest is served. Only a location that cannot be read at all throws.
 */
import { createHash } from "node:crypto";
import { open, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../core/log.js";
import { articleFromRecord, articleFromText } from "./article.js";
import { leadsOutside, outsideProblem } from "./boundary.js";
import { decodeBytes, looksBinary } from "./decode.js";
import { isHtmlFileName } from "../html/extract.js";
import { readHtmlFile } from "./html-file.js";
import { applyFolderDefaults, FOLDER_DEFAULTS_FILE, NO_DEFAULTS, parseFolderDefaults, type FolderDefaults } from "./folder-defaults.js";
import { parseJsonDocument, parseJsonLines } from "./records.js";
import { CorpusUnreadableError, type Article, type Corpus, type CorpusProblem } from "./types.js";

/** Bump when reading rules change what articles a file yields: snapshots keyed on the fingerprint rebuild. */
export const CORPUS_READER_VERSION = "corpus-reader-2";

export const CORPUS_EXTENSIONS: readonly string[] = [".txt", ".md", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml"];

/** Whether a file name is one the corpus reader reads (not hidden, not an editor's "~" lock file). */
export function isCorpusFileName(name: string): boolean {
  const base = path.basename(name);
  // A folder's README describes the corpus; it is not an article.
  if (/^readme(\.[a-z]+)?$/i.test(base)) return false;
  return !/^[.~]/.test(base) && (CORPUS_EXTENSIONS.includes(path.extname(base).toLowerCase()) || isHtmlFileName(base));
}

/** Folders never read: hidden ones (.git) and installed packages. */
const isSkippedFolder = (name: string) => name.startsWith(".") || name === "node_modules";

export interface FileDigest {
  /** Path relative to the corpus root, forward slashes. */
  path: string;
  size: number;
  sha256: string;
}

/** Articles larger than this are read up to it (DATELINE_MAX_ARTICLE_MB, default 5). */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 2 ** 20;

export interface ReadOptions {
  /** Bytes of one article read at most (a text file's, a record body's); the rest is left out with a warning. */
  maxArticleBytes?: number;
  /** The corpus folder's defaults (its dateline.yml), filling what a file does not say. */
  defaults?: FolderDefaults;
}

export interface CorpusFile {
  articles: Article[];
  problems: CorpusProblem[];
  digest: FileDigest;
}

/**
 * Articles and problems of one corpus file. `root` is the corpus folder, `relPath` the file's path relative
 * to it. Used by `loadCorpus` and by a live-corpus watcher to re-read a changed file. Throws only when the
 * file cannot be read (for a watcher: it was deleted meanwhile). A text file larger than the article limit is
 * read up to it (never whole: a file of any size costs the limit in memory).
 */
export async function readCorpusFile(root: string, relPath: string, options: ReadOptions = {}): Promise<CorpusFile> {
  const file = path.join(root, ...relPath.split("/"));
  const limit = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  if (!isTextArticle(relPath)) return parseCorpusFile(relPath, await readFile(file), relPath, options);
  const { bytes, size } = await readHead(file, limit);
  if (size <= limit) return parseCorpusFile(relPath, bytes, relPath, options);
  const parsed = parseCorpusFile(relPath, cutBytes(bytes, limit), relPath, options);
  parsed.digest.size = size;
  parsed.problems.push({ file: relPath, severity: "warning", message: overLimit(size, limit) });
  return parsed;
}

/** A .txt or .md file: one article. */
function isTextArticle(relPath: string): boolean {
  const extension = path.extname(relPath).toLowerCase();
  return extension === ".txt" || extension === ".md";
}

/** The file's first `limit + 1` bytes at most (one more tells a file of exactly the limit from a larger one), and its size. */
async function readHead(file: string, limit: number): Promise<{ bytes: Buffer; size: number }> {
  const handle = await open(file, "r");
  try {
    const size = (await handle.stat()).size;
    const bytes = Buffer.alloc(Math.min(size, limit + 1));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), size };
  } finally {
    await handle.close();
  }
}

/** How much of the article is searched, for the warning that names the file. */
function overLimit(size: number, limit: number): string {
  const mb = (n: number) => (n < 2 ** 20 ? `${Math.ceil(n / 1024)} KB` : `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`);
  return `article of ${mb(size)} is larger than the limit of ${mb(limit)} (DATELINE_MAX_ARTICLE_MB): only its first ${mb(limit)} are read`;
}

/** Where to cut in the last part of an over-long article: at a line break there, so no paragraph is cut short. */
const CUT_WINDOW = 64 * 1024;

/**
 * The first `limit` bytes at most, cut after the last line break of their final 64 KB, else before a character
 * (a UTF-8 sequence is never split; UTF-16 is cut at an even length).
 */
export function cutBytes(bytes: Uint8Array, limit: number): Uint8Array {
  if (bytes.length <= limit) return bytes;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return bytes.subarray(0, limit - (limit % 2));
  const newline = bytes.lastIndexOf(0x0a, limit - 1);
  if (newline >= 0 && newline >= limit - CUT_WINDOW) return bytes.subarray(0, newline + 1);
  let end = limit;
  // Back to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** A record body over the limit: its first `limit` bytes, as `cutBytes` cuts them. */
function cutText(text: string, limit: number): string {
  return Buffer.from(cutBytes(Buffer.from(text, "utf8"), limit)).toString("utf8");
}

/**
 * Like `readCorpusFile`, from bytes already read. `relPath` also names the article of a text file; `options.defaults`
 * are the corpus folder's (folder-defaults.ts), filling what the file does not say.
 */
export function parseCorpusFile(relPath: string, bytes: Uint8Array, articleId: string = relPath, options: ReadOptions = {}): CorpusFile {
  const limit = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const defaults = options.defaults ?? NO_DEFAULTS;
  const digest: FileDigest = {
    path: relPath,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
  const problems: CorpusProblem[] = [];
  if (isHtmlFileName(relPath)) return { ...readHtmlFile(relPath, bytes, articleId), digest };
  const problem = (severity: CorpusProblem["severity"], message: string, line?: number) =>
    problems.push(line === undefined ? { file: relPath, severity, message } : { file: relPath, line, severity, message });

  if (looksBinary(bytes)) {
    problem("error", "binary file (contains NUL bytes): skipped");
    return { articles: [], problems, digest };
  }
  const decoded = decodeBytes(bytes);
  if (decoded.encoding === "windows-1252") problem("warning", "not valid UTF-8: decoded as Windows-1252");
  if (decoded.replacedBytes) problem("warning", `${decoded.replacedBytes} byte(s) not valid UTF-8: replaced by U+FFFD, the rest read as UTF-8`);
  if (decoded.text.trim() === "") {
    problem("warning", "empty file: skipped");
    return { articles: [], problems, digest };
  }

  const extension = path.extname(relPath).toLowerCase();
  const articles: Article[] = [];
  if (extension === ".txt" || extension === ".md") {
    const built = articleFromText(articleId, relPath, decoded.text, defaults.dateOrder);
    for (const warning of built.warnings) problem("warning", warning);
    articles.push(applyFolderDefaults(built.article, defaults, relPath));
  } else {
    const isLines = extension === ".jsonl" || extension === ".ndjson";
    const parsed = isLines ? parseJsonLines(decoded.text) : parseJsonDocument(decoded.text);
    for (const bad of parsed.problems) {
      const where = bad.index !== undefined ? `record ${bad.index + 1}: ` : "";
      problem("error", `${where}${bad.message}: skipped`, bad.line);
    }
    for (const { record: read, line } of parsed.records) {
      // "file.jsonl:17" names the line; a .json record is named by the file (and its id).
      const source = line !== undefined ? `${relPath}:${line}` : relPath;
      if (read.body.trim() === "") {
        problem("warning", `record "${read.id}" has an empty body: skipped`, line);
        continue;
      }
      // Characters first: a body of fewer characters than the limit's bytes is within it, without counting its bytes.
      const size = read.body.length * 3 > limit ? Buffer.byteLength(read.body, "utf8") : 0;
      const record = size > limit ? { ...read, body: cutText(read.body, limit) } : read;
      if (size > limit) problem("warning", `record "${read.id}": ${overLimit(size, limit)}`, line);
      const built = articleFromRecord(record, source, defaults.dateOrder);
      for (const warning of built.warnings) problem("warning", `record "${record.id}": ${warning}`, line);
      articles.push(applyFolderDefaults(built.article, defaults, relPath));
    }
  }
  return { articles, problems, digest };
}

/**
 * Every corpus file under `root`: relative paths with forward slashes, sorted. Hidden entries are skipped;
 * symbolic links to files inside the folder are followed, links to folders are not (no cycles), links that lead
 * outside are a warning (boundary.ts). Only an unreadable root
 * throws; an unreadable subfolder is a problem.
 */
export async function listCorpusFiles(root: string): Promise<{ files: string[]; problems: CorpusProblem[] }> {
  const files: string[] = [];
  const problems: CorpusProblem[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (prefix === "") throw error;
      problems.push({ file: prefix, severity: "error", message: `cannot read folder: ${reason(error)}` });
      return;
    }
    for (const entry of entries) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) await walk(full, rel);
      }
      else if (isCorpusFileName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full))))) {
        const outside = entry.isSymbolicLink() ? await leadsOutside(root, rel) : null;
        if (outside) problems.push(outsideProblem(rel, outside));
        else files.push(rel);
      }
    }
  };
  await walk(root, "");
  return { files: files.sort(), problems };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Runs `task` over `items` with at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Equal fingerprints mean the same files with the same content, read by the same rules. */
export function corpusFingerprint(digests: readonly FileDigest[]): string {
  const hash = createHash("sha256").update(CORPUS_READER_VERSION + "\n");
  for (const d of [...digests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${d.path}\0${d.size}\0${d.sha256}\n`);
  }
  return hash.digest("hex");
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

const LOGGED_PROBLEMS = 50;

/**
 * The folder's `dateline.yml`, if it has one: its defaults, its digest (it counts in the fingerprint: changing it
 * changes the articles), and its problem when malformed (then named, reported, and no defaults apply).
 */
async function readFolderDefaults(root: string): Promise<{ defaults: FolderDefaults; digest?: FileDigest; problem?: CorpusProblem }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, FOLDER_DEFAULTS_FILE));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR") return { defaults: NO_DEFAULTS };
    return { defaults: NO_DEFAULTS, problem: { file: FOLDER_DEFAULTS_FILE, severity: "error", message: `cannot read: ${reason(error)}; no folder defaults apply` } };
  }
  const digest: FileDigest = { path: FOLDER_DEFAULTS_FILE, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  const parsed = parseFolderDefaults(decodeBytes(bytes).text);
  if ("problem" in parsed) {
    return { defaults: NO_DEFAULTS, digest, problem: { file: FOLDER_DEFAULTS_FILE, severity: "error", message: `${parsed.problem}; no folder defaults apply` } };
  }
  return { defaults: parsed.defaults, digest };
}

export async function loadCorpus(location: string, options: { log?: Logger } & ReadOptions = {}): Promise<Corpus> {
  return (await loadCorpusFiles(location, options)).corpus;
}

/** Reads one corpus file (readCorpusFile, or the same in a worker thread). */
export type CorpusFileReader = (root: string, relPath: string, options: ReadOptions) => Promise<CorpusFile>;

/** The files a start may reuse as they were read before (a corpus snapshot, snapshot.ts). */
/** A corpus file as it was read: what the next start compares (size and time) and what it reuses. */
export interface FileRecord {
  /** Relative to the corpus root, forward slashes. */
  path: string;
  /** Size and modification time when listed; a size of -1 never matches (the file is read again). */
  size: number;
  mtimeMs: number;
  digest: FileDigest;
  problems: CorpusProblem[];
  articles: Article[];
}

export interface EarlierFiles {
  /** The file as read before, when it still has this size and modification time; null when it must be read. */
  unchanged(relPath: string, size: number, mtimeMs: number): FileRecord | null;
  /** The SHA-256 of the folder's defaults file when the files were read (null: it had none). */
  defaultsDigest(): string | null;
  /** The article size limit the files were read with. */
  maxArticleBytes(): number;
}

export interface LoadCorpusOptions extends ReadOptions {
  log?: Logger;
  /** Files read before: reused when their size and time are unchanged (and the folder's defaults too). */
  earlier?: EarlierFiles | null;
  /** How a file is read (default readCorpusFile): a worker thread's, or one that counts reads in tests. */
  reader?: CorpusFileReader;
  /** Told after each file is read or reused: how many of the listed files are done (a starting bot says so). */
  onFile?: (done: number, total: number) => void;
}

export interface LoadedCorpusFiles {
  corpus: Corpus;
  /** Every file read or reused, in order, with its size and time when listed (for the next snapshot). */
  files: FileRecord[];
  /** Files read, and files reused from `earlier`. */
  read: number;
  reused: number;
  /** When the files were listed (ms since the epoch). */
  listedAt: number;
  /** The SHA-256 of the folder's defaults file (null: it has none). */
  defaultsDigest: string | null;
  /** The article size limit the files were read with. */
  maxArticleBytes: number;
}

/** `loadCorpus`, reusing the files `earlier` holds unchanged, and telling which files it read. */
export async function loadCorpusFiles(location: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpusFiles> {
  // Only what the reader needs (it may cross to a worker thread).
  const readOptions: ReadOptions = options.maxArticleBytes === undefined ? {} : { maxArticleBytes: options.maxArticleBytes };
  const reader = options.reader ?? readCorpusFile;
  const listedAt = Date.now();
  let info;
  try {
    info = await stat(location);
  } catch (error) {
    throw new CorpusUnreadableError(location, reason(error));
  }

  let root: string;
  let files: string[];
  const problems: CorpusProblem[] = [];
  if (info.isDirectory()) {
    root = location;
    try {
      const listed = await listCorpusFiles(root);
      files = listed.files;
      for (const p of listed.problems) problems.push(p);
    } catch (error) {
      throw new CorpusUnreadableError(location, reason(error));
    }
  } else if (info.isFile()) {
    if (!CORPUS_EXTENSIONS.includes(path.extname(location).toLowerCase()) && !isHtmlFileName(location)) {
      throw new CorpusUnreadableError(location, `not a corpus file (expected ${CORPUS_EXTENSIONS.join(", ")})`);
    }
    // A single file: its article (for .txt/.md) is named by its base name.
    root = path.dirname(location);
    files = [path.basename(location)];
  } else {
    throw new CorpusUnreadableError(location, "neither a file nor a folder");
  }

  const digests: FileDigest[] = [];
  // Only a folder declares defaults: a single file is read as it is.
  const folder = info.isDirectory() ? await readFolderDefaults(root) : { defaults: NO_DEFAULTS };
  const defaults = folder.defaults;
  if (folder.digest) digests.push(folder.digest);
  if (folder.problem) problems.push(folder.problem);
  // The folder's defaults and the size limit apply to every file: when they changed, no file is reused.
  const limit = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const earlier = options.earlier && sameDefaults(options.earlier, folder.digest) && options.earlier.maxArticleBytes() === limit ? options.earlier : null;
  const byId = new Map<string, Article>();
  let readCount = 0;
  let reused = 0;
  let done = 0;
  options.onFile?.(0, files.length);
  const read = await mapLimited(files, 32, async (rel): Promise<FileRecord | { error: unknown }> => {
    try {
      const listed = await stat(path.join(root, ...rel.split("/")));
      const kept = earlier?.unchanged(rel, listed.size, listed.mtimeMs);
      if (kept) {
        reused++;
        return kept;
      }
      readCount++;
      const file = await reader(root, rel, { ...readOptions, defaults });
      return { path: rel, size: listed.size, mtimeMs: listed.mtimeMs, ...file };
    } catch (error) {
      if (!info.isDirectory()) throw new CorpusUnreadableError(location, reason(error));
      return { error };
    } finally {
      options.onFile?.(++done, files.length);
    }
  });
  const records: FileRecord[] = [];
  for (const [i, result] of read.entries()) {
    const rel = files[i] ?? "";
    if ("error" in result) {
      problems.push({ file: rel, severity: "error", message: `cannot read: ${reason(result.error)}` });
      continue;
    }
    digests.push(result.digest);
    records.push(result);
    // One at a time: a broken export can have more bad records than a call can take arguments.
    for (const p of result.problems) problems.push(p);
    for (const article of result.articles) {
      const earlier = byId.get(article.id);
      if (earlier) {
        problems.push({
          file: rel,
          severity: "error",
          message: `duplicate article id "${article.id}" (${article.source}; first seen in ${earlier.source}): skipped`,
        });
        continue;
      }
      byId.set(article.id, article);
    }
  }

  const articles = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const corpus: Corpus = { location, articles, problems, fingerprint: corpusFingerprint(digests), defaults };
  const log = options.log;
  if (log) {
    // A broken export can have thousands of bad records: log the first ones; `problems` keeps them all.
    for (const p of problems.slice(0, LOGGED_PROBLEMS)) {
      log[p.severity === "error" ? "error" : "warn"]("corpus problem", { ...p });
    }
    log.info("corpus read", { location, files: files.length, read: readCount, reused, articles: articles.length, problems: problems.length });
  }
  return { corpus, files: records, read: readCount, reused, listedAt, defaultsDigest: folder.digest?.sha256 ?? null, maxArticleBytes: limit };
}

/** Whether the folder's defaults file is the one the earlier files were read with. */
function sameDefaults(earlier: EarlierFiles, digest: FileDigest | undefined): boolean {
  return earlier.defaultsDigest() === (digest?.sha256 ?? null);
}
