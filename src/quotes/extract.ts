/**
 * Finding quotations: the spans between double quotation marks (straight or curly) in body paragraphs.
 *
 * - Single quotation marks are never top-level marks (they double as apostrophes); nested ‘…’ stays inside. Two
 *   apostrophes in a row ('') are a double mark, as in some wire and newspaper copy (''We will,'' he said).
 * - Invisible format characters (a left-to-right mark, a zero-width space) count as space around a mark.
 * - A quotation that runs over several paragraphs (opening mark repeated on each, closing mark only on the last)
 *   yields one span per paragraph; each later span records the one it continues. The same holds inside one
 *   paragraph when a new opening mark comes before the open quotation was closed ("A. "B." in the BBC copy).
 * - Quotation marks that are not speech (titles, nicknames, scare quotes) are dropped by `isSpeech`.
 */
import type { Article, Paragraph } from "../corpus/types.js";
import { SPEECH_VERBS } from "./lexicon.js";
import { namingVerb } from "./naming.js";
import type { QuoteSpan } from "./quote-span.js";
import { sentenceRanges, rangeAt, type Range } from "../text/sentences.js";
import { opensWithNonSpeakerLabel, speakerLabelOf } from "./speaker-label.js";
import { beforeReporterSentence, beforeReportingClause, beforeTrailingClause, clauseBetweenSentences, singleMarkClosing } from "./speech-end.js";
import { words } from "../text/words.js";

type MarkRole = "open" | "close" | "either";

const OPEN_MARKS = "“„«";
const CLOSE_MARKS = "”»";

/** All speech quotations of the article's body paragraphs, in text order. */
export function extractQuoteSpans(article: Article): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let previousEndedOpen = -1;
  article.paragraphs.forEach((p, index) => {
    if (p.role !== "body") {
      previousEndedOpen = -1;
      return;
    }
    const found = paragraphSpans(article.text, p, index);
    const firstMark = firstNonSpace(article.text, p.start, p.end);
    const base = spans.length;
    found.forEach((span, i) => {
      if (i === 0 && previousEndedOpen >= 0 && span.open === firstMark) span.continues = previousEndedOpen;
      if (span.continues === -2) span.continues = i > 0 ? base + i - 1 : -1; // same-paragraph restart
    });
    for (const span of found) spans.push(span);
    const last = found[found.length - 1];
    previousEndedOpen = last && last.close < 0 && last.end >= trimEnd(article.text, p.start, p.end) ? base + found.length - 1 : -1;
  });
  return filterSpeech(article, spans);
}

