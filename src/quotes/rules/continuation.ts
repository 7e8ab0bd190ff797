/**
 * Rule "continuation": a quotation with no clause of its own takes the speaker of what comes before it — the
 * quotation it continues, a sentence or paragraph reporting someone speaking, a paragraph ending in a colon —
 * or of its own words quoted elsewhere in the article.
 */
import type { Discourse } from "../discourse.js";
import type { QuoteSpan } from "../quote-span.js";
import { SPEECH_VERBS } from "../lexicon.js";
import { words } from "../../text/words.js";
import { type Attribution, mentionEndingAt, outsideWords, sentenceOf, toAttribution } from "./clause-reading.js";
import { CONFIDENCE } from "./confidence.js";
import { reportingClause, sentenceSubject } from "./subject.js";

/** The same speaker's quotation going on, nobody else becoming the subject in between. */
export const CONTINUATION_CONFIDENCE = CONFIDENCE.continuation;
/** The sentence before reports the speaker speaking. */
export const SENTENCE_BEFORE_REPORTS_CONFIDENCE = CONFIDENCE.sentenceBeforeReports;
/** The paragraph before reports the speaker speaking, quoting nobody. */
export const PARAGRAPH_BEFORE_REPORTS_CONFIDENCE = CONFIDENCE.paragraphBeforeReports;
/** A paragraph that is only a quotation, after one whose last quotation has a speaker. */
export const QUOTATION_PARAGRAPH_AFTER_CONFIDENCE = CONFIDENCE.quotationParagraphAfter;
/** Introduced by the paragraph before, ending in a colon, with a reporting verb. */
export const INTRODUCED_BY_COLON_CONFIDENCE = CONFIDENCE.introducedByColon;
/** …without a reporting verb. */
export const INTRODUCED_BY_COLON_NO_VERB_CONFIDENCE = CONFIDENCE.introducedByColonNoVerb;
/** A fragment in a sentence with no reporting verb: its subject, shown uncertain. */
export const FRAGMENT_SENTENCE_SUBJECT_CONFIDENCE = CONFIDENCE.fragmentSentenceSubject;
/** The same words quoted elsewhere in the article with a speaker. */
export const REPEATED_WORDS_CONFIDENCE = CONFIDENCE.repeatedWords;

/**
 * A quotation with no clause of its own: it continues the quotation just before it in the same paragraph, or a
 * multi-paragraph quotation, or follows a sentence of the same paragraph that reports someone speaking
 * ("Marta Hurtado … told Reuters they were reviewing the videos. “Allegations …”").
 */
export function continuation(d: Discourse, span: QuoteSpan, index: number, done: readonly Attribution[]): Attribution | null {
  const inherit = (from: Attribution, confidence: number, why: string): Attribution | null =>
    from.entity
      ? { ...from, mention: null, confidence: Math.min(from.confidence, confidence), evidence: `${why}: ${from.entity.name}` }
      : null;
  if (span.continues >= 0) {
    const prev = done[span.continues];
    if (prev) return inherit(prev, CONTINUATION_CONFIDENCE, "continues the quotation of");
  }
  const sentence = sentenceOf(d, span);
  const paragraph = d.article.paragraphs[span.paragraphIndex]!;
  // The previous quotation of this paragraph, with nobody else becoming the subject in between.
  for (let j = index - 1; j >= 0; j--) {
    const prev = d.spans[j]!;
    if (prev.paragraphIndex !== span.paragraphIndex) break;
    const between = d.mentions.some(
      (m) => m.start > prev.end && m.end < span.open && m.subject && m.sentence.start > prev.end && m.entity !== done[j]?.entity,
    );
    if (between) break;
    const a = done[j];
    if (a?.entity) return inherit(a, CONTINUATION_CONFIDENCE, "continues the quotation before it, of");
    break;
  }
  // A reporting sentence just before, in the same paragraph.
  const sentences = d.sentences.get(span.paragraphIndex) ?? [];
  const si = sentences.indexOf(sentence);
  const prevSentence = si > 0 ? sentences[si - 1] : undefined;
  if (prevSentence && prevSentence.start >= paragraph.start && span.kind === "direct") {
    const hasQuote = d.spans.some((s) => s.open >= prevSentence.start && s.open < prevSentence.end);
    if (!hasQuote) {
      const found = reportingClause(d, prevSentence);
      if (found?.subject.entity) {
        const a = toAttribution(found);
        return { ...a, confidence: Math.min(a.confidence, SENTENCE_BEFORE_REPORTS_CONFIDENCE), evidence: `the sentence before reports ${a.entity!.name} speaking (${found.verb.text})` };
      }
    }
  }
  // A quotation opening a paragraph after one that ends in a colon: "Cruz called them on it:"
  const introduced = introducedByColon(d, span);
  if (introduced) return introduced;
  // A paragraph opening with this quotation after a paragraph that reports someone speaking, quoting nobody.
  const reported = reportedBefore(d, span);
  if (reported) return reported;
  // A fragment woven into a sentence with no reporting verb: the sentence's subject, flagged as unsure.
  if (span.kind === "partial" && !/\baccording\s+to\b/i.test(d.article.text.slice(sentence.start, span.open))) {
    const subject = sentenceSubject(d, sentence, span.open);
    if (subject?.entity) {
      return {
        entity: subject.entity,
        cue: null,
        mention: subject.text,
        confidence: Math.min(FRAGMENT_SENTENCE_SUBJECT_CONFIDENCE, subject.type === "name" ? FRAGMENT_SENTENCE_SUBJECT_CONFIDENCE : subject.confidence - CONFIDENCE.fragmentNotNamedPenalty),
        evidence: `subject of the sentence that quotes it: ${subject.text}`,
      };
    }
  }
  // A paragraph that is only this quotation, right after a paragraph whose last quotation has a speaker.
  const prev = done[index - 1];
  const prevSpan = d.spans[index - 1];
  if (prev?.entity && prevSpan && prevSpan.paragraphIndex === span.paragraphIndex - 1 && span.kind === "direct") {
    const own = outsideWords(d, paragraph.start, paragraph.end);
    const talks = own.some((w) => SPEECH_VERBS.has(w.text.toLowerCase()));
    const others = d.mentions.some((m) => m.paragraphIndex === span.paragraphIndex && m.entity && m.entity !== prev.entity);
    const startsParagraph = /^\s*$/.test(d.article.text.slice(paragraph.start, span.open));
    if (!talks && !others && startsParagraph) return inherit(prev, QUOTATION_PARAGRAPH_AFTER_CONFIDENCE, "a quotation paragraph after one by");
  }
  return null;
}

