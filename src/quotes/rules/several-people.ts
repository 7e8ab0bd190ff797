/**
 * Rule "several people": a quotation attributed by anything other than a name right at its reporting verb (a
 * pronoun, a continuation, a role or description, the sentence's subject, the paragraph before) is less sure when
 * its paragraph names other people too: one of them may be the speaker, the one credited only spoken about
 * ("the opposition leader's attack on Brown" must not read as Brown's words at 0.9).
 */
import { CONFIDENCE } from "./confidence.js";
import type { Discourse, Entity } from "../discourse.js";

/** The most an indirect attribution keeps when the paragraph names another person. */
export const SEVERAL_PEOPLE_CONFIDENCE = CONFIDENCE.severalPeople;
/** …and when it is a he/she: the nearest person of that gender is often not the one speaking. */
export const PRONOUN_SEVERAL_PEOPLE_CONFIDENCE = CONFIDENCE.pronounSeveralPeople;

/** The cap for an attribution whose paragraph names others. */
export function severalPeopleCap(evidence: string): number {
  return evidence.startsWith("pronoun ") ? PRONOUN_SEVERAL_PEOPLE_CONFIDENCE : SEVERAL_PEOPLE_CONFIDENCE;
}

/** Whether the paragraph names a person other than `speaker` outside quotation marks. */
export function othersNamed(d: Discourse, paragraphIndex: number, speaker: Entity): boolean {
  return d.mentions.some((m) => m.paragraphIndex === paragraphIndex && m.type === "name" && m.entity?.kind === "person" && m.entity.sure && m.entity !== speaker);
}
