/**
 * The QuoteBook: every quotation of the corpus with its canonical speaker, searchable by speaker and topic.
 * Topic ranking is MiniSearch (BM25) over the quotation texts with the shared text analysis, so "children"
 * finds "child" and "Kiev" finds "Kyiv"; the scores are read from MiniSearch's postings (postings.ts), and only
 * the quotations of the page asked for are marked. The same words quoted twice in one article are shown once
 * (repeats.ts).
 */
import MiniSearch from "minisearch";
import type { Marks } from "../core/reply.js";
import type { Article, Corpus } from "../corpus/types.js";
import { normalizeTerm, tokenize } from "../search/analysis.js";
import { Postings } from "../search/postings.js";
import { quoteArticle, type ArticleQuotes } from "./article-quotes.js";
import { phraseKey } from "./phrase-key.js";
import { NO_SPEAKER, QuoteTable } from "./quote-table.js";
import { buildSpeakerRegistry, type BuiltRegistry } from "./registry.js";
import { collapseRepeats, type RankedHits } from "./repeats.js";
import type { QuoteBook, QuoteHit, QuoteQuery, Quotation } from "./types.js";

interface Entry {
  article: Article;
  extracted: ArticleQuotes;
}

interface State {
  registry: BuiltRegistry;
  quotations: Quotation[];
  byId: Map<string, Quotation>;
  table: QuoteTable;
}

interface IndexedQuote {
  id: string;
  text: string;
}

export class CorpusQuoteBook implements QuoteBook {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new MiniSearch<IndexedQuote>({
    fields: ["text"],
    idField: "id",
    tokenize: (text) => tokenize(text).map((t) => t.term),
    processTerm: (term) => normalizeTerm(term) ?? null,
  });
  private readonly postings = Postings.of(this.index, "text");
  private state: State | null = null;

  constructor(articles: readonly Article[] = []) {
    for (const article of articles) this.add(article);
  }

  /** A book from quotations extracted earlier (a snapshot): no extraction runs; the registry is rebuilt from them. */
  static fromExtracted(entries: Iterable<{ article: Article; extracted: ArticleQuotes }>): CorpusQuoteBook {
    const book = new CorpusQuoteBook();
    for (const { article, extracted } of entries) book.addExtracted(article, extracted);
    return book;
  }

  /** Every article's own extraction (article-local speaker names), in corpus order: what a snapshot saves. */
  extracted(): Array<{ doc: string; extracted: ArticleQuotes }> {
    return [...this.entries.values()].map((e) => ({ doc: e.article.id, extracted: e.extracted }));
  }

  get quotations(): readonly Quotation[] {
    return this.current().quotations;
  }

  get speakers(): BuiltRegistry {
    return this.current().registry;
  }

  upsert(article: Article): void {
    this.remove(article.id);
    this.add(article);
  }

  remove(doc: string): void {
    const entry = this.entries.get(doc);
    if (!entry) return;
    // Removed from the postings now (not discarded until a vacuum), so that scores are those of a fresh index.
    for (const q of entry.extracted.quotations) this.index.remove({ id: q.id, text: q.text });
    this.entries.delete(doc);
    this.state = null;
  }

  /** One quotation by id, with its canonical speaker. */
  quotation(id: string): Quotation | undefined {
    return this.current().byId.get(id);
  }

  search(query: QuoteQuery, page: { offset: number; limit: number }): { hits: QuoteHit[]; total: number } {
    const { table } = this.current();
    const speaker = query.speaker === null ? null : table.speakerNumber(query.speaker);
    const phraseKeys = query.phrases.map(phraseKey).filter(Boolean);
    const passesPhrases = phraseKeys.length === 0 ? null : (position: number) => phraseKeys.every((p) => table.phraseKeyOf(position).includes(p));
    const terms = queryTerms(query);
    const ranked =
      terms.length === 0
        ? byConfidence(table, speaker, passesPhrases)
        : this.byRelevance(table, terms, speaker, passesPhrases);
    const { groups, total } = collapseRepeats(ranked, table, page);
    const termSet = new Set(terms);
    // Only the page's quotations are marked.
    const hits = groups.map(({ shown, score }) => {
      const quotation = table.quotations[ranked.positions[shown]!]!;
      return { quotation, score, marks: terms.length === 0 ? [] : marksOf(quotation.text, termSet) };
    });
    return { hits, total };
  }

  /**
   * The quotations matching any of the terms, by MiniSearch's BM25 score read from the postings (postings.ts),
   * weighted so that sure attributions and whole sentences come first among equally relevant quotations.
   */
  private byRelevance(table: QuoteTable, terms: readonly string[], speaker: number | null, passesPhrases: ((position: number) => boolean) | null): RankedHits {
    const found = terms.length <= MAX_CLAUSES ? this.scoreFromPostings(table, terms, speaker) : this.scoreWithMiniSearch(table, terms, speaker);
    const positions = new Int32Array(found.count);
    const raw = new Float64Array(found.count);
    const scores = new Float64Array(found.count);
    let count = 0;
    for (let i = 0; i < found.count; i++) {
      const position = found.positions[i]!;
      if (passesPhrases && !passesPhrases(position)) continue;
      positions[count] = position;
      raw[count] = found.scores[i]!;
      // (score * (0.6 + 0.4 * confidence)) * (0.9 for a partial quotation): in this order, so that the
      // floating-point result (and so the order of near-ties) is what it always was.
      scores[count] = round(found.scores[i]! * table.confidenceWeight[position]! * (table.partial[position] === 1 ? 0.9 : 1));
      count++;
    }
    return {
      count,
      positions,
      scores,
      // Best score first; on a tie, MiniSearch's order: its own score, then the order it found them in.
      compare: (a, b) => scores[b]! - scores[a]! || raw[b]! - raw[a]! || a - b,
    };
  }

