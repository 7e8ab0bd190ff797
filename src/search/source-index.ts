/**
 * The passage index behind /sources: one indexed document per body paragraph (`doc#pN`) and one per article
 * for its title and headline lines (`doc#t`), analysed with analysis.ts, in a term index (src/index/) that
 * stores no text: passages are read back from the Article by their offsets, so every excerpt is verbatim.
 * Queries are scored from the postings directly (src/index/postings.ts), with MiniSearch's own scores.
 */
import type { Options } from "minisearch";
import type { Article, Paragraph } from "../corpus/types.js";
import { learnAcronyms } from "./acronyms.js";
import { ArticleScores, OrdinalMarks } from "./article-scores.js";
import { DocTable, TITLE_PARAGRAPH } from "../index/doc-table.js";
import { IndexBuilder } from "./index-builder.js";
import { warmUpQueries } from "./warm-up.js";
import { decodeIndexSteps, encodeIndex, type IndexLayout } from "./index-codec.js";
import { packTerms } from "../index/packed-postings.js";
import type { TermIndex } from "../index/term-index.js";
import { articleFilter } from "../corpus/article-filter.js";
import { foldText } from "../text/fold.js";
import { analyze, analyzeTerms, glossaryLexicon, type Lexicon } from "../text/analysis.js";
import { findPhrase, hasPhrase, makeExcerpt, type Range } from "./excerpt.js";
import { nearestTerm, TermsByInitial } from "./near-term.js";
import { BlockMaxSearch, type IndexView } from "./block-max.js";
import { bitCount, Postings, type ExpandedClause, type Touched } from "../index/postings.js";
import { planQuery, type QueryPlan } from "./query-plan.js";
import { inverseDocumentFrequency } from "../index/bm25.js";
import { articleBound, DEFAULT_PLANNING, firstRoundBound, worthPruning, type PlanningOptions } from "./term-plan.js";
import { topK } from "../index/top-k.js";
import { runInSlices, runToEnd, type SliceOptions, type Steps } from "../statements/steps.js";
import { scoringUnits, unitAt } from "./units.js";
import type { SourceHit, SourceQuery, SourceSearch, SourceSearchResult } from "./types.js";

/** A passage as a MiniSearch built for comparison (tests, benchmarks) indexes it, with `MINISEARCH_OPTIONS`. */
export interface IndexedDoc {
  id: string;
  /** The passage's index terms, joined by spaces (analysed before MiniSearch sees them). */
  terms: string;
}

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
  // As the term index: packing a discarded document's terms again is the vacuum.
  autoVacuum: false,
};
const FIELD = "terms";
/** Passages indexed or removed between two pauses of `upsertSteps` and `removeSteps`. */
const STEP_PASSAGES = 4;
/** Terms packed again between two pauses after a removal (a common word's postings take a while to read). */
const STEP_TERMS = 16;

/** `packTerms` of the terms, a few at a time. */
function* packInSteps(index: TermIndex, terms: ReadonlySet<string>): Steps<void> {
  let chunk: string[] = [];
  for (const term of terms) {
    chunk.push(term);
    if (chunk.length < STEP_TERMS) continue;
    packTerms(index, chunk);
    chunk = [];
    yield;
  }
  packTerms(index, chunk);
}

export class PassageIndex implements SourceSearch {
  private readonly articles: Map<string, Article>;
  /** Index term -> number of indexed documents (passages and titles) that contain it. */
  private readonly vocabulary: Map<string, number>;
  private bodyPassages = 0;
  /** When a search is pruned (term-plan.ts); adjustable for tests and benchmarks. */
  planning: PlanningOptions = DEFAULT_PLANNING;
  /**
   * The last search's articles that could match, those of them scored (all of them without pruning), and the
   * postings it decoded (a probe for tests and benchmarks: it does not depend on the machine's load).
   */
  lastSearch: SearchProbe = { candidates: 0, scored: 0, postingsRead: 0 };
  /** How articles are scored; adjustable for the evaluation (scripts/eval-search.ts). */
  ranking: RankingOptions = DEFAULT_RANKING;
  private readonly postings: Postings;
  private readonly blockMax = new BlockMaxSearch();
  /** Changes under way (an article being indexed or removed in steps): the block-max search waits for them. */
  private changing = 0;
  /** The vocabulary by first letter, for "did you mean"; kept in step with the vocabulary. */
  private readonly initials: TermsByInitial;
  /** Reused from query to query (searches run one at a time). */
  private readonly scores = new ArticleScores();
  private readonly held = new OrdinalMarks();
  private finalScores = new Float64Array(0);
  private clausesOf = new Uint8Array(0);
  /** The articles `select` keeps (by ordinal, reused). */
  private keptArticles = new Int32Array(0);
  /** By ordinal: 1 for the articles allowed to score in the query being answered. */
  private allowed = new Uint8Array(0);
  /** The pruned search's candidate articles, their bounds, and each clause's bound (reused). */
  private candidates = new Int32Array(0);
  private bounds = new Float64Array(0);
  /** The warm-up asked for after the first search (`warmUpAfterFirstSearch`), until that search. */
  private warmUpLater: SliceOptions | null = null;
  private warmedUp: Promise<void> = Promise.resolve();
  private readonly bodyBounds = new Float64Array(32);
  private readonly titleBounds = new Float64Array(32);

