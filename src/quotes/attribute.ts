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
import type { Discourse, Entity, Mention } from "./discourse.js";
import type { QuoteSpan } from "./extract.js";
import { INVERTIBLE_VERBS, SPEECH_VERBS, VERB_MODIFIERS, isParticiple } from "./lexicon.js";
import { rangeAt, type Range } from "./sentences.js";
import { words, type Word } from "./text.js";

export interface Attribution {
  entity: Entity | null;
  cue: string | null;
  mention: string | null;
  confidence: number;
  evidence: string;
}

const NONE: Attribution = { entity: null, cue: null, mention: null, confidence: 0, evidence: "no reporting clause found" };

interface Found {
  subject: Mention | { text: string; entity: Entity | null; confidence: number; evidence: string; type: "other" };
  verb: Word;
  /** How the subject was reached: right next to the verb, across an apposition, or as the sentence's subject. */
  how: "adjacent" | "apposition" | "sentence" | "inverted" | "according";
}

export function attributeAll(d: Discourse): Attribution[] {
  const result: Attribution[] = [];
  d.spans.forEach((span, index) => {
    let a = ownClause(d, span);
    if (!a) a = continuation(d, span, index, result);
    result.push(a ?? NONE);
  });
  repeatedWords(d, result);
  return result;
}

function sentenceOf(d: Discourse, span: QuoteSpan): Range {
  const p = d.article.paragraphs[span.paragraphIndex]!;
  return rangeAt(d.sentences.get(span.paragraphIndex) ?? [], span.open) ?? { start: p.start, end: p.end };
}

/** Words of [from, to) outside every quotation's content. */
function outsideWords(d: Discourse, from: number, to: number): Word[] {
  return words(d.article.text, from, to).filter((w) => !d.spans.some((s) => w.start >= s.start && w.end <= s.end));
}

function ownClause(d: Discourse, span: QuoteSpan): Attribution | null {
  const text = d.article.text;
  const sentence = sentenceOf(d, span);
  const content = text.slice(span.start, span.end);
  const afterStart = span.close >= 0 ? span.close + 1 : span.end;
  const nextOpen = d.spans.find((s) => s.open > span.open && s.paragraphIndex === span.paragraphIndex)?.open ?? Infinity;
  const afterEnd = Math.min(sentence.end, nextOpen);
  const afterText = text.slice(afterStart, afterEnd);
  const postFirst = /[,?!—–-]$/.test(content) || /^\s*[,—–]/.test(afterText) || span.kind === "direct" && !/[.]$/.test(content);
  const tries = postFirst
    ? [() => after(d, afterStart, afterEnd), () => before(d, span, sentence)]
    : [() => before(d, span, sentence), () => after(d, afterStart, afterEnd)];
  for (const attempt of tries) {
    const found = attempt();
    if (found) return toAttribution(found);
  }
  return null;
}

function toAttribution(found: Found): Attribution {
  const { subject, verb, how } = found;
  const base = subject.type === "name" ? 0.95 : subject.confidence;
  const penalty = how === "sentence" ? 0.1 : how === "apposition" ? 0.03 : 0;
  const entity = subject.entity;
  const evidence =
    subject.type === "name"
      ? `${how === "sentence" ? "subject of the sentence" : "named next to the cue"}: ${subject.text} ${verb.text}`
      : subject.evidence;
  return {
    entity,
    cue: verb.text,
    mention: subject.text,
    confidence: entity ? Math.max(0, Math.round((base - penalty) * 100) / 100) : 0,
    evidence,
  };
}

