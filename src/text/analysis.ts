/**
 * Text analysis shared by the passage index and the quotation search: word tokens with offsets, folding
 * (case, diacritics, apostrophes), stop words, light English plural stemming, transliteration variants and
 * acronym concepts. Offsets always point into the text given; analysis never changes the text.
 */
import { table } from "../core/table.js";
import { foldText } from "./fold.js";
import { WORD_PATTERNS } from "./words.js";
import { analysisData } from "./analysis-data.js";

/** Bump when a change here would index the same text differently (it invalidates saved snapshots). */
export const ANALYSIS_VERSION = 6;

export interface Token {
  /** The word as written. */
  term: string;
  start: number;
  end: number;
}

/**
 * Dotted acronyms ("U.S.", "U.N.") first, then numbers with separators ("3.9", "4,000"), then words with
 * inner apostrophes ("Russia’s", "don't"): the index's words (src/text/words.ts).
 */
const WORD = new RegExp(WORD_PATTERNS.index);

/** Raw word tokens with their offsets in `text`. Hyphens and other punctuation separate words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // exec rather than matchAll, which copies the pattern on every call (once per passage).
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    tokens.push({ term: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

const cache = new Map<string, string | null>();
const CACHE_LIMIT = 200_000;
let acronymKeys: Set<string> | null = null;

/**
 * One word as the index knows it, or null for a stop word or a word with no letters or digits.
 * Folds case and diacritics, drops a possessive ("Russia’s" -> russia), maps transliteration variants to one
 * spelling (Kiev -> kyiv), and strips English plurals (bombardments -> bombardment, children -> child,
 * POWs -> pow). An upper-case glossary acronym stays a word even when it spells a stop word ("US", "WHO").
 */
export function normalizeTerm(term: string): string | null {
  const known = cache.get(term);
  if (known !== undefined) return known;
  const result = computeNormalizedTerm(term);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(term, result);
  return result;
}

/** The glossary's acronyms, folded ("pow", "us"). */
function glossaryAcronyms(): Set<string> {
  acronymKeys ??= new Set(analysisData().glossary.map((g) => foldText(g.acronym)));
  return acronymKeys;
}

function computeNormalizedTerm(raw: string): string | null {
  const { stopWords, variants } = analysisData();
  const acronymKeys = glossaryAcronyms();
  // "U.S." -> "US"; a number keeps its separators ("3.9" is not "39").
  const word = /^(?:\p{Lu}\.){2,}$/u.test(raw) ? raw.replace(/\./g, "") : raw;
  const allCaps = /^\p{Lu}{2,}$/u.test(word);
  const pluralAcronym = /^\p{Lu}{2,}s$/u.test(word);
  let folded = foldText(word).replace(/[’‘]/g, "'");
  folded = folded.replace(/'s$/, "").replace(/'/g, "");
  // Single letters and digits match too much to be worth searching ("3" of "3.9 pct" is everywhere).
  if (folded.length < 2) return null;
  if (allCaps && acronymKeys.has(folded)) return folded;
  if (pluralAcronym) {
    const single = folded.slice(0, -1);
    if (acronymKeys.has(single) || !stopWords.has(single)) return variants.get(single) ?? single;
  }
  if (stopWords.has(folded)) return null;
  const variant = variants.get(folded);
  if (variant) return variant;
  // Short all-caps words are acronyms ("AIDS" is not the plural of "aid"); longer ones are shouting.
  if (allCaps && folded.length <= 5) return folded;
  const stemmed = stem(folded);
  if (stopWords.has(stemmed)) return null;
  return variants.get(stemmed) ?? stemmed;
}

const IRREGULAR = table<string>({
  children: "child", men: "man", women: "woman", mice: "mouse", geese: "goose", feet: "foot",
  teeth: "tooth", lives: "life", wives: "wife", knives: "knife", thieves: "thief", halves: "half",
  wolves: "wolf", crises: "crisis", analyses: "analysis", theses: "thesis", criteria: "criterion",
  phenomena: "phenomenon", spokesmen: "spokesman", spokeswomen: "spokeswoman", policemen: "policeman",
  servicemen: "serviceman", congressmen: "congressman", chairmen: "chairman", businessmen: "businessman",
});

