/**
 * Rule "clause after": the reporting clause right after the quotation — “…,” he said / said Marija Zakharova /
 * the Russian Defense Ministry said / “…” ― Sonya Herridge / “…,” an angry Hollande retaliated.
 */
import type { Discourse } from "../discourse.js";
import { INVERTIBLE_VERBS, SPEECH_VERBS, isParticiple } from "../lexicon.js";
import type { Word } from "../../text/words.js";
import { type Found, insideMention, invertedSubject, mentionStartingAt, outsideWords, startsWithMention } from "./clause-reading.js";
import { NAMED_AT_CLAUSE_START_CONFIDENCE, namedAtClauseStart } from "./named-at-clause-start.js";
import { pronounLike, subjectBefore } from "./subject.js";

/** The reporting clause after the quotation: “…,” he said / said Marija Zakharova / the Russian Defense Ministry said. */
export function after(d: Discourse, from: number, to: number, partial = false): Found | null {
  const found = clauseAfter(d, from, to);
  if (found && partial && !belongsToFragment(d, found, from, to)) return null;
  return found;
}

const SUBORDINATORS = new Set(["when", "after", "before", "because", "since", "until", "although", "whereas", "unless"]);

/** Clause links that start a clause of its own: after them a name and a verb are someone else speaking. */
const NEW_CLAUSE = /\b(?:and|but|while|whereas)\s+(?:(?:then|later|also)\s+)?$/i;

/**
 * A fragment woven into a sentence ("Cruz said he'd make sand “glow in the dark,” for instance, and Trump vowed
 * …") owns the clause after it only when no new clause starts in between, and when that clause does not
 * introduce the next quotation ("After Scalia said they might do better at “less advanced schools,” Trump said:
 * “…”" is Scalia's fragment, and Trump's next quotation).
 */
function belongsToFragment(d: Discourse, found: Found, from: number, to: number): boolean {
  const text = d.article.text;
  const subjectStart = "start" in found.subject ? found.subject.start : found.verb.start;
  const end = Math.max(found.verb.end, "end" in found.subject ? found.subject.end : 0);
  // "…, and Trump vowed to “…”": a clause of its own, going on past its verb (not "…, and more, Ban said.").
  const goesOn = !/^\s*(?:[,.;!?]|$)/.test(text.slice(end, to));
  if (subjectStart < found.verb.start && NEW_CLAUSE.test(text.slice(Math.max(from, subjectStart - 14), subjectStart)) && goesOn) return false;
  return !(to < text.length && /^[“"‘]/u.test(text.slice(to, to + 1)) && /^[^.;!?“”"]*:\s*$/u.test(text.slice(end, to)));
}

