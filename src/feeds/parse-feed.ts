/** A feed (RSS 2.0, Atom, JSON Feed, or RDF) -> its title and items, through feedsmith. */
import { parseFeed } from "feedsmith";

export interface FeedItem {
  /** What identifies the item across polls: its guid or id, else its link. */
  key: string;
  /** The item's page, when it has one. */
  url: string | null;
  title: string | null;
  /** The feed's own summary or content (may be HTML). */
  summary: string | null;
  published: string | null;
}

export interface ParsedFeed {
  format: string;
  title: string | null;
  items: FeedItem[];
}

type Loose = Record<string, unknown> | undefined;

/** A string, or the `value` of an Atom text construct. */
function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (v && typeof v === "object" && "value" in v) return str((v as { value: unknown }).value);
  return null;
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  const list = links as Array<{ href?: string; rel?: string }>;
  return (list.find((l) => !l.rel || l.rel === "alternate") ?? list[0])?.href ?? null;
}

function item(raw: Loose, format: string): FeedItem | null {
  if (!raw) return null;
  const get = (k: string) => raw[k];
  let url: string | null;
  let id: string | null;
  let summary: string | null;
  let published: string | null;
  if (format === "atom") {
    url = atomLink(get("links"));
    id = str(get("id"));
    summary = str(get("summary")) ?? str(get("content"));
    published = str(get("published")) ?? str(get("updated"));
  } else if (format === "json") {
    url = str(get("url")) ?? str(get("external_url"));
    id = str(get("id"));
    summary = str(get("summary")) ?? str(get("content_html")) ?? str(get("content_text"));
    published = str(get("date_published")) ?? str(get("date_modified"));
  } else {
    url = str(get("link"));
    id = str(get("guid"));
    summary = str(get("description")) ?? str((get("content") as Loose)?.encoded);
    published = str(get("pubDate")) ?? str((get("dc") as Loose)?.date);
  }
  const key = id ?? url;
  if (!key) return null;
  return { key, url, title: str(get("title")), summary, published };
}

/** Throws with a short message when the text is not a feed. */
export function readFeed(text: string): ParsedFeed {
  let parsed: { format: string; feed: Record<string, unknown> };
  try {
    parsed = parseFeed(text) as unknown as { format: string; feed: Record<string, unknown> };
  } catch (error) {
    throw new Error(`not a feed (RSS, Atom or JSON Feed): ${(error as Error).message}`);
  }
  const { format, feed } = parsed;
  const rawItems = (format === "atom" ? feed.entries : feed.items) as Loose[] | undefined;
  return {
    format,
    title: str(feed.title),
    items: (rawItems ?? []).map((raw) => item(raw, format)).filter((i): i is FeedItem => i !== null),
  };
}
