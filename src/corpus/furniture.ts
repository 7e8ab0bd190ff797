/**
 * Page furniture: the parts of a scraped news page that are not the story (navigation, comment forms,
 * weather, "Must Read" links to other stories, credits, lone date and city lines), and the headline.
 *
 * The rules, in order:
 *  1. Everything from a comment form ("Please enter your comment!", "Leave a Reply") to the end is furniture.
 *  2. A block that is a known marker ("All news", "Must Read", "Most Popular", ...), a temperature ("2.3 C"),
 *     a breadcrumb ("HomeWorld..."), a credit ("Source: ...") or a separator ("* * *") is furniture anywhere.
 *  3. Before the story: lone date lines are furniture; the first block that reads like a headline is the
 *     headline; on a web page (one with markers, see 4) lone place names above it ("New York") are
 *     furniture, and a lone upper-case place name between headline and story ("MOSCOW") is the dateline,
 *     furniture too. (A date line inside the story, e.g. a fixtures list, stays body.)
 *  4. On a web page (a page with at least one marker of rule 2), a short headline-like block inside or after
 *     the story (few words, no closing punctuation, no quotation marks) is a link to another story:
 *     furniture. Plain article files (no markers, e.g. BBC) never lose a paragraph to this rule.
 * Everything else is body. Furniture is never indexed nor shown; it is still numbered (`doc#pN` stays stable).
 */
import type { ParagraphRole } from "./types.js";
import { readDateline } from "./dateline.js";
import { isDateLine } from "./dates.js";

const normalize = (text: string) =>
  text
    .trim()
    .replace(/^#{1,6}\s+/, "")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .replace(/[\s:!.…»>|-]+$/, "");

/** Lines that end everything worth reading: comment forms. */
const TAIL_MARKERS = new Set(["please enter your comment", "leave a reply", "leave a comment", "post a comment"]);

/** Section labels of archive exports: furniture, but no sign of a scraped web page. */
const LABELS = new Set(["abstract", "full text"]);

/** Navigation and widget lines of news sites. */
const MARKERS = new Set([
  ...TAIL_MARKERS,
  "please enter your name here",
  "please enter your email address here",
  "must read",
  "most popular",
  "most read",
  "recent comments",
  "latest article",
  "latest articles",
  "latest news",
  "more articles",
  "more stories",
  "related articles",
  "related stories",
  "read more",
  "read also",
  "see also",
  "all news",
  "advertisement",
  "share this article",
  "you may also like",
  "you might also like",
]);

const TEMPERATURE = /^-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]$/;
/** "HomeWorldSecretary of State ...": a breadcrumb glued to the headline by the page scraper. */
const BREADCRUMB = /^Home[A-Z][a-z]+(?=[A-Z])/;
const CREDIT = /^(?:Source|Sources|Photo|Photos|Credit|Credits|Image|Picture|Pictures)\s*:\s*\S/i;
const ENDS_LIKE_SENTENCE = /[.!?:;,"'”’…)\]]$/;
const HAS_QUOTE = /["“”«»]/;
const SENTENCE_BREAK = /[.!?]["”’)]?\s+["“‘(]?[A-Z]/;

/** The longest marker or label, in characters. */
const LONGEST_MARKER = Math.max(...[...MARKERS, ...LABELS].map((m) => m.length));

/**
 * Whether `text` has more than `limit` ASCII letters and digits. `normalize` and `words` keep each of them as one
 * character, so such a text cannot normalize to anything shorter: a story paragraph is told apart from a marker
 * or a title after a few dozen characters instead of being normalized whole (this runs for every block).
 */
function asciiAlphanumericsOver(text: string, limit: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) && ++count > limit) return true;
  }
  return false;
}

/** The text normalized, when it may be a marker or a label (null: it is neither). */
function markerKey(text: string): string | null {
  return asciiAlphanumericsOver(text, LONGEST_MARKER) ? null : normalize(text);
}

const listed = (set: ReadonlySet<string>, key: string | null) => key !== null && set.has(key);

export function isTemperature(text: string): boolean {
  return TEMPERATURE.test(text.trim());
}

export function isBreadcrumb(text: string): boolean {
  return BREADCRUMB.test(text.trim());
}

/** The headline a breadcrumb line carries: "HomeWorldSecretary of State ..." -> "Secretary of State ...". */
export function stripBreadcrumb(text: string): string {
  return text.trim().replace(BREADCRUMB, "");
}

/** A short credit line: "Source: Seznam Zpravy", "Photo: Reuters". */
export function isCreditLine(text: string): boolean {
  const t = text.trim();
  return CREDIT.test(t) && t.length <= 80 && t.split(/\s+/).length <= 8 && !SENTENCE_BREAK.test(t);
}

