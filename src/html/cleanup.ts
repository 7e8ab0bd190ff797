/**
 * Page furniture removed before the extractor scores the page: navigation, share bars, related links,
 * comments, cookie notices, newsletter boxes, captions and credits. Readability drops much of it by itself;
 * what it keeps (a share bar inside the story's container, a caption, a "related" list between paragraphs)
 * is named by the page's own markup: tags, ARIA roles, and class or id names.
 */

import { bodyOf, elementsUnder, removeWhere, type DomDocument, type DomElement } from "./dom.js";

/** Elements that are furniture by their tag, their ARIA role, or by being hidden. */
const FURNITURE_TAGS = new Set(["nav", "aside", "footer", "form", "figcaption", "noscript", "iframe", "button", "dialog", "menu"]);
const FURNITURE_ROLES = new Set(["navigation", "complementary", "contentinfo", "dialog", "banner"]);

function isFurnitureElement(el: DomElement, tag: string): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  if (el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return true;
  const role = el.getAttribute("role");
  return role !== null && FURNITURE_ROLES.has(role);
}

/** Class or id words that name furniture wherever they stand. */
const ALWAYS = /^(?:share|sharing|sharebar|social|socials|related|recommended|recommendations|comments?|commentary-form|disqus|cookies?|consent|gdpr|newsletter|signup|subscribe|subscription|promo|promotion|advert|advertisement|ads?|adslot|sponsored|caption|credit|credits|breadcrumbs?|outbrain|taboola|paywall|paywalled|piano|offer|pull|pullquote|embed|tweet|twitter|instagram|tiktok|trending|popular|mostread|most|tags|tag|keywords|topics|byline|timestamp|meta|author|bio|print|toolbar|more|read|next|prev|pagination|skip|hidden|sr|visually|modal|overlay|banner|alert|feedback|correction)$/;

/** Words that name furniture only on a box that holds little story text (a story container may be "with-sidebar"). */
const WEAK = /^(?:nav|navbar|navigation|menu|sidebar|widget|footer|header|masthead|rail|secondary|extra|links|list|teaser|teasers|card|cards)$/;

/** More than this many long paragraphs inside, or this much text outside links, and a box is story. */
const STORY_PARAGRAPHS = 2;
const LONG_PARAGRAPH = 120;
const STORY_TEXT = 400;

function classWords(el: DomElement): string[] {
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.toLowerCase();
  if (names.trim() === "") return [];
  // "c-share-bar" -> c, share, bar; "relatedLinks" -> related, links.
  return names
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean);
}

const collapsedLength = (text: string | null) => (text ?? "").replace(/\s+/g, " ").length;

function holdsStory(el: DomElement): boolean {
  // One walk (no selector: linkedom compiles a selector at every call, and this runs for every named box).
  let long = 0;
  let links = 0;
  for (const node of elementsUnder(el)) {
    const tag = node.nodeName.toLowerCase();
    if (tag === "p" && (node.textContent ?? "").length >= LONG_PARAGRAPH && ++long > STORY_PARAGRAPHS) return true;
    if (tag === "a") links += collapsedLength(node.textContent);
  }
  // Story text without paragraph elements (an old CMS's <br><br>, a blog's divs).
  const all = collapsedLength(el.textContent);
  return all >= STORY_TEXT && all - links >= STORY_TEXT;
}

/** Whether the element's own class or id names furniture. */
export function isFurnitureBox(el: DomElement): boolean {
  const words = classWords(el);
  if (words.length === 0) return false;
  // "article-meta" or "story-tags" are furniture; "article" and "story" alone never are.
  if (words.some((w) => ALWAYS.test(w))) return !holdsStory(el) || words.some((w) => /^(?:comments?|related|recommended|share|social)$/.test(w));
  return words.some((w) => WEAK.test(w)) && !holdsStory(el);
}

/** Removes furniture from the document in place. */
export function removeFurniture(doc: DomDocument): void {
  // From the root element: linkedom's document does not lead from its doctype node to it.
  const root = doc.documentElement;
  if (!root) return;
  removeWhere(root, (el, tag) => isFurnitureElement(el, tag));
  // A page's or an article's header: the headline (read from the metadata), byline, date, standfirst.
  removeWhere(root, (el, tag) => tag === "header" && !holdsStory(el));
  const body = bodyOf(doc);
  if (body) removeWhere(body, (el) => isFurnitureBox(el));
}
