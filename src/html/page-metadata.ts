/**
 * What a page declares about itself, in this order of trust: JSON-LD (`NewsArticle`, `Article` and their kin,
 * also inside `@graph` or a list), OpenGraph and `article:` meta tags (and the common `name=` meta tags), then
 * `<title>` and the canonical link. The outlet is the publisher's name or `og:site_name`, else the host name.
 */
import { normalizePublished } from "../corpus/dates.js";
import type { DomDocument } from "./dom.js";

export interface PageMetadata {
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
  description: string | null;
  /** The JSON-LD type of the page's main item ("NewsArticle"), when it has one. */
  schemaType: string | null;
  /** The JSON-LD item's `articleBody`: the full text a paywalled page declares while showing a teaser. */
  articleBody: string | null;
}


const ARTICLE_TYPES = /^(?:News|Report|Scholarly|Tech|Opinion|Analysis|Review|Satirical|Background|Live)?(?:Article|BlogPosting|Posting)$|^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|LiveBlogPosting|WebPage)$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function typesOf(item: Json): string[] {
  const t = item["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** Every object in the page's JSON-LD blocks, `@graph` members and lists flattened. */
function jsonLdItems(doc: DomDocument): Json[] {
  const items: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(value)) for (const v of value) visit(v, depth + 1);
    else if (isObject(value)) {
      items.push(value);
      if (value["@graph"]) visit(value["@graph"], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      // CMSs leave raw line breaks and CDATA wrappers in the block.
      const raw = (script.textContent ?? "").replace(/^\s*(?:<!\[CDATA\[|\/\/<!\[CDATA\[)/, "").replace(/(?:\]\]>|\/\/\]\]>)\s*$/, "");
      visit(JSON.parse(raw.replace(/[\r\n\t]+/g, " ")), 0);
    } catch {
      // A broken JSON-LD block is ignored: the meta tags still speak.
    }
  }
  return items;
}

/** The article item: the first of an article type, preferring news and article types over WebPage. */
function articleItem(items: readonly Json[]): Json | null {
  const typed = items.filter((i) => typesOf(i).some((t) => ARTICLE_TYPES.test(t)));
  return typed.find((i) => !typesOf(i).includes("WebPage")) ?? typed[0] ?? null;
}

const text = (v: unknown): string | null => {
  if (typeof v === "string") return clean(v);
  if (Array.isArray(v)) return text(v[0]);
  return null;
};

/** A name from a string, a {name} object, or a list of them (joined: "A and B"). */
function names(v: unknown): string | null {
  const list = (Array.isArray(v) ? v : [v])
    .map((x) => (typeof x === "string" ? clean(x) : isObject(x) ? text(x.name) : null))
    .filter((x): x is string => Boolean(x));
  if (list.length === 0) return null;
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

function clean(s: string): string | null {
  const t = s.replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}

/** Every `<meta>` tag's content by its lower-cased property, name or itemprop (the first of each wins). */
function metaTags(doc: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of doc.querySelectorAll("meta")) {
    const content = el.getAttribute("content");
    const value = content ? clean(content) : null;
    if (!value) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = el.getAttribute(attr)?.toLowerCase();
      if (key && !tags.has(key)) tags.set(key, value);
    }
  }
  return tags;
}

/** The first of `keys` the page's meta tags give. */
function metaOf(tags: ReadonlyMap<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return null;
}

/** "Headline | The Outlet" -> "Headline", when the tail names the outlet (or any short site suffix). */
export function stripSiteSuffix(title: string, outlet: string | null): string {
  const parts = title.split(/\s+[|–—:-]\s+|\s+[|»·]\s*/);
  if (parts.length < 2) return title;
  const last = parts.at(-1)!.trim();
  const first = parts[0]!.trim();
  const sameAsOutlet = outlet !== null && last.toLowerCase() === outlet.toLowerCase();
  if (sameAsOutlet || (last.split(/\s+/).length <= 4 && first.split(/\s+/).length >= 3)) {
    return title.slice(0, title.length - last.length).replace(/[\s|–—:»·-]+$/, "");
  }
  return title;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

function absoluteUrl(value: string | null, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base ?? undefined);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** `fetchedUrl`: where the page came from (a feed item), used for relative links and as the last resort. */
export function readPageMetadata(doc: DomDocument, fetchedUrl: string | null = null): PageMetadata {
  const tags = metaTags(doc);
  const item = articleItem(jsonLdItems(doc));
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute("href") ?? null;
  const url =
    absoluteUrl(canonical, fetchedUrl) ??
    absoluteUrl(metaOf(tags, "og:url"), fetchedUrl) ??
    absoluteUrl(text(item?.url) ?? text(isObject(item?.mainEntityOfPage) ? item?.mainEntityOfPage["@id"] : item?.mainEntityOfPage), fetchedUrl) ??
    fetchedUrl;
  const outlet =
    names(item?.publisher) ??
    metaOf(tags, "og:site_name", "application-name", "publisher") ??
    hostOf(url);
  const titleTag = clean(doc.querySelector("title")?.textContent ?? "");
  const title =
    text(item?.headline) ??
    text(item?.name) ??
    metaOf(tags, "og:title", "twitter:title", "dc.title", "headline") ??
    (titleTag ? stripSiteSuffix(titleTag, outlet) : null);
  const publishedRaw =
    text(item?.datePublished) ??
    text(item?.dateCreated) ??
    metaOf(tags, "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date") ??
    doc.querySelector("time[datetime][pubdate], article time[datetime]")?.getAttribute("datetime") ??
    null;
  const author =
    names(item?.author) ??
    names(item?.creator) ??
    metaOf(tags, "author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author");
  const lang = doc.documentElement?.getAttribute("lang") ?? text(item?.inLanguage) ?? metaOf(tags, "og:locale", "content-language", "language");
  return {
    title,
    published: publishedRaw ? normalizePublished(publishedRaw) : null,
    author: author && /^https?:/.test(author) ? null : author,
    outlet,
    url,
    language: lang ? lang.replace(/_/g, "-").split(/[,\s]/)[0]!.toLowerCase() || null : null,
    description: text(item?.description) ?? metaOf(tags, "og:description", "description", "twitter:description"),
    schemaType: item ? (typesOf(item)[0] ?? null) : null,
    articleBody: typeof item?.articleBody === "string" && item.articleBody.trim() ? item.articleBody : null,
  };
}
