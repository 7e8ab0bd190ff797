/**
 * The passage index behind /sources: one MiniSearch document per body paragraph (`doc#pN`) and one per
 * article for its title and headline lines (`doc#t`), analysed with analysis.ts. MiniSearch stores no text:
 * passages are read back from the Article by their offsets, so every excerpt is verbatim.
 */
import MiniSearch, { type Options, type SearchResult } from "minisearch";
import type { Article, Paragraph } from "../corpus/types.js";
import { learnAcronyms } from "./acronyms.js";
import { analyze, analyzeTerms, foldText, glossaryLexicon, type Lexicon } from "./analysis.js";
import { findPhrase, makeExcerpt, type Range } from "./excerpt.js";
import { nearestTerm } from "./near-term.js";
import { planQuery, type Clause, type QueryPlan } from "./query-plan.js";
import { DEFAULT_PLANNING, maxDocumentScore, neededClauses, planByRarity, type PlanningOptions, type TermFrequency, type TermPlan } from "./term-plan.js";
import { topK } from "./top-k.js";
import type { SourceHit, SourceQuery, SourceSearch, SourceSearchResult } from "./types.js";

export interface IndexedDoc {
  id: string;
  /** The passage's index terms, joined by spaces (analysed before MiniSearch sees them). */
  terms: string;
}

/**
 * How much a match in the title and headline counts beside the best body passage: a story whose headline
 * names the topic is usually the best source for it.
 */
const TITLE_WEIGHT = 1;
/** Misspelled names: fuzzy matching only for query terms the index does not know, and only this long. */
const FUZZY_MIN_LENGTH = 4;
const MAX_FUZZY_TERMS = 3;
const TITLE_SUFFIX = "#t";

export const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: "id",
  fields: ["terms"],
  storeFields: [],
  tokenize: (text: string) => (text ? text.split(" ") : []),
  processTerm: (term: string) => term,
};

export class PassageIndex implements SourceSearch {
  private readonly articles = new Map<string, Article>();
  /** Index term -> number of indexed documents (passages and titles) that contain it. */
  private readonly vocabulary: Map<string, number>;
  private bodyPassages = 0;
  /** When rare terms lead the search (term-plan.ts); adjustable for tests and benchmarks. */
  planning: PlanningOptions = DEFAULT_PLANNING;

  constructor(
    private readonly miniSearch: MiniSearch<IndexedDoc>,
    readonly lexicon: Lexicon,
    vocabulary: Map<string, number>,
    articles: Iterable<Article>,
  ) {
    this.vocabulary = vocabulary;
    for (const article of articles) {
      this.articles.set(article.id, article);
      this.bodyPassages += bodyParagraphs(article).length;
    }
  }