function clauseAfter(d: Discourse, from: number, to: number): Found | null {
  const text = d.article.text;
  const ws = outsideWords(d, from, to).slice(0, 30);
  if (ws.length === 0) return null;
  const first = ws[0]!;
  // Only a clause that starts right after the quotation belongs to it.
  if (!/^[\s,.;:―—–-]*$/.test(text.slice(from, first.start))) return null;
  const firstLower = first.text.toLowerCase();
  // “That makes me smart,” when Clinton blasted him: a clause of time or cause tells what answered or prompted the
  // words, not who said them ("as" stays: “…,” as Blair put it).
  if (SUBORDINATORS.has(firstLower)) return null;
  // “…” ― Sonya Herridge: a quotation signed with a dash.
  if (/^\s*[―—–-]\s*$/.test(text.slice(from, first.start))) {
    const signed = d.mentions.find((m) => m.start === first.start && m.type === "name" && m.entity);
    if (signed) return { subject: signed, verb: { text: "―", start: from, end: first.start }, how: "adjacent" };
  }
  if (firstLower === "according" && ws[1]?.text.toLowerCase() === "to") {
    const m = mentionStartingAt(d, ws[1].end);
    if (m) return { subject: m, verb: first, how: "according" };
  }
  if (SPEECH_VERBS.has(firstLower)) {
    // Right after a quotation any finite reporting verb may come first: “…,” declares Stephanie Acs.
    if (isParticiple(firstLower) || /^(?:told|tells|tell|ask|urged|urges)$/.test(firstLower)) return null;
    const m = invertedSubject(d, first.end, to);
    // “…?” asked Dunn — the asker only when named right after the verb (“…” asked him to … is no clause).
    if (/^ask(?:ed|s)$/.test(firstLower)) {
      const adjacent = m?.type === "name" && /^\s+(?:[\p{Lu}][\p{L}.’'-]*\s+)*$/u.test(text.slice(first.end, m.start)) && /^\s*(?:(?:of|from)\s+\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*\s*)?(?:[,.;!?(—–]|$)/u.test(text.slice(m.end, to));
      return adjacent ? { subject: m, verb: first, how: "inverted" } : null;
    }
    return m ? { subject: m, verb: first, how: "inverted" } : null;
  }
  if (/^[a-z]+ed$/.test(first.text)) {
    const m = invertedSubject(d, first.end, to);
    if (m?.entity?.kind === "person" && m.type === "name" && /^\s+$/.test(text.slice(first.end, m.start).replace(/[\p{L}.]+/gu, (w) => (/^\p{Lu}/u.test(w) ? " " : w)))) {
      return { subject: m, verb: first, how: "inverted" };
    }
  }
  // "Dr Mark Tuffy …": a name opening the clause, perhaps after a title.
  const opening = startsWithMention(d, first.start) ?? (ws[1] && /^\p{Lu}/u.test(first.text) ? startsWithMention(d, ws[1].start) : null);
  const limit = opening ? 30 : 10;
  for (let i = 1; i < Math.min(ws.length, limit); i++) {
    const w = ws[i]!;
    const l = w.text.toLowerCase();
    if (!SPEECH_VERBS.has(l)) continue;
    if (insideMention(d, w)) continue;
    const found = subjectBefore(d, w, from) ?? pronounLike(d, w, from);
    const opener = namedAtClauseStart(d, opening, w);
    const byOpener: Found | null = opener && { subject: { ...opener, confidence: NAMED_AT_CLAUSE_START_CONFIDENCE, evidence: `named at the start of the clause: ${opener.text} … ${w.text}` }, verb: w, how: "clause start" };
    // "Dr Mark Tuffy games systems director at digital content firm THX told": the person, not their firm.
    const firm = found?.subject.entity;
    if (found && byOpener && firm && firm !== opener!.entity && (firm.kind === "organisation" || (!firm.sure && opener!.entity!.sure))) return byOpener;
    if (found) return found;
    const opened = openApposition(d, first, w);
    if (opened) return opened;
    if (byOpener) return byOpener;
    // “We’re extremely happy” about the decision, said RoseAnn DeMoro, …
    const inverted = INVERTIBLE_VERBS.has(l) ? invertedSubject(d, w.end, to) : null;
    // “… careless,” but said she should face no charges: "she" opens the reported clause, it is not inverted.
    if (inverted && startsClause(text.slice(inverted.end, to), inverted.type !== "name")) return null;
    return inverted ? { subject: inverted, verb: w, how: "inverted" } : null;
  }
  // “Go back to Univision,” Trump barked. — a name, then a verb we do not list, then the end of the clause.
  // "…" and donations began to pick up again last week, Gilbert said. — a clause closing the sentence.
  const all = outsideWords(d, from, to);
  const lastVerb = [...all].reverse().find((w) => SPEECH_VERBS.has(w.text.toLowerCase()) && !insideMention(d, w));
  if (lastVerb && all.length - all.indexOf(lastVerb) <= 3 && /^[\s\w]*[.!?]?\s*$/.test(text.slice(lastVerb.end, to))) {
    const found = subjectBefore(d, lastVerb, from);
    const subjectStart = found && "start" in found.subject ? found.subject.start : -1;
    if (found && found.how === "adjacent" && subjectStart >= from && /,\s*$/.test(text.slice(from, subjectStart))) {
      return { ...found, how: "apposition" };
    }
  }
  const closing = closingInvertedClause(d, lastVerb, from, to);
  if (closing) return closing;
  // “France will always be France,” an angry Hollande retaliated. / "…," Trump shot back.
  const lead = ws.slice(0, 4);
  const m = d.mentions.find((x) => x.type === "name" && lead.some((w) => w.start === x.start) && x.entity);
  // Only a determiner or an adjective may precede the name: "an angry Hollande", not "until the Iowa caucuses".
  const beforeName = m ? ws.filter((w) => w.start < m.start) : [];
  if (m && beforeName.every((w) => /^[a-z]+$/.test(w.text) && !CLAUSE_LINKS.test(w.text))) {
    const rest = ws.filter((w) => w.start >= m.end);
    const next = rest[0];
    const particle = rest[1] && /^(?:back|out|up|on|in)$/.test(rest[1].text) ? rest[1] : null;
    const endOfVerb = particle ? particle.end : (next?.end ?? 0);
    const verbLike = next !== undefined && (/^[a-z]+(?:ed|s)$/.test(next.text) || (particle !== null && /^(?:shot|fired|hit|struck|spoke|went|lashed)$/.test(next.text)));
    // The clause ends there, or goes on with an adverbial: "Trump barked and …", "Bennett shot back with a laugh".
    const ends = /^\s*(?:[,.;!?—–]|$)/.test(text.slice(endOfVerb, endOfVerb + 2));
    const goesOn = (/ed$/.test(next?.text ?? "") || particle !== null) && /^\s+(?:and|with|as|in|at|on|after|before|during|while|from|over|via)\b/.test(text.slice(endOfVerb, endOfVerb + 10));
    if (next && verbLike && /^\s*$/.test(text.slice(m.end, next.start)) && (ends || goesOn)) {
      return { subject: m, verb: next, how: "adjacent" };
    }
  }
  return null;
}

/** Whether the words after an inverted subject make it the subject of a new clause ("said she should go"). */
export function startsClause(rest: string, pronoun: boolean): boolean {
  if (/^\s+(?:should|would|could|will|can|may|might|must|is|was|are|were|has|had|have|did|does|do|wanted|wants|needs|needed)\b/.test(rest)) return true;
  // A pronoun is inverted only at the end of the clause: "…,” said he.
  return pronoun && !/^\s*(?:[,.;:!?)—–]|$)/.test(rest);
}

/**
 * “…,” Nate Silver, the polling guru who founded the site tweeted. — a person opening the clause, then an
 * apposition left unclosed before the verb, with nobody else named in it.
 */
export function openApposition(d: Discourse, first: Word, verb: Word): Found | null {
  const text = d.article.text;
  const m = startsWithMention(d, first.start);
  if (m?.type !== "name" || m.entity?.kind !== "person") return null;
  if (!/^,\s+\p{Ll}/u.test(text.slice(m.end, m.end + 3)) || isParticiple(verb.text.toLowerCase())) return null;
  if (/[.;:!?—–]\s/.test(text.slice(m.end, verb.start))) return null;
  const others = d.mentions.some((x) => x.start > m.end && x.end <= verb.start && x.entity?.kind === "person" && x.entity !== m.entity);
  return others ? null : { subject: m, verb, how: "apposition" };
}

/**
 * “These groups have been setting the table,” in sharp contrast to earlier years, says Dante Scala, a political
 * scientist. — an inverted clause ("said/says NAME") after a comma, closing the sentence, however far away.
 */
export function closingInvertedClause(d: Discourse, verb: Word | undefined, from: number, to: number): Found | null {
  const text = d.article.text;
  if (!verb || !INVERTIBLE_VERBS.has(verb.text.toLowerCase())) return null;
  if (!/,\s*$/.test(text.slice(Math.max(from, verb.start - 3), verb.start))) return null;
  const m = invertedSubject(d, verb.end, to);
  if (m?.type !== "name" || !m.entity) return null;
  // Only title words before the name, and nothing but an apposition after it.
  if (!/^\s+(?:[\p{L}.’'-]+\s+){0,4}$/u.test(text.slice(verb.end, m.start))) return null;
  if (!/^\s*(?:\([^()]*\)\s*)?(?:,[^“”"]*)?[.!?]?\s*$/u.test(text.slice(m.end, to))) return null;
  return { subject: m, verb, how: "closing" };
}

/** Prepositions and conjunctions: after them a name is an object or a new clause, not the speaker. */
export const CLAUSE_LINKS =
  /^(?:of|from|in|at|for|with|by|to|on|about|against|over|under|near|than|into|until|till|since|after|before|during|while|because|as|and|or|but|if|when|where|that|which|who|like|unlike|toward|towards|through|via|per|among|between)$/;
