/**
 * Rule "they are the body": "The Ridley campaign hit back on Friday. “The attack is false,” they said." A "they"
 * whose nearest subject is an organisation, or a body such as a campaign or an office, is that body; a newsroom
 * prints it ("Ridley campaign"). Only the grammatical subject counts, of the pronoun's own sentence or of one of
 * the two before it: the first subject met decides, and a person there (or none within reach) leaves "they"
 * naming no one, as before.
 */
import type { Discourse, Entity, Mention } from "../discourse.js";
import type { Range } from "../../text/sentences.js";
import type { Word } from "../../text/words.js";
import { isPlaceName, paragraphIndexAt } from "./clause-reading.js";
import { CONFIDENCE } from "./confidence.js";
import { isBodyHead } from "./role-speaker.js";

/** "they said" for the body that is the nearest subject. */
export const THEY_ARE_THE_BODY_CONFIDENCE = CONFIDENCE.theyAreTheBody;

/** How many sentences before the pronoun's own are read. */
const SENTENCES_BACK = 2;

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
    return isBody(subject.entity) ? subject : null;
  }
  return null;
}
