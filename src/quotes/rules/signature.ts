/**
 * Rule "signature": a quotation signed below it (“…”¶- Sanders.) or labelled in a transcript ("PENCE: Well, …").
 */
import type { Discourse } from "../discourse.js";
import type { QuoteSpan } from "../quote-span.js";
import { labelledSpeaker, opensWithNonSpeakerLabel } from "../speaker-label.js";
import { type Attribution, type Found, NONE, mentionStartingAt } from "./clause-reading.js";
import { CONFIDENCE } from "./confidence.js";

/** A transcript label ("PENCE: Well, …"). */
export const SPEAKER_LABEL_CONFIDENCE = CONFIDENCE.speakerLabel;

/**
 * A quotation paragraph signed on the next line: “…”¶- Sanders. / “…”¶—President Obama, tweeting after …
 * The quotation ends its paragraph, and the next paragraph opens with a dash and a name.
 */
export function signatureBelow(d: Discourse, span: QuoteSpan): Found | null {
  const text = d.article.text;
  const paragraph = d.article.paragraphs[span.paragraphIndex]!;
  const next = d.article.paragraphs[span.paragraphIndex + 1];
  if (!next || next.role !== "body") return null;
  const rest = span.close >= 0 ? text.slice(span.close + 1, paragraph.end) : text.slice(span.end, paragraph.end);
  if (!/^[\s.,]*$/.test(rest)) return null;
  const dash = /^\s*[―—–~-]\s*/u.exec(text.slice(next.start, next.end));
  if (!dash) return null;
  const m = mentionStartingAt(d, next.start + dash[0].length);
  if (m?.type !== "name" || !m.entity) return null;
  // The signature is the name, perhaps with an apposition: "- Bernie Sanders." / "-Michelle Marks, Philadelphia."
  if (!/^\s*(?:[,.;(]|$)/.test(text.slice(m.end, next.end))) return null;
  return { subject: m, verb: { text: dash[0].trim(), start: next.start, end: next.start + dash[0].length }, how: "adjacent" };
}

/** An interview transcript quoted: "PENCE: Well, look, …" names its speaker in capitals. */
export function speakerLabel(d: Discourse, content: string): Attribution | null {
  if (opensWithNonSpeakerLabel(content)) return { ...NONE, evidence: "opens with a label that names no one" };
  const labelled = labelledSpeaker(d, content);
  if (!labelled) return null;
  return { entity: labelled.entity, cue: null, mention: labelled.label, confidence: SPEAKER_LABEL_CONFIDENCE, evidence: labelled.evidence };
}
