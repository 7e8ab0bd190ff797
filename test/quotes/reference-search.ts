/**
 * The reference for quotation search (see test/quotes/book-search.test.ts): the straightforward algorithm the
 * book's search must agree with, and queries drawn from a book's own quotations. Shared by the search tests and
 * the snapshot tests (a book read back from its snapshot must answer as the reference, and as a fresh book).
 */
import MiniSearch from "minisearch";
import { expect } from "vitest";
import type { Marks } from "../../src/core/reply.js";
import type { Article } from "../../src/corpus/types.js";
import type { QuoteBook } from "../../src/quotes/quote-book.js";
import type { QuoteHit, QuoteQuery, Quotation, Speaker, TopicMatch } from "../../src/quotes/types.js";
import { normalizeTerm, tokenize } from "../../src/text/analysis.js";
import { foldText } from "../../src/text/fold.js";
import { leadOf } from "../../src/quotes/book.js";
import { quotationContext } from "../../src/quotes/context.js";

type Page = { offset: number; limit: number };
export const PAGES: Page[] = [
  { offset: 0, limit: 10 },
  { offset: 10, limit: 10 },
  { offset: 3, limit: 4 },
];

/** The reference: the old search, over its own MiniSearch index of the book's quotations. */
export class ReferenceSearch {
  private readonly index = new MiniSearch<{ id: string; text: string }>({
    fields: ["text"],
    idField: "id",
    tokenize: (text) => tokenize(text).map((t) => t.term),
    processTerm: (term) => normalizeTerm(term) ?? null,
  });
  private readonly byId: Map<string, Quotation>;

  /**
   * `articles`: the book's articles, for dates, outlets, paragraphs (without them, none is known). `organisations`:
   * a role speaker's organisation ("Home Office spokesman" -> "Home Office", organisationsOf): the role's quotations
   * are also found under that name.
   */
  constructor(
    private readonly quotations: readonly Quotation[],
    private readonly articles: ReadonlyMap<string, Article> = new Map(),
    private readonly organisations: ReadonlyMap<string, string> = new Map(),
  ) {
    this.index.addAll(quotations.map((q) => ({ id: q.id, text: q.text })));
    this.byId = new Map(quotations.map((q) => [q.id, q]));
  }

