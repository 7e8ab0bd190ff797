/**
 * The QuoteBook: every quotation of the corpus with its canonical speaker, searchable by speaker and topic.
 * Topic ranking is MiniSearch (BM25) over the quotation texts with the shared text analysis, so "children"
 * finds "child" and "Kiev" finds "Kyiv". The same words quoted twice in one article are shown once.
 */
import MiniSearch from "minisearch";
import type { Marks } from "../core/reply.js";
import type { Article, Corpus } from "../corpus/types.js";
import { foldText, normalizeTerm, tokenize } from "../search/analysis.js";
import { quoteArticle, type ArticleQuotes } from "./article-quotes.js";
import { buildSpeakerRegistry, type BuiltRegistry } from "./registry.js";
import type { QuoteBook, QuoteHit, QuoteQuery, Quotation } from "./types.js";

interface Entry {
  article: Article;
  extracted: ArticleQuotes;
}

interface State {
  registry: BuiltRegistry;
  quotations: Quotation[];
  byId: Map<string, Quotation>;
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
    for (const q of entry.extracted.quotations) this.index.discard(q.id);
    this.entries.delete(doc);
    this.state = null;
  }

  /** One quotation by id, with its canonical speaker. */
  quotation(id: string): Quotation | undefined {
    return this.current().byId.get(id);
  }

  search(query: QuoteQuery, page: { offset: number; limit: number }): { hits: QuoteHit[]; total: number } {
    const { quotations, byId } = this.current();
    const allowed = query.speaker === null ? null : new Set(quotations.filter((q) => q.speaker === query.speaker).map((q) => q.id));
    const phraseKeys = query.phrases.map(foldPhrase).filter(Boolean);
    const terms = [...query.words, ...query.phrases.flatMap((p) => p.split(/\s+/))]
      .flatMap((w) => tokenize(w).map((t) => normalizeTerm(t.term)))
      .filter((t): t is string => t !== null);
    const termSet = new Set(terms);
    const passesPhrases = (q: Quotation) => phraseKeys.every((p) => foldPhrase(q.text).includes(p));

    let ranked: QuoteHit[];
    if (termSet.size === 0) {
      const pool = quotations.filter((q) => (allowed === null || allowed.has(q.id)) && passesPhrases(q));
      ranked = pool
        .map((q, order) => ({ q, order }))
        .sort((a, b) => kindRank(a.q) - kindRank(b.q) || b.q.confidence - a.q.confidence || a.order - b.order)
        .map(({ q }) => ({ quotation: q, score: round(q.confidence), marks: [] }));
    } else {
      const results = this.index.search([...termSet].join(" "), {
        combineWith: "OR",
        filter: allowed ? (r) => allowed.has(r.id as string) : undefined,
      });
      ranked = [];
      for (const r of results) {
        const q = byId.get(r.id as string);
        if (!q || !passesPhrases(q)) continue;
        // Sure attributions and whole sentences first among equally relevant quotations.
        const score = r.score * (0.6 + 0.4 * q.confidence) * (q.kind === "partial" ? 0.9 : 1);
        ranked.push({ quotation: q, score: round(score), marks: marksOf(q.text, termSet) });
      }
      ranked.sort((a, b) => b.score - a.score);
    }
    const collapsed = collapseRepeats(ranked);
    return { hits: collapsed.slice(page.offset, page.offset + page.limit), total: collapsed.length };
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
    this.state = { registry, quotations, byId: new Map(quotations.map((q) => [q.id, q])) };
    return this.state;
  }
}

export function buildQuoteBook(corpus: Pick<Corpus, "articles">): CorpusQuoteBook {
  return new CorpusQuoteBook(corpus.articles);
}

function kindRank(q: Quotation): number {
  return q.kind === "partial" ? 1 : 0;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function foldPhrase(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function marksOf(text: string, terms: ReadonlySet<string>): Marks {
  const marks: Array<readonly [number, number]> = [];
  for (const t of tokenize(text)) {
    const term = normalizeTerm(t.term);
    if (term !== null && terms.has(term)) marks.push([t.start, t.end]);
  }
  return marks;
}

/**
 * The same words quoted twice in one article (a sub-headline repeating the body, or one quotation inside a
 * longer one) are shown once: the surest attribution, the longer text on a tie, at the better score.
 */
function collapseRepeats(hits: readonly QuoteHit[]): QuoteHit[] {
  const groups: Array<{ members: QuoteHit[]; keys: string[] }> = [];
  const byDoc = new Map<string, Array<(typeof groups)[number]>>();
  for (const hit of hits) {
    const key = foldPhrase(hit.quotation.text);
    const docGroups = byDoc.get(hit.quotation.doc) ?? [];
    const group = docGroups.find((g) => g.keys.some((k) => k.includes(key) || key.includes(k)));
    if (group) {
      group.members.push(hit);
      group.keys.push(key);
    } else {
      const created = { members: [hit], keys: [key] };
      groups.push(created);
      docGroups.push(created);
      byDoc.set(hit.quotation.doc, docGroups);
    }
  }
  return groups.map((g) => {
    const best = [...g.members].sort(
      (a, b) => b.quotation.confidence - a.quotation.confidence || b.quotation.text.length - a.quotation.text.length,
    )[0]!;
    const score = Math.max(...g.members.map((m) => m.score));
    return { ...best, score };
  });
}