function paragraphSpans(text: string, p: Paragraph, paragraphIndex: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  let openWidth = 1;
  let restarted = false;
  const push = (open: number, contentEnd: number, close: number) => {
    let s = open + openWidth;
    let e = trimmedEnd(text, s, contentEnd);
    while (s < e && isBlank(text[s]!)) s++;
    const label = labelLength(text, s, e);
    const contentStart = s + label;
    // Where the speech ends when the marks do not say it (speech-end.ts).
    if (close < 0) {
      // Every opening mark read here is a double one (straight, curly or two apostrophes).
      const single = singleMarkClosing(text, contentStart, e);
      if (single >= 0) {
        close = single;
        e = trimmedEnd(text, contentStart, single);
      } else e = beforeReporterSentence(text, contentStart, beforeReportingClause(text, contentStart, e));
    } else {
      const speechEnd = beforeTrailingClause(text, contentStart, e);
      // The clause is read as the one after an unclosed quotation: it names the speaker.
      if (speechEnd < e) close = -1;
      else {
        const between = clauseBetweenSentences(text, contentStart, e);
        if (between) {
          // Two stretches of speech around the reporter's clause: the first reads the clause after it, as an
          // unclosed quotation does; the second continues it.
          add(open, contentStart, between.firstEnd, -1, s, label);
          add(between.secondStart, between.secondStart, e, close, between.secondStart, 0, true);
          return;
        }
      }
      e = speechEnd;
    }
    add(open, contentStart, e, close, s, label);
  };
  const add = (open: number, start: number, e: number, close: number, labelAt: number, label: number, continuing = false) => {
    const span: QuoteSpan = { start, end: e, open, close, paragraphIndex, kind: "direct", continues: restarted || continuing ? -2 : -1 };
    if (label > 0) span.labelStart = labelAt;
    if (e > span.start && /[\p{L}\p{N}]/u.test(text.slice(span.start, e))) spans.push(span);
  };
  for (let i = p.start; i < p.end; i++) {
    if (!isMarkCharacter(text.charCodeAt(i))) continue;
    const mark = markAt(text, i, p.start, p.end);
    if (!mark) continue;
    const { role, width } = mark;
    if (openAt < 0) {
      if (role !== "close") {
        openAt = i;
        openWidth = width;
        restarted = false;
      }
      i += width - 1;
      continue;
    }
    if (role === "open") {
      // A new opening mark before the open quotation closed: the speaker's next paragraph, run together.
      push(openAt, i, -1);
      openAt = i;
      openWidth = width;
      restarted = spans.length > 0;
      i += width - 1;
      continue;
    }
    push(openAt, i, i + width - 1);
    openAt = -1;
    restarted = false;
    i += width - 1;
  }
  if (openAt >= 0) push(openAt, p.end, -1);
  return spans;
}

/**
 * The length of a label opening [s, e) with the space after it, or 0: a speaker's ("PENCE: "), which names the
 * speaker, or one that names no one ("VIDEO: ", "PHOTO: "). Neither is part of the quoted words.
 */
function labelLength(text: string, s: number, e: number): number {
  const head = text.slice(s, Math.min(e, s + 60));
  if (!speakerLabelOf(head) && !opensWithNonSpeakerLabel(head)) return 0;
  return /^[^:]+:\s+/u.exec(head)?.[0].length ?? 0;
}

function trimmedEnd(text: string, s: number, e: number): number {
  while (e > s && isBlank(text[e - 1]!)) e--;
  return e;
}

/** White space, or an invisible format character (U+202A, U+200B, U+FEFF…) that pasted copy carries. */
function isBlank(ch: string): boolean {
  const code = ch.charCodeAt(0);
  // ASCII has no format characters and only these spaces; the rest asks the Unicode properties.
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /[\s\p{Cf}]/u.test(ch);
}

function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return /\p{L}/u.test(String.fromCharCode(code));
}

/** The characters `markAt` reads as quotation marks: ' " “ „ « ” ». Every other character is passed over at once. */
function isMarkCharacter(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x201c || code === 0x201e || code === 0xab || code === 0x201d || code === 0xbb;
}

