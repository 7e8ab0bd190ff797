/**
 * An HTML page -> an article: a pure function of the file's bytes and name (no I/O, no shared state), so
 * that it can run in a worker thread. Gzip-compressed pages (.html.gz) are read too.
 *
 * The document text is the headline, then the article's paragraphs, separated by blank lines: deterministic
 * for a given file, and what every offset of the document points into. Paragraph roles: the headline, story
 * text ("body"), and "furniture" for lines the extractor kept that are not story (an "Advertisement" label).
 */
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { DOMParser } from "linkedom";
import { normalizePublished } from "../corpus/dates.js";
import type { Article, ParagraphRole } from "../corpus/types.js";
import { blocksOf, type TextBlock } from "./blocks.js";
import { asciiCompatible, decodeAs, pageEncoding } from "./charset.js";
import type { DomDocument, DomElement, DomNode } from "./dom.js";
import { removeFurniture } from "./cleanup.js";
import { isPageFurniture } from "./furniture-lines.js";
import { readPageMetadata, type PageMetadata } from "./page-metadata.js";
import { readSourceHeader, type SourceHeader } from "./source-header.js";

/** A page larger than this (decoded, or decompressed) is refused: no news article comes near it. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;
/** Elements nested deeper than this: an HTML bomb, refused. Real pages stay well under 100. */
export const MAX_DEPTH = 400;
/** Below this much story text, a page is not an article (an index page, a login wall, an error page). */
const MIN_ARTICLE_CHARS = 300;
/** A page whose extracted text is more than this share link text is a list of links (an index page). */
const MAX_LINK_SHARE = 0.5;

export interface HtmlParagraph {
  start: number;
  end: number;
  role: ParagraphRole;
}

/** What a page gives: the article's text and metadata as the corpus holds them, its paragraphs, and how it was read. */
export type HtmlArticle = Pick<Article, "text" | "title" | "outlet" | "url" | "published" | "author" | "language"> & {
  paragraphs: HtmlParagraph[];
  /** "feed-summary": a feed item whose page could not be read: the text is the feed's own title and summary. */
  origin: "page" | "feed-summary";
  /** The encoding the page was read in (for the log). */
  encoding: string;
};

export type HtmlExtraction = { ok: true; article: HtmlArticle } | { ok: false; reason: string };

export const isHtmlFileName = (name: string): boolean => /\.(?:html?|xhtml)(?:\.gz)?$/i.test(name);

function refuse(reason: string): HtmlExtraction {
  return { ok: false, reason };
}

function gunzip(bytes: Uint8Array): Uint8Array | string {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_PAGE_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE") return `decompresses to more than ${MAX_PAGE_BYTES / 1024 / 1024} MB: refused (a compression bomb?)`;
    return `not valid gzip: ${(error as Error).message}`;
  }
}

/** Elements that never hold others, and those whose end tag may be left out (they do not nest in practice). */
const FLAT_TAGS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th"]);

/** Whether open tags run more than `limit` deep, read from the tags alone (unclosed ones count as open). */
export function tagNestingOver(html: string, limit: number): boolean {
  let depth = 0;
  for (const [, close, name, selfClosing] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    if (FLAT_TAGS.has(name!.toLowerCase()) || selfClosing) continue;
    if (close) depth = Math.max(0, depth - 1);
    else if (++depth > limit) return true;
  }
  return false;
}

/** The depth of the deepest node, walked without recursion; stops counting past `limit`. */
function depthOver(root: DomNode, limit: number): boolean {
  const stack: DomNode[] = [];
  let node: DomNode | null = root;
  while (node) {
    if (node.firstChild) {
      stack.push(node);
      if (stack.length > limit) return true;
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) node = stack.pop() ?? null;
    node = node?.nextSibling ?? null;
  }
  return false;
}

/** linkedom's parser keeps no state between pages. */
const parser = new DOMParser();

/**
 * The page without what is never text: scripts (JSON-LD kept, it is metadata), styles, SVG, templates and
 * comments. Most of a news page's bytes are code; the DOM need not hold them. And two or more `<br>` in a row,
 * the paragraph break of old CMSs and blogs, become a `<p>`: the parser's implied end tags then give those pages
 * the paragraph structure the extractor scores.
 */
export function withoutCode(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/(?:<br\s*\/?>\s*){2,}/gi, "<p>")
    .replace(/<(script|style|svg|template|noscript)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, (element, _tag: string, attributes: string) =>
      /application\/ld\+json/i.test(attributes) ? element : "",
    );
}

/**
 * The page's text without its code. Most of a news page's bytes are scripts and styles, and decoding UTF-8 into
 * a string costs far more than reading bytes as Latin-1 (one character a byte): in an ASCII-compatible encoding
 * the code is cut from the Latin-1 reading (tags are ASCII, and no byte of a multi-byte character is below 0x80,
 * so a cut never falls inside a character), and only what is left is decoded. The same text as decoding first.
 */
