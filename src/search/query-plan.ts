/**
 * A /sources query as the index searches it: clauses of index terms (one per meaningful word, or one per
 * spelled-out acronym: "prisoners of war" searches "pow", which every passage spelling it out also carries)
 * and exact phrases, folded.
 */
import { contentTerms, normalizeTerm, type Lexicon } from "../text/analysis.js";
import { foldPhrase } from "./excerpt.js";
import type { SourceQuery } from "./types.js";

export interface Clause {
  /** The index term searched. */
  term: string;
  /** The words of the query it stands for, as typed (for hints). */
  typed: string;
}

export interface QueryPlan {
  clauses: Clause[];
  /** Folded phrases that a passage must contain. */
  phrases: string[];
  /**
   * Plain word terms of the phrases: a passage lacking one cannot contain its phrase, so the (costly) text
   * check is skipped for it. Acronym concepts are left out (a passage gets those only through the lexicon).
   */
  phraseTerms: string[];
}

/** A query is at most 1,000 characters; beyond this many distinct terms, more words only slow it down. */
export const MAX_CLAUSES = 32;

export function planQuery(query: Pick<SourceQuery, "words" | "phrases">, lexicon: Lexicon): QueryPlan {
  const clauses: Clause[] = [];
  const seen = new Set<string>();
  const phraseTerms = new Set<string>();
  const add = (term: string, typed: string) => {
    if (seen.has(term) || clauses.length >= MAX_CLAUSES) return;
    seen.add(term);
    clauses.push({ term, typed });
  };
  // Words and phrases are analysed as separate texts so that an acronym is never spelled across them.
  [query.words.join(" "), ...query.phrases].forEach((text, textIndex) => {
    const terms = contentTerms(text);
    for (let i = 0; i < terms.length; ) {
      const t = terms[i]!;
      const concept = lexicon.matchesAt(terms, i)[0];
      if (concept) {
        add(concept.concept, text.slice(t.start, terms[i + concept.length - 1]!.end));
        i += concept.length;
      } else {
        add(t.term, text.slice(t.start, t.end));
        if (textIndex > 0 && seen.has(t.term) && sameTermInAnyCase(text.slice(t.start, t.end))) phraseTerms.add(t.term);
        i++;
      }
    }
  });
  const phrases = query.phrases.map(foldPhrase).filter((p) => p.length > 0);
  return { clauses, phrases, phraseTerms: phrases.length > 0 ? [...phraseTerms] : [] };
}

/**
 * Phrases match on folded text, whatever the case, but a few words index differently by case ("AIDS" is an
 * acronym, "aids" the plural of "aid"): only words that index the same in every case can rule a passage out.
 */
function sameTermInAnyCase(word: string): boolean {
  const lower = normalizeTerm(word.toLowerCase());
  return lower !== null && normalizeTerm(word.toUpperCase()) === lower && normalizeTerm(word) === lower;
}

/** Whether a text has anything to search for once stop words and punctuation are set aside. */
export function hasSearchableContent(text: string): boolean {
  return contentTerms(text).length > 0;
}
