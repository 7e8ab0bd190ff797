/**
 * The platform-neutral Reply model. Commands return it; each adapter has one pure renderer from it to its
 * platform's format. No platform type appears here.
 */

export type Visibility = "private" | "public";

/** Where a verbatim excerpt or quotation comes from: `documentText.slice(start, end)` is exactly the text shown. */
export interface Citation {
  doc: string;
  title: string | null;
  outlet: string | null;
  /** ISO 8601 date (YYYY-MM-DD) or date-time, where known. */
  published: string | null;
  url: string | null;
  /** 1-based paragraph number in the document. */
  paragraph: number;
  start: number;
  end: number;
  /**
   * "feed-summary": the document is a feed item whose page could not be fetched or read, so its text is the
   * feed's own title and summary. Renderers show FEED_SUMMARY_NOTE with the citation. Absent for pages and files.
   */
  origin?: "feed-summary";
}

/** Shown with every citation of a feed item whose page could not be fetched: the text is not the article's. */
export const FEED_SUMMARY_NOTE = "feed summary only; page not fetched";

/** `{origin: "feed-summary"}` for such a document, else nothing: spread into a Citation or a --json result. */
export function originOf(article: { origin?: "feed-summary" } | null | undefined): { origin?: "feed-summary" } {
  return article?.origin === "feed-summary" ? { origin: "feed-summary" } : {};
}

/** Where in a document a citation points: the paragraph and the exact character range shown. */
export interface CitedPlace {
  doc: string;
  paragraph: number;
  start: number;
  end: number;
}

type ArticleFacts = Pick<Citation, "title" | "outlet" | "published" | "url">;

/**
 * The one way a command turns a place in a document into a citation. The article's own facts win, because the index
 * may lag a live corpus; `known` (what the index or quotation recorded) fills in what the newsroom no longer has.
 */
export function citationOf(
  place: CitedPlace,
  article: (ArticleFacts & { origin?: "feed-summary" }) | undefined,
  known: Partial<ArticleFacts> = {},
): Citation {
  return {
    doc: place.doc,
    title: article?.title ?? known.title ?? null,
    outlet: article?.outlet ?? known.outlet ?? null,
    published: article?.published ?? known.published ?? null,
    url: article?.url ?? known.url ?? null,
    paragraph: place.paragraph,
    start: place.start,
    end: place.end,
    ...originOf(article),
  };
}

/** The note to show beside a citation, or null. */
export function provenanceNote(c: Pick<Citation, "origin">): string | null {
  return c.origin === "feed-summary" ? FEED_SUMMARY_NOTE : null;
}

/** [start, end) character ranges inside a block's `text` to mark (matched words). */
export type Marks = ReadonlyArray<readonly [number, number]>;

export interface HeadingBlock {
  type: "heading";
  text: string;
}

/**
 * Prose written by Dateline itself. A small markdown subset: `**bold**`, `_italic_`, `` `code` ``.
 * Never put corpus text here: corpus text goes into quote and source blocks, which renderers escape whole.
 */
export interface ParagraphBlock {
  type: "paragraph";
  text: string;
}

/** One part of a split quotation: `documentText.slice(start, end) === text`. */
export interface QuotePart {
  start: number;
  end: number;
  text: string;
}

/** A verbatim quotation of a speaker. `text` excludes the quotation marks. */
export interface QuoteBlock {
  type: "quote";
  text: string;
  speaker: string | null;
  cue: string | null;
  /** 0..1; renderers show a warning when low. */
  confidence: number | null;
  kind: "direct" | "partial" | "transcript";
  citation: Citation;
  marks?: Marks;
  /**
   * A quotation split around the reporter's clause (“That,” she said, “is the worst…”): every part, in text order,
   * each verbatim at [start, end) of the cited document; one of them is `text` at the citation's range (marks are
   * in it). Renderers show the parts joined by " … " (core/display.ts).
   */
  parts?: QuotePart[];
  /** e.g. "3 outlets · 2 wordings" when several renderings of one statement are collapsed into this one. */
  note?: string;
  /** Actions on this quotation alone (its context, its citation), shown with it. */
  actions?: Action[];
}

/** One source article with its best passage as a verbatim excerpt. */
export interface SourceBlock {
  type: "source";
  /** The verbatim excerpt, without the ellipses. */
  excerpt: string;
  /** Whether the excerpt was cut at its start / end (renderers add "…"). */
  cutStart: boolean;
  cutEnd: boolean;
  marks?: Marks;
  citation: Citation;
}

export interface FieldsBlock {
  type: "fields";
  fields: Array<{ label: string; value: string }>;
}

/** A small grey line: counts, hints, provenance. Plain text. */
export interface ContextBlock {
  type: "context";
  text: string;
}

/**
 * share: post the answer publicly; more: the next page; expand: a related private answer (e.g. compare wordings);
 * context and cite: a quotation's attribution sentence and paragraph, its paste-ready citation (private answers).
 */
export type ActionKind = "share" | "more" | "expand" | "context" | "cite";

export interface Action {
  kind: ActionKind;
  label: string;
  /** Everything the action needs to be carried out later, even after a restart (see core/actions.ts). */
  value: string;
}

export interface ActionsBlock {
  type: "actions";
  actions: Action[];
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | QuoteBlock
  | SourceBlock
  | FieldsBlock
  | ContextBlock
  | ActionsBlock;

export interface Reply {
  visibility: Visibility;
  /** Plain text that stands alone: notifications, logs, tests, the console. */
  text: string;
  blocks: Block[];
}

export function privateReply(text: string, blocks: Block[] = []): Reply {
  return { visibility: "private", text, blocks };
}

/** Formats a citation as a short plain-text line: "TASS · “Title” · 20 Jan 2023 · ¶4". */
export function citationLine(c: Citation): string {
  const parts: string[] = [];
  parts.push(c.outlet ?? c.doc);
  if (c.title) parts.push(`“${c.title}”`);
  if (c.published) parts.push(c.published.slice(0, 10));
  parts.push(`¶${c.paragraph}`);
  const note = provenanceNote(c);
  return parts.join(" · ") + (note ? ` (${note})` : "");
}