export function pageWithoutCode(bytes: Uint8Array, encoding: string): string {
  if (!asciiCompatible(encoding)) return withoutCode(decodeAs(bytes, encoding));
  const kept = withoutCode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
  return decodeAs(Buffer.from(kept, "latin1"), encoding);
}

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** The article of an HTML page, or the reason it is not one. Never throws for bad input. */
export function extractHtmlArticle(bytes: Uint8Array, fileName: string): HtmlExtraction {
  let raw = bytes;
  if (/\.gz$/i.test(fileName)) {
    const inflated = gunzip(bytes);
    if (typeof inflated === "string") return refuse(inflated);
    raw = inflated;
  }
  if (raw.length > MAX_PAGE_BYTES) return refuse(`${(raw.length / 1024 / 1024).toFixed(1)} MB of HTML: refused (more than ${MAX_PAGE_BYTES / 1024 / 1024} MB)`);
  const header = readSourceHeader(raw);
  const { encoding, skip } = pageEncoding(raw, header?.charset ?? null);
  const page = skip > 0 ? raw.subarray(skip) : raw;
  const html = pageWithoutCode(page, encoding);
  if (!/<(?:html|body|p|div|article|head)\b/i.test(html.slice(0, 65536))) return refuse("not an HTML page (no html, head, body or paragraph element)");

  // Before parsing: a parser takes seconds over 100,000 nested elements.
  if (tagNestingOver(html, MAX_DEPTH)) return refuse(`elements nested more than ${MAX_DEPTH} deep: refused (an HTML bomb?)`);
  let document: DomDocument;
  try {
    document = parser.parseFromString(html, "text/html") as unknown as DomDocument;
  } catch (error) {
    return refuse(`cannot be parsed as HTML: ${(error as Error).message}`);
  }
  if (depthOver(document, MAX_DEPTH)) return refuse(`elements nested more than ${MAX_DEPTH} deep: refused (an HTML bomb?)`);

  const meta = readPageMetadata(document, header?.url ?? null);
  const fromFeed = header?.origin === "feed-summary";
  try {
    const blocks = fromFeed ? feedSummaryBlocks(document) : withDeclaredBody(storyBlocks(document), meta.articleBody);
    if (typeof blocks === "string") return refuse(blocks);
    return { ok: true, article: assemble(blocks, meta, header, encoding) };
  } catch (error) {
    // A page that breaks the extractor is one bad file, never a crash of the whole read.
    return refuse(`the extractor failed on it: ${(error as Error).message}`);
  }
}

/** The story's blocks, or the reason the page is not an article. */
function storyBlocks(document: DomDocument): TextBlock[] | string {
  const wall = document.querySelector('input[type="password" i]') !== null;
  removeFurniture(document);
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (node) => node, charThreshold: MIN_ARTICLE_CHARS, disableJSONLD: true }).parse();
  const content = parsed?.content as unknown as DomElement | null | undefined;
  if (!content) return wall ? "not an article: a login or subscription wall" : "not an article: no story text found";
  const blocks = blocksOf(content);
  const storyChars = blocks.reduce((n, b) => n + b.text.length, 0);
  const linkChars = [...content.querySelectorAll("a")].reduce((n, a) => n + (a.textContent ?? "").replace(/\s+/g, " ").trim().length, 0);
  if (storyChars < MIN_ARTICLE_CHARS) {
    return wall ? "not an article: a login or subscription wall" : `not an article: ${storyChars} characters of story text`;
  }
  if (linkChars > storyChars * MAX_LINK_SHARE) return "not an article: an index page (most of its text is links)";
  return blocks;
}

/** The declared body is used when it is this much longer than the story on the page. */
const TEASER_SHARE = 0.7;

/**
 * A paywalled page shows a teaser (its first paragraphs) but declares the whole story in JSON-LD `articleBody`.
 * When the page's story is the start of that body and much shorter, or there is no story on the page, the
 * declared body is the article, one paragraph a line.
 */
function withDeclaredBody(blocks: TextBlock[] | string, articleBody: string | null): TextBlock[] | string {
  if (!articleBody) return blocks;
  const declared = articleBody.split(/\n+/).map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean);
  const declaredWords = words(declared.join(" "));
  if (declaredWords.length < MIN_ARTICLE_CHARS) return blocks;
  if (typeof blocks !== "string") {
    const story = blocks.filter((b) => !isPageFurniture(b));
    const shownWords = words(story.map((b) => b.text).join(" "));
    const first = story[0] ? words(story[0].text) : "";
    if (shownWords.length >= declaredWords.length * TEASER_SHARE || first === "" || !declaredWords.includes(first)) return blocks;
  }
  return declared.map((text) => ({ text, tag: "p", linkChars: 0 }));
}

/** A stored feed item whose page could not be read: its own body is the feed's summary, paragraph by paragraph. */
function feedSummaryBlocks(document: DomDocument): TextBlock[] {
  const body = document.querySelector("body");
  return body ? blocksOf(body).filter((b) => !/^h1$/.test(b.tag)) : [];
}

function assemble(blocks: readonly TextBlock[], meta: PageMetadata, header: SourceHeader | null, encoding: string): HtmlArticle {
  const paragraphs: HtmlParagraph[] = [];
  let text = "";
  const add = (block: string, role: ParagraphRole) => {
    if (text !== "") text += "\n\n";
    paragraphs.push({ start: text.length, end: text.length + block.length, role });
    text += block;
  };
  if (meta.title) add(meta.title, "headline");
  const title = meta.title ? words(meta.title) : null;
  let storyBegun = false;
  for (const block of blocks) {
    // The headline is the document's first paragraph: the page's own copy of it (a heading, or a line above
    // the story) is not repeated.
    if (title !== null && (!storyBegun || /^h[1-6]$/.test(block.tag)) && words(block.text) === title) continue;
    const role = isPageFurniture(block) ? "furniture" : "body";
    storyBegun ||= role === "body";
    add(block.text, role);
  }
  return {
    text,
    paragraphs,
    title: meta.title,
    outlet: meta.outlet,
    url: meta.url ?? header?.url ?? null,
    published: meta.published ?? (header?.published ? normalizePublished(header.published) : null),
    author: meta.author,
    language: meta.language,
    origin: header?.origin ?? "page",
    encoding,
  };
}
