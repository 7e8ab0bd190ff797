/**
 * /compare from the query: the renderings of the one statement asked about, grouped among the articles that can
 * hold it, instead of every statement of the archive (tens of seconds on a wire archive, for one answer).
 *
 * 1. The speaker the query names first ("Volcker interest rates"), read as /quote reads it. Only that speaker's
 *    statements answer: a statement by someone else never stands against the speaker asked about.
 * 2. Candidate articles: those the passage index finds for the words (with and without the speaker's name), those
 *    holding quotations (the speaker's) whose words match, then, once a statement is found, those the index finds for its own
 *    words (a report that words it differently from the query). A corpus small enough is taken whole.
 * 3. The candidates are grouped as the archive's statements are (group.ts), with every document a text of its
 *    own: a wire story carried word for word by two outlets is two renderings of it, never dropped as a copy.
 */
import type { Article } from "../corpus/types.js";
import type { QuoteBook } from "../quotes/quote-book.js";
import type { Quotation } from "../quotes/types.js";
import type { SourceSearch } from "../search/types.js";
import { statementSteps } from "./group.js";
import type { Steps } from "./steps.js";
import { contentTerms } from "./terms.js";
import type { Statement, StatementIndex } from "./types.js";
import type { GroupedQuotation } from "./units.js";

/** What comparing needs from a newsroom (a Newsroom is one). */
export interface CompareServices {
  articles(): readonly Article[];
  article(doc: string): Article | undefined;
  readonly sources: SourceSearch;
  readonly quotes: QuoteBook;
}

export interface AskedStatement {
  /** The speaker the query names (canonical), or null. */
  speaker: string | null;
  /** The query's other words. */
  topic: string;
}

/** Up to this many articles the whole corpus is grouped (a small newsroom: the answer is the archive's own). */
const WHOLE_CORPUS = 600;
/** Articles taken from each search of the passage index. */
const SEARCH_DEPTH = 120;
/** Quotations taken from the quote book's search. */
const QUOTATIONS = 60;
/** Quotations a speaker needs for a name typed in lower case to be read as theirs. */
const OFTEN_QUOTED = 5;
/** Content words of the statement found that search for its other renderings. */
const EXPANSION_WORDS = 12;

/** The speaker named by the query's first words, and the rest. */
export function askedStatement(query: string, quotes: QuoteBook): AskedStatement {
  const words = query.split(/\s+/).filter(Boolean);
  const match = quotes.speakers.matchLeading(words);
  if (!match || match.consumed >= words.length) return { speaker: null, topic: query };
  // "exchange rates …" is no "American Stock Exchange", "dollar" no "Mr Dollar": a name typed in lower case is
  // read as one only for a speaker the corpus quotes often.
  const typed = words.slice(0, match.consumed);
  const lowerCase = typed.every((w) => !/^\p{Lu}/u.test(w));
  if (lowerCase && match.speaker.quotes < OFTEN_QUOTED) return { speaker: null, topic: query };
  return { speaker: match.speaker.name, topic: words.slice(match.consumed).join(" ") };
}

/** The statement the query asks about among the candidate articles, as steps (see steps.ts). */
export function* compareSteps(query: string, services: CompareServices, options: { wholeCorpus?: number } = {}): Steps<Statement | null> {
  const plan = comparePlan(query, services, options);
  yield;
  const first = yield* bestStatement(query, plan.asked, statementSteps(plan.articles(), plan.quotations(), { duplicates: false }));
  if (!first || !widen(first, plan, services)) return first;
  yield;
  return (yield* bestStatement(query, plan.asked, statementSteps(plan.articles(), plan.quotations(), { duplicates: false }))) ?? first;
}

/**
 * Groups a few articles (every article a text of its own) elsewhere (a worker thread, src/workers/grouping.ts);
 * resolves with null when it cannot now (no idle worker), and the grouping is then done here.
 */
export type GroupElsewhere = (articles: readonly Article[], quotations: readonly GroupedQuotation[]) => Promise<StatementIndex> | null;