/** The quotation mark starting at `i`, if any: its role and its width (2 for ''). */
function markAt(text: string, i: number, from: number, to: number): { role: MarkRole; width: number } | null {
  const ch = text[i]!;
  if (ch === "'") {
    let runStart = i;
    while (runStart > from && text[runStart - 1] === "'") runStart--;
    let runEnd = i;
    while (runEnd < to && text[runEnd] === "'") runEnd++;
    if (runEnd - runStart === 3) {
      // ''' is a double mark with a single one inside it: ''Kosovo is a special case,''' closes both, the double
      // mark outside (its last two apostrophes); '''Go,' he said,'' opens both (its first two).
      const role = roleFromSurroundings(text, runStart, 3, from, to);
      if (role === "either") return null;
      return i === (role === "open" ? runStart : runStart + 1) ? { role, width: 2 } : null;
    }
    // '' between letters (a typo inside a word) or in a longer run is not a mark.
    if (text[i + 1] !== "'" || i + 2 > to || text[i + 2] === "'" || (i > from && text[i - 1] === "'")) return null;
    const letterBefore = i > from && /[\p{L}\p{N}]/u.test(text[i - 1]!);
    const letterAfter = i + 2 < to && /[\p{L}\p{N}]/u.test(text[i + 2]!);
    if (letterBefore && letterAfter) return null;
    return { role: roleFromSurroundings(text, i, 2, from, to), width: 2 };
  }
  if (ch !== '"' && !OPEN_MARKS.includes(ch) && !CLOSE_MARKS.includes(ch)) return null;
  // it"s, the president"s options: wire copy that typed its apostrophes as straight double marks. A mark between
  // two letters is never one that opens or closes speech (it would cut a quotation mid-word).
  if (ch === '"' && i > from && i + 1 < to && isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1))) return null;
  const role = roleFromSurroundings(text, i, 1, from, to);
  // A curly mark facing the wrong way ("It's unusual,“ said …") is read from its surroundings.
  if (OPEN_MARKS.includes(ch)) return { role: role === "close" ? "either" : "open", width: 1 };
  if (CLOSE_MARKS.includes(ch)) return { role: role === "open" ? "either" : "close", width: 1 };
  return { role, width: 1 };
}

/** A mark with space before it and a word after opens; a word before and space or punctuation after closes. */
function roleFromSurroundings(text: string, i: number, width: number, from: number, to: number): MarkRole {
  const before = i > from ? text[i - 1]! : " ";
  const after = i + width < to ? text[i + width]! : " ";
  const spaceBefore = isBlank(before) || /[([{—–\-/]/.test(before);
  const spaceAfter = isBlank(after) || /[.,;:!?)\]}—–]/.test(after);
  if (spaceBefore && !spaceAfter) return "open";
  if (!spaceBefore && spaceAfter) return "close";
  return "either";
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && isBlank(text[e - 1]!)) e--;
  return e;
}

/** Words right before a quotation that say it names a work or a nickname, not speech. */
const TITLE_CUES =
  /\b(?:film|films|movie|movies|song|songs|single|singles|album|albums|book|books|novel|show|shows|series|play|musical|programme|program|sitcom|drama|documentary|called|titled|entitled|dubbed|nicknamed|known as|so-called|so called|word|words|term|phrase|hit|track|game|opera|exhibition|slogan|operation|headline|motto|tagline|brand|label|magazine|newspaper|column|blog|website|site|video|tour|award|category|ballet|poem|painting|version)\s+(?:of\s+|the\s+|a\s+|an\s+|as\s+)*$/i;

function filterSpeech(article: Article, spans: QuoteSpan[]): QuoteSpan[] {
  const text = article.text;
  const keep: boolean[] = [];
  const sentencesByParagraph = new Map<number, Range[]>();
  const sentencesOf = (index: number): Range[] => {
    let ranges = sentencesByParagraph.get(index);
    if (!ranges) {
      const p = article.paragraphs[index]!;
      ranges = sentenceRanges(text, p.start, p.end, { masked: spans.filter((s) => s.paragraphIndex === index) });
      sentencesByParagraph.set(index, ranges);
    }
    return ranges;
  };
  for (const span of spans) {
    const p = article.paragraphs[span.paragraphIndex]!;
    span.kind = classify(text, span, p);
    const sentence = rangeAt(sentencesOf(span.paragraphIndex), span.open) ?? { start: p.start, end: p.end };
    // “Reid called Trump a “con artist”": someone's own word for something, woven into the sentence.
    const naming = span.continues < 0 && !isNickname(text, span, p) && !namesAWork(text, span, sentence) && namingVerb(text, sentence.start, span.open) !== null;
    if (naming) span.kind = "partial";
    keep.push(span.continues >= 0 || naming || isSpeech(text, span, p, sentence, spans));
  }
  // Renumber `continues` after dropping spans.
  const newIndex: number[] = [];
  const out: QuoteSpan[] = [];
  spans.forEach((span, i) => {
    if (keep[i]) {
      newIndex[i] = out.length;
      out.push(span);
    } else newIndex[i] = -1;
  });
  for (const span of out) if (span.continues >= 0) span.continues = newIndex[span.continues] ?? -1;
  return out;
}

