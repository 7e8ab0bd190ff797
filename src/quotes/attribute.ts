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
import { INVERTIBLE_VERBS, NOT_NAMES, PERSON_ROLES, SPEECH_VERBS, TITLE_WORDS, VERB_MODIFIERS, isParticiple } from "./lexicon.js";
import { rangeAt, type Range } from "./sentences.js";
import { isPlace } from "./names.js";
import { namingVerb } from "./naming.js";
import { CONFIDENCE } from "./rules/confidence.js";
import { NAMED_AT_CLAUSE_START_CONFIDENCE, namedAtClauseStart } from "./rules/named-at-clause-start.js";
import { notSpeech, reportsSpeech } from "./rules/not-speech.js";
import { passiveClause } from "./rules/passive-voice.js";
import { SEVERAL_PEOPLE_CONFIDENCE, othersNamed } from "./rules/several-people.js";
import { labelledSpeaker, opensWithNonSpeakerLabel } from "./speaker-label.js";
import { words, type Word } from "./text.js";

export interface Attribution {
  entity: Entity | null;
  cue: string | null;
  mention: string | null;
  confidence: number;
  evidence: string;
  /** Set when the quotation marks are not speech (rules/not-speech.ts): no speaker, not offered by /quote. */
  notSpeech?: string;
}

const NONE: Attribution = { entity: null, cue: null, mention: null, confidence: 0, evidence: "no reporting clause found" };

interface Found {
  subject: Mention | { text: string; entity: Entity | null; confidence: number; evidence: string; type: "other" };
  verb: Word;
  /** How the subject was reached: right next to the verb, across an apposition, or as the sentence's subject. */
  how: "adjacent" | "apposition" | "sentence" | "inverted" | "according" | "closing" | "clause start";
}

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
    if (a.entity && !direct && a.confidence > SEVERAL_PEOPLE_CONFIDENCE && othersNamed(d, span.paragraphIndex, a.entity)) {
      result[i] = { ...a, confidence: SEVERAL_PEOPLE_CONFIDENCE, evidence: `${a.evidence} (others named in the paragraph)` };
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
  // A speaker label ("PENCE: ") is not part of the quotation, but names its speaker.
  const labelled = speakerLabel(d, text.slice(span.labelStart ?? span.start, span.end));
  if (labelled) return labelled;
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
    ? [() => after(d, afterStart, afterEnd), () => before(d, span, sentence)]
    : [() => before(d, span, sentence), () => after(d, afterStart, afterEnd)];
  for (const attempt of tries) {
    const found = attempt();
    if (found) return toAttribution(found);
  }
  const signed = signatureBelow(d, span);
  return signed ? toAttribution(signed) : null;
}

/**
 * A quotation paragraph signed on the next line: “…”¶- Sanders. / “…”¶—President Obama, tweeting after …
 * The quotation ends its paragraph, and the next paragraph opens with a dash and a name.
 */