/** The reporting clause after the quotation: “…,” he said / said Marija Zakharova / the Russian Defense Ministry said. */
function after(d: Discourse, from: number, to: number): Found | null {
  const text = d.article.text;
  const ws = outsideWords(d, from, to).slice(0, 14);
  if (ws.length === 0) return null;
  const first = ws[0]!;
  // Only a clause that starts right after the quotation belongs to it.
  if (!/^[\s,.;:—–-]*$/.test(text.slice(from, first.start))) return null;
  const firstLower = first.text.toLowerCase();
  if (firstLower === "according" && ws[1]?.text.toLowerCase() === "to") {
    const m = mentionStartingAt(d, ws[1].end);
    if (m) return { subject: m, verb: first, how: "according" };
  }
  if (SPEECH_VERBS.has(firstLower)) {
    if (!INVERTIBLE_VERBS.has(firstLower)) return null;
    const m = mentionStartingAt(d, first.end);
    return m ? { subject: m, verb: first, how: "inverted" } : null;
  }
  for (let i = 1; i < Math.min(ws.length, 10); i++) {
    const w = ws[i]!;
    const l = w.text.toLowerCase();
    if (!SPEECH_VERBS.has(l)) continue;
    if (insideMention(d, w)) continue;
    const found = subjectBefore(d, w, from);
    if (found) return found;
    return pronounLike(d, w, from);
  }
  return null;
}

/** The reporting clause before the quotation in its sentence: Lavrov said: “…” / Guterres called it a “…”. */
function before(d: Discourse, span: QuoteSpan, sentence: Range): Found | null {
  const ws = outsideWords(d, sentence.start, span.open);
  const verbs = ws.filter((w) => SPEECH_VERBS.has(w.text.toLowerCase()) && !insideMention(d, w));
  let fallbackVerb: Word | null = null;
  for (let i = verbs.length - 1; i >= 0; i--) {
    const verb = verbs[i]!;
    const l = verb.text.toLowerCase();
    // A participle hangs off the main clause (“…,” he said, pointing out that … “…”): its subject is earlier.
    if (isParticiple(l) && precededByComma(d, verb)) continue;
    const found = subjectBefore(d, verb, sentence.start);
    if (found) return found;
    const other = pronounLike(d, verb, sentence.start);
    if (other) return other;
    // "said Mr Blair: “…”" or "Asked about it, Lavrov said …"
    const inverted = INVERTIBLE_VERBS.has(l) ? mentionStartingAt(d, verb.end) : null;
    if (inverted && inverted.end <= span.open) return { subject: inverted, verb, how: "inverted" };
    fallbackVerb ??= verb;
  }
  const verb = fallbackVerb ?? verbs[verbs.length - 1];
  if (!verb) {
    const according = ws.findIndex((w, i) => w.text.toLowerCase() === "according" && ws[i + 1]?.text.toLowerCase() === "to");
    if (according >= 0) {
      const m = mentionStartingAt(d, ws[according + 1]!.end);
      if (m) return { subject: m, verb: ws[according]!, how: "according" };
    }
    return null;
  }
  // The sentence's subject: its first person or body, before the verb.
  const subject = d.mentions.find((m) => m.sentence === sentence && m.start < verb.start && m.entity && m.subject);
  return subject ? { subject, verb, how: "sentence" } : null;
}

function precededByComma(d: Discourse, w: Word): boolean {
  return /,\s*$/.test(d.article.text.slice(Math.max(0, w.start - 3), w.start));
}

function insideMention(d: Discourse, w: Word): boolean {
  return d.mentions.some((m) => m.type === "name" && w.start >= m.start && w.end <= m.end);
}

function mentionStartingAt(d: Discourse, at: number): Mention | null {
  const text = d.article.text;
  for (const m of d.mentions) {
    if (m.start < at) continue;
    if (m.start - at > 40) break;
    // Only titles may stand between ("said Foreign Minister Lavrov" is parsed as the name already).
    if (!/^\s*(?:the\s+)?$/i.test(text.slice(at, m.start)) && !(m.type === "name" && /^\s*[\p{Lu}][\p{L}\s-]*$/u.test(text.slice(at, m.start)))) return null;
    return m;
  }
  return null;
}

