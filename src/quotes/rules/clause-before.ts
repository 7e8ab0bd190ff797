/**
 * Rule "clause before": the reporting clause before the quotation in its sentence — Lavrov said: “…” / Guterres
 * called it a “…” / As Ruth Marcus puts it, … / Sanders was asked by host Bill Maher, “…”.
 */
import type { Discourse } from "../discourse.js";
import type { QuoteSpan } from "../quote-span.js";
import { INVERTIBLE_VERBS, SPEECH_VERBS, TITLE_WORDS, isParticiple } from "../lexicon.js";
import { namingVerb } from "../naming.js";
import type { Range } from "../../text/sentences.js";
import { words, type Word } from "../../text/words.js";
import { type Found, insideMention, invertedSubject, mentionEndingAt, mentionStartingAt, outsideWords, precededByComma } from "./clause-reading.js";
import { handsOverTo } from "./lead-in.js";
import { SUBORDINATE_SUBJECT_CONFIDENCE, subordinateSubject } from "./subordinate-subject.js";
import { DESCRIPTIVE, pronounLike, sentenceSubject, subjectBefore } from "./subject.js";

/** The reporting clause before the quotation in its sentence: Lavrov said: “…” / Guterres called it a “…”. */
export function before(d: Discourse, span: QuoteSpan, sentence: Range): Found | null {
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
    // "Pollsters agree - Carl Bialik: “…”", "More from Jones: “…”": a lead-in hands over (rules/lead-in.ts).
    const handedOver = named !== null && handsOverTo(text.slice(sentence.start, named.start));
    const isObject = !handedOver && governing !== undefined && (SPEECH_VERBS.has(governing) || PREPOSITIONS.test(governing));
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
  // "But at the time, as prosecutor Sam Ruiz put it, “…”": the "as" may follow an opening phrase and its comma.
  const putsIt = /(?:^\W*|,\s*)as\s+([^,;:“”"]{2,80}?)\s+(?:puts?|put)\s+it\s*,/iu.exec(lead);
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
    // "…, such as when Pike knocked Dole on roads and called him a “dreamer”" (rules/subordinate-subject.ts).
    const opener = subordinateSubject(d, sentence, naming);
    if (opener) {
      const evidence = `the person opening the clause: ${opener.text} … ${naming.text}`;
      return { subject: { type: "other", text: opener.text, entity: opener.entity, confidence: SUBORDINATE_SUBJECT_CONFIDENCE, evidence }, verb: naming, how: "adjacent" };
    }
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
  // "Trump also embraced enhanced interrogation techniques -- “I think …”": a dash introduces it as a colon would.
  const dash = /\s(?:[—–]|--)\s*$/.exec(lead);
  if (!verb && dash && span.kind === "direct") {
    const subject = sentenceSubject(d, sentence, span.open);
    const at = sentence.start + dash.index + 1;
    if (subject) return { subject, verb: { text: dash[0].trim(), start: at, end: at + dash[0].trim().length }, how: "sentence" };
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
  if (subject) return { subject, verb, how: "sentence" };
  // "…, so much so that Sanders during a rally thanked them “for …”": the clause's opener (rules/subordinate-subject.ts).
  // Not a title in capitals ("on MSNBC's “Morning Joe”"): a show or a book is nobody's words.
  const titleCase = /^(?:\p{Lu}[\p{L}’'-]*[\s,.]*)+$/u.test(text.slice(span.start, span.end));
  const opener = titleCase ? null : subordinateSubject(d, sentence, verb);
  if (!opener) return null;
  const evidence = `the person opening the clause: ${opener.text} … ${verb.text}`;
  return { subject: { type: "other", text: opener.text, entity: opener.entity, confidence: SUBORDINATE_SUBJECT_CONFIDENCE, evidence }, verb, how: "adjacent" };
}


export const PREPOSITIONS = /\b(?:of|from|in|at|for|with|by|to|on|about|against|over|under|near|than|into|across|outside|inside)\s*$/i;
