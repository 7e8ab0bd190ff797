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
import { planQuery, type QueryPlan } from "./query-plan.js";
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
    const keep = articleFilter(query);
    const all = this.match(plan);
    const ranked = rank(keep === null ? all : all.filter((r) => keep(r.article)), plan.clauses.length);
    if (ranked.length === 0) return { hits: [], total: 0, hint: this.hint(plan, query, all.length) };
    const hits = ranked.slice(page.offset, page.offset + page.limit).map((r) => this.toHit(r, plan));
    return { hits, total: ranked.length };
  }

  /** Every article matching the plan (in no order), each with its best passage. */
  private match(plan: QueryPlan): RankedArticle[] {
    const fuzzyTerms = new Set(
      plan.clauses
        .map((c) => c.term)
        .filter((t) => !this.vocabulary.has(t) && t.length >= FUZZY_MIN_LENGTH && !/^\d+$/.test(t))
        .slice(0, MAX_FUZZY_TERMS),
    );
    const results = this.miniSearch.search(
      { combineWith: "OR", queries: plan.clauses.map((c) => c.term) },
      {
        prefix: false,
        fuzzy: (term) => (fuzzyTerms.has(term) ? 0.25 : false),
        maxFuzzy: 2,
        tokenize: (text) => [text],
        processTerm: (term) => term,
      },
    );

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
      if (plan.phrases.length > 0 && !this.hasPhrases(doc, Number(id.slice(hash + 2)), plan.phrases)) continue;
      candidate.best = result;
      candidate.bestScore = score;
    }

    const ranked: RankedArticle[] = [];
    for (const [doc, { best, title }] of byArticle) {
      const article = this.articles.get(doc);
      if (!article || (!best && plan.phrases.length > 0)) continue;
      const paragraph = best ? paragraphNumbered(article, Number((best.id as string).slice(doc.length + 2))) : lede(article);
      if (!paragraph) continue;
      const clauses = new Set([...(best?.queryTerms ?? []), ...(title?.queryTerms ?? [])]).size;
      const raw = (best?.score ?? 0) + TITLE_WEIGHT * (title?.score ?? 0);
      const matchedTerms = new Set([...(best?.terms ?? []), ...(title?.terms ?? [])]);
      ranked.push({ article, paragraph, clauses, matchedTerms, score: raw * coordination(clauses, clauseCount) });
    }
    return ranked;
  }

  private hasPhrases(doc: string, n: number, phrases: readonly string[]): boolean {
    const article = this.articles.get(doc);
    const p = article && paragraphNumbered(article, n);
    return !!p && phrases.every((phrase) => findPhrase(article.text, p.start, p.end, phrase).length > 0);
  }

  private toHit(r: RankedArticle, plan: QueryPlan): SourceHit {
    const { article, paragraph } = r;
    const marks: Range[] = [];
    const passage = article.text.slice(paragraph.start, paragraph.end);
    const wanted = new Set([...r.matchedTerms, ...plan.clauses.map((c) => c.term)]);
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

interface RankedArticle {
  article: Article;
  paragraph: Paragraph;
  clauses: number;
  matchedTerms: Set<string>;
  score: number;
}

/**
 * Best first. Most query words matter: with three or more, an article must match at least half of them,
 * unless none does (then the best partial matches are better than nothing).
 */
function rank(matches: RankedArticle[], clauseCount: number): RankedArticle[] {
  const needed = clauseCount <= 2 ? 1 : Math.ceil(clauseCount / 2);
  const enough = matches.filter((r) => r.clauses >= needed);
  const chosen = enough.length > 0 ? enough : matches;
  return chosen.sort((a, b) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1));
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