/** The mention that is the verb's subject: right before it (modifiers skipped), or before an apposition. */
function subjectBefore(d: Discourse, verb: Word, lower: number): Found | null {
  const text = d.article.text;
  const ws = words(text, lower, verb.start);
  let p = verb.start;
  for (let i = ws.length - 1; i >= 0; i--) {
    const l = ws[i]!.text.toLowerCase();
    if (!VERB_MODIFIERS.has(l) || l === "told") break;
    if (!/^\s*$/.test(text.slice(ws[i]!.end, p))) break;
    p = ws[i]!.start;
  }
  const adjacent = mentionEndingAt(d, p, lower);
  if (adjacent) return { subject: adjacent, verb, how: "adjacent" };
  const gap = text.slice(lower, p);
  if (!/,\s*$/.test(gap)) return null;
  // Apposition: "Marta Hurtado, spokesperson for the UN human rights office, told …"
  const c1 = lower + gap.replace(/\s*$/, "").length - 1;
  const c0 = text.lastIndexOf(",", c1 - 1);
  if (c0 < lower) return null;
  const inner = d.mentions.find((m) => m.type === "name" && m.entity?.kind === "person" && m.start >= c0 && m.end <= c1);
  if (inner && /^[,\s]*$/.test(text.slice(c0, inner.start)) && /^[\s]*$/.test(text.slice(inner.end, c1))) {
    return { subject: inner, verb, how: "apposition" };
  }
  const outer = mentionEndingAt(d, c0, lower);
  return outer ? { subject: outer, verb, how: "apposition" } : null;
}

function mentionEndingAt(d: Discourse, at: number, lower: number): Mention | null {
  const text = d.article.text;
  let best: Mention | null = null;
  for (const m of d.mentions) {
    if (m.start < lower || m.end > at) continue;
    if (/^\s*$/.test(text.slice(m.end, at))) best = m;
  }
  return best;
}

/** "it said" (the latest body), "they said" / "we said" / a source (no speaker). */
function pronounLike(d: Discourse, verb: Word, lower: number): Found | null {
  const text = d.article.text;
  const ws = words(text, lower, verb.start);
  const prev = ws[ws.length - 1];
  if (!prev || !/^\s*$/.test(text.slice(prev.end, verb.start))) return null;
  const l = prev.text.toLowerCase();
  if (l === "it") {
    const body = [...d.mentions].reverse().find((m) => m.start < prev.start && m.entity?.kind === "organisation" && m.paragraphIndex >= paragraphIndexAt(d, prev.start) - 2);
    return {
      subject: {
        type: "other",
        text: prev.text,
        entity: body?.entity ?? null,
        confidence: body ? 0.6 : 0,
        evidence: body ? `'it' -> the latest body named: ${body.entity!.name}` : "'it' with no body named before",
      },
      verb,
      how: "adjacent",
    };
  }
  if (["they", "we", "i", "you", "sources", "officials", "source", "spokesman", "spokeswoman", "spokesperson", "critics", "analysts", "experts", "people", "others", "some", "aides"].includes(l)) {
    return { subject: { type: "other", text: prev.text, entity: null, confidence: 0, evidence: `'${prev.text}' names no one` }, verb, how: "adjacent" };
  }
  return null;
}

function paragraphIndexAt(d: Discourse, at: number): number {
  return d.article.paragraphs.findIndex((p) => p.start <= at && at < p.end);
}

/**
 * A quotation with no clause of its own: it continues the quotation just before it in the same paragraph, or a
 * multi-paragraph quotation, or follows a sentence of the same paragraph that reports someone speaking
 * ("Marta Hurtado … told Reuters they were reviewing the videos. “Allegations …”").
 */
