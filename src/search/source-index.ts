/**
 * The passage index behind /sources: one MiniSearch document per body paragraph (`doc#pN`) and one per
 * article for its title and headline lines (`doc#t`), analysed with analysis.ts. MiniSearch stores no text:
 * passages are read back from the Article by their offsets, so every excerpt is verbatim. Queries are scored
 * from MiniSearch's postings directly (postings.ts), with MiniSearch's own scores.
 */
import MiniSearch, { type Options } from "minisearch";
import type { Article, Paragraph } from "../corpus/types.js";
import { learnAcronyms } from "./acronyms.js";
import { DocTable, TITLE_PARAGRAPH } from "./doc-table.js";
import { decodeIndex, encodeIndex, type IndexLayout } from "./index-codec.js";
import { packTerms } from "./packed-postings.js";
import { analyze, analyzeTerms, foldText, glossaryLexicon, type Lexicon } from "./analysis.js";
import { findPhrase, makeExcerpt, type Range } from "./excerpt.js";
import { nearestTerm } from "./near-term.js";
import { bitCount, Postings, type ExpandedClause } from "./postings.js";
import { planQuery, type QueryPlan } from "./query-plan.js";
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
  // Postings are packed (packed-postings.ts); packing a discarded document's terms again is the vacuum.
  autoVacuum: false,
};
const FIELD = "terms";

export class PassageIndex implements SourceSearch {
  private readonly articles = new Map<string, Article>();
  /** Index term -> number of indexed documents (passages and titles) that contain it. */
  private readonly vocabulary: Map<string, number>;
  private bodyPassages = 0;
  /** When rare terms lead the search (term-plan.ts); adjustable for tests and benchmarks. */
  planning: PlanningOptions = DEFAULT_PLANNING;
  private readonly postings: Postings;
  private readonly docs: DocTable = new DocTable();

  constructor(
    private readonly miniSearch: MiniSearch<IndexedDoc>,
    readonly lexicon: Lexicon,
    vocabulary: Map<string, number>,
    articles: Iterable<Article>,
    /** Which article and paragraph each indexed document is, when known (a snapshot saves it). */
    docs?: DocTable,
  ) {
    this.vocabulary = vocabulary;
    this.postings = Postings.of(miniSearch, FIELD);
    packTerms(miniSearch, FIELD);
    for (const article of articles) {
      this.articles.set(article.id, article);
      this.bodyPassages += bodyParagraphs(article).length;
    }
    if (docs) {
      this.docs = docs;
      return;
    }
    // Otherwise from the documents' ids (`doc#t`, `doc#pN`).
    for (const [shortId, id] of this.postings.documents()) {
      const hash = id.lastIndexOf("#");
      const article = this.articles.get(id.slice(0, hash));
      if (article) this.docs.set(shortId, article, id.endsWith(TITLE_SUFFIX) ? TITLE_PARAGRAPH : Number(id.slice(hash + 2)));
    }
  }

  /** Indexes a whole corpus. Acronyms the corpus defines are learned first, so every article benefits. */
  static build(articles: readonly Article[], onProgress?: (done: number, total: number) => void): PassageIndex {
    const lexicon = glossaryLexicon().copy();
    for (const article of articles) learnInto(lexicon, article);
    const miniSearch = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
    const index = new PassageIndex(miniSearch, lexicon, new Map(), []);
    const every = Math.max(1, Math.floor(articles.length / 100));
    articles.forEach((article, i) => {
      index.add(article);
      if (onProgress && (i % every === 0 || i === articles.length - 1)) onProgress(i + 1, articles.length);
    });
    packTerms(miniSearch, FIELD);
    return index;
  }

  get passageCount(): number {
    return this.bodyPassages;
  }

  get documentCount(): number {
    return this.miniSearch.documentCount;
  }

  /** The index in bytes, for a snapshot (index-codec.ts). */
  encode(): ReturnType<typeof encodeIndex> {
    return encodeIndex(this.miniSearch, FIELD, this.docs);
  }

  /** An index saved by `encode`, over the same articles. Throws when the bytes are damaged. */
  static decode(layout: IndexLayout, binary: Uint8Array, lexicon: Lexicon, articles: readonly Article[]): PassageIndex {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const { miniSearch, docs, vocabulary } = decodeIndex(layout, binary, MINISEARCH_OPTIONS, FIELD, byId);
    return new PassageIndex(miniSearch, lexicon, vocabulary, articles, docs);
  }

  upsert(article: Article): void {
    this.remove(article.id);
    learnInto(this.lexicon, article);
    // MiniSearch unpacked the postings of the terms it added to: pack them again.
    packTerms(this.miniSearch, FIELD, this.add(article));
  }

