/** The digest of a period: what came into the corpus, grouped into stories, with who was quoted. */
import type { Quotation, QuotationKind } from "../quotes/types.js";
import type { Rendering } from "../statements/types.js";

/** A quotation picked for the digest: `article.text.slice(start, end) === text`. */
export type DigestQuote = Pick<Quotation, "doc" | "start" | "end" | "text" | "speaker" | "kind" | "cue" | "confidence" | "paragraph">;

/** One statement worded differently by different outlets, among the story's documents. */
export interface DigestVariant {
  speaker: string | null;
  /** Primary source first. Each verbatim from its document. */
  renderings: Rendering[];
  wordings: number;
  /** Distinct outlets (documents without an outlet count as one each). */
  outlets: number;
  /** How the first rendering is quoted (from the quotation that holds it; "partial" when none does). */
  kind: QuotationKind;
}

export interface DigestStory {
  /** The headline of the story's most central (or primary) article. */
  title: string;
  /** The story's documents, most central first. */
  docs: string[];
  /** Distinct outlets, in the order of `docs`. */
  outlets: string[];
  /** Notable quotations, best first. */
  quotes: DigestQuote[];
  variants: DigestVariant[];
}

export interface DigestTemplated {
  /** "Company results". */
  label: string;
  articles: number;
  /** One per company or name ("Texas Eastern"), most recent first. */
  items: Array<{ name: string; docs: string[] }>;
}

export interface DigestSpeaker {
  name: string;
  /** Quotations attributed to them among the new articles. */
  quotes: number;
}

/** What a citation needs to know about a document. */
export interface DigestDocument {
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  /** "feed-summary": a feed item whose page was not fetched (its text is the feed's summary). */
  origin?: "feed-summary";
}

export interface Digest {
  /** ISO date-times. */
  from: string;
  to: string;
  /** Posted after its time (the bot was down when it was due). */
  late: boolean;
  /** How many new articles the period has. */
  articles: number;
  /** New articles left out of the stories on a very busy period (the oldest ones; see compose.ts). */
  ungrouped: number;
  /**
   * New articles of the period still being read when the digest was composed (src/workers/digests.ts): not in it,
   * nor counted in `articles`. Absent when none.
   */
  reading?: number;
  /** Every story, the one a newsroom should care about most first (renderers cut them to fit). */
  stories: DigestStory[];
  /** Templated wire items (company results, dividends, ...), one line per kind; not among the stories. */
  templated: DigestTemplated[];
  /** Most quoted speakers first. */
  speakers: DigestSpeaker[];
  documents: Record<string, DigestDocument>;
}

/** The `dateline digest --json` contract (ARCHITECTURE.md). */
export interface DigestJson {
  from: string;
  to: string;
  stories: Array<{
    title: string;
    docs: string[];
    outlets: string[];
    /** `origin` added since: "feed-summary" for a quotation from a feed's summary, its page not fetched. */
    quotes: Array<{ doc: string; start: number; end: number; speaker: string | null; origin?: "feed-summary" }>;
    /** Added since: the story's documents that are feed summaries (their pages not fetched); absent when none. */
    feedSummaryDocs?: string[];
  }>;
  speakers: Array<{ name: string; quotes: number }>;
}
