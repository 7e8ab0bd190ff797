/**
 * Rule "subject": who is the subject of a reporting verb — the mention right before it (modifiers, a bracket, an
 * apposition skipped), the sentence's grammatical subject, "it"/"they" — and who a sentence reports speaking.
 */
import type { Discourse, Mention } from "../discourse.js";
import { NOT_NAMES, PERSON_ROLES, SPEECH_VERBS, TITLE_WORDS, VERB_MODIFIERS, isParticiple } from "../lexicon.js";
import type { Range } from "../../text/sentences.js";
import { words, type Word } from "../../text/words.js";
import { type Found, insideMention, invertedSubject, isPlaceName, mentionEndingAt, outsideWords, paragraphIndexAt, precededByComma } from "./clause-reading.js";
import { hometownOwner } from "./hometown.js";
import { modifiesWrittenThing } from "./written-subject.js";
import { CONFIDENCE } from "./confidence.js";
import { passiveClause } from "./passive-voice.js";
import { THEY_ARE_THE_BODY_CONFIDENCE, theyMeansBody } from "./they-body.js";

/** "it said": the latest body named. */
export const IT_IS_THE_LATEST_BODY_CONFIDENCE = CONFIDENCE.itIsTheLatestBody;

/** Plural nouns for a crowd: "the school's fans", "Trump supporters" speak as nobody in particular. */
export const GROUP_NOUNS = /^(?:fans|supporters|followers|voters|students|members|protesters|protestors|demonstrators|critics|residents|officials|staffers|aides|activists|delegates|donors|lawmakers|leaders|workers|users|readers|viewers|players|employees|crowds?)$/;

/** Lower-case words that may open a subject's noun phrase ("conservative commentator Jonah Goldberg"). */
export const DESCRIPTIVE = /^(?:the|a|an|former|conservative|liberal|republican|democratic|presidential|senior|top|veteran|longtime|then|vice|deputy|chief|acting|state|band|party|campaign|group|white|house|senate|gop|member|commentator|candidate|nominee|frontrunner|front-runner|spokesman|spokeswoman|spokesperson|host|anchor|reporter|columnist|analyst|strategist|pollster|adviser|advisor|aide|director|chairman|chairwoman|leader|rival|businessman|billionaire|mogul|star|singer|actor|actress|rapper|comedian|author|writer|editor|professor|expert|official|lawmaker|senator|governor|mayor|congressman|congresswoman|rep|sen|gov|dr|mr|mrs|ms|[\d-]+-year-old)$/i;

/**
 * The sentence's grammatical subject, strictly: the first person or body named (or he/she) at the start of the
 * sentence, after its title words, or right after an opening phrase and its comma ("Speaking in Salem, New
 * Hampshire, Trump went after Bush"). Places are skipped: "Salem" is where, not who.
 */
