/**
 * Transcripts: a document that is one speaker's own remarks, without quotation marks, announced by its headline
 * ("Foreign Minister Sergey Lavrov’s opening remarks during talks with …", "Statement by the Russian Foreign
 * Ministry", "Speech by …", "Interview with …"). Every body paragraph is then a quotation of kind "transcript".
 */
import type { Article } from "../corpus/types.js";
import type { QuoteSpan } from "./quote-span.js";
import { capitalisedRuns, parseRun } from "./names.js";

export interface TranscriptSpeaker {
  /** The speaker's name as the headline gives it, titles dropped ("Sergey Lavrov"). */
  name: string;
  kind: "person" | "organisation";
  /** The headline words that named them ("Foreign Minister Sergey Lavrov"). */
  mention: string;
  /** The kind of remarks ("opening remarks", "statement"). */
  cue: string;
}

const GENRE = String.raw`(?:(?:opening|closing|keynote|introductory|concluding|full|prepared|welcoming|video|televised|new\s+year|annual)\s+)?(?:remarks|statement|speech|address|comments|interview|answers\s+to\s+(?:media\s+)?questions|press\s+conference|briefing|message|article|op-ed|remarks\s+and\s+answers)`;
const POSSESSIVE = new RegExp(String.raw`^(.{3,120}?)[’']s?\s+(${GENRE})\b`, "iu");
const BY = new RegExp(String.raw`\b(${GENRE})\s+(?:by|of|from|with)\s+(.{3,120})`, "iu");

/** The speaker a headline announces remarks by, or null. */
export function transcriptSpeaker(headline: string): TranscriptSpeaker | null {
  const possessive = POSSESSIVE.exec(headline);
  const by = possessive ? null : BY.exec(headline);
  const who = possessive ? possessive[1]! : by ? by[2]! : null;
  const cue = possessive ? possessive[2]! : by ? by[1]! : null;
  if (!who || !cue) return null;
  // In a title-case news headline ("Networks Didn’t Cut From Donald Trump’s Speech …") the possessive ends a
  // clause, not a name: a contraction or a preposition other than "of" before it says so.
  if (possessive && /(?:n[’']t|[’'](?:ll|re|ve|d))\b|\b(?:from|to|with|on|in|at|against|about|after|over|by)\s/iu.test(who)) return null;
  // The name is the first capitalised run of the phrase ("the Russian Foreign Ministry", "Sergey Lavrov").
  const runs = capitalisedRuns(who, 0, who.length, []);
  const run = possessive ? runs[runs.length - 1] : runs[0];
  if (!run) return null;
  if (!possessive && run.start > 8) return null;
  const parsed = parseRun(run);
  if (!parsed) return null;
  const mentionStart = possessive ? run.start : run.start;
  return {
    name: parsed.name,
    kind: parsed.kind,
    mention: who.slice(mentionStart, run.end).replace(/[’']s?$/u, ""),
    cue: cue.toLowerCase().replace(/\s+/g, " "),
  };
}

/** The headline line: the first headline paragraph, else the article's title. */
export function headlineOf(article: Article): string | null {
  const p = article.paragraphs.find((x) => x.role === "headline");
  if (p) return article.text.slice(p.start, p.end).trim();
  return article.title;
}

/**
 * Whether the article reads as the speaker's own words: announced by its headline, and its body mostly free of
 * quotation marks (a news report about remarks quotes them).
 */
export function detectTranscript(article: Article, spans: readonly QuoteSpan[]): TranscriptSpeaker | null {
  const headline = headlineOf(article);
  if (!headline) return null;
  const speaker = transcriptSpeaker(headline);
  if (!speaker) return null;
  let bodyLength = 0;
  for (const p of article.paragraphs) if (p.role === "body") bodyLength += p.end - p.start;
  const quoted = spans.reduce((sum, s) => sum + (s.end - s.start), 0);
  if (bodyLength === 0 || quoted > bodyLength * 0.2) return null;
  return speaker;
}
