/**
 * Quotations the reporter did not hear from the speaker: reported second-hand (according to a book, a report,
 * aides, friends, sources), alleged ("claimed that Mr Brown told…", "allegedly said") or denied ("he denied
 * saying"). Read from the reporting sentence around the quotation (its words outside the quotation marks) and,
 * for a denial, the sentence after it in the same paragraph. An editor must not print such words as the
 * speaker's own without saying so.
 */
import type { Article } from "../corpus/types.js";
import { rangeAt, sentenceRanges, type Range } from "../text/sentences.js";

export type HearsayKind = "second-hand" | "alleged" | "denied";

export interface Hearsay {
  kind: HearsayKind;
  /** The words that say so, as written ("according to aides", "denied saying"). */
  words: string;
}

const OUTSIDE_SOURCES =
  String.raw`(?:(?:his|her|their|the|a|an|one|two|several|senior|close|unnamed|anonymous|government|party|labour|tory|conservative|white house|downing street|[\p{Lu}][\p{L}'’.-]*(?:[’']s)?)\s+){0,3}` +
  String.raw`(?:aides?|allies|friends?|sources?|insiders?|officials?|colleagues|associates|advisers|advisors|book|memoirs?|biography|diary|diaries|reports?|leaked|documents?|minutes|cables?|transcripts?|witness(?:es)?|people close to)`;

/** Ordered: a denial outweighs an allegation, which outweighs plain hearsay, when a sentence has several. */
const PATTERNS: ReadonlyArray<{ kind: HearsayKind; pattern: RegExp }> = [
  { kind: "denied", pattern: /\b(?:denie[sd]|deny|denying)\s+(?:ever\s+)?(?:having\s+)?(?:saying|said|making|telling|using|that\s+(?:he|she|they)\s+(?:said|had said|told))\b/iu },
  { kind: "denied", pattern: /\b(?:never|did\s+not|didn[’']t)\s+(?:actually\s+)?(?:said|say|told|tell|made\s+the\s+(?:remark|comment)s?)\b/iu },
  { kind: "denied", pattern: /\bdenied\s+(?:the|this|that|these)\s+(?:remarks?|comments?|words|quote|quotation|claims?|account|report)\b/iu },
  { kind: "alleged", pattern: /\b(?:allegedly|reportedly|supposedly|purportedly)\b/iu },
  { kind: "alleged", pattern: /\b(?:claim(?:ed|s)?|alleg(?:ed|es)|suggest(?:ed|s)|assert(?:ed|s))\s+that\s+(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}(?:had\s+)?(?:told|said|says|called|described|warned|shouted|remarked)\b/iu },
  { kind: "alleged", pattern: /\b(?:is|was|are|were)\s+(?:alleged|said|reported|understood|believed|claimed)\s+to\s+have\s+(?:said|told|called|described|remarked)\b/iu },
  { kind: "second-hand", pattern: new RegExp(String.raw`\baccording\s+to\s+${OUTSIDE_SOURCES}\b`, "iu") },
  { kind: "second-hand", pattern: new RegExp(String.raw`\b${OUTSIDE_SOURCES}\s+(?:said|says|claimed|claims|alleged|recalled|reported|quoted)\b`, "iu") },
  { kind: "second-hand", pattern: /\b(?:told|telling)\s+(?:friends|aides|allies|colleagues|associates|confidants|people)\b/iu },
  { kind: "second-hand", pattern: /\b(?:as\s+)?quoted\s+(?:by|in)\s+(?:the\s+)?[\p{Lu}\p{Ll}]/u },
  { kind: "second-hand", pattern: /\b(?:in|from)\s+(?:his|her|their|a|the)\s+(?:new\s+|forthcoming\s+|latest\s+)?(?:book|memoirs?|biography|diaries|diary)\b/iu },
];

/** Whether the quotation at [start, end) of a body paragraph is reported second-hand, alleged or denied. */
export function detectHearsay(article: Article, paragraph: Range, quote: Range, quotesInParagraph: readonly Range[]): Hearsay | null {
  const sentences = sentenceRanges(article.text, paragraph.start, paragraph.end, { masked: quotesInParagraph });
  const first = rangeAt(sentences, quote.start);
  const last = rangeAt(sentences, Math.max(quote.start, quote.end - 1)) ?? first;
  if (!first || !last) return null;
  const reporting = outsideQuotes(article.text, first.start, last.end, quotesInParagraph);
  const found = firstHearsay(reporting, ["denied", "alleged", "second-hand"]);
  if (found) return found;
  // "…,” he said. He later denied saying it." — a denial in the next sentence of the paragraph.
  const next = sentences[sentences.indexOf(last) + 1];
  if (!next) return null;
  return firstHearsay(outsideQuotes(article.text, next.start, next.end, quotesInParagraph), ["denied"]);
}

function firstHearsay(text: string, kinds: readonly HearsayKind[]): Hearsay | null {
  for (const kind of kinds) {
    for (const p of PATTERNS) {
      if (p.kind !== kind) continue;
      const match = p.pattern.exec(text);
      if (match) return { kind, words: match[0].replace(/\s+/g, " ").trim() };
    }
  }
  return null;
}

/** The text of [from, to) with every quotation's words blanked out (a quotation may itself say "allegedly"). */
function outsideQuotes(text: string, from: number, to: number, quotes: readonly Range[]): string {
  let out = "";
  let at = from;
  for (const q of quotes) {
    if (q.end <= from || q.start >= to) continue;
    out += text.slice(at, Math.max(at, q.start)) + " … ";
    at = Math.max(at, Math.min(q.end, to));
  }
  return out + text.slice(at, to);
}

/** How the reply says it, e.g. "second-hand: according to aides". */
export function hearsayNote(hearsay: Hearsay): string {
  const label = hearsay.kind === "second-hand" ? "reported second-hand" : hearsay.kind === "alleged" ? "alleged, not confirmed" : "denied";
  return `${label} (“${hearsay.words}”)`;
}