export function sentenceSubject(d: Discourse, sentence: Range, before: number): Mention | null {
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
    // "The TV ad accuses …", "A Gallup poll found …": the subject is a written thing (rules/written-subject.ts).
    if (modifiesWrittenThing(modified)) return null;
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
    // "But Sen. Pat Toomey refused …": an opening conjunction, then title words.
    const opener = /^(?:but|and|so|yet|meanwhile|still|now|instead|however|also)$/i;
    const titled = leadWords.filter((w, i) => !(i === 0 && opener.test(w))).every(describes);
    const opening = /^(?:(?:but|and|so|yet|meanwhile|still|now|instead|however|also)\s+)?$/i.test(lead);
    // An opening phrase and its comma, then perhaps title words: "At Brazile’s direction, the DNC …"
    const core = lead.replace(/(?:[\p{L}\p{N}.’'-]+\s+)*$/u, (tail) => ((tail.match(/[\p{L}\p{N}.’'-]+/gu) ?? []).every(describes) ? "" : tail));
    const afterPhrase = core.length <= 160 && /,\s*$/.test(core) && !/[.;:]\s/.test(core);
    if ((titled && leadWords.length <= 6) || opening || afterPhrase) return m;
  }
  return null;
}
/** Who a sentence reports speaking, if it does: "Bolton distanced himself …, saying he would …" -> Bolton. */
export function reportingClause(d: Discourse, range: Range): Found | null {
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
/**
 * The mention that is the verb's subject: right before it (modifiers and a bracket such as "(D-Vt.)" skipped),
 * or before an apposition ("Marta Hurtado, spokesperson for the UN human rights office, told …"). A name after
 * a preposition ("a salesman from Sumter says") describes the subject, it is not the subject.
 */
export function subjectBefore(d: Discourse, verb: Word, lower: number, quoteOpen = -1): Found | null {
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
  p = skipBetweenSubjectAndVerb(text, lower, p);
  // "attacked by Tom Reyes, who said": the relative clause's antecedent speaks.
  const relative = /,\s*who\s+$/.exec(text.slice(Math.max(lower, p - 12), p));
  if (relative) {
    const antecedent = mentionEndingAt(d, p - relative[0].length, lower);
    const agent = /\bby\s+$/i.test(text.slice(Math.max(0, (antecedent?.start ?? 0) - 4), antecedent?.start ?? 0));
    if (antecedent?.entity && (agent || acceptableSubject(d, antecedent))) return { subject: antecedent, verb, how: "apposition" };
  }
  // "a White House official who spoke anonymously to discuss strategy said": a relative clause without commas
  // between the subject and its verb, naming nobody else.
  const bare = mentionEndingAt(d, p, lower) ? null : /\s(?:who|that)\s+[^,;:.!?“”"()]{1,90}$/u.exec(text.slice(Math.max(lower, p - 100), p));
  if (bare) {
    const at = p - bare[0].length;
    const antecedent = mentionEndingAt(d, at, lower);
    const named = d.mentions.some((m) => m.start >= at && m.end <= p && m.entity);
    if (!named && antecedent?.entity && (antecedent.entity.kind === "role" || antecedent.entity.kind === "person") && acceptableSubject(d, antecedent)) {
      return { subject: antecedent, verb, how: "apposition" };
    }
  }
  let how: Found["how"] = "adjacent";
  for (let attempt = 0; attempt < 6 && p > lower; attempt++) {
    // A bracket right before: "Sen. Bernie Sanders (I-Vt.) said".
    const bracket = /\([^()]{1,40}\)\s*$/.exec(text.slice(Math.max(lower, p - 45), p));
    if (bracket) p -= bracket[0].length;
    const candidate = mentionEndingAt(d, p, lower);
    if (candidate) {
      // "Mara Dunn of Ashford, Kent says": the person, not where they live (rules/hometown.ts).
      const resident = hometownOwner(d, candidate, lower);
      if (resident && acceptableSubject(d, resident)) return { subject: resident, verb, how: "apposition" };
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
export const PASSIVE_REACH = 40;

/** " of the James Martin Center for Nonproliferation Studies ": an affiliation, capitalised words only. */
export const AFFILIATION = /^\s+(?:of|from|at)\s+(?:the\s+)?\p{Lu}[\p{L}’'.&-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*\p{Lu}[\p{L}’'.&-]*)*\s*$/u;

export const GOVERNED = /\b(?:of|from|in|at|for|with|by|to|on|about|against|over|under|near|than|into|across)\s+(?:(?:the|a|an)\s+)?$/i;

export function acceptableSubject(d: Discourse, m: Mention): boolean {
  const text = d.article.text;
  if (/^[’']s?\b/.test(text.slice(m.end, m.end + 2)) && m.type === "name") return false;
  const before = text.slice(Math.max(0, m.start - 16), m.start);
  if (GOVERNED.test(before) || /\b(?:the|a|an)\s*$/i.test(before) && m.type === "name" && m.entity?.kind === "organisation" && isPlaceName(m.entity.name)) return false;
  if (m.entity?.kind === "organisation" && isPlaceName(m.entity.name) && /,\s*$/.test(before)) return false;
  return true;
}
/** "it said" (the latest body), "they said" / "we said" / a source (no speaker). */
export function pronounLike(d: Discourse, verb: Word, lower: number): Found | null {
  const text = d.article.text;
  const ws = words(text, lower, verb.start);
  const prev = ws[ws.length - 1];
  if (!prev || !/^\s*$/.test(text.slice(prev.end, verb.start))) return null;
  const l = prev.text.toLowerCase();
  if (l === "it") {
    const body = [...d.mentions].reverse().find((m) => m.start < prev.start && m.entity?.kind === "organisation" && !m.entity.place && m.paragraphIndex >= paragraphIndexAt(d, prev.start) - 2);
    return {
      subject: {
        type: "other",
        text: prev.text,
        entity: body?.entity ?? null,
        confidence: body ? IT_IS_THE_LATEST_BODY_CONFIDENCE : 0,
        evidence: body ? `'it' -> the latest body named: ${body.entity!.name}` : "'it' with no body named before",
      },
      verb,
      how: "adjacent",
    };
  }
  if (l === "they") {
    const body = theyMeansBody(d, prev, (sentence, before) => sentenceSubject(d, sentence, before));
    if (body) {
      const evidence = `'they' -> the body that is the subject before: ${body.entity!.name}`;
      return { subject: { type: "other", text: prev.text, entity: body.entity, confidence: THEY_ARE_THE_BODY_CONFIDENCE, evidence }, verb, how: "adjacent" };
    }
  }
  if (["they", "we", "i", "you", "sources", "officials", "source", "spokesman", "spokeswoman", "spokesperson", "critics", "analysts", "experts", "people", "others", "some", "aides"].includes(l)) {
    return { subject: { type: "other", text: prev.text, entity: null, confidence: 0, evidence: `'${prev.text}' names no one` }, verb, how: "adjacent" };
  }
  return null;
}

/**
 * Words between a subject and its reporting verb that tell when, or that hand over to the verb: "Beck on
 * Wednesday called", "Trump last week said", "Byrne went on to say", "Allen did suggest", "a spokesman could
 * only quip". Returns where the subject ends once they are skipped (perhaps several: "Trump on Monday also said").
 */
export function skipBetweenSubjectAndVerb(text: string, lower: number, p: number): number {
  for (let guard = 0; guard < 4; guard++) {
    const m = BETWEEN_SUBJECT_AND_VERB.exec(text.slice(Math.max(lower, p - 60), p));
    if (!m) return p;
    p -= m[0].length;
    while (p > lower && /\s/.test(text[p - 1]!)) p--;
    // A modifier before the skipped words ("Trump also last week said").
    const before = /\s(?:also|then|later|again|previously|recently|earlier|once)\s*$/i.exec(text.slice(Math.max(lower, p - 14), p));
    if (before) p -= before[0].length;
  }
  return p;
}

const WHEN = String.raw`(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this|earlier\s+this|late\s+last|earlier\s+last)\s+(?:week|month|year|night|weekend|morning|afternoon|evening|spring|summer|fall|autumn|winter)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:night|morning|afternoon|evening))`;
const HANDING_OVER = String.raw`(?:(?:went|goes|go|has\s+gone|had\s+gone)\s+on\s+to|(?:continued|continues|was\s+quick|were\s+quick|is\s+quick|seemed|seems|appeared|appears|hastened|proceeded|went\s+so\s+far\s+as)\s+to|(?:could|would|can|will|did|does|do)(?:\s+(?:only|also|just|then|later))?)`;
const BETWEEN_SUBJECT_AND_VERB = new RegExp(String.raw`\s(?:${WHEN}|${HANDING_OVER})\s*$`, "u");
