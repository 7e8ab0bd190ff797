/**
 * The corpus as the rest of Dateline sees it. Offsets always point into `Article.text`, the document exactly
 * as decoded (a .txt/.md file's content, front matter included; a JSON record's `body`).
 */

export type ParagraphRole =
  /** Story text: indexed, searchable, quotable. */
  | "body"
  /** The headline line(s) when they stand in the text. Indexed (boosted) but not an excerpt of its own. */
  | "headline"
  /** Page furniture, navigation, comment forms, weather, "Must Read" links, front matter: never indexed or shown. */
  | "furniture";

export interface Paragraph {
  /** Stable id: `${doc}#p${n}`. */
  id: string;
  /** 1-based, counting every non-empty block of the document in order (furniture included), so numbers are stable. */
  n: number;
  start: number;
  end: number;
  role: ParagraphRole;
}

export interface Article {
  /** Path relative to the corpus folder (forward slashes), or the record's id for JSON/JSONL corpora. */
  id: string;
  text: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** ISO 8601: "YYYY-MM-DD" or a full date-time, where known. */
  published: string | null;
  author: string | null;
  language: string | null;
  /** The dateline city ("MOSCOW"), where the text has one. */
  dateline: string | null;
  paragraphs: Paragraph[];
  /** Where the article came from, for messages: "seeds/003.txt" or "articles.jsonl:17". */
  source: string;
  /** "feed-summary": a feed item whose page could not be fetched or read; its text is the feed's title and summary. */
  origin?: "feed-summary";
}

export interface CorpusProblem {
  /** File path relative to the corpus folder (or the file name when the corpus is one file). */
  file: string;
  /** 1-based line for JSONL records. */
  line?: number;
  severity: "warning" | "error";
  message: string;
}

export interface Corpus {
  /** The folder or file it was read from, as given. */
  location: string;
  articles: Article[];
  /** Warnings (e.g. decoded as Windows-1252) and errors (file or record skipped). */
  problems: CorpusProblem[];
  /** Hash over every file's path, size and content hash: equal fingerprints mean an equal corpus. */
  fingerprint: string;
  /** The folder's declared defaults (dateline.yml, see folder-defaults.ts), applied to every file read. */
  defaults?: FolderDefaults;
}

/** The corpus folder or file does not exist or cannot be read at all (not: one bad file inside it). */
export class CorpusUnreadableError extends Error {
  constructor(
    readonly location: string,
    reason: string,
  ) {
    super(`Cannot read the corpus at ${location}: ${reason}`);
    this.name = "CorpusUnreadableError";
  }
}

/** What a corpus folder declares for its files in `dateline.yml` (parsed in folder-defaults.ts). */
export interface FolderDefaults {
  outlet: string | null;
  language: string | null;
  dateOrder: "day-first" | "month-first" | null;
  datesFromPath: boolean;
  published: string | null;
}