  /** Indexes a whole corpus. Acronyms the corpus defines are learned first, so every article benefits. */
  static build(articles: readonly Article[], onProgress?: (done: number, total: number) => void): PassageIndex {
    const lexicon = glossaryLexicon().copy();
    for (const article of articles) learnInto(lexicon, article);
    const index = new PassageIndex(new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS), lexicon, new Map(), []);
    const every = Math.max(1, Math.floor(articles.length / 100));
    articles.forEach((article, i) => {
      index.add(article);
      if (onProgress && (i % every === 0 || i === articles.length - 1)) onProgress(i + 1, articles.length);
    });
    return index;
  }

  get passageCount(): number {
    return this.bodyPassages;
  }

  get documentCount(): number {
    return this.miniSearch.documentCount;
  }

  toJSON(): ReturnType<MiniSearch["toJSON"]> {
    return this.miniSearch.toJSON();
  }

  upsert(article: Article): void {
    this.remove(article.id);
    learnInto(this.lexicon, article);
    this.add(article);
  }

  remove(doc: string): void {
    const article = this.articles.get(doc);
    if (!article) return;
    for (const { id, text } of indexedTexts(article)) {
      if (!this.miniSearch.has(id)) continue;
      this.miniSearch.discard(id);
      for (const term of new Set(analyze(text, this.lexicon))) {
        const count = (this.vocabulary.get(term) ?? 1) - 1;
        if (count > 0) this.vocabulary.set(term, count);
        else this.vocabulary.delete(term);
      }
    }
    this.bodyPassages -= bodyParagraphs(article).length;
    this.articles.delete(doc);
  }

  private add(article: Article): void {
    this.articles.set(article.id, article);
    this.bodyPassages += bodyParagraphs(article).length;
    for (const { id, text } of indexedTexts(article)) {
      const terms = analyze(text, this.lexicon);
      if (terms.length === 0) continue;
      for (const term of new Set(terms)) this.vocabulary.set(term, (this.vocabulary.get(term) ?? 0) + 1);
      this.miniSearch.add({ id, terms: terms.join(" ") });
    }
  }

  search(query: SourceQuery, page: { offset: number; limit: number }): SourceSearchResult {
    const plan = planQuery(query, this.lexicon);
    if (plan.clauses.length === 0) {
      return { hits: [], total: 0, hint: "Every word of that is too common to search for: add a distinctive word." };
    }
    const found = this.find(plan, articleFilter(query), page.offset + page.limit);
    if (found.ranked.length === 0) return { hits: [], total: 0, hint: this.hint(plan, query, found.unfiltered) };
    const hits = found.ranked.slice(page.offset, page.offset + page.limit).map((r) => this.toHit(r, plan));
    return { hits, total: found.total };
  }

  /** How a query's terms split into leaders and boosters (see term-plan.ts); for diagnostics and tests. */
  termPlan(query: Pick<SourceQuery, "words" | "phrases">): TermPlan {
    const plan = planQuery(query, this.lexicon);
    return planByRarity(this.frequencies(plan, this.fuzzyTerms(plan)), this.miniSearch.documentCount, this.planning);
  }

  /** The best `wanted` articles, best first, and how many matched. */
  private find(plan: QueryPlan, keep: ArticleFilter | null, wanted: number): Ranking {
    const fuzzyTerms = this.fuzzyTerms(plan);
    const frequencies = this.frequencies(plan, fuzzyTerms);
    const termPlan = planByRarity(frequencies, this.miniSearch.documentCount, this.planning);
    if (termPlan.mode !== "all") {
      const restricted = this.findAmongCandidates(plan, fuzzyTerms, frequencies, termPlan, keep, wanted);
      if (restricted) return restricted;
    }
    return select(this.score(plan, fuzzyTerms, null), keep, plan.clauses.length, wanted);
  }

  /**
   * Rare terms first (term-plan.ts): candidates are the articles holding enough leaders, found by reading the
   * leaders' postings without scoring them; then only the candidates' documents are scored, with every term.
   * Returns null, for a full search, when that cannot be shown to give the same page.
   */
  private findAmongCandidates(
    plan: QueryPlan,
    fuzzyTerms: ReadonlySet<string>,
    frequencies: readonly TermFrequency[],
    termPlan: TermPlan,
    keep: ArticleFilter | null,
    wanted: number,
  ): Ranking | null {
    const candidates = this.candidates(plan, fuzzyTerms, termPlan);
    if (candidates.size === 0) return null;
    const clauseCount = plan.clauses.length;
    // Bounded plans need one word: an article holding a booster alone matches too, counted (not scored).
    const others = termPlan.mode === "bounded" ? new Set<string>() : null;
    const scored = this.score(plan, fuzzyTerms, (id) => {
      const doc = id.slice(0, id.lastIndexOf("#"));
      if (candidates.has(doc)) return 1;
      others?.add(doc);
      return 0;
    });
    const ranking = select(scored, keep, clauseCount, wanted);
    // None matches enough of the words: the best partial matches may be anywhere.
    if (ranking.qualifying === 0) return null;
    if (termPlan.mode === "complete") return ranking;

    // Bounded: an article left out holds boosters only; the page stands if even its best cannot beat the last.
    const last = ranking.ranked[wanted - 1];
    const boosters = new Set(termPlan.boosters);
    const ceiling =
      (1 + TITLE_WEIGHT) *
      maxDocumentScore(frequencies.filter((f) => boosters.has(f.term)), this.miniSearch.documentCount) *
      coordination(boosters.size, clauseCount);
    if (!last || last.score <= ceiling) return null;
    let total = ranking.total;
    for (const doc of others ?? []) {
      const article = this.articles.get(doc);
      if (article && (keep === null || keep(article))) total++;
    }
    return { ...ranking, total };
  }

  /** The articles holding at least `minLeaders` distinct leaders, from the leaders' postings (not scored). */
  private candidates(plan: QueryPlan, fuzzyTerms: ReadonlySet<string>, termPlan: TermPlan): Set<string> {
    const leaders = new Set(termPlan.leaders);
    const clauses = plan.clauses.filter((c) => leaders.has(c.term));
    const bits = new Map(clauses.map((c, i) => [c.term, 1 << i]));
    // A fuzzy match reports the term found, not the clause: it counts for every fuzzy clause (more candidates
    // than needed, never fewer).
    let fuzzyBits = 0;
    for (const c of clauses) if (fuzzyTerms.has(c.term)) fuzzyBits |= bits.get(c.term)!;
    const held = new Map<string, number>();
    this.runSearch(clauses, fuzzyTerms, (id, term) => {
      const doc = id.slice(0, id.lastIndexOf("#"));
      held.set(doc, (held.get(doc) ?? 0) | (bits.get(term) ?? fuzzyBits));
      return 0; // nothing is scored in this pass
    });
    const candidates = new Set<string>();
    for (const [doc, mask] of held) if (bitCount(mask) >= termPlan.minLeaders) candidates.add(doc);
    return candidates;
  }

  /** Unknown query terms long enough to be misspelled names: matched fuzzily. */
  private fuzzyTerms(plan: QueryPlan): Set<string> {
    return new Set(
      plan.clauses
        .map((c) => c.term)
        .filter((t) => !this.vocabulary.has(t) && t.length >= FUZZY_MIN_LENGTH && !/^\d+$/.test(t))
        .slice(0, MAX_FUZZY_TERMS),
    );
  }

  /** Each clause's document frequency; a fuzzy clause counts as rarest (a misspelled name). */
  private frequencies(plan: QueryPlan, fuzzyTerms: ReadonlySet<string>): TermFrequency[] {
    return plan.clauses.map((c) => ({ term: c.term, documents: fuzzyTerms.has(c.term) ? 0 : (this.vocabulary.get(c.term) ?? 0) }));
  }

  private runSearch(
    clauses: readonly Clause[],
    fuzzyTerms: ReadonlySet<string>,
    boostDocument?: (id: string, term: string) => number,
  ): SearchResult[] {
    return this.miniSearch.search(
      { combineWith: "OR", queries: clauses.map((c) => c.term) },
      {
        prefix: false,
        fuzzy: (term) => (fuzzyTerms.has(term) ? 0.25 : false),
        maxFuzzy: 2,
        tokenize: (text) => [text],
        processTerm: (term) => term,
        ...(boostDocument ? { boostDocument } : {}),
      },
    );
  }

  /**
   * Every article matching the plan (in no order), each with its best passage; with `only`, the documents it
   * accepts alone are scored (the others are skipped by MiniSearch before scoring).
   */
  private score(plan: QueryPlan, fuzzyTerms: ReadonlySet<string>, only: ((id: string, term: string) => number) | null): ScoredArticle[] {
    const results = this.runSearch(plan.clauses, fuzzyTerms, only ?? undefined);

    // This loop sees every matching passage (tens of thousands for common words): keep it lean, and look
    // paragraphs up only for each article's best passage.
    const clauseCount = plan.clauses.length;
    const byArticle = new Map<string, Candidate>();
    for (const result of results) {
      const id = result.id as string;
      const hash = id.lastIndexOf("#");
      const doc = id.slice(0, hash);
      let candidate = byArticle.get(doc);
      if (!candidate) {
        candidate = { best: null, bestScore: -1, title: null };
        byArticle.set(doc, candidate);
      }
      if (id.length === hash + 2 && id.endsWith(TITLE_SUFFIX)) {
        candidate.title = result;
        continue;
      }
      const score = result.score * coordination(result.queryTerms.length, clauseCount);
      if (score <= candidate.bestScore) continue;
      if (plan.phrases.length > 0) {
        if (!plan.phraseTerms.every((t) => result.queryTerms.includes(t))) continue;
        if (!this.hasPhrases(doc, Number(id.slice(hash + 2)), plan.phrases)) continue;
      }
      candidate.best = result;
      candidate.bestScore = score;
    }

    const scored: ScoredArticle[] = [];
    for (const [doc, { best, title }] of byArticle) {
      const article = this.articles.get(doc);
      if (!article || (!best && plan.phrases.length > 0)) continue;
      const paragraph = best ? paragraphNumbered(article, Number((best.id as string).slice(doc.length + 2))) : lede(article);
      if (!paragraph) continue;
      const clauses = distinctCount(best?.queryTerms, title?.queryTerms);
      const raw = (best?.score ?? 0) + TITLE_WEIGHT * (title?.score ?? 0);
      scored.push({ article, paragraph, best, title, clauses, score: raw * coordination(clauses, clauseCount) });
    }
    return scored;
  }

  private hasPhrases(doc: string, n: number, phrases: readonly string[]): boolean {
    const article = this.articles.get(doc);
    const p = article && paragraphNumbered(article, n);
    return !!p && phrases.every((phrase) => findPhrase(article.text, p.start, p.end, phrase).length > 0);
  }

  private toHit(r: ScoredArticle, plan: QueryPlan): SourceHit {
    const { article, paragraph } = r;
    const marks: Range[] = [];
    const passage = article.text.slice(paragraph.start, paragraph.end);
    const wanted = new Set([...(r.best?.terms ?? []), ...(r.title?.terms ?? []), ...plan.clauses.map((c) => c.term)]);
    for (const t of analyzeTerms(passage, this.lexicon)) {
      if (wanted.has(t.term)) marks.push([paragraph.start + t.start, paragraph.start + t.end]);
    }
    for (const phrase of plan.phrases) marks.push(...findPhrase(article.text, paragraph.start, paragraph.end, phrase));
    const excerpt = makeExcerpt(article.text, paragraph.start, paragraph.end, marks);
    return {
      doc: article.id,
      title: article.title,
      outlet: article.outlet,
      published: article.published,
      url: article.url,
      paragraph: paragraph.n,
      start: excerpt.start,
      end: excerpt.end,
      excerpt: article.text.slice(excerpt.start, excerpt.end),
      cutStart: excerpt.cutStart,
      cutEnd: excerpt.cutEnd,
      marks: excerpt.marks,
      score: Math.round(r.score * 1000) / 1000,
    };
  }

  private hint(plan: QueryPlan, query: SourceQuery, unfiltered: number): string {
    if (unfiltered > 0) {
      const n = unfiltered === 1 ? "1 article matches" : `${unfiltered} articles match`;
      return `${n} without the outlet or date filters: try a wider one.`;
    }
    const unknown = plan.clauses.filter((c) => !this.vocabulary.has(c.term));
    const suggestions = unknown
      .map((c) => ({ typed: c.typed, near: nearestTerm(c.term, this.vocabulary) }))
      .filter((s): s is { typed: string; near: string } => s.near !== null);
    if (suggestions.length > 0) {
      return `Did you mean ${suggestions.map((s) => `“${s.near}” for “${s.typed}”`).join(", ")}?`;
    }
    if (query.phrases.length > 0) return "No passage has that exact phrase: try it without quotation marks.";
    if (plan.clauses.length > 1) return "Try fewer or broader words.";
    return "Try another spelling or a broader word.";
  }
}