  constructor(
    private readonly index: TermIndex,
    readonly lexicon: Lexicon,
    vocabulary: Map<string, number>,
    /** The corpus by id (kept: the index adds and removes in it). */
    articles: Map<string, Article>,
    /** Which article and paragraph each indexed document is (index-codec.ts restores it with the index). */
    private readonly docs: DocTable,
    /** The articles' body paragraphs, in all (counted by the builder, or saved in the snapshot). */
    bodyPassages: number,
  ) {
    this.vocabulary = vocabulary;
    this.initials = new TermsByInitial(vocabulary.keys());
    // The index builder and the snapshot give every term packed already (packed-postings.ts).
    this.postings = new Postings(index, docs);
    this.articles = articles;
    this.bodyPassages = bodyPassages;
  }

  /** Indexes a whole corpus. Acronyms the corpus defines are learned first, so every article benefits. */
  static build(articles: readonly Article[], onProgress?: (done: number, total: number) => void): PassageIndex {
    const lexicon = glossaryLexicon().copy();
    for (const article of articles) learnInto(lexicon, article);
    const builder = new IndexBuilder();
    const every = Math.max(1, Math.floor(articles.length / 100));
    articles.forEach((article, i) => {
      for (const { paragraph, text } of indexedTexts(article)) {
        const terms = analyze(text, lexicon);
        if (terms.length > 0) builder.add(article, paragraph, terms);
      }
      if (onProgress && (i % every === 0 || i === articles.length - 1)) onProgress(i + 1, articles.length);
    });
    const { index, docs, vocabulary, bodyPassages } = builder.finish(FIELD);
    return new PassageIndex(index, lexicon, vocabulary, new Map(articles.map((a) => [a.id, a])), docs, bodyPassages);
  }

  get passageCount(): number {
    return this.bodyPassages;
  }

  /** Runs the warm-up searches (warm-up.ts), so that the first commands after a start are as fast as later ones. */
  warmUp(): void {
    runToEnd(this.warmUpSteps());
  }

  /** `warmUp` as steps: a pause after each search. */
  *warmUpSteps(): Steps<void> {
    for (const query of warmUpQueries(this.vocabulary)) {
      this.searchNow(query, { offset: 0, limit: 10 });
      yield;
    }
  }

  get documentCount(): number {
    return this.index.documentCount;
  }

  /** The index in bytes, for a snapshot (index-codec.ts). */
  encode(): ReturnType<typeof encodeIndex> {
    return encodeIndex(this.index, FIELD, this.docs);
  }

  /** An index saved by `encode`, over the same articles. Throws when the bytes are damaged. */
  static decode(layout: IndexLayout, binary: Uint8Array, lexicon: Lexicon, articles: readonly Article[]): PassageIndex {
    return runToEnd(PassageIndex.decodeSteps(layout, binary, lexicon, articles));
  }

  /** `decode` as steps (statements/steps.ts), for a running bot to open the index in time slices. */
  static *decodeSteps(layout: IndexLayout, binary: Uint8Array, lexicon: Lexicon, articles: readonly Article[]): Steps<PassageIndex> {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const { index, docs, vocabulary, bodyPassages } = yield* decodeIndexSteps(layout, binary, FIELD, byId);
    yield;
    return new PassageIndex(index, lexicon, vocabulary, byId, docs, bodyPassages);
  }