  /** MiniSearch's scores (`combineWith: "OR"`), in the order MiniSearch finds the documents. */
  private scoreFromPostings(table: QuoteTable, terms: readonly string[], speaker: number | null): { count: number; positions: Int32Array; scores: Float64Array } {
    const clauses = this.postings.expand(terms.map((term) => ({ term, fuzzy: false })));
    const touched = this.postings.score(clauses, speaker === null ? null : (shortId) => table.isBy(shortId, speaker));
    const positions = new Int32Array(touched.count);
    const scores = new Float64Array(touched.count);
    let count = 0;
    for (let i = 0; i < touched.count; i++) {
      const doc = touched.docs[i]!;
      const position = table.positionOf(doc);
      if (position < 0) continue;
      positions[count] = position;
      scores[count] = touched.score[doc]!;
      count++;
    }
    return { count, positions, scores };
  }

  /** More terms than the postings score at once (a long pasted text): MiniSearch itself, sorted by score. */
  private scoreWithMiniSearch(table: QuoteTable, terms: readonly string[], speaker: number | null): { count: number; positions: Int32Array; scores: Float64Array } {
    const results = this.index.search(terms.join(" "), {
      combineWith: "OR",
      // The terms are normalized already, as the indexed ones were: not a second time.
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term,
    });
    const positions = new Int32Array(results.length);
    const scores = new Float64Array(results.length);
    let count = 0;
    for (const r of results) {
      const shortId = this.postings.shortId(r.id as string);
      if (shortId === undefined || (speaker !== null && !table.isBy(shortId, speaker))) continue;
      positions[count] = table.positionOf(shortId);
      scores[count] = r.score;
      count++;
    }
    return { count, positions, scores };
  }

  private add(article: Article): void {
    this.addExtracted(article, quoteArticle(article));
  }

  private addExtracted(article: Article, extracted: ArticleQuotes): void {
    this.entries.set(article.id, { article, extracted });
    this.index.addAll(extracted.quotations.map((q) => ({ id: q.id, text: q.text })));
    this.state = null;
  }

  private current(): State {
    if (this.state) return this.state;
    const inputs = [...this.entries.values()].map((e) => ({ doc: e.article.id, named: e.extracted.named, quotations: e.extracted.quotations }));
    const registry = buildSpeakerRegistry(inputs);
    const quotations: Quotation[] = [];
    for (const { article, extracted } of this.entries.values()) {
      for (const q of extracted.quotations) {
        const speaker = q.speaker === null ? null : (registry.canonical(article.id, q.speaker)?.name ?? q.speaker);
        quotations.push(speaker === q.speaker ? q : { ...q, speaker });
      }
    }
    const table = new QuoteTable(quotations, (id) => this.postings.shortId(id));
    this.state = { registry, quotations, byId: new Map(quotations.map((q) => [q.id, q])), table };
    return this.state;
  }
}

export function buildQuoteBook(corpus: Pick<Corpus, "articles">): CorpusQuoteBook {
  return new CorpusQuoteBook(corpus.articles);
}

/** Postings score at most 32 clauses at once. */
const MAX_CLAUSES = 32;

/**
 * The query's words and the words of its phrases as the index holds them: normalized once, like the indexed
 * text (normalizing twice differs for a few words: "US" -> us, a stop word; "AIDS" -> aids -> aid). First seen first.
 */
function queryTerms(query: QuoteQuery): string[] {
  const terms = [...query.words, ...query.phrases.flatMap((p) => p.split(/\s+/))]
    .flatMap((w) => tokenize(w).map((t) => normalizeTerm(t.term)))
    .filter((t): t is string => t !== null);
  return [...new Set(terms)];
}

/** Without topic words: the speaker's quotations (everyone's for null) with the phrases, surest first. */
function byConfidence(table: QuoteTable, speaker: number | null, passesPhrases: ((position: number) => boolean) | null): RankedHits {
  const order = speaker === NO_SPEAKER ? new Int32Array(0) : table.byConfidence(speaker);
  const positions = passesPhrases ? order.filter(passesPhrases) : order;
  const scores = new Float64Array(positions.length);
  positions.forEach((position, i) => {
    scores[i] = round(table.quotations[position]!.confidence);
  });
  return { count: positions.length, positions, scores, compare: (a, b) => a - b };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function marksOf(text: string, terms: ReadonlySet<string>): Marks {
  const marks: Array<readonly [number, number]> = [];
  for (const t of tokenize(text)) {
    const term = normalizeTerm(t.term);
    if (term !== null && terms.has(term)) marks.push([t.start, t.end]);
  }
  return marks;
}