/** A lone place name: "New York", "MOSCOW" (at most four capitalized words, no digits or punctuation). */
export function isLonePlace(text: string): boolean {
  const t = text.trim();
  if (t.length > 30 || /[\d.,;:!?"“”]/.test(t)) return false;
  const words = t.split(/\s+/);
  return words.length <= 4 && words.every((w) => /^[A-Z][\p{L}'’-]*$/u.test(w));
}

export function isUpperCasePlace(text: string): boolean {
  const t = text.trim();
  return isLonePlace(t) && /\p{Lu}{2}/u.test(t) && t === t.toUpperCase();
}

/** A one-sentence line short enough to be a headline, that does not open with a quotation or a dateline. */
export function isHeadlineLike(text: string): boolean {
  const t = text.trim().replace(/^#{1,6}\s+/, "");
  if (t.length < 3 || t.length > 250 || !/\p{L}/u.test(t)) return false;
  return !SENTENCE_BREAK.test(t) && !/^["“‘«]/.test(t) && readDateline(t) === null;
}

/** A link to another story: a short line with no closing punctuation and no quotation. */
export function isStoryLink(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/).length;
  return words <= 20 && t.length <= 160 && /^\p{Lu}/u.test(t) && !ENDS_LIKE_SENTENCE.test(t) && !HAS_QUOTE.test(t);
}

/** A separator with no word in it: "---", "* * *". */
export function isRule(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** Furniture wherever it stands (rule 2). */
export function isFurnitureLine(text: string): boolean {
  return furnitureLine(text, markerKey(text));
}

/** isFurnitureLine, with the text's marker key already made. */
function furnitureLine(text: string, key: string | null): boolean {
  return isRule(text) || listed(MARKERS, key) || listed(LABELS, key) || isTemperature(text) || isBreadcrumb(text) || isCreditLine(text);
}

export interface PageLayout {
  roles: ParagraphRole[];
  /** Index of the headline block, or null. */
  headline: number | null;
  /** Index of the first story (body) block, or null when there is none. */
  storyStart: number | null;
  /** True when the page carries news-site markers (rules 3 and 4 apply fully). */
  webPage: boolean;
}

export interface LayoutOptions {
  /** The headline when metadata gives it (front matter, JSON record): only a block equal to it is the headline. */
  knownTitle?: string | null;
  /** Blocks that are furniture from the start (front matter). */
  furniture?: ReadonlySet<number>;
}

/** Titles compared on their words only: "Not Fit’" and "Not Fit.’" are the same headline. */
const words = (text: string) => normalize(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * What is left of a title's words once `block` is read, when the block repeats the start of them (null
 * otherwise). A first block must repeat at least three words, or the whole title.
 */
function titleRest(titleWords: string, block: string, first: boolean): string | null {
  // A block with more letters and digits than the title's words cannot repeat them (a story paragraph).
  if (titleWords === "" || asciiAlphanumericsOver(block, titleWords.length)) return null;
  const seen = words(block);
  if (seen === "") return null;
  if (seen === titleWords) return "";
  if (!titleWords.startsWith(seen + " ")) return null;
  if (first && seen.split(" ").length < 3) return null;
  return titleWords.slice(seen.length + 1);
}

/** Assigns a role to every block of a page (see the rules at the top of this file). */
export function classifyPage(blocks: readonly string[], options: LayoutOptions = {}): PageLayout {
  const roles: ParagraphRole[] = blocks.map((_, i) => (options.furniture?.has(i) ? "furniture" : "body"));
  // Each block normalized once for rules 1, 2 and 4 (only the short ones are: see markerKey).
  const keys = blocks.map(markerKey);
  const webPage = blocks.some((b, i) => listed(MARKERS, keys[i] ?? null) || isTemperature(b) || isBreadcrumb(b));

  // Rule 1: the comment form and everything below it.
  const tail = keys.findIndex((key) => listed(TAIL_MARKERS, key));
  if (tail !== -1) for (let i = tail; i < blocks.length; i++) roles[i] = "furniture";

  // Rule 2.
  for (const [i, block] of blocks.entries()) if (furnitureLine(block, keys[i] ?? null)) roles[i] = "furniture";

  // Rule 3: the header, down to the first story block.
  let headline: number | null = null;
  let storyStart: number | null = null;
  // A breadcrumb carries the headline: a block below it is the headline only when it repeats it.
  let expectedTitle = options.knownTitle;
  /** The words of a known title not yet seen in headline blocks. */
  let titleLeft: string | undefined;
  for (const [i, block] of blocks.entries()) {
    if (headline === null && expectedTitle === undefined && isBreadcrumb(block)) expectedTitle = stripBreadcrumb(block);
    if (roles[i] === "furniture") continue;
    if (isDateLine(block)) {
      roles[i] = "furniture";
      continue;
    }
    if (expectedTitle !== undefined && (headline === null || titleLeft !== "")) {
      // The title is known: blocks are the headline only when they repeat it ("Title;" then "Subtitle.").
      titleLeft ??= expectedTitle === null ? "" : words(expectedTitle);
      const rest = titleRest(titleLeft, block, headline === null);
      if (rest !== null) {
        roles[i] = "headline";
        headline ??= i;
        titleLeft = rest;
        continue;
      }
      if (headline === null ? webPage && isLonePlace(block) : isUpperCasePlace(block)) {
        roles[i] = "furniture";
        continue;
      }
    } else if (headline === null) {
      if (webPage && isLonePlace(block)) {
        roles[i] = "furniture";
        continue;
      }
      if (isHeadlineLike(block)) {
        roles[i] = "headline";
        headline = i;
        continue;
      }
    } else if (isUpperCasePlace(block)) {
      roles[i] = "furniture";
      continue;
    }
    storyStart = i;
    break;
  }

  // Rule 4: on a web page, links to other stories below the headline ("Must Read" and the title under it).
  if (webPage) {
    for (let i = (headline ?? -1) + 1; i < blocks.length; i++) {
      if (roles[i] === "body" && isStoryLink(blocks[i] ?? "")) roles[i] = "furniture";
    }
  }
  if (storyStart !== null && roles[storyStart] !== "body") storyStart = roles.indexOf("body");
  return { roles, headline, storyStart: storyStart === -1 ? null : storyStart, webPage };
}