  upsert(article: Article): void {
    runToEnd(this.upsertSteps(article));
  }

  remove(doc: string): void {
    runToEnd(this.removeSteps(doc));
  }

  /**
   * `upsert` as steps (statements/steps.ts), a pause every few passages: a running bot indexes a large article in
   * time slices. Searches between the steps see the article's passages indexed so far.
   */
  *upsertSteps(article: Article): Steps<void> {
    this.changing++;
    try {
      yield* this.removeSteps(article.id);
      learnInto(this.lexicon, article);
      // Its postings are appended to the packed ones (term-index.ts): nothing to pack again.
      yield* this.add(article);
    } finally {
      this.changing--;
    }
  }

  *removeSteps(doc: string): Steps<void> {
    this.changing++;
    try {
      yield* this.removeArticle(doc);
    } finally {
      this.changing--;
    }
  }

  private *removeArticle(doc: string): Steps<void> {
    const article = this.articles.get(doc);
    if (!article) return;
    const terms = new Set<string>();
    let passages = 0;
    for (const { id, text } of indexedTexts(article)) {
      if (++passages % STEP_PASSAGES === 0) yield;
      const shortId = this.postings.shortId(id);
      if (shortId === undefined) continue;
      this.index.discard(shortId);
      this.docs.clear(shortId);
      for (const term of new Set(analyze(text, this.lexicon))) {
        terms.add(term);
        const count = (this.vocabulary.get(term) ?? 1) - 1;
        if (count > 0) this.vocabulary.set(term, count);
        else {
          this.vocabulary.delete(term);
          this.initials.delete(term);
          this.postings.forgetNeighbours();
        }
      }
    }
    // The discarded documents leave the postings of their terms.
    yield* packInSteps(this.index, terms);
    this.docs.forget(doc);
    this.bodyPassages -= bodyParagraphs(article).length;
    this.articles.delete(doc);
  }

  /** Indexes the article. */
  private *add(article: Article): Steps<void> {
    this.articles.set(article.id, article);
    this.bodyPassages += bodyParagraphs(article).length;
    let passages = 0;
    for (const { paragraph, text } of indexedTexts(article)) {
      if (++passages % STEP_PASSAGES === 0) yield;
      const terms = analyze(text, this.lexicon);
      if (terms.length === 0) continue;
      for (const term of new Set(terms)) {
        const count = this.vocabulary.get(term) ?? 0;
        if (count === 0) {
          this.initials.add(term);
          this.postings.forgetNeighbours();
        }
        this.vocabulary.set(term, count + 1);
      }
      // As the index builder (and MiniSearch's `add`): the length is the passage's distinct terms.
      this.docs.set(this.index.add(new Set(terms).size, terms), article, paragraph);
    }
  }

  search(query: SourceQuery, page: { offset: number; limit: number }): SourceSearchResult {
    const result = this.searchNow(query, page);
    if (this.warmUpLater) {
      // The first answer given: the warm-up searches now, in the background (they give way to commands).
      const options = this.warmUpLater;
      this.warmUpLater = null;
      this.warmedUp = runInSlices(this.warmUpSteps(), options).catch(() => undefined);
    }
    return result;
  }

  /**
   * Runs the warm-up searches in time slices after the first search rather than now: a start answers its first
   * command without waiting for them (about 0.6 s at 300,000 passages under load); that first search, and those
   * during the warm-up, run before V8 has optimized the loops (warm-up.ts: up to two or three times as long).
   */
  warmUpAfterFirstSearch(options: SliceOptions = {}): void {
    this.warmUpLater = options;
  }

  /** Settles once the warm-up searches asked for after the first search have run (at once if none was asked). */
  warmUpDone(): Promise<void> {
    return this.warmedUp;
  }

  private searchNow(query: SourceQuery, page: { offset: number; limit: number }): SourceSearchResult {
    const plan = planQuery(query, this.lexicon);
    if (plan.clauses.length === 0) {
      return { hits: [], total: 0, hint: "Every word of that is too common to search for: add a distinctive word." };
    }
    const fuzzyTerms = this.fuzzyTerms(plan);
    const clauses = this.postings.expand(plan.clauses.map((c) => ({ term: c.term, fuzzy: fuzzyTerms.has(c.term) })));
    const found = this.find(plan, clauses, articleFilter(query), page.offset + page.limit);
    if (found.ranked.length === 0) return { hits: [], total: 0, hint: this.hint(plan, query, found.unfiltered) };
    const hits = found.ranked.slice(page.offset, page.offset + page.limit).map((r) => this.toHit(r, plan, clauses));
    return { hits, total: found.total };
  }

