/**
 * Rule "passive voice": in "Paul Grant was warned by Tom Reyes: “…”" the speaker is the agent after "by"; the
 * grammatical subject is the one warned, attacked or praised, never the speaker. Without an agent ("Grant was
 * criticised as “…”") the words are nobody's we can name.
 */
import { words, type Word } from "../../text/words.js";

/** Passive auxiliaries, perhaps with an adverb before the participle ("was sharply criticised"). */
const AUXILIARY = /\b(?:was|were|is|are|been|being|be|get|got|gets)\s+(?:[a-z]+ly\s+)?$/i;
/** Participles a reporting verb takes in the passive ("warned", "told", "quoted"). */
const PARTICIPLE = /^(?:[a-z]+ed|told|written|spoken|taken|shown|heard|given)$/;

export interface PassiveClause {
  /** Where the agent after "by" starts, or -1 when none is named. */
  agentFrom: number;
}

/** Whether `verb` is a passive participle ("was warned"); with where its agent ("by Tom Reyes") starts. */
export function passiveClause(text: string, verb: Word, lower: number): PassiveClause | null {
  if (!PARTICIPLE.test(verb.text.toLowerCase())) return null;
  if (!AUXILIARY.test(text.slice(Math.max(lower, verb.start - 24), verb.start))) return null;
  // "had been told" is still passive; "has said" never reaches here (no auxiliary "be").
  const next = words(text, verb.end, Math.min(text.length, verb.end + 40)).slice(0, 3);
  const by = next.findIndex((w) => w.text.toLowerCase() === "by");
  // "was warned by": "by" right after the verb, or after a short adverbial ("was told yesterday by").
  if (by >= 0 && /^[\s\p{Ll}]*$/u.test(text.slice(verb.end, next[by]!.start))) return { agentFrom: next[by]!.end };
  return { agentFrom: -1 };
}
