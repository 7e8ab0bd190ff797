/**
 * What every attribution rule reads and shares: the attribution it returns, the clause it found (a subject and
 * its reporting verb), and the small readers of a discourse — the sentence of a quotation, the words outside
 * quotation marks, the mention starting or ending at a place, the subject of an inverted clause.
 */
import type { Discourse, Entity, Mention } from "../discourse.js";
import type { QuoteSpan } from "../quote-span.js";
import { isPlace } from "../names.js";
import { rangeAt, type Range } from "../../text/sentences.js";
import { words, type Word } from "../../text/words.js";
import { CONFIDENCE } from "./confidence.js";

/** A name right at the reporting verb ("…,” Lavrov said). */
export const NAMED_AT_CUE_CONFIDENCE = CONFIDENCE.namedAtCue;

export interface Attribution {
  entity: Entity | null;
  cue: string | null;
  mention: string | null;
  confidence: number;
  evidence: string;
  /** Set when the quotation marks are not speech (rules/not-speech.ts): no speaker, not offered by /quote. */
  notSpeech?: string;
}

export const NONE: Attribution = { entity: null, cue: null, mention: null, confidence: 0, evidence: "no reporting clause found" };

export interface Found {
  subject: Mention | { text: string; entity: Entity | null; confidence: number; evidence: string; type: "other" };
  verb: Word;
  /** How the subject was reached: right next to the verb, across an apposition, or as the sentence's subject. */
  how: "adjacent" | "apposition" | "sentence" | "inverted" | "according" | "closing" | "clause start";
}

export function sentenceOf(d: Discourse, span: QuoteSpan): Range {
  const p = d.article.paragraphs[span.paragraphIndex]!;
  return rangeAt(d.sentences.get(span.paragraphIndex) ?? [], span.open) ?? { start: p.start, end: p.end };
}

/** Words of [from, to) outside every quotation's content. */
export function outsideWords(d: Discourse, from: number, to: number): Word[] {
  return words(d.article.text, from, to).filter((w) => !d.spans.some((s) => w.start >= s.start && w.end <= s.end));
}
export function toAttribution(found: Found): Attribution {
  const { subject, verb, how } = found;
  const base = subject.type === "name" && how !== "clause start" ? NAMED_AT_CUE_CONFIDENCE : subject.confidence;
  const penalty = how === "sentence" ? CONFIDENCE.sentenceSubjectPenalty : how === "closing" ? CONFIDENCE.closingClausePenalty : how === "apposition" ? CONFIDENCE.appositionPenalty : 0;
  const entity = subject.entity;
  const rule = how === "sentence" ? "subject of the sentence" : how === "closing" ? "named in the clause closing the sentence" : "named next to the cue";
  const evidence = subject.type === "name" && how !== "clause start" ? `${rule}: ${subject.text} ${verb.text}` : subject.evidence;
  return {
    entity,
    cue: verb.text,
    mention: subject.text,
    confidence: entity ? Math.max(0, Math.round((base - penalty) * 100) / 100) : 0,
    evidence,
  };
}


export function startsWithMention(d: Discourse, at: number): Mention | null {
  return d.mentions.find((m) => m.start === at) ?? null;
}

/** "said Clinton’s top aide Jake Sullivan, …": the last person named before the clause ends; else a body. */
export function invertedSubject(d: Discourse, from: number, to: number): Mention | null {
  const text = d.article.text;
  // Full stops of abbreviated titles ("Dr. Harold Varmus") do not end the clause.
  const tail = text
    .slice(from, to)
    .replace(/\b(Mr|Mrs|Ms|Dr|Gov|Sen|Sens|Rep|Reps|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Prof|Rev|St|Atty|Amb|Pres|Hon|Supt|Det|Insp)\./g, "$1 ")
    .replace(/\b(\p{Lu})\./gu, "$1 "); // initials: "G.K. Butterfield"
  // "of" ends the clause ("said a friend of Joe Smith") unless a lower-case title goes on: "said former
  // secretary of state Hillary Clinton", "said master of ceremonies Asab Al-Tabchi".
  const stop = /[,.;:!?()—–]|\s(?:when|who|after|as|in|at|on|during|while|because|before|to|about)\s|\sof\s(?!(?!the\b|a\b|an\b|his\b|her\b|their\b)\p{Ll})/u.exec(tail);
  const end = from + (stop ? stop.index : tail.length);
  // A role runs past an "of" of its own: "said a Department of Homeland Security spokeswoman".
  const inside = d.mentions.filter((m) => m.start >= from && (m.end <= end || (m.entity?.kind === "role" && m.start < end)) && m.entity);
  if (inside.length === 0) return null;
  if (!/^\s*(?:[\p{L}\p{N}’'.,-]+\s+){0,10}$/u.test(text.slice(from, inside[0]!.start))) return null;
  const people = inside.filter((m) => m.entity!.kind === "person" || m.entity!.kind === "role");
  return people[people.length - 1] ?? inside[inside.length - 1]!;
}


export function isPlaceName(name: string): boolean {
  return name.split(/\s+/).every((w) => isPlace(w));
}
export function precededByComma(d: Discourse, w: Word): boolean {
  return /,["”’]?\s*$/.test(d.article.text.slice(Math.max(0, w.start - 4), w.start));
}

export function insideMention(d: Discourse, w: Word): boolean {
  return d.mentions.some((m) => m.type === "name" && w.start >= m.start && w.end <= m.end);
}

export function mentionStartingAt(d: Discourse, at: number): Mention | null {
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

export function mentionEndingAt(d: Discourse, at: number, lower: number): Mention | null {
  const text = d.article.text;
  let best: Mention | null = null;
  for (const m of d.mentions) {
    if (m.start < lower || m.end > at) continue;
    if (/^\s*$/.test(text.slice(m.end, at))) best = m;
  }
  return best;
}
export function paragraphIndexAt(d: Discourse, at: number): number {
  return d.article.paragraphs.findIndex((p) => p.start <= at && at < p.end);
}