  search(query: QuoteQuery, page: Page): { hits: QuoteHit[]; total: number } {
    const { quotations, byId } = this;
    const by = (q: Quotation) => q.speaker !== null && (q.speaker === query.speaker || this.organisations.get(q.speaker) === query.speaker);
    const allowed = query.speaker === null ? null : new Set(quotations.filter(by).map((q) => q.id));
    const phraseKeys = query.phrases.map(foldPhrase).filter(Boolean);
    const terms = [...query.words, ...query.phrases.flatMap((p) => p.split(/\s+/))]
      .flatMap((w) => tokenize(w).map((t) => normalizeTerm(t.term)))
      .filter((t): t is string => t !== null);
    const termSet = new Set(terms);
    const article = (q: Quotation) => this.articles.get(q.doc);
    const day = (q: Quotation) => article(q)?.published?.slice(0, 10) ?? "";
    const outlet = query.outlet ? foldText(query.outlet).trim() : "";
    const passesFilters = (q: Quotation) => {
      const a = article(q);
      if (outlet && !(a?.outlet && foldText(a.outlet).includes(outlet))) return false;
      if (query.after && !(day(q) && day(q) >= query.after)) return false;
      if (query.before && !(day(q) && day(q) <= query.before)) return false;
      return true;
    };
    const passes = (q: Quotation) => phraseKeys.every((p) => foldPhrase(q.text).includes(p)) && passesFilters(q);
    const newer = (a: Quotation, b: Quotation) => (day(a) === day(b) ? 0 : day(a) < day(b) ? 1 : -1);

    let ranked: Array<QuoteHit & { tier: number }>;
    if (termSet.size === 0) {
      const pool = quotations.filter((q) => (allowed === null || allowed.has(q.id)) && passes(q));
      const byDate = query.speaker !== null || query.sort === "new";
      ranked = pool
        .map((q, order) => ({ q, order }))
        .sort((a, b) => (byDate ? newer(a.q, b.q) : 0) || kindRank(a.q) - kindRank(b.q) || b.q.confidence - a.q.confidence || a.order - b.order)
        .map(({ q }) => ({ quotation: q, score: round(q.confidence), marks: [], match: null, copies: [], tier: 0 }));
    } else {
      // The words are searched as normalized once (the old code let MiniSearch normalize them again).
      const results = this.index.search([...termSet].join(" "), {
        combineWith: "OR",
        tokenize: (text) => text.split(" "),
        processTerm: (term) => term,
        filter: allowed ? (r) => allowed.has(r.id as string) : undefined,
      });
      ranked = [];
      // More topic words said, then a whole quotation before a short fragment (a partial one of under 8 words).
      const order = new Map<string, number>();
      for (const r of results) {
        const q = byId.get(r.id as string);
        if (!q || !passes(q)) continue;
        const score = r.score * (0.6 + 0.4 * q.confidence) * (q.kind === "partial" ? 0.9 : 1);
        const fragment = q.kind === "partial" && q.text.split(/\s+/).filter(Boolean).length < 8;
        order.set(q.id, new Set(r.queryTerms).size * 2 + (fragment ? 0 : 1));
        ranked.push({ quotation: q, score: round(score), marks: marksOf(q.text, termSet), match: "words", copies: [], tier: 0 });
      }
      ranked.sort((a, b) => order.get(b.quotation.id)! - order.get(a.quotation.id)! || b.score - a.score);
      if (allowed !== null && allowed.size > 0) {
        const found = new Set(ranked.map((h) => h.quotation.id));
        const about: Array<{ q: Quotation; order: number; tier: number }> = [];
        quotations.forEach((q, order) => {
          const a = article(q);
          if (!allowed.has(q.id) || found.has(q.id) || !a || !passesFilters(q)) return;
          const p = a.paragraphs.find((x) => x.n === q.paragraph);
          const inParagraph = p ? countTerms(a.text.slice(p.start, p.end), termSet) === termSet.size : false;
          const body = leadOf(a).map((x) => a.text.slice(x.start, x.end));
          const inArticle = countTerms([a.title ?? "", ...body].join("\n"), termSet) === termSet.size;
          if (!inParagraph && !inArticle) return;
          // The sentence quoting it, its own words left out.
          const { sentence } = quotationContext(a, q, quotations.filter((n) => n.doc === q.doc));
          const around = `${a.text.slice(sentence.start, Math.max(sentence.start, q.start))}\n${a.text.slice(Math.min(sentence.end, q.end), sentence.end)}`;
          const inSentence = inParagraph && countTerms(around, termSet) === termSet.size;
          about.push({ q, order, tier: inSentence ? 1 : inParagraph ? 2 : 3 });
        });
        about.sort((x, y) => x.tier - y.tier || newer(x.q, y.q) || y.q.confidence - x.q.confidence || x.order - y.order);
        const matchOf: TopicMatch[] = ["words", "sentence", "paragraph", "article"];
        for (const x of about) ranked.push({ quotation: x.q, score: 0, marks: [], match: matchOf[x.tier]!, copies: [], tier: x.tier });
      }
      if (query.sort === "new") ranked.sort((a, b) => a.tier - b.tier || newer(a.quotation, b.quotation));
    }
    const collapsed = collapseRepeats(ranked.map(({ tier: _, ...hit }) => hit));
    return { hits: collapsed.slice(page.offset, page.offset + page.limit), total: collapsed.length };
  }
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

function countTerms(text: string, wanted: ReadonlySet<string>): number {
  const found = new Set(tokenize(text).map((t) => normalizeTerm(t.term)));
  return [...wanted].filter((t) => found.has(t)).length;
}

function words(key: string): number {
  return key === "" ? 0 : key.split(" ").length;
}

/** Wire copies (same speaker, same words, a better-ranked hit) out, listed on their leader; then repeats by article. */
function collapseRepeats(ranked: readonly QuoteHit[]): QuoteHit[] {
  const leaders = new Map<string, QuoteHit>();
  const copiesOf = new Map<QuoteHit, string[]>();
  const hits: QuoteHit[] = [];
  for (const hit of ranked) {
    const key = `${hit.quotation.speaker ?? ""}\n${foldPhrase(hit.quotation.text)}`;
    const leader = leaders.get(key);
    if (leader) copiesOf.get(leader)!.push(hit.quotation.id);
    else {
      leaders.set(key, hit);
      copiesOf.set(hit, []);
      hits.push(hit);
    }
  }
  const groups: Array<{ members: QuoteHit[]; keys: string[] }> = [];
  const byDoc = new Map<string, Array<(typeof groups)[number]>>();
  for (const hit of hits) {
    const key = foldPhrase(hit.quotation.text);
    const docGroups = byDoc.get(hit.quotation.doc) ?? [];
    const group = docGroups.find((g) => g.keys.some((k) => k === key || ((k.includes(key) || key.includes(k)) && Math.min(words(k), words(key)) >= 3)));
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
  // Copies in rank order: the order they were met in.
  const rank = new Map(ranked.map((h, i) => [h.quotation.id, i]));
  return groups.map((g) => {
    const best = [...g.members].sort(
      (a, b) => b.quotation.confidence - a.quotation.confidence || b.quotation.text.length - a.quotation.text.length,
    )[0]!;
    const score = Math.max(...g.members.map((m) => m.score));
    const copies = g.members.flatMap((m) => copiesOf.get(m)!).sort((a, b) => rank.get(a)! - rank.get(b)!);
    return { ...best, score, copies };
  });
}

/**
 * Queries drawn from the book's own quotations, the same for any corpus: the most and least quoted speakers, the
 * most frequent words (thousands of hits at scale), rare words, phrases cut from quotations (also with other case
 * and punctuation), and combinations, plus words that normalize specially and words that match nothing.
 */
export function queriesFrom(quotations: readonly Quotation[]): QuoteQuery[] {
  const speakerCounts = new Map<string, number>();
  for (const q of quotations) if (q.speaker) speakerCounts.set(q.speaker, (speakerCounts.get(q.speaker) ?? 0) + 1);
  const bySize = [...speakerCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
  const speakers = pickSpread(bySize, 8);

  const wordCounts = new Map<string, number>();
  for (const q of quotations) {
    for (const t of new Set(tokenize(q.text).map((x) => x.term.toLowerCase()))) {
      if (normalizeTerm(t) !== null && /^\p{L}+$/u.test(t)) wordCounts.set(t, (wordCounts.get(t) ?? 0) + 1);
    }
  }
  const words = [...wordCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const common = words.slice(0, 6);
  const rare = pickSpread(words.slice(Math.floor(words.length / 2)), 6);
  const phrases = pickSpread(quotations.filter((q) => tokenize(q.text).length >= 6), 6).map((q) => {
    const tokens = tokenize(q.text);
    return q.text.slice(tokens[1]!.start, tokens[3]!.end);
  });

  const queries: QuoteQuery[] = [];
  const add = (speaker: string | null, words: string[], phrases: string[] = [], more: Partial<QuoteQuery> = {}) =>
    queries.push({ speaker, words, phrases, ...more });
  for (const w of common) add(null, [w]);
  add(null, common.slice(0, 2));
  add(null, common.slice(2, 5));
  for (const w of rare) add(null, [w]);
  add(null, [rare[0]!, common[0]!]);
  for (const p of phrases) add(null, [], [p]);
  add(null, [], [phrases[0]!.toUpperCase().replace(/ /g, ", ")]);
  add(null, [common[1]!], [phrases[1]!]);
  for (const [i, s] of speakers.entries()) {
    add(s, []);
    add(s, [common[i % common.length]!]);
    add(s, [rare[i % rare.length]!, common[(i + 1) % common.length]!]);
  }
  add(speakers[0]!, [], [phrases[2]!]);
  // Newest first, and the outlet and date filters (an outlet's name folded, a part of it).
  add(speakers[1]!, [common[0]!], [], { sort: "new" });
  add(null, [common[0]!], [], { sort: "new" });
  add(null, [], [phrases[3]!], { sort: "new" });
  add(null, [common[1]!], [], { after: "2023-01-15", before: "2023-06-30" });
  add(speakers[2]!, [common[2]!], [], { outlet: "ta" });
  add(speakers[2]!, [], [], { after: "2000-01-01" });
  add(speakers[0]!, ["the"], ["of the"]);
  // No topic word at all: everyone's quotations, surest first (commands/quote.ts asks for a speaker then).
  add(null, [], ["of the"]);
  add(null, []);
  add(null, ["US"]);
  add(null, ["AIDS", "U.S."]);
  add(null, ["children", "Kiev", "Russia's"]);
  add(null, ["zzqxv"]);
  add("Nobody Anyone", [common[0]!]);
  add("Nobody Anyone", []);
  // A long pasted sentence: many words, most of them common.
  add(null, quotations.find((q) => tokenize(q.text).length > 25)?.text.split(/\s+/) ?? []);
  // More distinct words than the postings score at once (32).
  const longest = [...quotations].sort((a, b) => b.text.length - a.text.length || (a.id < b.id ? -1 : 1)).slice(0, 4);
  const many = [...new Set(longest.flatMap((q) => tokenize(q.text).map((t) => t.term)))];
  add(null, many);
  add(speakers[0]!, many);
  return queries;
}

/** `count` items spread evenly over the list, first and last included. */
function pickSpread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

export function expectSameAnswers(book: QuoteBook, queries: readonly QuoteQuery[], articles: ReadonlyMap<string, Article> = articlesOf(book)): number {
  const reference = new ReferenceSearch(book.quotations, articles, organisationsOf(book));
  let withHits = 0;
  for (const query of queries) {
    for (const page of PAGES) {
      const expected = reference.search(query, page);
      const actual = book.search(query, page);
      expect(actual, JSON.stringify({ query, page })).toEqual(expected);
      if (expected.hits.length > 0) withHits++;
    }
  }
  return withHits;
}

/** The book's articles, when it is a corpus book (it knows its own). */
export function articlesOf(book: QuoteBook): Map<string, Article> {
  const extracted = (book as { extracted?: () => Array<{ doc: string; article: Article }> }).extracted;
  return new Map((extracted ? extracted.call(book) : []).map((e) => [e.doc, e.article]));
}

/**
 * The book's role speakers with the body they speak for ("Home Office spokesman" -> "Home Office"). A person's aide
 * or spokesman ("Tony Blair’s spokesman") speaks in their own words: not filed under the person.
 */
export function organisationsOf(book: QuoteBook): Map<string, string> {
  const forABody = (s: Speaker): boolean =>
    s.organisation !== undefined && book.speakers.resolve(s.organisation)?.kind !== "person" && !s.name.startsWith(`${s.organisation}’s `);
  return new Map(book.speakers.speakers.filter(forABody).map((s) => [s.name, s.organisation!]));
}