/**
 * `compareSteps` with each grouping done by `elsewhere` when it can (a worker thread), in time slices here
 * (`slices`) when it cannot: the same statement, the same candidates.
 */
export async function compareElsewhere(
  query: string,
  services: CompareServices,
  elsewhere: GroupElsewhere,
  slices: (steps: Steps<StatementIndex>) => Promise<StatementIndex>,
  options: { wholeCorpus?: number } = {},
): Promise<Statement | null> {
  const plan = comparePlan(query, services, options);
  const best = async () => {
    const articles = plan.articles();
    const quotations = plan.quotations();
    const here = () => slices(statementSteps(articles, quotations, { duplicates: false }));
    // A worker that fails (a crash) leaves the grouping to this thread.
    const index = await (elsewhere(articles, quotations)?.catch(here) ?? here());
    return index.find(query, { speaker: plan.asked.speaker });
  };
  const first = await best();
  if (!first || !widen(first, plan, services)) return first;
  return (await best()) ?? first;
}

/** What is compared: the speaker asked about, and the candidate articles (all of a small corpus). */
interface ComparePlan {
  asked: AskedStatement;
  /** The candidates, when the corpus is not taken whole. */
  docs: Set<string> | null;
  surname: string[];
  articles(): readonly Article[];
  quotations(): readonly Quotation[];
}

function comparePlan(query: string, services: CompareServices, options: { wholeCorpus?: number }): ComparePlan {
  const asked = askedStatement(query, services.quotes);
  const all = services.articles();
  const surname = asked.speaker ? wordsOf(asked.speaker).slice(-1) : [];
  if (all.length <= (options.wholeCorpus ?? WHOLE_CORPUS)) {
    return { asked, docs: null, surname, articles: () => all, quotations: () => services.quotes.quotations };
  }
  const docs = new Set<string>();
  const topicWords = wordsOf(asked.topic);
  searchInto(docs, services.sources, topicWords);
  if (surname.length > 0) searchInto(docs, services.sources, [...surname, ...topicWords]);
  // Quotations whose own words match (the speaker's, when the query names one): a wire archive has hundreds of
  // stories on "exchange rates", and the passage index ranks them by the story, not by the quoted words.
  const quoted = services.quotes.search({ speaker: asked.speaker, words: topicWords, phrases: [] }, { offset: 0, limit: QUOTATIONS });
  for (const hit of quoted.hits) docs.add(hit.quotation.doc);
  return { asked, docs, surname, articles: () => articlesOf(docs, services), quotations: () => quotationsOf(docs, services.quotes) };
}

/**
 * Reports that word the statement differently from the query, found by the statement's own words and added to
 * the candidates: true when there are new ones (the candidates are grouped again).
 */
function widen(first: Statement, plan: ComparePlan, services: CompareServices): boolean {
  if (!plan.docs) return false;
  const before = plan.docs.size;
  for (const r of first.renderings) {
    const words = [...new Set(contentTerms(r.text).map((t) => t.folded))].slice(0, EXPANSION_WORDS);
    searchInto(plan.docs, services.sources, [...plan.surname, ...words]);
  }
  return plan.docs.size !== before;
}

function* bestStatement(query: string, asked: AskedStatement, grouping: Steps<StatementIndex>): Steps<Statement | null> {
  const index = yield* grouping;
  return index.find(query, { speaker: asked.speaker });
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

function searchInto(docs: Set<string>, sources: SourceSearch, words: readonly string[]): void {
  if (words.length === 0) return;
  for (const hit of sources.search({ words: [...words], phrases: [] }, { offset: 0, limit: SEARCH_DEPTH }).hits) docs.add(hit.doc);
}

function articlesOf(docs: ReadonlySet<string>, services: CompareServices): Article[] {
  const out: Article[] = [];
  for (const doc of docs) {
    const article = services.article(doc);
    if (article) out.push(article);
  }
  return out;
}

function quotationsOf(docs: ReadonlySet<string>, quotes: QuoteBook): Quotation[] {
  return quotes.quotations.filter((q) => docs.has(q.doc));
}
