/**
 * Rule "unnamed subject": a sentence whose subject is someone the reporter does not name ("A foreign exchange
 * analyst at a major Japanese bank shared Baker's doubts.", "One trader said …") makes that unnamed person the one
 * a "he" or "she" in the next sentence most likely means. The people named later in that sentence (Baker, whose
 * doubts were shared) are objects, not the subject, so the pronoun must not go to them: it names no one a
 * newsroom could print, and is left without a speaker rather than credited to the wrong person.
 */
import type { Range } from "../../text/sentences.js";

/** Singular people reporters quote without a name. */
const HEADS =
  "analyst|economist|trader|dealer|banker|broker|strategist|investor|expert|observer|diplomat|official|source|executive|" +
  "lawyer|witness|resident|worker|officer|manager|spokesman|spokeswoman|spokesperson|insider|aide|adviser|advisor|activist|" +
  "businessman|businesswoman|farmer|doctor|teacher|student|voter|fan|supporter|critic|player|coach|director|member";
/** Words that end a subject's modifiers before its head: the head must come before any of them. */
const NOT_MODIFIERS = "of|by|for|at|in|on|with|from|to|the|a|an|and|or|who|that|which|said|says|told";
// The sentence opens with an indefinite article and at most four modifiers before the head noun.
const OPENING = new RegExp(
  String.raw`^\s*(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?!(?:${NOT_MODIFIERS})\b)[\p{L}-]+\s+){0,4}?(?:${HEADS})\b`,
  "u",
);

/** The unnamed subject that opens the sentence ("A foreign exchange analyst"), or null. */
export function unnamedSubject(text: string, sentence: Range): string | null {
  const match = OPENING.exec(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 120)));
  return match ? match[0].trim() : null;
}
