/**
 * Block-max pruning (src/search/block-max.ts) must rank exactly as scoring everything: same articles, scores,
 * passages, offsets and totals, on random queries over a generated corpus (seeded, so a failure replays) and on
 * the seeds through the /sources command (same replies, page after page). It must also read fewer postings.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sourcesCommand } from "../../commands/sources.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article, Corpus } from "../../src/corpus/types.js";
import type { Newsroom } from "../../src/newsroom.js";
import type { QuoteBook } from "../../src/quotes/quote-book.js";
import { analyze, glossaryLexicon } from "../../src/text/analysis.js";
import { PassageIndex } from "../../src/search/source-index.js";
import type { SourceQuery } from "../../src/search/types.js";
import type { StatementIndex } from "../../src/statements/types.js";
import { makeArticle } from "../helpers/articles.js";

/** A seeded pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Made-up words with Zipf-like frequencies: a few very common, many rare. */
const WORDS = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}q${"abcdefgh"[i % 8]}`);

function zipfWord(next: () => number): string {
  return WORDS[Math.min(WORDS.length - 1, Math.floor(Math.pow(WORDS.length, next()) - 1))]!;
}

/** Articles of one to eight paragraphs of 3 to 60 words, most with a title; some with no body. */
function randomCorpus(next: () => number, count: number, prefix = "a"): Article[] {
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const paragraphs = next() < 0.03 ? 0 : 1 + Math.floor(next() * 8);
    for (let p = 0; p < paragraphs; p++) {
      const length = 3 + Math.floor(next() * 58);
      parts.push(Array.from({ length }, () => zipfWord(next)).join(" ") + ".");
    }
    const title = next() < 0.8 ? Array.from({ length: 2 + Math.floor(next() * 6) }, () => zipfWord(next)).join(" ") : null;
    articles.push(makeArticle(`${prefix}${String(i).padStart(4, "0")}.txt`, parts.length > 0 ? parts : [""], { title }));
  }
  return articles;
}

/** A word of the corpus, or now and then one misspelled (matched fuzzily: a clause of several terms). */
function queryWord(next: () => number): string {
  const word = zipfWord(next);
  return next() < 0.08 ? word.slice(0, 2) + "z" + word.slice(3) : word;
}

const q = (words: string): SourceQuery => ({ words: words.split(" "), phrases: [] });
const EXHAUSTIVE = { fullSearchPostings: Number.MAX_SAFE_INTEGER, fullSearchShare: 0 };
/** Block-max for every query; words of 40 postings or more keep blocks, rarer ones are read whole. */
const BLOCK_MAX = { fullSearchPostings: 0, fullSearchShare: 0, blockPostings: 40 };

function page(index: PassageIndex, query: SourceQuery, offset: number, limit: number) {
  const found = index.search(query, { offset, limit });
  return { total: found.total, hint: found.hint, hits: found.hits.map((h) => [h.doc, h.score, h.paragraph, h.start, h.end, h.marks]) };
}

describe("block-max pruning against scoring everything", () => {
  const next = random(20);
  const articles = randomCorpus(next, 900);
  const blockMax = PassageIndex.build(articles);
  blockMax.planning = BLOCK_MAX;
  const exhaustive = PassageIndex.build(articles);
  exhaustive.planning = EXHAUSTIVE;

  it("gives the same pages and totals on 400 random queries", () => {
    let fewerPostings = 0;
    for (let i = 0; i < 400; i++) {
      const length = 1 + Math.floor(next() * (i % 10 === 0 ? 14 : 5));
      const query = q(Array.from({ length }, () => queryWord(next)).join(" "));
      const limit = [1, 5, 10, 25][i % 4]!;
      const offset = i % 5 === 0 ? 10 : 0;
      const expected = page(exhaustive, query, offset, limit);
      const full = exhaustive.lastSearch.postingsRead;
      expect(page(blockMax, query, offset, limit), query.words.join(" ")).toEqual(expected);
      if (blockMax.lastSearch.postingsRead < full) fewerPostings++;
    }
    expect(fewerPostings).toBeGreaterThan(200);
  });

  it("gives the same pages on 200 long random queries, and MaxScore inside windows reads less than whole windows", () => {
    // Long queries are where MaxScore inside a window matters: many clauses, most of them non-essential.
    const wholeWindows = PassageIndex.build(articles);
    wholeWindows.planning = { ...BLOCK_MAX, windowMaxScore: false };
    let maxScoreRead = 0;
    let wholeRead = 0;
    let maxScoreScored = 0;
    let wholeScored = 0;
    for (let i = 0; i < 200; i++) {
      const length = 6 + Math.floor(next() * 14);
      const query = q(Array.from({ length }, () => queryWord(next)).join(" "));
      const limit = [1, 5, 10, 25][i % 4]!;
      const offset = i % 3 === 0 ? 10 : 0;
      const expected = page(exhaustive, query, offset, limit);
      const words = query.words.join(" ");
      // Twice: the first search of a word makes its blocks (and reads its postings for that).
      blockMax.search(query, { offset, limit });
      expect(page(blockMax, query, offset, limit), words).toEqual(expected);
      maxScoreRead += blockMax.lastSearch.postingsRead;
      maxScoreScored += blockMax.lastSearch.scored;
      wholeWindows.search(query, { offset, limit });
      expect(page(wholeWindows, query, offset, limit), words).toEqual(expected);
      wholeRead += wholeWindows.lastSearch.postingsRead;
      wholeScored += wholeWindows.lastSearch.scored;
    }
    expect(maxScoreRead).toBeLessThan(wholeRead);
    expect(maxScoreScored).toBeLessThan(wholeScored);
  });

  it("reads fewer postings than scoring everything once the words' blocks are made", () => {
    // Common words, not the commonest: those are in nearly every passage of this small corpus, so no bound is low.
    const query = q(`${WORDS[4]} ${WORDS[9]}`);
    blockMax.search(query, { offset: 0, limit: 10 });
    const first = blockMax.lastSearch.postingsRead;
    const expected = page(exhaustive, query, 0, 10);
    const full = exhaustive.lastSearch.postingsRead;
    expect(page(blockMax, query, 0, 10)).toEqual(expected);
    const again = blockMax.lastSearch.postingsRead;
    expect(first).toBeGreaterThanOrEqual(again);
    // Random text has no topics, so bounds prune less than on news (docs/performance.md has the news figures).
    expect(again).toBeLessThan(full * 0.8);
    expect(blockMax.lastSearch.candidates).toBe(expected.total);
  });

  it("gives the same pages when titles weigh more than passages (titles scored window by window)", () => {
    // Titles three times a passage: the page is often decided by titles, so their windows' bounds matter.
    const heavy = PassageIndex.build(articles);
    heavy.planning = BLOCK_MAX;
    heavy.ranking = { titleWeight: 3 };
    const reference = PassageIndex.build(articles);
    reference.planning = EXHAUSTIVE;
    reference.ranking = { titleWeight: 3 };
    for (let i = 0; i < 200; i++) {
      const length = 1 + Math.floor(next() * (i % 5 === 0 ? 12 : 4));
      const query = q(Array.from({ length }, () => queryWord(next)).join(" "));
      const limit = [1, 5, 10, 25][i % 4]!;
      const offset = i % 3 === 0 ? 10 : 0;
      const expected = page(reference, query, offset, limit);
      heavy.search(query, { offset, limit });
      expect(page(heavy, query, offset, limit), query.words.join(" ")).toEqual(expected);
    }
  });

  it("scores only the titles of windows that can reach the page", () => {
    // Every title holds "wtitle"; "wrarez" is in the bodies of 30 articles. The page is theirs: the titles of the
    // other articles (most windows) cannot reach it and are not read.
    const made = random(11);
    const corpus = randomCorpus(made, 600, "t").map((article, i) =>
      makeArticle(
        article.id,
        article.paragraphs.map((p, n) => article.text.slice(p.start, p.end) + (n === 0 && i % 20 === 0 ? " wrarez wrarez" : "")),
        { title: `wtitle ${article.title ?? ""}`.trim() },
      ),
    );
    const index = PassageIndex.build(corpus);
    index.planning = BLOCK_MAX;
    const reference = PassageIndex.build(corpus);
    reference.planning = EXHAUSTIVE;
    const query = q("wtitle wrarez");
    index.search(query, { offset: 0, limit: 3 });
    expect(page(index, query, 0, 3)).toEqual(page(reference, query, 0, 3));
    // Every title holding "wtitle" would be about 600 postings on its own.
    expect(index.lastSearch.postingsRead).toBeLessThan(300);
  });

  it("stays exact while articles are added, replaced and removed (their words' blocks are made again)", () => {
    const more = random(7);
    const index = PassageIndex.build(articles);
    index.planning = BLOCK_MAX;
    const queries = Array.from({ length: 30 }, () => q(`${zipfWord(more)} ${zipfWord(more)} ${zipfWord(more)}`));
    for (const query of queries) index.search(query, { offset: 0, limit: 10 });
    const changed = randomCorpus(more, 40, "a");
    const added = randomCorpus(more, 40, "new");
    for (const article of [...changed, ...added]) index.upsert(article);
    for (const article of articles.slice(100, 140)) index.remove(article.id);
    const now = new Map(articles.map((a) => [a.id, a]));
    for (const article of [...changed, ...added]) now.set(article.id, article);
    for (const article of articles.slice(100, 140)) now.delete(article.id);
    const reference = PassageIndex.build([...now.values()]);
    reference.planning = EXHAUSTIVE;
    for (const query of queries) {
      expect(page(index, query, 0, 10), query.words.join(" ")).toEqual(page(reference, query, 0, 10));
    }
  });
});

/** /sources uses the corpus and the passage index only. */
function newsroomFor(corpus: Corpus, sources: PassageIndex): Newsroom {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const unused = (what: string) => () => {
    throw new Error(`/sources must not use ${what}`);
  };
  return {
    location: corpus.location,
    articles: () => corpus.articles,
    article: (doc) => byId.get(doc),
    sources,
    quotes: new Proxy({}, { get: unused("quotes") }) as QuoteBook,
    problems: () => corpus.problems,
    statements: unused("statements") as () => StatementIndex,
    statementsIfReady: () => null,
    firstSeen: () => null,
  };
}

describe("block-max pruning on the seeds, through /sources", () => {
  let corpus: Corpus;
  let vocabulary: string[];
  beforeAll(async () => {
    corpus = await loadCorpus("seeds", { log: memoryLogger() });
    // The seeds' words by how many passages hold them, most first: common words make the pruned queries.
    const counts = new Map<string, number>();
    const lexicon = glossaryLexicon();
    for (const article of corpus.articles) {
      for (const p of article.paragraphs) {
        for (const term of new Set(analyze(article.text.slice(p.start, p.end), lexicon))) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
    }
    vocabulary = [...counts.entries()].filter(([t]) => /^[a-z]{3,}$/.test(t)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
  });

  it("answers 150 random queries with the same replies, page after page", async () => {
    const dispatcher = createDispatcher<Newsroom>([sourcesCommand]);
    const pruned = PassageIndex.build(corpus.articles);
    pruned.planning = { fullSearchPostings: 0, fullSearchShare: 0, blockPostings: 8 };
    const full = PassageIndex.build(corpus.articles);
    full.planning = EXHAUSTIVE;
    const ask = (newsroom: Newsroom, input: string, page: number) =>
      dispatcher.dispatch(input, { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(0), page, limit: 5 });
    const a = newsroomFor(corpus, pruned);
    const b = newsroomFor(corpus, full);
    const next = random(5);
    const pick = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, next()) - 1))]!;
    let pruning = 0;
    for (let i = 0; i < 150; i++) {
      const input = `/sources ${Array.from({ length: 1 + Math.floor(next() * 4) }, pick).join(" ")}`;
      for (const pageNumber of [0, 1]) {
        const got = await ask(a, input, pageNumber);
        const want = await ask(b, input, pageNumber);
        expect(got.results, input).toEqual(want.results);
        expect(got.reply, input).toEqual(want.reply);
      }
      if (pruned.lastSearch.scored < pruned.lastSearch.candidates) pruning++;
    }
    // Some queries leave articles unscored (the seeds are few: most queries score nearly everything).
    expect(pruning).toBeGreaterThan(0);
  });
});