/** "Springsteen called the song “American Skin”": a title after a word for a work, even with a naming verb. */
function namesAWork(text: string, span: QuoteSpan, sentence: Range): boolean {
  const cue = TITLE_CUES.exec(text.slice(Math.max(sentence.start, span.open - 40), span.open));
  return cue !== null && !/^(?:called|dubbed)\b/i.test(cue[0]) && looksLikeTitle(text.slice(span.start, span.end));
}

/**
 * direct: a quoted sentence (starts with a capital or digit, and stands at a sentence start or is long);
 * partial: a fragment woven into the reporter's sentence.
 */
function classify(text: string, span: QuoteSpan, p: Paragraph): "direct" | "partial" {
  const content = text.slice(span.start, span.end);
  const first = /[\p{L}\p{N}]/u.exec(content);
  const upper = first !== null && /[\p{Lu}\p{N}]/u.test(first[0]);
  if (!upper) return "partial";
  let i = span.open - 1;
  while (i >= p.start && /\s/.test(text[i]!)) i--;
  const before = i >= p.start ? text[i]! : "";
  const atSentenceStart = before === "" || /[.!?:;…—–(,"”»]/.test(before);
  const wordCount = content.split(/\s+/).filter(Boolean).length;
  return atSentenceStart || wordCount >= 5 ? "direct" : "partial";
}

/** Short quotations (three words or fewer) count as speech only with a reporting verb in their sentence. */
function isSpeech(text: string, span: QuoteSpan, p: Paragraph, sentence: Range, all: readonly QuoteSpan[]): boolean {
  const content = text.slice(span.start, span.end);
  const count = words(content).length;
  const lead = text.slice(Math.max(sentence.start, span.open - 40), span.open);
  const titleCue = TITLE_CUES.test(lead);
  if (count > 3) {
    // A long title ("the film "Lord of the Rings: The Return of the King"") has most words capitalised.
    return !(titleCue && looksLikeTitle(content));
  }
  if (titleCue) return false;
  if (isNickname(text, span, p)) return false;
  if (/[.!?,]$/.test(content) && span.kind === "direct") return true;
  return hasSpeechVerb(text, sentence, all);
}

function looksLikeTitle(content: string): boolean {
  const ws = words(content);
  const capitalised = ws.filter((w) => /^\p{Lu}/u.test(w.text)).length;
  return capitalised / Math.max(ws.length, 1) >= 0.6 && !/[.!?]$/.test(content);
}

/** Tony "the Tiger" Blair, Earvin "Magic" Johnson: a quoted word between two parts of a name. */
function isNickname(text: string, span: QuoteSpan, p: Paragraph): boolean {
  if (span.close < 0) return false;
  // “unhinged.” Sen. Rubio … / “an orange buffoon,” Susan said: punctuation inside the marks ends the phrase.
  if (/[.,;:!?]$/.test(text.slice(span.start, span.end)) || text[span.close + 1] !== " ") return false;
  const before = /(\p{Lu}[\p{L}.'’-]*)\s+$/u.exec(text.slice(Math.max(p.start, span.open - 30), span.open));
  const after = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(span.close + 1, Math.min(p.end, span.close + 30)));
  return before !== null && after !== null;
}

function hasSpeechVerb(text: string, sentence: Range, all: readonly QuoteSpan[]): boolean {
  for (const w of words(text, sentence.start, sentence.end)) {
    if (all.some((q) => w.start >= q.start && w.end <= q.end)) continue;
    if (SPEECH_VERBS.has(w.text.toLowerCase())) return true;
    if (/^according$/i.test(w.text)) return true;
  }
  return false;
}
