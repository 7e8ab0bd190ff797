/**
 * Rule "they are the body": "The Ridley campaign hit back on Friday. “The attack is false,” they said." A "they"
 * whose nearest subject is an organisation, or a body such as a campaign or an office, is that body; a newsroom
 * prints it ("Ridley campaign"). Only the grammatical subject counts, of the pronoun's own sentence or of one of
 * the two before it: the first subject met decides, and a person there (or none within reach) leaves "they"
 * naming no one, as before; so does anyone else reported speaking between the body and the pronoun.
 */
import type { Discourse, Entity, Mention } from "../discourse.js";
import type { Range } from "../../text/sentences.js";
import type { Word } from "../../text/words.js";
import { SPEECH_VERBS } from "../lexicon.js";
import { isPlaceName, outsideWords, paragraphIndexAt } from "./clause-reading.js";
import { CONFIDENCE } from "./confidence.js";
import { isBodyHead } from "./role-speaker.js";

/** "they said" for the body that is the nearest subject. */
export const THEY_ARE_THE_BODY_CONFIDENCE = CONFIDENCE.theyAreTheBody;

/** How many sentences before the pronoun's own are read. */
const SENTENCES_BACK = 2;

/** Verbs a body as subject is most often followed by; a lower-case word that is none of them may be a noun it modifies. */
const SUBJECT_VERBS = /^(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|did|does|do|says|said|hit|put|set|cut|made|told|won|lost|took|gave|sent|saw|came|went|got|kept|left|met|ran|sold|bought|brought|thought|felt|found|held|began|became|also|then|now|still|on|last|yesterday|today|\p{Ll}+ed)$/u;

/** "The TV display manufacturers want …": "TV" is no subject; "The Tories said", "Acme, the maker of …," are. */
function actsAsSubject(d: Discourse, m: Mention): boolean {
  const next = /^\s*([\p{L}-]+|[,(—–])/u.exec(d.article.text.slice(m.end, m.end + 40))?.[1] ?? "";
  if (/^[,(—–]$/u.test(next)) return true;
  return /^\p{Ll}/u.test(next) && SUBJECT_VERBS.test(next);
}

function isBody(e: Entity): boolean {
  if (e.kind === "organisation") return !e.place && !isPlaceName(e.name);
  return e.kind === "role" && [...e.descriptors].some(isBodyHead);
}

/** The sentences to read, nearest first: the pronoun's own (up to it), then those before in its paragraph and the one before. */
function sentencesBefore(d: Discourse, at: number): Array<{ range: Range; before: number }> {
  const pi = paragraphIndexAt(d, at);
  const own = d.sentences.get(pi) ?? [];
  const earlier = [...(d.sentences.get(pi - 1) ?? [])];
  const list = [...earlier, ...own].filter((r) => r.start <= at);
  return list
    .reverse()
    .slice(0, SENTENCES_BACK + 1)
    .map((range) => ({ range, before: Math.min(range.end, at) }));
}

/** The body a "they" standing at `they` means, or null. `subjectOf` reads a sentence's grammatical subject. */
export function theyMeansBody(d: Discourse, they: Word, subjectOf: (sentence: Range, before: number) => Mention | null): Mention | null {
  for (const { range, before } of sentencesBefore(d, they.start)) {
    const subject = subjectOf(range, before);
    if (!subject?.entity || subject.start >= they.start) continue;
    if (!isBody(subject.entity) || !actsAsSubject(d, subject)) return null;
    // "The ministry relaxed the rules, officials and diplomats said. They said …": others reported speaking after
    // the body are whom "they" most likely means.
    const between = outsideWords(d, subject.end, they.start).filter((w) => SPEECH_VERBS.has(w.text.toLowerCase()));
    const bodySpeaks = between.length > 0 && /^\s*$/.test(d.article.text.slice(subject.end, between[0]!.start));
    if (between.length > (bodySpeaks ? 1 : 0)) return null;
    return subject;
  }
  return null;
}