function continuation(d: Discourse, span: QuoteSpan, index: number, done: readonly Attribution[]): Attribution | null {
  const inherit = (from: Attribution, confidence: number, why: string): Attribution | null =>
    from.entity
      ? { ...from, mention: null, confidence: Math.min(from.confidence, confidence), evidence: `${why}: ${from.entity.name}` }
      : null;
  if (span.continues >= 0) {
    const prev = done[span.continues];
    if (prev) return inherit(prev, 0.85, "continues the quotation of");
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
    if (a?.entity) return inherit(a, 0.85, "continues the quotation before it, of");
    break;
  }
  // A reporting sentence just before, in the same paragraph.
  const sentences = d.sentences.get(span.paragraphIndex) ?? [];
  const si = sentences.indexOf(sentence);
  const prevSentence = si > 0 ? sentences[si - 1] : undefined;
  if (prevSentence && prevSentence.start >= paragraph.start && span.kind === "direct") {
    const hasQuote = d.spans.some((s) => s.open >= prevSentence.start && s.open < prevSentence.end);
    if (!hasQuote) {
      const ws = outsideWords(d, prevSentence.start, prevSentence.end);
      for (const verb of ws) {
        if (!SPEECH_VERBS.has(verb.text.toLowerCase()) || insideMention(d, verb)) continue;
        const found = subjectBefore(d, verb, prevSentence.start);
        if (found?.subject.entity) {
          const a = toAttribution(found);
          return { ...a, confidence: Math.min(a.confidence, 0.8), evidence: `the sentence before reports ${a.entity!.name} speaking (${verb.text})` };
        }
        break;
      }
    }
  }
  // A quotation opening a paragraph after one that ends in a colon: "Cruz called them on it:"
  const introduced = introducedByColon(d, span);
  if (introduced) return introduced;
  // A paragraph that is only this quotation, right after a paragraph whose last quotation has a speaker.
  const prev = done[index - 1];
  const prevSpan = d.spans[index - 1];
  if (prev?.entity && prevSpan && prevSpan.paragraphIndex === span.paragraphIndex - 1 && span.kind === "direct") {
    const own = outsideWords(d, paragraph.start, paragraph.end);
    const talks = own.some((w) => SPEECH_VERBS.has(w.text.toLowerCase()));
    const others = d.mentions.some((m) => m.paragraphIndex === span.paragraphIndex && m.entity && m.entity !== prev.entity);
    const startsParagraph = /^\s*$/.test(d.article.text.slice(paragraph.start, span.open));
    if (!talks && !others && startsParagraph) return inherit(prev, 0.7, "a quotation paragraph after one by");
  }
  return null;
}

/** "Cruz continued:" / "As Joel Pollak observed, the biggest victor was the stage itself:" then the quotation. */
function introducedByColon(d: Discourse, span: QuoteSpan): Attribution | null {
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
  const ws = outsideWords(d, last.start, last.end);
  for (let i = ws.length - 1; i >= 0; i--) {
    const verb = ws[i]!;
    if (!SPEECH_VERBS.has(verb.text.toLowerCase()) || insideMention(d, verb)) continue;
    const found = subjectBefore(d, verb, last.start) ?? pronounLike(d, verb, last.start);
    if (found) {
      const a = toAttribution(found);
      return { ...a, confidence: Math.min(a.confidence, 0.85), evidence: `introduced in ¶${previous.n}: ${a.evidence}` };
    }
  }
  // No reporting verb ("17-year-old Jared Potts echoed:"): the sentence's subject, if it ends right before the colon's verb.
  const subject = d.mentions.find((m) => m.sentence === last && m.subject && m.entity);
  const tail = subject ? words(text, subject.end, last.end) : [];
  if (subject && tail.length <= 3) {
    return {
      entity: subject.entity,
      cue: tail[0]?.text ?? null,
      mention: subject.text,
      confidence: Math.min(0.75, subject.type === "name" ? 0.75 : subject.confidence),
      evidence: `introduced in ¶${previous.n}: ${subject.text} ${tail.map((w) => w.text).join(" ")}:`,
    };
  }
  return null;
}

/** A quotation repeated in the article (a sub-headline quoting the body) takes the speaker of its other copy. */
function repeatedWords(d: Discourse, result: Attribution[]): void {
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
        result[i] = { ...other, mention: null, confidence: Math.min(other.confidence, 0.75), evidence: `the same words are quoted in ¶${d.article.paragraphs[d.spans[j]!.paragraphIndex]!.n}, by ${other.entity.name}` };
        return;
      }
    }
  });
}
