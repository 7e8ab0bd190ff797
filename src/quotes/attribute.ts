/**
 * Attribution: who said each quotation. In order of preference:
 * 1. the reporting clause right around it: after (“…,” he said / said Marija Zakharova / the ministry said) or
 *    before (Lavrov said: “…” / Lavrov also said he would like “to …”);
 * 2. a continuation: a quotation with no clause of its own continues the one before it (same paragraph, or the
 *    next paragraph of a multi-paragraph quotation) or follows a sentence that reports someone speaking;
 * 3. the same words quoted elsewhere in the article with a speaker (a sub-headline repeating the body).
 * Names, he/she and role nouns are resolved by the discourse model. When unsure, the speaker stays null or the
 * confidence drops: a wrong speaker is worse than none.
 */
import type { Discourse } from "./discourse.js";
import type { QuoteSpan } from "./quote-span.js";
import { after } from "./rules/clause-after.js";
import { before } from "./rules/clause-before.js";
import { type Attribution, NONE, sentenceOf, toAttribution } from "./rules/clause-reading.js";
import { continuation, repeatedWords } from "./rules/continuation.js";
import { namingVerb } from "./naming.js";
import { notSpeech, reportsSpeech } from "./rules/not-speech.js";
import { othersNamed, severalPeopleCap } from "./rules/several-people.js";
import { sentenceCloser } from "./rules/sentence-closer.js";
import { signatureBelow, speakerLabel } from "./rules/signature.js";
import { words } from "../text/words.js";
import { wordsOfAnother } from "./rules/words-of-another.js";

export type { Attribution } from "./rules/clause-reading.js";

export function attributeAll(d: Discourse): Attribution[] {
  const result: Attribution[] = [];
  d.spans.forEach((span, index) => {
    const why = span.continues >= 0 ? null : notSpeechReason(d, span);
    if (why) {
      result.push({ ...NONE, evidence: `not speech: ${why}`, notSpeech: why });
      return;
    }
    let a = ownClause(d, span);
    if (!a) a = continuation(d, span, index, result);
    result.push(a ?? NONE);
  });
  repeatedWords(d, result);
  d.spans.forEach((span, i) => {
    const a = result[i]!;
    // A name at the cue, or the same speaker's quotation going on (nobody else became the subject in between).
    const direct = (a.mention !== null && /^named (?:next to the cue|at the start of the clause)/.test(a.evidence)) || a.evidence.startsWith("continues the quotation");
    const cap = severalPeopleCap(a.evidence);
    if (a.entity && !direct && a.confidence > cap && othersNamed(d, span.paragraphIndex, a.entity)) {
      result[i] = { ...a, confidence: cap, evidence: `${a.evidence} (others named in the paragraph)` };
    }
  });
  return result;
}

function notSpeechReason(d: Discourse, span: QuoteSpan): string | null {
  const sentence = sentenceOf(d, span);
  const text = d.article.text;
  const reports = reportsSpeech(text, sentence.start, sentence.end, d.spans);
  return notSpeech({ text, start: span.start, end: span.end, open: span.open, sentenceStart: sentence.start, sentenceEnd: sentence.end, kind: span.kind, reports });
}
function ownClause(d: Discourse, span: QuoteSpan): Attribution | null {
  const text = d.article.text;
  const sentence = sentenceOf(d, span);
  const content = text.slice(span.start, span.end);
  // A speaker label ("PENCE: ") is not part of the quotation, but names its speaker.
  const labelled = speakerLabel(d, text.slice(span.labelStart ?? span.start, span.end));
  if (labelled) return labelled;
  const owned = wordsOfAnother(d, span, sentence);
  if (owned) return owned;
  const afterStart = span.close >= 0 ? span.close + 1 : span.end;
  // The clause ends at the next quoted sentence (a partial quotation inside the clause does not end it).
  const nextOpen = d.spans.find((s) => s.open > span.open && s.paragraphIndex === span.paragraphIndex && s.kind === "direct")?.open ?? Infinity;
  let afterEnd = Math.min(sentence.end, nextOpen);
  // “Who do they think they are?” Trump said. — the question mark ended the sentence, not the clause.
  if (/[?!.]$/.test(content) && span.close >= 0 && /^\s*$/.test(text.slice(span.close + 1, afterEnd))) {
    const sentences = d.sentences.get(span.paragraphIndex) ?? [];
    const next = sentences.find((r) => r.start > span.close && r.start <= span.close + 3);
    // Not a sentence that reports words of its own: "…!” She replied that it was an “honor …”".
    const quotesOwn = next !== undefined && d.spans.some((s) => s !== span && s.open >= next.start && s.open < next.end && /\bthat\b/.test(text.slice(next.start, s.open)));
    if (next && !quotesOwn && (/[?!]$/.test(content) || words(text, next.start, next.end).length <= 8)) afterEnd = Math.min(next.end, nextOpen);
  }
  const afterText = text.slice(afterStart, afterEnd);
  // “Reid called Trump a “con artist,” …": the naming clause before the fragment is its own.
  const naming = span.kind === "partial" && namingVerb(text, sentence.start, span.open) !== null;
  const postFirst = !naming && /[,?!—–-]$/.test(content) || /^\s*[,—–]/.test(afterText) || span.kind === "direct" && !/[.]$/.test(content);
  const tries = postFirst
    ? [() => after(d, afterStart, afterEnd, span.kind === "partial"), () => before(d, span, sentence)]
    : [() => before(d, span, sentence), () => after(d, afterStart, afterEnd, span.kind === "partial")];
  for (const attempt of tries) {
    const found = attempt();
    if (found) return toAttribution(found);
  }
  const closer = sentenceCloser(d, span, sentence);
  if (closer) return closer;
  const signed = signatureBelow(d, span);
  return signed ? toAttribution(signed) : null;
}
