/**
 * Rule "sentence closer": a fragment woven into a sentence that a closing reporting clause attributes as a whole —
 * His plan would carry “a lot of weight” and bring towns the “money they need”, county spokesman Tim Reade said. /
 * The county will hire “about forty” inspectors, according to planning director Ann Soto. The clause after the
 * sentence's last quotation names the speaker of every fragment before it, when nobody else is reported speaking
 * in the sentence and the clause follows a comma and ends the sentence.
 */
import type { Discourse } from "../discourse.js";
import type { QuoteSpan } from "../quote-span.js";
import { INVERTIBLE_VERBS, SPEECH_VERBS } from "../lexicon.js";
import type { Range } from "../../text/sentences.js";
import type { Word } from "../../text/words.js";
import { type Attribution, type Found, invertedSubject, mentionStartingAt, outsideWords } from "./clause-reading.js";
import { CONFIDENCE } from "./confidence.js";
import { pronounLike, subjectBefore } from "./subject.js";

/** A name in the clause closing the sentence, for a fragment before it. */
export const SENTENCE_CLOSER_CONFIDENCE = CONFIDENCE.sentenceCloser;

/** What may follow the closing clause: a time or a place, then the end of the sentence ("…, Soto said on Friday."). */
const CLOSE = /^\s*(?:(?:on|in|at|during|last|this|late|early)\s+[\p{L}\p{N}’' -]{1,30}?)?\s*[.!?]?["”’]?\s*$/u;

/** The closing clause of the sentence and who it names, for the fragment `span` (no clause of its own). */
export function sentenceCloser(d: Discourse, span: QuoteSpan, sentence: Range): Attribution | null {
  if (span.kind !== "partial") return null;
  const inSentence = d.spans.filter((s) => s.open >= sentence.start && s.open < sentence.end);
  const last = inSentence[inSentence.length - 1];
  if (!last || last.open < span.open) return null;
  const tailStart = last.close >= 0 ? last.close + 1 : last.end;
  const outside = outsideWords(d, sentence.start, sentence.end);
  const verbs = outside.filter((w) => SPEECH_VERBS.has(w.text.toLowerCase()) || isAccordingTo(outside, w));
  // One reporting verb in the whole sentence, after its last quotation: nobody else is reported speaking.
  if (verbs.length !== 1 || verbs[0]!.start < tailStart) return null;
  const verb = verbs[0]!;
  const found = closingClause(d, verb, outside, tailStart, sentence.end);
  if (!found || !found.subject.entity) return null;
  const named = found.subject.type === "name";
  const confidence = named ? SENTENCE_CLOSER_CONFIDENCE : Math.min(SENTENCE_CLOSER_CONFIDENCE, found.subject.confidence);
  return {
    entity: found.subject.entity,
    cue: verb.text,
    mention: found.subject.text,
    confidence,
    evidence: `the clause closing the sentence names it: ${found.subject.text} ${verb.text}${named ? "" : ` (${found.subject.evidence})`}`,
  };
}

function isAccordingTo(outside: readonly Word[], w: Word): boolean {
  const i = outside.indexOf(w);
  return w.text.toLowerCase() === "according" && outside[i + 1]?.text.toLowerCase() === "to";
}

/** ", NAME said." / ", said NAME." / ", according to NAME." right before the end of the sentence. */
function closingClause(d: Discourse, verb: Word, outside: readonly Word[], from: number, end: number): Found | null {
  const text = d.article.text;
  const comma = text.lastIndexOf(",", verb.start);
  if (comma < from) return null;
  const lower = verb.text.toLowerCase();
  if (lower === "according") {
    const to = outside[outside.indexOf(verb) + 1]!;
    if (!/^,\s*$/.test(text.slice(comma, verb.start))) return null;
    // "according to planning director Ann Soto": title words may come before the name.
    const m = mentionStartingAt(d, to.end) ?? invertedSubject(d, to.end, end);
    if (!m || !/^\s*(?:,[^“”"]*)?[.!?]?\s*$/u.test(text.slice(m.end, end))) return null;
    if (!/^\s+(?:[\p{L}.’'-]+\s+){0,4}$/u.test(text.slice(to.end, m.start)) && m.start !== to.end) return null;
    return { subject: m, verb, how: "according" };
  }
  if (/^,\s*$/.test(text.slice(comma, verb.start))) {
    // ", said county spokesman Tim Reade."
    if (!INVERTIBLE_VERBS.has(lower)) return null;
    const m = invertedSubject(d, verb.end, end);
    if (!m || !/^\s*(?:,[^“”"]*)?[.!?]?\s*$/u.test(text.slice(m.end, end))) return null;
    if (!/^\s+(?:[\p{L}.’'-]+\s+){0,4}$/u.test(text.slice(verb.end, m.start))) return null;
    return { subject: m, verb, how: "inverted" };
  }
  // ", county spokesman Tim Reade said." — the subject between the comma and the verb, nothing after the verb.
  if (!CLOSE.test(text.slice(verb.end, end))) return null;
  const found = subjectBefore(d, verb, comma + 1) ?? pronounLike(d, verb, comma + 1);
  if (!found) return null;
  const start = "start" in found.subject ? found.subject.start : -1;
  if (start <= comma) return null;
  return found;
}