interface Candidate {
  /** The best body passage (by its own score times coordination). */
  best: SearchResult | null;
  bestScore: number;
  title: SearchResult | null;
}

interface ScoredArticle {
  article: Article;
  /** The passage shown: the best one, or the lede when only the title matched. */
  paragraph: Paragraph;
  best: SearchResult | null;
  title: SearchResult | null;
  /** How many of the query's clauses the best passage and the title match together. */
  clauses: number;
  score: number;
}

type ArticleFilter = (article: Article) => boolean;

interface Ranking {
  /** The best articles, best first, as many as wanted (fewer when fewer match). */
  ranked: ScoredArticle[];
  /** How many articles match in all. */
  total: number;
  /** Articles matching enough of the words (before falling back to partial matches). */
  qualifying: number;
  /** Matching articles before the outlet and date filters (for the hint). */
  unfiltered: number;
}

/** The number of bits set in a 32-bit mask. */
function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask >>> 0; m !== 0; m &= m - 1) count++;
  return count;
}

/**
 * The best `wanted` articles, best first, of those matching enough of the words, or, when none does, of all
 * (the best partial matches are better than nothing).
 */
function select(scored: ScoredArticle[], keep: ArticleFilter | null, clauseCount: number, wanted: number): Ranking {
  const needed = neededClauses(clauseCount);
  const kept = keep === null ? scored : scored.filter((r) => keep(r.article));
  const enough = kept.filter((r) => r.clauses >= needed);
  const chosen = enough.length > 0 ? enough : kept;
  const ranked = topK(chosen, wanted, (a, b) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1));
  return { ranked, total: chosen.length, qualifying: enough.length, unfiltered: scored.length };
}