  remove(doc: string): void {
    const article = this.articles.get(doc);
    if (!article) return;
    const terms = new Set<string>();
    for (const { id, text } of indexedTexts(article)) {
      const shortId = this.postings.shortId(id);
      if (shortId === undefined) continue;
      this.docs.clear(shortId);
      this.miniSearch.discard(id);
      for (const term of new Set(analyze(text, this.lexicon))) {
        terms.add(term);
        const count = (this.vocabulary.get(term) ?? 1) - 1;
        if (count > 0) this.vocabulary.set(term, count);
        else this.vocabulary.delete(term);
      }
    }
    // The discarded documents leave the postings of their terms.
    packTerms(this.miniSearch, FIELD, terms);
    this.bodyPassages -= bodyParagraphs(article).length;
    this.articles.delete(doc);
  }

  /** Indexes the article; returns the terms it added postings to. */
  private add(article: Article): Set<string> {
    this.articles.set(article.id, article);
    this.bodyPassages += bodyParagraphs(article).length;
    const added = new Set<string>();
    for (const { id, paragraph, text } of indexedTexts(article)) {
      const terms = analyze(text, this.lexicon);
      if (terms.length === 0) continue;
      for (const term of new Set(terms)) {
        added.add(term);
        this.vocabulary.set(term, (this.vocabulary.get(term) ?? 0) + 1);
      }
      this.miniSearch.add({ id, terms: terms.join(" ") });
      this.docs.set(this.postings.shortId(id)!, article, paragraph);
    }
    return added;
  }

  search(query: SourceQuery, page: { offset: number; limit: number }): SourceSearchResult {
    const plan = planQuery(query, this.lexicon);
    if (plan.clauses.length === 0) {
      return { hits: [], total: 0, hint: "Every word of that is too common to search for: add a distinctive word." };
    }
    const fuzzyTerms = this.fuzzyTerms(plan);
    const clauses = this.postings.expand(plan.clauses.map((c) => ({ term: c.term, fuzzy: fuzzyTerms.has(c.term) })));
    const found = this.find(plan, clauses, fuzzyTerms, articleFilter(query), page.offset + page.limit);
    if (found.ranked.length === 0) return { hits: [], total: 0, hint: this.hint(plan, query, found.unfiltered) };
    const hits = found.ranked.slice(page.offset, page.offset + page.limit).map((r) => this.toHit(r, plan, clauses));
    return { hits, total: found.total };
  }

  /** How a query's terms split into leaders and boosters (see term-plan.ts); for diagnostics and tests. */
  termPlan(query: Pick<SourceQuery, "words" | "phrases">): TermPlan {
    const plan = planQuery(query, this.lexicon);
    return planByRarity(this.frequencies(plan, this.fuzzyTerms(plan)), this.miniSearch.documentCount, this.planning);
  }

  /** The best `wanted` articles, best first, and how many matched. */
  private find(plan: QueryPlan, clauses: readonly ExpandedClause[], fuzzyTerms: ReadonlySet<string>, keep: ArticleFilter | null, wanted: number): Ranking {
    const frequencies = this.frequencies(plan, fuzzyTerms);
    const termPlan = planByRarity(frequencies, this.miniSearch.documentCount, this.planning);
    if (termPlan.mode !== "all") {
      const restricted = this.findAmongCandidates(plan, clauses, frequencies, termPlan, keep, wanted);
      if (restricted) return restricted;
    }
    return select(this.score(plan, clauses, null), keep, plan.clauses.length, wanted);
  }