function signatureBelow(d: Discourse, span: QuoteSpan): Found | null {
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
function speakerLabel(d: Discourse, content: string): Attribution | null {
  if (opensWithNonSpeakerLabel(content)) return { ...NONE, evidence: "opens with a label that names no one" };
  const labelled = labelledSpeaker(d, content);
  if (!labelled) return null;
  return { entity: labelled.entity, cue: null, mention: labelled.label, confidence: CONFIDENCE.speakerLabel, evidence: labelled.evidence };
}

function toAttribution(found: Found): Attribution {
  const { subject, verb, how } = found;
  const base = subject.type === "name" && how !== "clause start" ? CONFIDENCE.namedAtCue : subject.confidence;
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

/** The reporting clause after the quotation: “…,” he said / said Marija Zakharova / the Russian Defense Ministry said. */
function after(d: Discourse, from: number, to: number): Found | null {
  const text = d.article.text;
  const ws = outsideWords(d, from, to).slice(0, 30);
  if (ws.length === 0) return null;
  const first = ws[0]!;
  // Only a clause that starts right after the quotation belongs to it.
  if (!/^[\s,.;:―—–-]*$/.test(text.slice(from, first.start))) return null;
  const firstLower = first.text.toLowerCase();
  // “…” ― Sonya Herridge: a quotation signed with a dash.
  if (/^\s*[―—–-]\s*$/.test(text.slice(from, first.start))) {
    const signed = d.mentions.find((m) => m.start === first.start && m.type === "name" && m.entity);
    if (signed) return { subject: signed, verb: { text: "―", start: from, end: first.start }, how: "adjacent" };
  }
  if (firstLower === "according" && ws[1]?.text.toLowerCase() === "to") {
    const m = mentionStartingAt(d, ws[1].end);
    if (m) return { subject: m, verb: first, how: "according" };
  }
  if (SPEECH_VERBS.has(firstLower)) {
    // Right after a quotation any finite reporting verb may come first: “…,” declares Stephanie Acs.
    if (isParticiple(firstLower) || /^(?:told|tells|tell|ask|urged|urges)$/.test(firstLower)) return null;
    const m = invertedSubject(d, first.end, to);
    // “…?” asked Dunn — the asker only when named right after the verb (“…” asked him to … is no clause).
    if (/^ask(?:ed|s)$/.test(firstLower)) {
      const adjacent = m?.type === "name" && /^\s+(?:[\p{Lu}][\p{L}.’'-]*\s+)*$/u.test(text.slice(first.end, m.start)) && /^\s*(?:[,.;!?(—–]|$)/.test(text.slice(m.end, to));
      return adjacent ? { subject: m, verb: first, how: "inverted" } : null;
    }
    return m ? { subject: m, verb: first, how: "inverted" } : null;
  }
  if (/^[a-z]+ed$/.test(first.text)) {
    const m = invertedSubject(d, first.end, to);
    if (m?.entity?.kind === "person" && m.type === "name" && /^\s+$/.test(text.slice(first.end, m.start).replace(/[\p{L}.]+/gu, (w) => (/^\p{Lu}/u.test(w) ? " " : w)))) {
      return { subject: m, verb: first, how: "inverted" };
    }
  }
  // "Dr Mark Tuffy …": a name opening the clause, perhaps after a title.
  const opening = startsWithMention(d, first.start) ?? (ws[1] && /^\p{Lu}/u.test(first.text) ? startsWithMention(d, ws[1].start) : null);
  const limit = opening ? 30 : 10;
  for (let i = 1; i < Math.min(ws.length, limit); i++) {
    const w = ws[i]!;
    const l = w.text.toLowerCase();
    if (!SPEECH_VERBS.has(l)) continue;
    if (insideMention(d, w)) continue;
    const found = subjectBefore(d, w, from) ?? pronounLike(d, w, from);
    const opener = namedAtClauseStart(d, opening, w);
    const byOpener: Found | null = opener && { subject: { ...opener, confidence: NAMED_AT_CLAUSE_START_CONFIDENCE, evidence: `named at the start of the clause: ${opener.text} … ${w.text}` }, verb: w, how: "clause start" };
    // "Dr Mark Tuffy games systems director at digital content firm THX told": the person, not their firm.
    const firm = found?.subject.entity;
    if (found && byOpener && firm && firm !== opener!.entity && (firm.kind === "organisation" || (!firm.sure && opener!.entity!.sure))) return byOpener;
    if (found) return found;
    const opened = openApposition(d, first, w);
    if (opened) return opened;
    if (byOpener) return byOpener;
    // “We’re extremely happy” about the decision, said RoseAnn DeMoro, …
    const inverted = INVERTIBLE_VERBS.has(l) ? invertedSubject(d, w.end, to) : null;
    // “… careless,” but said she should face no charges: "she" opens the reported clause, it is not inverted.
    if (inverted && startsClause(text.slice(inverted.end, to), inverted.type !== "name")) return null;
    return inverted ? { subject: inverted, verb: w, how: "inverted" } : null;
  }
  // “Go back to Univision,” Trump barked. — a name, then a verb we do not list, then the end of the clause.
  // "…" and donations began to pick up again last week, Gilbert said. — a clause closing the sentence.
  const all = outsideWords(d, from, to);
  const lastVerb = [...all].reverse().find((w) => SPEECH_VERBS.has(w.text.toLowerCase()) && !insideMention(d, w));
  if (lastVerb && all.length - all.indexOf(lastVerb) <= 3 && /^[\s\w]*[.!?]?\s*$/.test(text.slice(lastVerb.end, to))) {
    const found = subjectBefore(d, lastVerb, from);
    const subjectStart = found && "start" in found.subject ? found.subject.start : -1;
    if (found && found.how === "adjacent" && subjectStart >= from && /,\s*$/.test(text.slice(from, subjectStart))) {
      return { ...found, how: "apposition" };
    }
  }
  const closing = closingInvertedClause(d, lastVerb, from, to);
  if (closing) return closing;
  // “France will always be France,” an angry Hollande retaliated. / "…," Trump shot back.
  const lead = ws.slice(0, 4);
  const m = d.mentions.find((x) => x.type === "name" && lead.some((w) => w.start === x.start) && x.entity);
  // Only a determiner or an adjective may precede the name: "an angry Hollande", not "until the Iowa caucuses".
  const beforeName = m ? ws.filter((w) => w.start < m.start) : [];
  if (m && beforeName.every((w) => /^[a-z]+$/.test(w.text) && !CLAUSE_LINKS.test(w.text))) {
    const rest = ws.filter((w) => w.start >= m.end);
    const next = rest[0];
    const particle = rest[1] && /^(?:back|out|up|on|in)$/.test(rest[1].text) ? rest[1] : null;
    const endOfVerb = particle ? particle.end : (next?.end ?? 0);
    const verbLike = next !== undefined && (/^[a-z]+(?:ed|s)$/.test(next.text) || (particle !== null && /^(?:shot|fired|hit|struck|spoke|went|lashed)$/.test(next.text)));
    // The clause ends there, or goes on with an adverbial: "Trump barked and …", "Bennett shot back with a laugh".
    const ends = /^\s*(?:[,.;!?—–]|$)/.test(text.slice(endOfVerb, endOfVerb + 2));
    const goesOn = (/ed$/.test(next?.text ?? "") || particle !== null) && /^\s+(?:and|with|as|in|at|on|after|before|during|while|from|over|via)\b/.test(text.slice(endOfVerb, endOfVerb + 10));
    if (next && verbLike && /^\s*$/.test(text.slice(m.end, next.start)) && (ends || goesOn)) {
      return { subject: m, verb: next, how: "adjacent" };
    }
  }
  return null;
}

/** Whether the words after an inverted subject make it the subject of a new clause ("said she should go"). */
function startsClause(rest: string, pronoun: boolean): boolean {
  if (/^\s+(?:should|would|could|will|can|may|might|must|is|was|are|were|has|had|have|did|does|do|wanted|wants|needs|needed)\b/.test(rest)) return true;
  // A pronoun is inverted only at the end of the clause: "…,” said he.
  return pronoun && !/^\s*(?:[,.;:!?)—–]|$)/.test(rest);
}

/**
 * “…,” Nate Silver, the polling guru who founded the site tweeted. — a person opening the clause, then an
 * apposition left unclosed before the verb, with nobody else named in it.
 */
function openApposition(d: Discourse, first: Word, verb: Word): Found | null {
  const text = d.article.text;
  const m = startsWithMention(d, first.start);
  if (m?.type !== "name" || m.entity?.kind !== "person") return null;
  if (!/^,\s+\p{Ll}/u.test(text.slice(m.end, m.end + 3)) || isParticiple(verb.text.toLowerCase())) return null;
  if (/[.;:!?—–]\s/.test(text.slice(m.end, verb.start))) return null;
  const others = d.mentions.some((x) => x.start > m.end && x.end <= verb.start && x.entity?.kind === "person" && x.entity !== m.entity);
  return others ? null : { subject: m, verb, how: "apposition" };
}

/**
 * “These groups have been setting the table,” in sharp contrast to earlier years, says Dante Scala, a political
 * scientist. — an inverted clause ("said/says NAME") after a comma, closing the sentence, however far away.
 */
function closingInvertedClause(d: Discourse, verb: Word | undefined, from: number, to: number): Found | null {
  const text = d.article.text;
  if (!verb || !INVERTIBLE_VERBS.has(verb.text.toLowerCase())) return null;
  if (!/,\s*$/.test(text.slice(Math.max(from, verb.start - 3), verb.start))) return null;
  const m = invertedSubject(d, verb.end, to);
  if (m?.type !== "name" || !m.entity) return null;
  // Only title words before the name, and nothing but an apposition after it.
  if (!/^\s+(?:[\p{L}.’'-]+\s+){0,4}$/u.test(text.slice(verb.end, m.start))) return null;
  if (!/^\s*(?:\([^()]*\)\s*)?(?:,[^“”"]*)?[.!?]?\s*$/u.test(text.slice(m.end, to))) return null;
  return { subject: m, verb, how: "closing" };
}

function startsWithMention(d: Discourse, at: number): Mention | null {
  return d.mentions.find((m) => m.start === at) ?? null;
}

/** "said Clinton’s top aide Jake Sullivan, …": the last person named before the clause ends; else a body. */
function invertedSubject(d: Discourse, from: number, to: number): Mention | null {
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

/** The reporting clause before the quotation in its sentence: Lavrov said: “…” / Guterres called it a “…”. */
function before(d: Discourse, span: QuoteSpan, sentence: Range): Found | null {
  const text = d.article.text;
  const ws = outsideWords(d, sentence.start, span.open);
  const lead = text.slice(sentence.start, span.open);
  // "… doesn’t surprise pollster Daron Shaw: “…”": a name right before the colon.
  const colon = /([,:])\s*$/.exec(lead);
  if (colon) {
    const at = sentence.start + colon.index;
    const named = mentionEndingAt(d, at, sentence.start);
    // Not the object of a verb or a preposition: "told The Huffington Post: “…”", "to the newspaper NRC: “…”".
    const leading = named ? words(text, Math.max(sentence.start, named.start - 60), named.start) : [];
    let k = leading.length - 1;
    // Title words, capitalised or not, and the "of" inside a title: "Former secretary of state Hillary Clinton:".
    const titleOf = (i: number) => leading[i]!.text === "of" && TITLE_WORDS.has(leading[i - 1]?.text.toLowerCase() ?? "");
    const describing = (i: number) => /^\p{Lu}/u.test(leading[i]!.text) || DESCRIPTIVE.test(leading[i]!.text) || TITLE_WORDS.has(leading[i]!.text.toLowerCase()) || titleOf(i);
    while (k >= 0 && leading.length - k <= 6 && describing(k)) k--;
    const governing = leading[k]?.text.toLowerCase();
    const isObject = governing !== undefined && (SPEECH_VERBS.has(governing) || PREPOSITIONS.test(governing));
    if (named && colon[1] === ":" && named.entity && !isObject) {
      return { subject: named, verb: { text: ":", start: at, end: at + 1 }, how: "adjacent" };
    }
    // "Hillary shot back, “…”": any verb, its subject right before it. Not when the lead has a reporting verb
    // of its own: "Johnson said before a Senate hearing, “…”", "Canova wrote to his Twitter followers, “…”".
    const last = ws[ws.length - 1];
    const reports = ws.some((w) => SPEECH_VERBS.has(w.text.toLowerCase()) && !insideMention(d, w));
    if (last && /^[a-z]+$/.test(last.text) && !SPEECH_VERBS.has(last.text) && !reports) {
      const particle = /^(?:back|out|up|in|on|off)$/.test(last.text) ? ws[ws.length - 2] : last;
      if (particle && (/^[a-z]+(?:ed|s|ing)$/.test(particle.text) || /^(?:shot|spoke|went|fired|wrote|said)$/.test(particle.text))) {
        const subject = subjectBefore(d, particle, sentence.start);
        if (subject) return subject;
        // "Trump gestured …, then leaned in and boomed: “…”"
        if (/\band\s+$/.test(text.slice(Math.max(sentence.start, particle.start - 5), particle.start))) {
          const main = sentenceSubject(d, sentence, particle.start);
          if (main) return { subject: main, verb: particle, how: "sentence" };
        }
      }
    }
  }
  // "As The Post's Ruth Marcus puts it, Obama is making them “an offer …”": the one putting it speaks.
  const putsIt = /^\W*as\s+(.{2,80}?)\s+(?:puts?|put)\s+it\s*,/iu.exec(lead);
  if (putsIt) {
    const named = mentionEndingAt(d, sentence.start + lead.indexOf(putsIt[1]!) + putsIt[1]!.length, sentence.start);
    if (named?.entity) return { subject: named, verb: { text: "puts it", start: named.end, end: named.end }, how: "adjacent" };
  }
  // "Reid called Trump a “con artist”", "what he called a “brazen breach”": the one naming speaks.
  const naming = span.kind === "partial" ? namingVerb(text, sentence.start, span.open) : null;
  if (naming && !insideMention(d, naming)) {
    // "Bush … attacked Trump, calling him a “loser”": a participle after a comma is the main clause's.
    const hanging = isParticiple(naming.text.toLowerCase()) && precededByComma(d, naming);
    const found = hanging ? null : subjectBefore(d, naming, sentence.start, span.open) ?? pronounLike(d, naming, sentence.start);
    if (found) return found;
    const subject = sentenceSubject(d, sentence, naming.start);
    if (subject) return { subject, verb: naming, how: "sentence" };
  }
  const verbs = ws.filter((w) => SPEECH_VERBS.has(w.text.toLowerCase()) && !insideMention(d, w));
  let fallbackVerb: Word | null = null;
  for (let i = verbs.length - 1; i >= 0; i--) {
    const verb = verbs[i]!;
    const l = verb.text.toLowerCase();
    const participle = isParticiple(l) && precededByComma(d, verb);
    if (!participle) {
      // "Sanders was asked by host Bill Maher, “…”": the one asking speaks.
      const passive =
        /^(?:asked|questioned|told|urged|pressed)$/.test(l) && /\b(?:was|were|is|are|been|being)\s+$/i.test(text.slice(Math.max(sentence.start, verb.start - 12), verb.start));
      if (passive) {
        const by = /^\s+by\s+/i.exec(text.slice(verb.end, verb.end + 6));
        const asker = by ? invertedSubject(d, verb.end + by[0].length, span.open) : null;
        if (asker) return { subject: asker, verb, how: "inverted" };
        // "Trump was asked, “…”": the question is someone else's, unnamed.
        return { subject: { type: "other", text: verb.text, entity: null, confidence: 0, evidence: `a question put to someone ("${verb.text}"), its asker unnamed` }, verb, how: "adjacent" };
      } else {
        const found = subjectBefore(d, verb, sentence.start, span.open) ?? pronounLike(d, verb, sentence.start);
        if (found) return found;
        // "said Mr Blair: “…”"
        const inverted = INVERTIBLE_VERBS.has(l) ? invertedSubject(d, verb.end, span.open) : null;
        // Inverted only when the name closes the clause: "said Mr Blair: “…”", not "says Cruz will “…”".
        const closesClause = inverted !== null && /^\s*(?:\([^()]*\)\s*)?(?:[,:—–]|$)/.test(text.slice(inverted.end, span.open));
        if (inverted && closesClause && /^\s*$/.test(text.slice(verb.end, inverted.start).replace(/[\p{Lu}][\p{L}.’'-]*\s*/gu, ""))) {
          return { subject: inverted, verb, how: "inverted" };
        }
      }
      fallbackVerb ??= verb;
    }
    // Only a participle (“…, pointing out that …”) or a coordinated verb ("denied … and accused") hands over to
    // an earlier verb; any other verb starts its own clause.
    const coordinated = /\b(?:and|or|but)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(sentence.start, verb.start - 20), verb.start));
    if (!participle && !coordinated) break;
  }
  const verb = fallbackVerb ?? verbs[verbs.length - 1];
  if (!verb && colon?.[1] === ":" && span.kind === "direct") {
    // "In a Fox interview later that day, Trump went even further: “…”": the sentence introduces the quotation.
    const subject = sentenceSubject(d, sentence, span.open);
    if (subject) return { subject, verb: { text: ":", start: sentence.start + colon.index, end: sentence.start + colon.index + 1 }, how: "sentence" };
  }
  if (!verb) {
    const according = ws.findIndex((w, i) => w.text.toLowerCase() === "according" && ws[i + 1]?.text.toLowerCase() === "to");
    if (according >= 0) {
      const m = mentionStartingAt(d, ws[according + 1]!.end);
      if (m) return { subject: m, verb: ws[according]!, how: "according" };
    }
    return null;
  }
  const subject = sentenceSubject(d, sentence, verb.start);
  return subject ? { subject, verb, how: "sentence" } : null;
}

/** Plural nouns for a crowd: "the school's fans", "Trump supporters" speak as nobody in particular. */
const GROUP_NOUNS = /^(?:fans|supporters|followers|voters|students|members|protesters|protestors|demonstrators|critics|residents|officials|staffers|aides|activists|delegates|donors|lawmakers|leaders|workers|users|readers|viewers|players|employees|crowds?)$/;

/** Lower-case words that may open a subject's noun phrase ("conservative commentator Jonah Goldberg"). */
const DESCRIPTIVE = /^(?:the|a|an|former|conservative|liberal|republican|democratic|presidential|senior|top|veteran|longtime|then|vice|deputy|chief|acting|state|band|party|campaign|group|white|house|senate|gop|member|commentator|candidate|nominee|frontrunner|front-runner|spokesman|spokeswoman|spokesperson|host|anchor|reporter|columnist|analyst|strategist|pollster|adviser|advisor|aide|director|chairman|chairwoman|leader|rival|businessman|billionaire|mogul|star|singer|actor|actress|rapper|comedian|author|writer|editor|professor|expert|official|lawmaker|senator|governor|mayor|congressman|congresswoman|rep|sen|gov|dr|mr|mrs|ms|[\d-]+-year-old)$/i;

/**
 * The sentence's grammatical subject, strictly: the first person or body named (or he/she) at the start of the
 * sentence, after its title words, or right after an opening phrase and its comma ("Speaking in Salem, New
 * Hampshire, Trump went after Bush"). Places are skipped: "Salem" is where, not who.
 */
function sentenceSubject(d: Discourse, sentence: Range, before: number): Mention | null {
  const text = d.article.text;
  for (const m of d.mentions) {
    if (m.sentence !== sentence || m.start >= before) continue;
    if (!m.entity) continue;
    if (m.entity.kind === "organisation" && isPlaceName(m.entity.name)) continue;
    // "Syrian refugees", "Republican candidates": an adjective, not someone.
    if (!m.entity.sure && m.entity.keys.length === 1 && /(?:an|ese|ish|i)$/.test(m.text) && /^\s+\p{Ll}/u.test(text.slice(m.end, m.end + 3))) continue;
    if (/^[’']s?\b/.test(text.slice(m.end, m.end + 3))) continue;
    // "Andrean High School fans chanted", "Washington Post columnist Michael Gerson calls": the name modifies a
    // noun that is the real subject; a person named after it may still be, a group is nobody in particular.
    const modified = /^\s+(\p{Ll}[\p{Ll}-]*)\b/u.exec(text.slice(m.end, m.end + 30))?.[1];
    if (modified && (GROUP_NOUNS.test(modified) || (m.entity.kind === "organisation" && (DESCRIPTIVE.test(modified) || modified in PERSON_ROLES)))) {
      if (GROUP_NOUNS.test(modified)) return null;
      continue;
    }
    // The lead-in with quotations taken out: "“…,” Blige sings" opens with Blige.
    let lead = text.slice(sentence.start, m.start);
    for (const q of [...d.spans].reverse()) {
      if (q.open >= sentence.start && q.open < m.start) {
        const qEnd = Math.min(m.start, (q.close >= 0 ? q.close + 1 : q.end)) - sentence.start;
        lead = lead.slice(0, q.open - sentence.start) + lead.slice(qEnd).replace(/^[\s,]*/, " ");
      }
    }
    lead = lead.replace(/^[\s“"‘(]+/u, "");
    const leadWords = lead.match(/[\p{L}\p{N}.’'-]+/gu) ?? [];
    const describes = (w: string) =>
      (/^[\p{Lu}\p{N}]/u.test(w) && !NOT_NAMES.has(w.toLowerCase())) || DESCRIPTIVE.test(w.replace(/\.$/, ""));
    const titled = leadWords.every(describes);
    const opening = /^(?:(?:but|and|so|yet|meanwhile|still|now|instead|however|also)\s+)?$/i.test(lead);
    // An opening phrase and its comma, then perhaps title words: "At Brazile’s direction, the DNC …"
    const core = lead.replace(/(?:[\p{L}\p{N}.’'-]+\s+)*$/u, (tail) => ((tail.match(/[\p{L}\p{N}.’'-]+/gu) ?? []).every(describes) ? "" : tail));
    const afterPhrase = core.length <= 160 && /,\s*$/.test(core) && !/[.;:]\s/.test(core);
    if ((titled && leadWords.length <= 6) || opening || afterPhrase) return m;
  }
  return null;
}

function isPlaceName(name: string): boolean {
  return name.split(/\s+/).every((w) => isPlace(w));
}

/** Who a sentence reports speaking, if it does: "Bolton distanced himself …, saying he would …" -> Bolton. */
function reportingClause(d: Discourse, range: Range): Found | null {
  const text = d.article.text;
  const verbs = outsideWords(d, range.start, range.end).filter((w) => SPEECH_VERBS.has(w.text.toLowerCase()) && !insideMention(d, w));
  for (let i = verbs.length - 1; i >= 0; i--) {
    const verb = verbs[i]!;
    const participle = isParticiple(verb.text.toLowerCase()) && precededByComma(d, verb);
    if (!participle) {
      const found = subjectBefore(d, verb, range.start) ?? pronounLike(d, verb, range.start);
      if (found) return found;
    }
    const coordinated = /\b(?:and|or|but|by)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(range.start, verb.start - 20), verb.start));
    if (!participle && !coordinated) break;
  }
  const verb = verbs[0];
  if (!verb) return null;
  const subject = sentenceSubject(d, range, verb.start);
  return subject ? { subject, verb, how: "sentence" } : null;
}

function precededByComma(d: Discourse, w: Word): boolean {
  return /,["”’]?\s*$/.test(d.article.text.slice(Math.max(0, w.start - 4), w.start));
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

/** Prepositions and conjunctions: after them a name is an object or a new clause, not the speaker. */
const CLAUSE_LINKS =
  /^(?:of|from|in|at|for|with|by|to|on|about|against|over|under|near|than|into|until|till|since|after|before|during|while|because|as|and|or|but|if|when|where|that|which|who|like|unlike|toward|towards|through|via|per|among|between)$/;

const PREPOSITIONS = /\b(?:of|from|in|at|for|with|by|to|on|about|against|over|under|near|than|into|across|outside|inside)\s*$/i;

/**
 * The mention that is the verb's subject: right before it (modifiers and a bracket such as "(D-Vt.)" skipped),
 * or before an apposition ("Marta Hurtado, spokesperson for the UN human rights office, told …"). A name after
 * a preposition ("a salesman from Sumter says") describes the subject, it is not the subject.
 */
function subjectBefore(d: Discourse, verb: Word, lower: number, quoteOpen = -1): Found | null {
  const text = d.article.text;
  // "Grant was warned by Reyes": the agent speaks; the one warned never does (rules/passive-voice.ts).
  const passive = passiveClause(text, verb, lower);
  if (passive) {
    const paragraphEnd = d.article.paragraphs[paragraphIndexAt(d, verb.start)]?.end ?? text.length;
    const agent = passive.agentFrom >= 0 ? invertedSubject(d, passive.agentFrom, paragraphEnd) : null;
    if (agent && agent.start - passive.agentFrom <= 40) return { subject: agent, verb, how: "inverted" };
    // No agent: the quotation right after the participle is nobody's we can name ("was criticised as “…”"); a
    // passive elsewhere in the sentence tells nothing of who speaks.
    if (quoteOpen >= verb.end && quoteOpen - verb.end <= PASSIVE_REACH) {
      return { subject: { type: "other", text: verb.text, entity: null, confidence: 0, evidence: `passive '${verb.text}': the subject is spoken to or about` }, verb, how: "adjacent" };
    }
    return null;
  }
  const ws = words(text, lower, verb.start);
  let p = verb.start;
  for (let i = ws.length - 1; i >= 0; i--) {
    const l = ws[i]!.text.toLowerCase();
    if (!VERB_MODIFIERS.has(l) || l === "told") break;
    if (!/^\s*$/.test(text.slice(ws[i]!.end, p))) break;
    p = ws[i]!.start;
  }
  // "attacked by Tom Reyes, who said": the relative clause's antecedent speaks.
  const relative = /,\s*who\s+$/.exec(text.slice(Math.max(lower, p - 12), p));
  if (relative) {
    const antecedent = mentionEndingAt(d, p - relative[0].length, lower);
    const agent = /\bby\s+$/i.test(text.slice(Math.max(0, (antecedent?.start ?? 0) - 4), antecedent?.start ?? 0));
    if (antecedent?.entity && (agent || acceptableSubject(d, antecedent))) return { subject: antecedent, verb, how: "apposition" };
  }
  let how: Found["how"] = "adjacent";
  for (let attempt = 0; attempt < 6 && p > lower; attempt++) {
    // A bracket right before: "Sen. Bernie Sanders (I-Vt.) said".
    const bracket = /\([^()]{1,40}\)\s*$/.exec(text.slice(Math.max(lower, p - 45), p));
    if (bracket) p -= bracket[0].length;
    const candidate = mentionEndingAt(d, p, lower);
    if (candidate) {
      if (acceptableSubject(d, candidate)) return { subject: candidate, verb, how };
      // "…, with Cruz recently promising to “…”": the one after "with" does the -ing.
      if (isParticiple(verb.text.toLowerCase()) && /\bwith\s+$/i.test(text.slice(Math.max(lower, candidate.start - 6), candidate.start))) {
        return { subject: candidate, verb, how };
      }
      // "footage of Clinton asking, “…”": the one a recording shows doing the -ing speaks.
      if (isParticiple(verb.text.toLowerCase()) && RECORDING_OF.test(text.slice(Math.max(lower, candidate.start - 24), candidate.start))) {
        return { subject: candidate, verb, how };
      }
      // Skip the describing phrase and look further back ("Stacy Baker of Columbia, South Carolina says").
      let q = candidate.start;
      const gap = text.slice(lower, q);
      const prep = GOVERNED.exec(gap);
      if (prep) q = lower + prep.index;
      else if (/,\s*$/.test(gap)) q = lower + gap.replace(/,\s*$/, "").length;
      else return null;
      // "John Houlihan, editor of Computerandvideogames.com told …": an apposition left open before the verb.
      const comma = text.lastIndexOf(",", q);
      if (comma >= lower) {
        const opener = /^\s*([\p{Ll}-]+)/u.exec(text.slice(comma + 1, q))?.[1] ?? "";
        const named = mentionEndingAt(d, comma, lower);
        if (named?.entity?.kind === "person" && (DESCRIPTIVE.test(opener) || TITLE_WORDS.has(opener) || opener in PERSON_ROLES)) {
          if (acceptableSubject(d, named)) return { subject: named, verb, how: "apposition" };
        }
      }
      const owner = mentionEndingAt(d, q, lower);
      if (owner && acceptableSubject(d, owner)) return { subject: owner, verb, how: "apposition" };
      p = q;
      how = "apposition";
      continue;
    }
    const gap = text.slice(lower, p);
    // "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote": a person, then the body
    // they belong to (capitalised words only) right before the verb.
    const member = [...d.mentions].reverse().find((x) => x.start >= lower && x.end <= p && x.type === "name" && x.entity?.kind === "person");
    if (member && acceptableSubject(d, member) && AFFILIATION.test(text.slice(member.end, p))) return { subject: member, verb, how: "apposition" };
    if (!/,\s*$/.test(gap)) return null;
    // Apposition: the name before the comma that opens it, or a name that is the whole apposition.
    const c1 = lower + gap.replace(/\s*$/, "").length - 1;
    const c0 = text.lastIndexOf(",", c1 - 1);
    if (c0 < lower) return null;
    const inner = d.mentions.find((m) => m.type === "name" && m.entity?.kind === "person" && m.start >= c0 && m.end <= c1);
    if (inner && /^[,\s]*$/.test(text.slice(c0, inner.start)) && /^\s*(?:\([^()]{1,40}\))?\s*$/.test(text.slice(inner.end, c1))) {
      return { subject: inner, verb, how: "apposition" };
    }
    p = c0;
    how = "apposition";
  }
  return null;
}

/** A recording of someone, right before their name: "footage of", "a video of", "audio of". */
const RECORDING_OF = /\b(?:footage|videos?|clips?|recordings?|audio|tapes?|film|images)\s+of\s+$/i;

/** How far a passive participle with no agent reaches to the quotation it introduces ("was described as a “…”"). */
const PASSIVE_REACH = 40;

/** " of the James Martin Center for Nonproliferation Studies ": an affiliation, capitalised words only. */
const AFFILIATION = /^\s+(?:of|from|at)\s+(?:the\s+)?\p{Lu}[\p{L}’'.&-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*\p{Lu}[\p{L}’'.&-]*)*\s*$/u;

const GOVERNED = /\b(?:of|from|in|at|for|with|by|to|on|about|against|over|under|near|than|into|across)\s+(?:(?:the|a|an)\s+)?$/i;

function acceptableSubject(d: Discourse, m: Mention): boolean {
  const text = d.article.text;
  if (/^[’']s?\b/.test(text.slice(m.end, m.end + 2)) && m.type === "name") return false;
  const before = text.slice(Math.max(0, m.start - 16), m.start);
  if (GOVERNED.test(before) || /\b(?:the|a|an)\s*$/i.test(before) && m.type === "name" && m.entity?.kind === "organisation" && isPlaceName(m.entity.name)) return false;
  if (m.entity?.kind === "organisation" && isPlaceName(m.entity.name) && /,\s*$/.test(before)) return false;
  return true;
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
        confidence: body ? CONFIDENCE.itIsTheLatestBody : 0,
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
    if (prev) return inherit(prev, CONFIDENCE.continuation, "continues the quotation of");
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
    if (a?.entity) return inherit(a, CONFIDENCE.continuation, "continues the quotation before it, of");
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
        return { ...a, confidence: Math.min(a.confidence, CONFIDENCE.sentenceBeforeReports), evidence: `the sentence before reports ${a.entity!.name} speaking (${found.verb.text})` };
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
        confidence: Math.min(CONFIDENCE.fragmentSentenceSubject, subject.type === "name" ? CONFIDENCE.fragmentSentenceSubject : subject.confidence - CONFIDENCE.fragmentNotNamedPenalty),
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
    if (!talks && !others && startsParagraph) return inherit(prev, CONFIDENCE.quotationParagraphAfter, "a quotation paragraph after one by");
  }
  return null;
}

/** "Valastro praised Christie’s leadership …" then a paragraph opening with the quotation. */
function reportedBefore(d: Discourse, span: QuoteSpan): Attribution | null {
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
  return { ...a, confidence: Math.min(a.confidence, CONFIDENCE.paragraphBeforeReports), evidence: `the paragraph before reports ${a.entity!.name} speaking (${found.verb.text})` };
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
  const found = reportingClause(d, last);
  if (found) {
    const a = toAttribution(found);
    return { ...a, confidence: Math.min(a.confidence, CONFIDENCE.introducedByColon), evidence: `introduced in ¶${previous.n}: ${a.evidence}` };
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
      confidence: Math.min(CONFIDENCE.introducedByColonNoVerb, subject.type === "name" ? CONFIDENCE.introducedByColonNoVerb : subject.confidence),
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
        result[i] = { ...other, mention: null, confidence: Math.min(other.confidence, CONFIDENCE.repeatedWords), evidence: `the same words are quoted in ¶${d.article.paragraphs[d.spans[j]!.paragraphIndex]!.n}, by ${other.entity.name}` };
        return;
      }
    }
  });
}