  /** The best `wanted` articles, best first, and how many matched. */
  private find(plan: QueryPlan, clauses: readonly ExpandedClause[], keep: ArticleFilter | null, wanted: number): Ranking {
    const readBefore = this.postings.postingsRead;
    const ranking = this.findBy(plan, clauses, keep, wanted);
    this.lastSearch.postingsRead += this.postings.postingsRead - readBefore;
    return ranking;
  }

  private findBy(plan: QueryPlan, clauses: readonly ExpandedClause[], keep: ArticleFilter | null, wanted: number): Ranking {
    if (worthPruning(this.postings.count(clauses), this.index.documentCount, this.planning)) {
      // Block-max needs no filter, no phrase (checked in every candidate's text) and no change under way.
      const blockMax = this.planning.blockMax !== false && keep === null && plan.phrases.length === 0 && this.changing === 0;
      return blockMax ? this.findBlockMax(plan, clauses, wanted) : this.findPruned(plan, clauses, keep, wanted);
    }
    // Every passage holding a word of the query is scored.
    const ranking = this.select(plan, this.gather(plan, this.postings.score(clauses), clauses), keep, wanted);
    this.lastSearch = { candidates: ranking.total, scored: ranking.total, postingsRead: 0 };
    return ranking;
  }

  /**
   * Block-max pruning (block-max.ts): scores every title holding a word, then only the windows of articles whose
   * bound reaches the page's last score; the total comes from the words' article bitmaps. The page is that of
   * a full search.
   */
  private findBlockMax(plan: QueryPlan, clauses: readonly ExpandedClause[], wanted: number): Ranking {
    const scoring = this.postings.scoringView();
    const docs = this.docs;
    const ordinals = docs.documentOrdinals;
    const view: IndexView = {
      lengths: scoring.lengths,
      documentCount: scoring.documentCount,
      avgLength: scoring.avgLength,
      nextId: Math.min(scoring.nextId, ordinals.length),
      ordinals,
      paragraphs: docs.documentParagraphs,
      slots: docs.slots,
      hasBody: (ordinal) => docs.hasBody(ordinal),
      articleStart: (ordinal) => docs.articleStart(ordinal),
      articleEnd: (ordinal) => docs.articleEnd(ordinal),
    };
    const found = this.blockMax.search(
      clauses.map((c) => c.matches),
      view,
      this.ranking.titleWeight,
      wanted,
      this.planning.blockPostings,
      this.planning.windowMaxScore !== false,
    );
    this.lastSearch = { candidates: found.total, scored: found.scoredArticles, postingsRead: found.postingsRead };
    const ranking = this.select(plan, this.gather(plan, found.touched, clauses), null, wanted);
    return { ranked: ranking.ranked, total: found.total, unfiltered: found.total };
  }