  /**
   * Rare terms first (term-plan.ts): candidates are the articles holding enough leaders, found by reading the
   * leaders' postings without scoring them; then only the candidates' documents are scored, with every term.
   * Returns null, for a full search, when that cannot be shown to give the same page.
   */
  private findAmongCandidates(
    plan: QueryPlan,
    clauses: readonly ExpandedClause[],
    frequencies: readonly TermFrequency[],
    termPlan: TermPlan,
    keep: ArticleFilter | null,
    wanted: number,
  ): Ranking | null {
    const candidates = this.candidates(clauses, termPlan);
    if (candidates.size === 0) return null;
    const clauseCount = plan.clauses.length;
    // Bounded plans need one word: an article holding a booster alone matches too, counted (not scored).
    const others = termPlan.mode === "bounded" ? new Set<Article>() : null;
    const scored = this.score(plan, clauses, (shortId) => {
      const article = this.docs.article(shortId);
      if (!article) return false;
      if (candidates.has(article)) return true;
      others?.add(article);
      return false;
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
    for (const article of others ?? []) if (keep === null || keep(article)) total++;
    return { ...ranking, total };
  }

  /** The articles holding at least `minLeaders` distinct leaders, from the leaders' postings. */
  private candidates(clauses: readonly ExpandedClause[], termPlan: TermPlan): Set<Article> {
    const leaders = new Set(termPlan.leaders);
    const touched = this.postings.score(clauses.filter((c) => leaders.has(c.term)));
    const held = new Map<Article, number>();
    for (let i = 0; i < touched.count; i++) {
      const doc = touched.docs[i]!;
      const article = this.docs.article(doc);
      if (article) held.set(article, (held.get(article) ?? 0) | touched.mask[doc]!);
    }
    const candidates = new Set<Article>();
    for (const [article, mask] of held) if (bitCount(mask) >= termPlan.minLeaders) candidates.add(article);
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

  /**
   * Every article matching the plan (in no order), each with its best passage; with `only`, the documents it
   * accepts alone are scored.
   */
  private score(plan: QueryPlan, clauses: readonly ExpandedClause[], only: ((shortId: number) => boolean) | null): ScoredArticle[] {
    const touched = this.postings.score(clauses, only);
    const clauseCount = clauses.length;
    // A passage can hold a phrase only if it holds the phrase's words.
    let phraseMask = 0;
    clauses.forEach((c, i) => {
      if (plan.phraseTerms.includes(c.term)) phraseMask |= 1 << i;
    });

    // This loop sees every matching passage (hundreds of thousands for common words at scale): typed arrays
    // and numbers only; paragraphs are looked up for each article's best passage alone.
    const byArticle = new Map<Article, Candidate>();
    for (let i = 0; i < touched.count; i++) {
      const doc = touched.docs[i]!;
      const article = this.docs.article(doc);
      if (!article) continue;
      let candidate = byArticle.get(article);
      if (!candidate) {
        candidate = { best: null, bestScore: -1, title: null };
        byArticle.set(article, candidate);
      }
      const mask = touched.mask[doc]!;
      const match = { doc, score: touched.score[doc]!, mask };
      const n = this.docs.paragraph(doc);
      if (n === TITLE_PARAGRAPH) {
        candidate.title = match;
        continue;
      }
      const score = match.score * coordination(bitCount(mask), clauseCount);
      if (score <= candidate.bestScore) continue;
      if (plan.phrases.length > 0) {
        if ((mask & phraseMask) !== phraseMask) continue;
        if (!this.hasPhrases(article, n, plan.phrases)) continue;
      }
      candidate.best = match;
      candidate.bestScore = score;
    }

    const scored: ScoredArticle[] = [];
    for (const [article, { best, title }] of byArticle) {
      if (!best && plan.phrases.length > 0) continue;
      const paragraph = best ? paragraphNumbered(article, this.docs.paragraph(best.doc)) : lede(article);
      if (!paragraph) continue;
      const clauses = bitCount((best?.mask ?? 0) | (title?.mask ?? 0));
      const raw = (best?.score ?? 0) + TITLE_WEIGHT * (title?.score ?? 0);
      scored.push({ article, paragraph, best, title, clauses, score: raw * coordination(clauses, clauseCount) });
    }
    return scored;
  }

  private hasPhrases(article: Article, n: number, phrases: readonly string[]): boolean {
    const p = paragraphNumbered(article, n);
    return !!p && phrases.every((phrase) => findPhrase(article.text, p.start, p.end, phrase).length > 0);
  }

  private toHit(r: ScoredArticle, plan: QueryPlan, clauses: readonly ExpandedClause[]): SourceHit {
    const { article, paragraph } = r;
    const marks: Range[] = [];
    const passage = article.text.slice(paragraph.start, paragraph.end);
    // The index terms matched (a misspelled name's fuzzy matches among them), to mark in the excerpt.
    const matched = [r.best, r.title].flatMap((m) => (m ? this.postings.matchedTerms(m.doc, m.mask, clauses) : []));
    const wanted = new Set([...matched, ...plan.clauses.map((c) => c.term)]);
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

/** An indexed document that matched: MiniSearch's short id, score and the clauses it matched (bits). */
interface Match {
  doc: number;
  score: number;
  mask: number;
}

interface Candidate {
  /** The best body passage (by its own score times coordination). */
  best: Match | null;
  bestScore: number;
  title: Match | null;
}

interface ScoredArticle {
  article: Article;
  /** The passage shown: the best one, or the lede when only the title matched. */
  paragraph: Paragraph;
  best: Match | null;
  title: Match | null;
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
export function indexedTexts(article: Article): Array<{ id: string; paragraph: number; text: string }> {
  const out: Array<{ id: string; paragraph: number; text: string }> = [];
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
  if (titleParts.length > 0) out.push({ id: article.id + TITLE_SUFFIX, paragraph: TITLE_PARAGRAPH, text: titleParts.join("\n") });
  for (const p of article.paragraphs) {
    if (p.role === "body") out.push({ id: p.id, paragraph: p.n, text: article.text.slice(p.start, p.end) });
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
