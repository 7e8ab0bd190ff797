/**
 * Rule "named at the clause's start": “…,” Dr Mark Tuffy games systems director at digital content firm THX told
 * the BBC. The clause after the quotation opens with a person's name and reaches its reporting verb through an
 * apposition written without commas; nobody else is named in between, and no relative clause starts there.
 */
import { CONFIDENCE } from "./confidence.js";
import type { Discourse, Mention } from "../discourse.js";
import type { Word } from "../../text/words.js";

/** Surer than a sentence's subject, less sure than a name right at the verb. */
export const NAMED_AT_CLAUSE_START_CONFIDENCE = CONFIDENCE.namedAtClauseStart;

const NEW_CLAUSE = /\b(?:who|whom|which|that|and|but|while|when|because|after|before|if|as)\b|[;:.!?]/;

/** The person opening the clause whose reporting verb is `verb`, when the words between only describe them. */
export function namedAtClauseStart(d: Discourse, opener: Mention | null, verb: Word): Mention | null {
  if (!opener || opener.type !== "name" || opener.entity?.kind !== "person") return null;
  if (verb.start - opener.end > 90) return null;
  const between = d.article.text.slice(opener.end, verb.start);
  if (NEW_CLAUSE.test(between)) return null;
  const others = d.mentions.some((m) => m.start >= opener.end && m.end <= verb.start && m.entity && m.entity !== opener.entity && ((m.entity.kind === "person" && m.entity.sure) || m.entity.kind === "role"));
  return others ? null : opener;
}