  /**
   * Safe dynamic pruning (term-plan.ts): reads every clause's postings without scoring them, to learn which
   * clauses each article holds and each clause's upper bound; scores the articles of highest bound first, then
   * only those whose bound reaches the page's last score. The page and the total are those of a full search.
   */
  private findPruned(plan: QueryPlan, clauses: readonly ExpandedClause[], keep: ArticleFilter | null, wanted: number): Ranking {
    const held = this.held;
    held.begin(this.docs.slots);
    const clauseBounds = { paragraphs: this.docs.documentParagraphs, body: this.bodyBounds, title: this.titleBounds };
    this.postings.markGroups(clauses, this.docs.documentOrdinals, held, clauseBounds);
    const phraseMask = plan.phrases.length > 0 ? clauseBits(clauses, plan.phraseTerms) : 0;
    // The articles that may match (a body to show, the filters passed, a phrase's words held), with their bounds.
    const candidates = this.candidateOrdinals(held.count);
    const articleBounds = this.candidateBounds(held.count);
    const boundOf = new Map<number, number>();
    let count = 0;
    let unfiltered = 0;
    for (let i = 0; i < held.count; i++) {
      const ordinal = held.touched[i]!;
      const mask = held.value[ordinal]!;
      if (!this.docs.hasBody(ordinal) || (mask & phraseMask) !== phraseMask) continue;
      unfiltered++;
      if (keep !== null && !keep(this.docs.articleAt(ordinal)!)) continue;
      let bound = boundOf.get(mask);
      if (bound === undefined) boundOf.set(mask, (bound = articleBound(mask, this.bodyBounds, this.titleBounds, this.ranking.titleWeight)));
      candidates[count] = ordinal;
      articleBounds[count++] = bound;
    }
    if (count === 0) {
      this.lastSearch = { candidates: 0, scored: 0, postingsRead: 0 };
      return { ranked: [], total: 0, unfiltered };
    }
    // A phrase is checked in the text of each passage: every candidate is scored, for an exact count.
    const firstBound = phraseMask !== 0 ? -Infinity : firstRoundBound(articleBounds, count, wanted);
    let ranking = this.scoreArticles(plan, clauses, keep, wanted, candidates, articleBounds, count, firstBound);
    const last = ranking.ranked[wanted - 1];
    if (firstBound > -Infinity && last && last.score < firstBound) {
      // Some articles below the first round's bound may still beat the page's last entry: score them too.
      let missed = false;
      for (let i = 0; i < count && !missed; i++) missed = articleBounds[i]! < firstBound && articleBounds[i]! >= last.score;
      if (missed) ranking = this.scoreArticles(plan, clauses, keep, wanted, candidates, articleBounds, count, last.score);
    } else if (firstBound > -Infinity && !last) {
      ranking = this.scoreArticles(plan, clauses, keep, wanted, candidates, articleBounds, count, -Infinity);
    }
    return { ranked: ranking.ranked, total: phraseMask !== 0 ? ranking.total : count, unfiltered };
  }

  /** Scores the candidates whose bound reaches `atLeast`, alone. */
  private scoreArticles(
    plan: QueryPlan,
    clauses: readonly ExpandedClause[],
    keep: ArticleFilter | null,
    wanted: number,
    candidates: Int32Array,
    bounds: Float64Array,
    count: number,
    atLeast: number,
  ): Ranking {
    const allowed = this.allowedArticles(this.docs.slots);
    let scored = 0;
    for (let i = 0; i < count; i++) {
      if (bounds[i]! < atLeast) continue;
      allowed[candidates[i]!] = 1;
      scored++;
    }
    this.lastSearch = { candidates: count, scored, postingsRead: 0 };
    const every = clauses.length === 32 ? -1 : (1 << clauses.length) - 1;
    const touched = this.postings.score(clauses, null, { group: this.docs.documentOrdinals, allowed, clauses: every });
    const ranking = this.select(plan, this.gather(plan, touched, clauses), keep, wanted);
    for (let i = 0; i < count; i++) allowed[candidates[i]!] = 0;
    return ranking;
  }

  /** The reused marks of articles allowed to score, for every ordinal below `slots` (all 0 between queries). */
  private allowedArticles(slots: number): Uint8Array {
    if (this.allowed.length < slots) this.allowed = new Uint8Array(Math.max(slots * 2, 1024));
    return this.allowed;
  }

  private candidateOrdinals(size: number): Int32Array {
    if (this.candidates.length < size) this.candidates = new Int32Array(Math.max(size * 2, 1024));
    return this.candidates;
  }

