import type { Marks } from "../core/reply.js";
import type { Hearsay } from "./hearsay.js";

export type QuotationKind = "direct" | "partial" | "transcript";

/** One quotation: `article.text.slice(start, end) === text` (quotation marks excluded). */
export interface Quotation {
  /** `${doc}#q${n}`, stable for a given text. */
  id: string;
  doc: string;
  start: number;
  end: number;
  text: string;
  /** Canonical full name of the person or body, or null where unknown. */
  speaker: string | null;
  kind: QuotationKind;
  /** The reporting verb as written ("said", "added", "told"), or null. */
  cue: string | null;
  /** The words that named the speaker here ("he", "the diplomat", "Lavrov"), or null. */
  mention: string | null;
  /** 0..1: how sure the attribution is. */
  confidence: number;
  /** 1-based paragraph number where the quotation starts. */
  paragraph: number;
  /** A short human-readable reason for the attribution ("pronoun 'he' -> last named man: Sergey Lavrov"). */
  evidence: string;
  /** Reported second-hand, alleged or denied (hearsay.ts), or null for words the reporter attributes directly. */
  hearsay?: Hearsay | null;
}

export interface Speaker {
  /** Canonical full name ("Sergey Lavrov"). */
  name: string;
  /** Other ways the corpus or a user may name them: surname, transliterations, without diacritics, honorifics. */
  aliases: string[];
  /** A role is an unnamed official speaking for an organisation ("Home Office spokesman"). */
  kind: "person" | "organisation" | "role";
  gender: "male" | "female" | null;
  /** How many quotations are attributed to them. */
  quotes: number;
  /** For a role: the organisation's name ("Home Office"); its quotations are also the organisation's. */
  organisation?: string;
}

export interface SpeakerMatch {
  speaker: Speaker;
  /** How many of the leading words were read as the speaker's name. */
  consumed: number;
}

export interface SpeakerRegistry {
  readonly speakers: readonly Speaker[];
  /** Exact (folded, variant-tolerant) lookup of a full name or alias. */
  resolve(name: string): Speaker | null;
  /** The longest run of leading words that names a known speaker. */
  matchLeading(words: readonly string[]): SpeakerMatch | null;
  /** Close speakers for a misspelled or unknown name, best first; also serves autocomplete (prefix match). */
  suggest(text: string, limit: number): Speaker[];
}

export interface QuoteQuery {
  /** Canonical speaker name, when the query named one. */
  speaker: string | null;
  /** Topic words and phrases. */
  words: string[];
  phrases: string[];
  /** Only quotations of articles from this outlet (a part of its name, case and accents ignored). */
  outlet?: string;
  /** Only quotations of articles published on or after / on or before this day (YYYY-MM-DD). */
  after?: string;
  before?: string;
  /** "new": newest article first. Default: by relevance to the words; with no topic word, a speaker's newest first. */
  sort?: "relevance" | "new";
}

/**
 * Where a topic was found: in the quoted words, else in the sentence attributing the quotation, else in its
 * paragraph, else in its article.
 */
export type TopicMatch = "words" | "sentence" | "paragraph" | "article";

export interface QuoteHit {
  quotation: Quotation;
  score: number;
  /** Topic words matched, as ranges inside `quotation.text`. */
  marks: Marks;
  /** Where the topic was found; null when the query had no topic word. */
  match: TopicMatch | null;
  /** Ids of the same words by the same speaker in other articles (wire copies), folded into this one, best first. */
  copies: string[];
}

/** Someone the article names, for the speaker registry. */
export interface NamedInArticle {
  /** The fullest form used in the article. */
  name: string;
  kind: "person" | "organisation" | "role";
  gender: "male" | "female" | null;
  /** For a role ("Home Office spokesman"): the organisation it speaks for. */
  organisation?: string;
  /** Every form the article uses for them, titles dropped ("Sergei Lavrov", "Lavrov"). */
  forms: string[];
  /** Titled forms ("Russian Foreign Minister Sergei Lavrov"). */
  titled: string[];
  /** Surely a person (titled or with a known first name) rather than a place or thing. */
  sure: boolean;
}

/** One article's quotations and the people it names (article-quotes.ts). */
export interface ArticleQuotes {
  quotations: Quotation[];
  named: NamedInArticle[];
}
