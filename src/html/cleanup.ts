/**
 * Page furniture removed before the extractor scores the page: navigation, share bars, related links,
 * comments, cookie notices, newsletter boxes, captions and credits. Readability drops much of it by itself;
 * what it keeps (a share bar inside the story's container, a caption, a "related" list between paragraphs)
 * is named by the page's own markup: tags, ARIA roles, and class or id names.
 */

import type { DomDocument, DomElement } from "./dom.js";

const FURNITURE_SELECTORS = [
  "nav", "aside", "footer", "form", "figcaption", "noscript", "iframe", "button", "dialog", "menu",
  '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]', '[role="dialog"]', '[role="banner"]',
  '[aria-hidden="true"]', "[hidden]",
].join(",");

/** Class or id words that name furniture wherever they stand. */
const ALWAYS = /^(?:share|sharing|sharebar|social|socials|related|recommended|recommendations|comments?|commentary-form|disqus|cookies?|consent|gdpr|newsletter|signup|subscribe|subscription|promo|promotion|advert|advertisement|ads?|adslot|sponsored|caption|credit|credits|breadcrumbs?|outbrain|taboola|paywall|trending|popular|mostread|most|tags|tag|keywords|topics|byline|timestamp|meta|author|bio|print|toolbar|more|read|next|prev|pagination|skip|hidden|sr|visually|modal|overlay|banner|alert|feedback|correction)$/;

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

function holdsStory(el: DomElement): boolean {
  let long = 0;
  for (const p of el.querySelectorAll("p")) {
    if ((p.textContent ?? "").length >= LONG_PARAGRAPH && ++long > STORY_PARAGRAPHS) return true;
  }
  // Story text without paragraph elements (an old CMS's <br><br>, a blog's divs).
  const all = (el.textContent ?? "").replace(/\s+/g, " ").length;
  if (all < STORY_TEXT) return false;
  let links = 0;
  for (const a of el.querySelectorAll("a")) links += (a.textContent ?? "").replace(/\s+/g, " ").length;
  return all - links >= STORY_TEXT;
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
  for (const el of doc.querySelectorAll(FURNITURE_SELECTORS)) el.remove();
  // A page's or an article's header: the headline (read from the metadata), byline, date, standfirst.
  for (const el of doc.querySelectorAll("header")) if (!holdsStory(el)) el.remove();
  for (const el of doc.querySelectorAll("body [class], body [id]")) {
    // An element inside one already removed is still in the list: removing it again does no harm.
    if (isFurnitureBox(el)) el.remove();
  }
}
