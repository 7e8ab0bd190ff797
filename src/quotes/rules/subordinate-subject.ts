/**
 * Rule "subject of the clause": a naming verb inside a clause that does not open the sentence — "…, such as when
 * Pike knocked Dole on roads and called him a “dreamer”" / "The turning point came when Keller in his opening
 * remarks called the budget “a fiction”". The one who names is the person opening that clause, right after its
 * subordinating word, when nobody else is named between them and the verb except as an object of the first verb
 * ("knocked Dole") — and then only when the naming verb is coordinated ("and called"), so the object is not its
 * subject.
 */
import type { Discourse, Mention } from "../discourse.js";
import type { Range } from "../../text/sentences.js";
import type { Word } from "../../text/words.js";
import { CONFIDENCE } from "./confidence.js";

/** The person opening the subordinate clause of a naming verb: shown below the certain band. */
export const SUBORDINATE_SUBJECT_CONFIDENCE = CONFIDENCE.subordinateSubject;

const SUBORDINATOR = /\b(?:when|after|because|since|while|before|until|once|as|that)\s+$/i;

/** The person who opens the clause holding `verb`, or null. */
export function subordinateSubject(d: Discourse, sentence: Range, verb: Word): Mention | null {
  const text = d.article.text;
  const inClause = d.mentions.filter((m) => m.start >= sentence.start && m.end <= verb.start && m.entity);
  for (let i = inClause.length - 1; i >= 0; i--) {
    const m = inClause[i]!;
    if (m.type !== "name" || m.entity!.kind !== "person") continue;
    if (!SUBORDINATOR.test(text.slice(Math.max(sentence.start, m.start - 10), m.start))) continue;
    const between = text.slice(m.end, verb.start);
    // The clause goes on unbroken to the verb: no comma, semicolon or quotation in between.
    if (/[,;:“”"]/u.test(between)) return null;
    // A lower-case verb right after the name ("Pike knocked", "Keller in his remarks called").
    if (!/^\s+\p{Ll}/u.test(between)) return null;
    // Someone else named in between is an object: only when the naming verb is coordinated with the first one.
    const others = inClause.slice(i + 1).filter((x) => x.entity !== m.entity);
    if (others.length > 0 && !/\band\s+$/i.test(between)) return null;
    return m;
  }
  return null;
}