/** The number of distinct strings in two short lists. */
function distinctCount(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (!b || b.length === 0) return a?.length ?? 0;
  if (!a || a.length === 0) return b.length;
  let count = a.length;
  for (const term of b) if (!a.includes(term)) count++;
  return count;
}

/** Rewards passages that match more of the query's words (on top of MiniSearch's own). */
function coordination(matched: number, total: number): number {
  const share = total === 0 ? 0 : matched / total;
  return share * share;
}

/** The excerpt for an article that matched by its title only: its first real paragraph. */
function lede(article: Article): Paragraph | undefined {
  const body = bodyParagraphs(article);
  return body.find((p) => p.end - p.start >= 100) ?? body[0];
}

function bodyParagraphs(article: Article): Paragraph[] {
  return article.paragraphs.filter((p) => p.role === "body");
}

/** What is indexed for an article: its body paragraphs, and its title with the headline lines. */
export function indexedTexts(article: Article): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  const titleParts: string[] = [];
  const seen = new Set<string>();
  const addTitle = (text: string) => {
    const key = foldText(text).replace(/\s+/g, " ").trim();
    if (key && !seen.has(key)) {
      seen.add(key);
      titleParts.push(text);
    }
  };
  if (article.title) addTitle(article.title);
  for (const p of article.paragraphs) {
    if (p.role === "headline") addTitle(article.text.slice(p.start, p.end));
  }
  if (titleParts.length > 0) out.push({ id: article.id + TITLE_SUFFIX, text: titleParts.join("\n") });
  for (const p of article.paragraphs) {
    if (p.role === "body") out.push({ id: p.id, text: article.text.slice(p.start, p.end) });
  }
  return out;
}

function paragraphNumbered(article: Article, n: number): Paragraph | undefined {
  const guess = article.paragraphs[n - 1];
  return guess?.n === n ? guess : article.paragraphs.find((p) => p.n === n);
}


function learnInto(lexicon: Lexicon, article: Article): void {
  for (const p of article.paragraphs) {
    if (p.role === "furniture") continue;
    for (const { acronym, expansion } of learnAcronyms(article.text.slice(p.start, p.end))) lexicon.add(acronym, expansion);
  }
}

/** The outlet and date filters as one predicate, or null when the query has none. */
function articleFilter(query: SourceQuery): ((article: Article) => boolean) | null {
  const outlet = query.outlet ? foldText(query.outlet).trim() : "";
  const { after, before } = query;
  if (!outlet && !after && !before) return null;
  return (article) => {
    if (outlet && !(article.outlet && foldText(article.outlet).includes(outlet))) return false;
    if (after || before) {
      const date = article.published?.slice(0, 10);
      if (!date) return false;
      if (after && date < after) return false;
      if (before && date > before) return false;
    }
    return true;
  };
}