/** "Valastro praised Christie’s leadership …" then a paragraph opening with the quotation. */
export function reportedBefore(d: Discourse, span: QuoteSpan): Attribution | null {
  const text = d.article.text;
  const paragraph = d.article.paragraphs[span.paragraphIndex]!;
  if (!/^\s*$/.test(text.slice(paragraph.start, span.open)) || span.kind !== "direct") return null;
  const previous = d.article.paragraphs[span.paragraphIndex - 1];
  if (!previous || previous.role !== "body") return null;
  if (d.spans.some((s) => s.paragraphIndex === span.paragraphIndex - 1)) return null;
  const sentences = d.sentences.get(span.paragraphIndex - 1) ?? [];
  const last = sentences[sentences.length - 1];
  if (!last) return null;
  const found = reportingClause(d, last);
  if (!found?.subject.entity) return null;
  const a = toAttribution(found);
  return { ...a, confidence: Math.min(a.confidence, PARAGRAPH_BEFORE_REPORTS_CONFIDENCE), evidence: `the paragraph before reports ${a.entity!.name} speaking (${found.verb.text})` };
}

/** "Cruz continued:" / "As Joel Pollak observed, the biggest victor was the stage itself:" then the quotation. */
export function introducedByColon(d: Discourse, span: QuoteSpan): Attribution | null {
  const text = d.article.text;
  const paragraph = d.article.paragraphs[span.paragraphIndex]!;
  if (!/^\s*$/.test(text.slice(paragraph.start, span.open))) return null;
  const previous = d.article.paragraphs[span.paragraphIndex - 1];
  if (!previous || previous.role !== "body") return null;
  const prevText = text.slice(previous.start, previous.end).trimEnd();
  if (!prevText.endsWith(":")) return null;
  const sentences = d.sentences.get(span.paragraphIndex - 1) ?? [];
  const last = sentences[sentences.length - 1];
  if (!last) return null;
  const found = reportingClause(d, last);
  if (found) {
    const a = toAttribution(found);
    return { ...a, confidence: Math.min(a.confidence, INTRODUCED_BY_COLON_CONFIDENCE), evidence: `introduced in ¶${previous.n}: ${a.evidence}` };
  }
  // No reporting verb ("17-year-old Jared Potts echoed:", "President Clinton released the following statement:"):
  // a name right before the colon, else the sentence's subject.
  const beforeColon = mentionEndingAt(d, last.start + text.slice(last.start, last.end).trimEnd().length - 1, last.start);
  const subject = beforeColon?.entity ? beforeColon : sentenceSubject(d, last, last.end);
  const tail = subject ? words(text, subject.end, last.end) : [];
  if (subject) {
    return {
      entity: subject.entity,
      cue: tail[0]?.text ?? null,
      mention: subject.text,
      confidence: Math.min(INTRODUCED_BY_COLON_NO_VERB_CONFIDENCE, subject.type === "name" ? INTRODUCED_BY_COLON_NO_VERB_CONFIDENCE : subject.confidence),
      evidence: `introduced in ¶${previous.n}: ${subject.text} ${tail.map((w) => w.text).join(" ")}:`,
    };
  }
  return null;
}

/** A quotation repeated in the article (a sub-headline quoting the body) takes the speaker of its other copy. */
export function repeatedWords(d: Discourse, result: Attribution[]): void {
  const text = d.article.text;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const contents = d.spans.map((s) => norm(text.slice(s.start, s.end)));
  d.spans.forEach((_, i) => {
    if (result[i]!.entity) return;
    const mine = contents[i]!;
    if (mine.length < 20) return;
    for (let j = 0; j < d.spans.length; j++) {
      const other = result[j]!;
      if (j === i || !other.entity) continue;
      if (contents[j]!.includes(mine) || mine.includes(contents[j]!)) {
        result[i] = { ...other, mention: null, confidence: Math.min(other.confidence, REPEATED_WORDS_CONFIDENCE), evidence: `the same words are quoted in ¶${d.article.paragraphs[d.spans[j]!.paragraphIndex]!.n}, by ${other.entity.name}` };
        return;
      }
    }
  });
}