  private candidateBounds(size: number): Float64Array {
    if (this.bounds.length < size) this.bounds = new Float64Array(Math.max(size * 2, 1024));
    return this.bounds;
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

  /**
   * The scored passages gathered by article: each article's best passage and its title document. This loop sees
   * every scored passage (hundreds of thousands for common words at scale): typed arrays and numbers only.
   */
  private gather(plan: QueryPlan, touched: Touched, clauses: readonly ExpandedClause[]): ArticleScores {
    // A passage can hold a phrase only if it holds the phrase's words.
    const phraseMask = clauseBits(clauses, plan.phraseTerms);
    const scores = this.scores;
    scores.begin(this.docs.slots);
    for (let i = 0; i < touched.count; i++) {
      const doc = touched.docs[i]!;
      const ordinal = this.docs.ordinal(doc);
      if (ordinal < 0) continue;
      scores.touch(ordinal);
      const mask = touched.mask[doc]!;
      const raw = touched.score[doc]!;
      const n = this.docs.paragraph(doc);
      if (n === TITLE_PARAGRAPH) {
        scores.titleDoc[ordinal] = doc;
        scores.titleRaw[ordinal] = raw;
        scores.titleMask[ordinal] = mask;
        continue;
      }
      const score = raw;
      if (score <= scores.bestScore[ordinal]!) continue;
      if (plan.phrases.length > 0) {
        if ((mask & phraseMask) !== phraseMask) continue;
        if (!this.hasPhrases(this.docs.articleAt(ordinal)!, n, plan.phrases)) continue;
      }
      scores.bestScore[ordinal] = score;
      scores.bestDoc[ordinal] = doc;
      scores.bestRaw[ordinal] = raw;
      scores.bestMask[ordinal] = mask;
    }
    return scores;
  }

  /**
   * The best `wanted` articles, best first: an article scores its best passage plus its title (weighted). Every
   * article that matches counts; holding more of the words is rewarded by the scores themselves.
   */
  private select(plan: QueryPlan, scores: ArticleScores, keep: ArticleFilter | null, wanted: number): Ranking {
    if (this.finalScores.length < this.docs.slots) {
      this.finalScores = new Float64Array(Math.max(this.docs.slots, 1024) * 2);
      this.clausesOf = new Uint8Array(this.finalScores.length);
      this.keptArticles = new Int32Array(this.finalScores.length);
    }
    const final = this.finalScores;
    const clausesOf = this.clausesOf;
    const kept = this.keptArticles;
    const titleWeight = this.ranking.titleWeight;
    let keptCount = 0;
    let unfiltered = 0;
    for (let i = 0; i < scores.count; i++) {
      const ordinal = scores.touched[i]!;
      const hasBest = scores.bestDoc[ordinal]! >= 0;
      const hasTitle = scores.titleDoc[ordinal]! >= 0;
      // A title match alone needs a passage to show: the lede.
      if (!hasBest && (plan.phrases.length > 0 || !this.docs.hasBody(ordinal))) continue;
      unfiltered++;
      if (keep !== null && !keep(this.docs.articleAt(ordinal)!)) continue;
      clausesOf[ordinal] = bitCount((hasBest ? scores.bestMask[ordinal]! : 0) | (hasTitle ? scores.titleMask[ordinal]! : 0));
      final[ordinal] = (hasBest ? scores.bestRaw[ordinal]! : 0) + titleWeight * (hasTitle ? scores.titleRaw[ordinal]! : 0);
      kept[keptCount++] = ordinal;
    }
    const chosen = kept.subarray(0, keptCount);
    const idOf = (o: number) => this.docs.articleAt(o)!.id;
    const best = topK(chosen, wanted, (a, b) => final[b]! - final[a]! || (idOf(a) < idOf(b) ? -1 : 1));
    const ranked = best.map((ordinal) => {
      const article = this.docs.articleAt(ordinal)!;
      const bestDoc = scores.bestDoc[ordinal]!;
      const titleDoc = scores.titleDoc[ordinal]!;
      return {
        article,
        unit: bestDoc >= 0 ? unitStarting(article, this.docs.paragraph(bestDoc)) : [lede(article)!],
        best: bestDoc >= 0 ? { doc: bestDoc, score: scores.bestRaw[ordinal]!, mask: scores.bestMask[ordinal]! } : null,
        title: titleDoc >= 0 ? { doc: titleDoc, score: scores.titleRaw[ordinal]!, mask: scores.titleMask[ordinal]! } : null,
        clauses: clausesOf[ordinal]!,
        score: final[ordinal]!,
      };
    });
    return { ranked, total: chosen.length, unfiltered };
  }

  /** Whether a paragraph of the unit starting with paragraph `n` holds every phrase. */
  private hasPhrases(article: Article, n: number, phrases: readonly string[]): boolean {
    return unitStarting(article, n).some((p) => holdsPhrases(article, p, phrases));
  }

  private toHit(r: ScoredArticle, plan: QueryPlan, clauses: readonly ExpandedClause[]): SourceHit {
    const { article } = r;
    // The index terms of the clauses matched (a misspelled name's fuzzy matches among them), to mark in the
    // excerpt: a term the passage holds is one its clause matched there.
    const matchedMask = (r.best?.mask ?? 0) | (r.title?.mask ?? 0);
    const matched = clauses.flatMap((clause, i) => ((matchedMask >>> i) & 1 ? clause.matches.map((m) => m.term) : []));
    const wanted = new Set([...matched, ...plan.clauses.map((c) => c.term)]);
    // The paragraph of the unit holding the query's terms best: the most of them, the rarest first (a name
    // before a common word); with every phrase, when there are some.
    let paragraph = r.unit[0]!;
    let marks: Range[] = [];
    let best = -1;
    const documents = this.index.documentCount;
    for (const p of r.unit) {
      if (r.unit.length > 1 && plan.phrases.length > 0 && !holdsPhrases(article, p, plan.phrases)) continue;
      const found: Range[] = [];
      const terms = new Set<string>();
      for (const t of analyzeTerms(article.text.slice(p.start, p.end), this.lexicon)) {
        if (!wanted.has(t.term)) continue;
        found.push([p.start + t.start, p.start + t.end]);
        terms.add(t.term);
      }
      let weight = 0;
      for (const term of terms) weight += 1 + inverseDocumentFrequency(this.vocabulary.get(term) ?? 0, documents);
      if (weight <= best) continue;
      best = weight;
      paragraph = p;
      marks = found;
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
      .map((c) => ({ typed: c.typed, near: nearestTerm(c.term, this.vocabulary, this.initials) }))
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

interface ScoredArticle {
  article: Article;
  /** The paragraphs of the best scoring unit, or the lede when only the title matched. */
  unit: Paragraph[];
  best: Match | null;
  title: Match | null;
  /** How many of the query's clauses the best passage and the title match together. */
  clauses: number;
  score: number;
}

type ArticleFilter = (article: Article) => boolean;

export interface SearchProbe {
  candidates: number;
  scored: number;
  postingsRead: number;
}

interface Ranking {
  /** The best articles, best first, as many as wanted (fewer when fewer match). */
  ranked: ScoredArticle[];
  /** How many articles match in all. */
  total: number;
  /** Matching articles before the outlet and date filters (for the hint). */
  unfiltered: number;
}

/** The bits of the clauses whose terms are listed. */
function clauseBits(clauses: readonly ExpandedClause[], terms: readonly string[]): number {
  let bits = 0;
  clauses.forEach((c, i) => {
    if (terms.includes(c.term)) bits |= 1 << i;
  });
  return bits;
}

export interface RankingOptions {
  /**
   * How much a match in the title and headline counts beside the best body passage: a story whose headline
   * names the topic is usually the best source for it.
   */
  titleWeight: number;
}

export const DEFAULT_RANKING: RankingOptions = { titleWeight: 1 };

/** The excerpt for an article that matched by its title only: its first real paragraph. */
function lede(article: Article): Paragraph | undefined {
  const body = bodyParagraphs(article);
  return body.find((p) => p.end - p.start >= 100) ?? body[0];
}

function bodyParagraphs(article: Article): Paragraph[] {
  return article.paragraphs.filter((p) => p.role === "body");
}

/**
 * What is indexed for an article: its title with the headline lines, and its body paragraphs in scoring units
 * (units.ts), each under the id of its first paragraph.
 */
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
  for (const unit of scoringUnits(article)) {
    const first = unit[0]!;
    // Paragraphs joined by a line break: no acronym is spelled across two of them.
    out.push({ id: first.id, paragraph: first.n, text: unit.map((p) => article.text.slice(p.start, p.end)).join("\n") });
  }
  return out;
}

/** The paragraphs of the scoring unit that starts with paragraph `n`. */
function unitStarting(article: Article, n: number): Paragraph[] {
  const guess = article.paragraphs[n - 1];
  const index = guess?.n === n ? n - 1 : article.paragraphs.findIndex((p) => p.n === n);
  return index < 0 ? [] : unitAt(article, index);
}

function holdsPhrases(article: Article, p: Paragraph, phrases: readonly string[]): boolean {
  return phrases.every((phrase) => hasPhrase(article.text, p.start, p.end, phrase));
}


function learnInto(lexicon: Lexicon, article: Article): void {
  for (const p of article.paragraphs) {
    if (p.role === "furniture") continue;
    for (const { acronym, expansion } of learnAcronyms(article.text.slice(p.start, p.end))) lexicon.add(acronym, expansion);
  }
}

