/**
 * The first line of a page Dateline fetched for a feed item and stored in its data folder: an HTML comment
 * naming where the page came from, the charset its server declared, when it was fetched, and whether the file
 * holds the page or only the feed's own title and summary (the page could not be read). It keeps the page's
 * bytes as they came and is ignored by any browser.
 *
 *   <!-- dateline-source url="https://example.com/a" fetched="2026-12-02T10:00:00.000Z" charset="utf-8" origin="page" -->
 */

export interface SourceHeader {
  url: string;
  fetched: string;
  charset: string | null;
  origin: "page" | "feed-summary";
  /** The feed the item came from. */
  feed: string | null;
  /** The item's date as the feed gave it (ISO), for a page that does not declare its own. */
  published?: string | null;
}

const PREFIX = "<!-- dateline-source ";

/** Every value is ASCII without quotes (URLs are written in their encoded form). */
const attr = (value: string) => value.replace(/[^\x21-\x7e]/g, encodeURIComponent).replace(/"/g, "%22");

export function sourceHeaderLine(header: SourceHeader): string {
  const fields: string[] = [`url="${attr(header.url)}"`, `fetched="${attr(header.fetched)}"`];
  if (header.charset) fields.push(`charset="${attr(header.charset)}"`);
  if (header.feed) fields.push(`feed="${attr(header.feed)}"`);
  if (header.published) fields.push(`published="${attr(header.published)}"`);
  fields.push(`origin="${header.origin}"`);
  return `${PREFIX}${fields.join(" ")} -->\n`;
}

export function readSourceHeader(bytes: Uint8Array): SourceHeader | null {
  const first = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  if (!first.startsWith(PREFIX)) return null;
  const end = first.indexOf("-->");
  if (end === -1) return null;
  const fields = new Map([...first.slice(PREFIX.length, end).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const url = fields.get("url");
  if (!url) return null;
  return {
    url,
    fetched: fields.get("fetched") ?? "",
    charset: fields.get("charset") ?? null,
    origin: fields.get("origin") === "feed-summary" ? "feed-summary" : "page",
    feed: fields.get("feed") ?? null,
    published: fields.get("published") ?? null,
  };
}
