/**
 * Naming clauses: someone's own word for something, quoted inside the reporter's sentence — "Reid called Trump
 * a “con artist”", "described Putin as a “strong leader”", "what he called a “brazen breach”". The quoted
 * fragment is a partial quotation of the one doing the calling.
 *
 * The same verbs also name works and things with nobody speaking ("a show called “Brokers”", "the so-called
 * “peace plan”", "what is called a “debate”", "a call for “revolution”"), so a naming verb counts only when it
 * is active, with a subject of its own before it.
 */
import { SPEECH_VERBS } from "./lexicon.js";
import { words, type Word } from "../text/words.js";

/** Verbs whose complement is the quoted word: X called / dubbed / labelled / branded / termed Y “…”. */
const CALL_VERBS = /^(?:call|calls|called|calling|dub|dubs|dubbed|dubbing|label|labels|labell?ed|labell?ing|brand|brands|branded|branding|termed|terming)$/i;

/** Verbs that take the quoted word after "as": X described / characterised Y as “…”, X referred to Y as “…”. */
const AS_VERBS = /^(?:describe|describes|described|describing|characteri[sz]e|characteri[sz]es|characteri[sz]ed|characteri[sz]ing|refer|refers|referred|referring)$/i;

/** After the verb, these make it another verb or a noun: "called for", "called on", "calls of", "called off". */
const NOT_NAMING_NEXT = /^(?:for|of|on|off|up|out|back|from|in|into|by|at|with|about|upon|to)$/i;

/** Words that may stand between the subject and the verb ("Trump has repeatedly called …", "the Times each called"). */
const SKIPPABLE = new Set(
  `also once often now today even still again repeatedly previously recently later then earlier since just already
  has have had would will could might may did does do each both all himself herself themselves publicly privately
  famously memorably`
    .split(/\s+/)
    .filter(Boolean),
);

/** Auxiliaries: after them a past form is finite ("what employees have called …"), not a reduced relative. */
const AUXILIARIES = new Set(["has", "have", "had", "would", "will", "could", "might", "may", "did"]);

/** Before the verb these make it passive or a noun: "is called", "been dubbed", "so called", "the call". */
const NOT_A_SUBJECT =
  /^(?:is|are|was|were|be|been|being|get|gets|got|getting|become|becomes|became|so|the|a|an|his|her|their|its|our|my|your|this|that|these|those|whose|one|any|no|every|phone|conference|clarion|roll|wake-up|close|judgment|what's|what’s|that's|that’s|it's|it’s)$/i;

/** Lower-case words that may be the verb's subject right before it. */
const SUBJECT_WORDS = /^(?:he|she|they|we|i|you|it|who|whom|which|that)$/i;

/** Clause boundaries: a naming verb before them does not govern a quotation after them. */
const BOUNDARY = /^(?:that|which|who|whom|because|but|while|when|whereas|although|if|and)$/i;

/**
 * The naming verb that makes the quotation opening at `open` someone's own words, or null. `sentenceStart` is
 * where its sentence starts; only the sentence's words before the quotation are read.
 */
export function namingVerb(text: string, sentenceStart: number, open: number): Word | null {
  // Earlier quotations in the lead count as one word each: "calls Santilli a “fascist” and a “Stalinist.”"
  const lead = text.slice(sentenceStart, open);
  const masked = lead.replace(/[“"]([^“”"]*)[”"]/gu, (m) => "q" + " ".repeat(m.length - 1));
  const ws = words(masked, 0, masked.length).map((w) => ({ ...w, start: w.start + sentenceStart, end: w.end + sentenceStart }));
  for (let i = ws.length - 1; i >= 0 && ws.length - i <= 10; i--) {
    const w = ws[i]!;
    const call = CALL_VERBS.test(w.text);
    const as = AS_VERBS.test(w.text);
    if (!call && !as) {
      // "and" may join two complements ("a “fascist” and a “Stalinist”") but not two clauses.
      if (w.text.toLowerCase() === "and" && /^[a-z]+$/.test(ws[i + 1]?.text ?? "") && /^(?:a|an|the)$/.test(ws[i + 1]!.text)) continue;
      // Another reporting verb starts another clause: "what Mosman called “distasteful,” Santilli expressed …".
      if (BOUNDARY.test(w.text) || SPEECH_VERBS.has(w.text.toLowerCase())) return null;
      continue;
    }
    const between = ws.slice(i + 1);
    // The quotation must complete this clause: no stop or colon between the verb and it.
    if (/[;:!?]/.test(masked.slice(w.end - sentenceStart))) return null;
    const next = between[0];
    const isRefer = /^refer/i.test(w.text);
    if (isRefer ? next?.text.toLowerCase() !== "to" : next !== undefined && NOT_NAMING_NEXT.test(next.text)) return null;
    // describe / refer to … need "as" right before the quotation.
    if ((as || isRefer) && !/\bas\s+(?:(?:a|an|the|being|something|someone|somebody|simply|merely|just)\s+)*$/i.test(masked)) return null;
    return hasSubject(text, ws, i, between) ? { text: text.slice(w.start, w.end), start: w.start, end: w.end } : null;
  }
  return null;
}

/** Whether the verb at `ws[i]` is active, with a subject before it, rather than passive or a noun. */
function hasSubject(text: string, ws: readonly Word[], i: number, between: readonly Word[]): boolean {
  const verb = ws[i]!.text.toLowerCase();
  let j = i - 1;
  let auxiliary = false;
  while (j >= 0 && (SKIPPABLE.has(ws[j]!.text.toLowerCase()) || /ly$/i.test(ws[j]!.text))) {
    if (AUXILIARIES.has(ws[j]!.text.toLowerCase())) auxiliary = true;
    j--;
  }
  const prev = ws[j];
  if (!prev) return false;
  const raw = ws[i - 1]!;
  const gap = text.slice(raw.end, ws[i]!.start);
  if (NOT_A_SUBJECT.test(prev.text)) return false;
  // "Sanders' call for …", "Clinton's call": a possessive makes the verb a noun.
  if (/['’]/.test(gap)) return false;
  if (/ing$/.test(verb)) return true; // "…, calling it a “disaster”"
  const past = /ed$/.test(verb);
  // "the newspaper calls it …" (any subject); "critics call it …" (a plural, a pronoun or a name).
  if (!past) return /s$/.test(verb) || /^\p{Lu}/u.test(prev.text) || SUBJECT_WORDS.test(prev.text) || /s$/.test(prev.text);
  // "a blog, called the “Feed”": a participle after a comma describes what comes before.
  if (/,/.test(gap)) return false;
  if (auxiliary || /^\p{Lu}/u.test(prev.text) || SUBJECT_WORDS.test(prev.text)) return true;
  // A lower-case noun, then the past form: a subject when an object follows ("the newspaper called it a “…”"),
  // a reduced relative when the quotation follows at once ("a show called “Brokers”").
  return between.some((w) => !/^(?:a|an|the|as)$/i.test(w.text));
}
