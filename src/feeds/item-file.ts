/**
 * Where and how a feed item is stored: one file per item under `<data folder>/feeds/items/<host>/`, named from
 * the item's key (so the name is known before fetching: an item whose file exists is never fetched again).
 * The file is the page as fetched, behind a one-line header with its URL (html/source-header.ts); or, when the
 * page could not be fetched or read, a small page of the feed's own title and summary, marked as such.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { blocksOf } from "../html/blocks.js";
import type { DomDocument } from "../html/dom.js";
import { sourceHeaderLine, type SourceHeader } from "../html/source-header.js";
import type { FeedItem } from "./parse-feed.js";

export const FEED_ITEMS_DIR = "feeds/items";
/** Document ids of stored feed items start with this (never a path inside a corpus folder). */
export const FEED_DOC_PREFIX = "feed:";

/** The stored file's path relative to the items folder: "example.com/flood-barriers-3f2a9c1b7d.html". */
export function itemFileName(item: FeedItem, feedUrl: string): string {
  const base = item.url ?? feedUrl;
  let host = "feed";
  let slug = "item";
  try {
    const url = new URL(base);
    host = url.hostname.replace(/^www\./, "").replace(/[^a-z0-9.-]/gi, "_") || host;
    const last = url.pathname.split("/").filter(Boolean).at(-1) ?? "";
    slug = last.replace(/\.[a-z0-9]+$/i, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || slug;
  } catch {
    // A key that is not a URL keeps the generic names.
  }
  const hash = createHash("sha256").update(`${feedUrl}\n${item.key}`).digest("hex").slice(0, 10);
  return `${host}/${slug}-${hash}.html`;
}

export const itemPath = (dataDir: string, fileName: string): string => join(dataDir, FEED_ITEMS_DIR, ...fileName.split("/"));
export const itemDoc = (fileName: string): string => FEED_DOC_PREFIX + fileName;

/** The stored file of a fetched page: the header line, then the page's bytes unchanged. */
export function pageFile(header: SourceHeader, body: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from(sourceHeaderLine(header), "latin1"), body]);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The feed's summary (often HTML) as paragraphs of text. */
function summaryParagraphs(summary: string | null): string[] {
  if (!summary) return [];
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${summary}</body></html>`);
  const body = (document as unknown as DomDocument).querySelector("body");
  return body ? blocksOf(body).map((b) => b.text) : [];
}

/** The stored file of an item whose page could not be read: its feed title and summary, in UTF-8. */
export function summaryFile(header: SourceHeader, item: FeedItem, feedTitle: string | null): Uint8Array {
  const title = item.title ?? "(untitled feed item)";
  const meta = [
    `<meta charset="utf-8">`,
    `<title>${esc(title)}</title>`,
    `<link rel="canonical" href="${esc(header.url)}">`,
    feedTitle ? `<meta property="og:site_name" content="${esc(feedTitle)}">` : "",
    item.published ? `<meta property="article:published_time" content="${esc(normalizeFeedDate(item.published))}">` : "",
  ].join("");
  const paragraphs = summaryParagraphs(item.summary).map((p) => `<p>${esc(p)}</p>`).join("\n");
  const html = `<!DOCTYPE html><html><head>${meta}</head><body><h1>${esc(title)}</h1>\n${paragraphs}\n</body></html>\n`;
  return Buffer.concat([Buffer.from(sourceHeaderLine({ ...header, charset: "utf-8", origin: "feed-summary" }), "latin1"), Buffer.from(html, "utf8")]);
}

/** RSS dates ("Mon, 02 Nov 2026 10:00:00 GMT") as ISO date-times; others as given. */
export function normalizeFeedDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString();
}