/** Words that end in "s" but are not plurals of another word. */
const NOT_PLURAL = new Set([
  "news", "series", "species", "means", "politics", "economics", "physics", "athletics", "always",
  "perhaps", "whereas", "across", "besides", "towards", "afterwards", "sometimes", "nevertheless",
  "headquarters", "lens", "gas", "bus", "yes", "thus", "plus", "chaos", "mathematics", "diabetes",
  "measles", "herpes", "texas", "paris", "athens", "wales", "brussels", "los", "angeles", "isis", "hamas",
]);

/** Light English stemming: plurals only (a conservative S-stemmer), so names are left alone. */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || !word.endsWith("s") || NOT_PLURAL.has(word)) return word;
  if (/[^\p{L}]/u.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4 && !/[ae]ies$/.test(word)) return word.slice(0, -3) + "y";
  if (/(?:ches|shes|sses|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us|is|ous)$/.test(word)) return word;
  return word.slice(0, -1);
}

/** An analyzed word: the index term, where it stands, and whether a sentence break precedes it. */
export interface Term {
  term: string;
  start: number;
  end: number;
  /** A sentence break (. ! ? ; : or a line break) lies between this term and the previous one. */
  breakBefore: boolean;
}

/**
 * Whether a text is set in capitals ("U.S. TRADE DEFICIT WIDENS", a wire headline): then its words are read
 * as ordinary words (RATES = rates), not as acronyms, except the glossary's own acronyms.
 */
function isShouting(text: string): boolean {
  // Counted in one pass without collecting the letters (this runs for every passage): ASCII directly, other
  // characters one code point at a time, as a Unicode regex reads them.
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x61 && code <= 0x7a) letters++;
      else if (code >= 0x41 && code <= 0x5a) {
        letters++;
        upper++;
      }
      continue;
    }
    const point = text.codePointAt(i)!;
    if (point > 0xffff) i++;
    const ch = String.fromCodePoint(point);
    if (LETTER.test(ch)) {
      letters++;
      if (ch !== ch.toLowerCase()) upper++;
    }
  }
  if (letters < 12) return false;
  return upper / letters > 0.7;
}

const LETTER = /\p{L}/u;

/** Whether text[from, to) holds a sentence break: . ! ? ; : or a line break. */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b || code === 0x3a || code === 0x0a) return true;
  }
  return false;
}

/**
 * Whether a word of a text set in capitals is a glossary acronym. One that is also a common word ("US", "WHO",
 * "IT") is one only with evidence: dots ("U.S."); otherwise it is the word ("TOLD US", "WHO SAID"). In cased
 * text around it, the capitals themselves are the evidence (normalizeTerm).
 */
function acronymInCapitals(raw: string): boolean {
  const folded = foldText(raw.replace(/\./g, ""));
  if (!glossaryAcronyms().has(folded)) return false;
  return raw.includes(".") || !analysisData().stopWords.has(folded);
}

/** `WORD`, for contentTerms alone (a global pattern keeps its place between matches: no sharing). */
const CONTENT_WORD = new RegExp(WORD.source, WORD.flags);

/** The index terms of `text` in order, with offsets (stop words and empty words dropped). */
export function contentTerms(text: string): Term[] {
  const terms: Term[] = [];
  let pendingBreak = false;
  let previousEnd = 0;
  const shouting = isShouting(text);
  // The tokens of `tokenize`, read straight from the pattern (no Token objects on the way).
  CONTENT_WORD.lastIndex = 0;
  for (let match = CONTENT_WORD.exec(text); match !== null; match = CONTENT_WORD.exec(text)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (!pendingBreak && hasBreak(text, previousEnd, start)) pendingBreak = true;
    previousEnd = end;
    const word = shouting && !acronymInCapitals(raw) ? raw.toLowerCase() : raw;
    const term = normalizeTerm(word);
    if (term === null) continue;
    terms.push({ term, start, end, breakBefore: pendingBreak });
    pendingBreak = false;
  }
  return terms;
}

/**
 * Acronym concepts: an acronym's index term ("pow") and the term sequences that spell it out
 * (["prisoner", "war"], ["war", "prisoner"]). A passage that spells one out also gets the acronym's term,
 * so that searching the acronym finds both, and a query that spells one out searches the acronym's term.
 */
export class Lexicon {
  private readonly byFirst = new Map<string, Array<{ concept: string; sequence: string[] }>>();
  private readonly known = new Set<string>();

  /** Adds "POW" = "prisoner of war"; returns false when the pair cannot be used (stop word, one word). */
  add(acronym: string, expansion: string): boolean {
    const concept = normalizeTerm(acronym);
    const sequence = contentTerms(expansion).map((t) => t.term);
    if (!concept || sequence.length < 2 || sequence.includes(concept)) return false;
    const key = concept + "=" + sequence.join(" ");
    if (this.known.has(key)) return false;
    this.known.add(key);
    const first = sequence[0]!;
    const list = this.byFirst.get(first) ?? [];
    list.push({ concept, sequence });
    this.byFirst.set(first, list);
    return true;
  }

  /** Every concept whose expansion starts at `terms[i]`, with the number of terms it covers. */
  matchesAt(terms: readonly Term[], i: number): Array<{ concept: string; length: number }> {
    const candidates = this.byFirst.get(terms[i]!.term);
    if (!candidates) return [];
    const found: Array<{ concept: string; length: number }> = [];
    for (const { concept, sequence } of candidates) {
      if (i + sequence.length > terms.length) continue;
      let ok = true;
      for (let k = 1; k < sequence.length && ok; k++) {
        const t = terms[i + k]!;
        ok = t.term === sequence[k] && !t.breakBefore;
      }
      if (ok) found.push({ concept, length: sequence.length });
    }
    return found.sort((a, b) => b.length - a.length);
  }

  /** The pairs as added, e.g. for a snapshot or a copy. */
  entries(): Array<{ concept: string; sequence: string[] }> {
    return [...this.byFirst.values()].flat();
  }

  copy(): Lexicon {
    const other = new Lexicon();
    for (const [first, list] of this.byFirst) other.byFirst.set(first, list.slice());
    for (const key of this.known) other.known.add(key);
    return other;
  }

  /** Adds an already-normalized pair (from `entries()`). */
  addNormalized(concept: string, sequence: string[]): void {
    const key = concept + "=" + sequence.join(" ");
    if (this.known.has(key) || sequence.length < 2) return;
    this.known.add(key);
    const list = this.byFirst.get(sequence[0]!) ?? [];
    list.push({ concept, sequence });
    this.byFirst.set(sequence[0]!, list);
  }
}

let glossary: Lexicon | null = null;

/** The newsroom glossary (data/acronyms.tsv) as a Lexicon. */
export function glossaryLexicon(): Lexicon {
  if (!glossary) {
    glossary = new Lexicon();
    for (const { acronym, expansions } of analysisData().glossary) {
      for (const expansion of expansions) glossary.add(acronym, expansion);
    }
  }
  return glossary;
}

/**
 * Index terms with offsets, plus one acronym term for each spelled-out expansion (spanning its words):
 * "prisoners of war" gives prisoner, war and pow.
 */
export function analyzeTerms(text: string, lexicon: Lexicon = glossaryLexicon()): Array<Omit<Term, "breakBefore">> {
  const out: Array<Omit<Term, "breakBefore">> = [];
  eachAnalyzedTerm(text, lexicon, (term, start, end) => out.push({ term, start, end }));
  return out;
}

/** The terms of analyzeTerms, in its order, handed to `emit` one by one. */
function eachAnalyzedTerm(text: string, lexicon: Lexicon, emit: (term: string, start: number, end: number) => void): void {
  const terms = contentTerms(text);
  // "International Committee of the Red Cross" spells ICRC out twice over (in full and as "Red Cross"): once.
  let coveredUntil: Map<string, number> | null = null;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    emit(t.term, t.start, t.end);
    for (const { concept, length } of lexicon.matchesAt(terms, i)) {
      coveredUntil ??= new Map();
      if ((coveredUntil.get(concept) ?? -1) > t.start) continue;
      const end = terms[i + length - 1]!.end;
      coveredUntil.set(concept, end);
      emit(concept, t.start, end);
    }
  }
}

/** The terms of `text` ready for the index. */
export function analyze(text: string, lexicon: Lexicon = glossaryLexicon()): string[] {
  const out: string[] = [];
  eachAnalyzedTerm(text, lexicon, (term) => out.push(term));
  return out;
}
