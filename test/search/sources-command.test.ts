import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { sourcesCommand } from "../../commands/sources.js";
import { createDispatcher, type Dispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Corpus } from "../../src/corpus/types.js";
import type { Newsroom } from "../../src/newsroom.js";
import type { QuoteBook } from "../../src/quotes/quote-book.js";
import { PassageIndex } from "../../src/search/source-index.js";
import type { StatementIndex } from "../../src/statements/types.js";

interface SeedQuery {
  ask: string;
  relevant?: string[];
  best?: string;
  not_relevant?: string[];
}

const seedQueries = (JSON.parse(readFileSync("test/fixtures/seed-queries.json", "utf8")) as { queries: SeedQuery[] }).queries.filter((q) =>
  q.ask.startsWith("/sources "),
);

interface SourceResult {
  doc: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  paragraph: number;
  start: number;
  end: number;
  excerpt: string;
  score: number;
}

/** /sources uses the corpus and the passage index only; the rest of the newsroom is a stub that fails loudly. */
function newsroomFor(corpus: Corpus): Newsroom {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const unused = (what: string) => () => {
    throw new Error(`/sources must not use ${what}`);
  };
  return {
    location: corpus.location,
    articles: () => corpus.articles,
    article: (doc) => byId.get(doc),
    sources: PassageIndex.build(corpus.articles),
    quotes: new Proxy({}, { get: unused("quotes") }) as QuoteBook,
    problems: () => corpus.problems,
    statements: unused("statements") as () => StatementIndex,
    statementsIfReady: () => null,
    firstSeen: () => null,
  };
}

describe("/sources over seeds/", () => {
  let dispatcher: Dispatcher<Newsroom>;
  let newsroom: Newsroom;
  let corpus: Corpus;
  const ask = (input: string, page = 0, limit = 10) =>
    dispatcher.dispatch(input, { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(), page, limit });

  beforeAll(async () => {
    corpus = await loadCorpus("seeds", { log: memoryLogger() });
    newsroom = newsroomFor(corpus);
    dispatcher = createDispatcher<Newsroom>([sourcesCommand]);
  });

  for (const query of seedQueries) {
    it(`${query.ask}: relevant found, best first, nothing irrelevant`, async () => {
      const outcome = await ask(query.ask);
      expect(outcome.ok, outcome.reply.text).toBe(true);
      const docs = (outcome.results as SourceResult[]).map((r) => r.doc);
      expect(new Set(docs).size).toBe(docs.length);
      for (const doc of query.relevant ?? []) expect(docs, `${doc} missing`).toContain(doc);
      if (query.best) expect(docs[0]).toBe(query.best);
      for (const doc of query.not_relevant ?? []) expect(docs).not.toContain(doc);
    });
  }

  it("keeps the offsets rule for every hit of every seed query", async () => {
    for (const query of seedQueries) {
      const outcome = await ask(query.ask);
      for (const r of outcome.results as SourceResult[]) {
        const article = newsroom.article(r.doc)!;
        expect(article.text.slice(r.start, r.end)).toBe(r.excerpt);
        expect(r.excerpt.length).toBeGreaterThan(0);
        const paragraph = article.paragraphs.find((p) => p.n === r.paragraph)!;
        expect(paragraph.role).toBe("body");
      }
      const sources = outcome.reply.blocks.filter((b) => b.type === "source");
      expect(sources).toHaveLength(outcome.results.length);
      for (const block of sources) {
        const article = newsroom.article(block.citation.doc)!;
        expect(article.text.slice(block.citation.start, block.citation.end)).toBe(block.excerpt);
      }
    }
  });

  it("answers with a heading, cited source blocks, a context line and marked plain text", async () => {
    const outcome = await ask("/sources POW video");
    const { reply } = outcome;
    expect(reply.visibility).toBe("private");
    expect(reply.blocks[0]).toEqual({ type: "heading", text: "Sources for “POW video”" });
    const first = reply.blocks.find((b) => b.type === "source")!;
    expect(first.citation.doc).toBe("004_1d59ece23a73440c.txt");
    expect(first.citation.outlet).toBe(newsroom.article(first.citation.doc)!.outlet);
    expect(first.marks!.length).toBeGreaterThan(0);
    expect(reply.blocks.find((b) => b.type === "context")).toEqual({ type: "context", text: "4 articles · showing 1–4" });
    expect(reply.text).toMatch(/^1\. .*¶\d+/m);
    expect(reply.text).toContain("**POWs**");
  });

  it("pages with hasMore and a More results action", async () => {
    const first = await ask("/sources Kyiv", 0, 2);
    expect(first.results).toHaveLength(2);
    expect(first.reply.blocks.some((b) => b.type === "actions" && b.actions.some((a) => a.kind === "more"))).toBe(true);
    const second = await ask("/sources Kyiv", 1, 2);
    expect(second.results).toHaveLength(2);
    const seen = [...first.results, ...second.results].map((r) => (r as SourceResult).doc);
    expect(new Set(seen).size).toBe(4);
    expect(second.reply.blocks.find((b) => b.type === "context")).toEqual({ type: "context", text: "4 articles · showing 3–4" });
  });

  it("applies outlet and date filters", async () => {
    const tass = await ask("/sources Lavrov outlet:tass");
    expect((tass.results as SourceResult[]).map((r) => r.doc)).toEqual(["000_4e94b34866221704.txt"]);
    const dated = await ask("/sources Kyiv after:2023-01-01 before:2023-12-31");
    for (const r of dated.results as SourceResult[]) expect(r.published! >= "2023-01-01").toBe(true);
  });

  it("says plainly when nothing matches, with a hint", async () => {
    const outcome = await ask("/sources Lavrvo Spoljaricc");
    expect(outcome.ok).toBe(true);
    const none = await ask("/sources Zanzibar");
    expect(none.ok).toBe(true);
    expect(none.results).toEqual([]);
    expect(none.reply.blocks).toContainEqual({ type: "paragraph", text: "No article matches “Zanzibar”." });
    expect(none.reply.blocks.length).toBeGreaterThanOrEqual(3);
  });

  describe("bad input gets a clear private answer", () => {
    it("empty query", async () => {
      const outcome = await ask("/sources");
      expect(outcome.ok).toBe(false);
      expect(outcome.reply.text).toMatch(/what to look for/);
      expect(outcome.reply.visibility).toBe("private");
    });

    it("10,000 characters", async () => {
      const outcome = await ask("/sources " + "Kyiv ".repeat(2000));
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toBe("too-long");
    });

    it("only stop words or punctuation", async () => {
      for (const input of ["/sources the of and", "/sources ... ?! --", `/sources "the"`]) {
        const outcome = await ask(input);
        expect(outcome.ok, input).toBe(false);
        expect(outcome.reply.text).toMatch(/only very common words or punctuation/);
      }
    });

    it("regex and markdown characters", async () => {
      for (const input of ["/sources .*+?[](){}|\\^$", "/sources * _ `", "/sources Kyiv.* (Kiev|Kyiv)", "/sources **Minsk** _agreements_ `x`"]) {
        const outcome = await ask(input);
        expect(outcome.error, input).not.toBe("internal");
        for (const r of outcome.results as SourceResult[]) expect(newsroom.article(r.doc)!.text.slice(r.start, r.end)).toBe(r.excerpt);
      }
      const minsk = await ask("/sources **Minsk** _agreements_");
      expect((minsk.results as SourceResult[]).map((r) => r.doc)).toContain("000_4e94b34866221704.txt");
      const none = await ask("/sources **zzqq**");
      const paragraph = none.reply.blocks.find((b) => b.type === "paragraph");
      expect(paragraph && "text" in paragraph ? paragraph.text : "").not.toContain("**");
    });

    it("an unknown filter", async () => {
      const outcome = await ask("/sources Kyiv foo:bar");
      expect(outcome.ok).toBe(false);
      expect(outcome.reply.text).toContain("Unknown filter foo: — use outlet:, after:, before:");
    });

    it("a filter with no value: an error, not a word to search", async () => {
      for (const input of ["/sources Kyiv outlet:", "/sources Kyiv outlet: TASS", "/sources Kyiv OUTLET:"]) {
        const outcome = await ask(input);
        expect(outcome.ok, input).toBe(false);
        expect(outcome.error).toBe("usage");
        expect(outcome.reply.text, input).toContain("outlet: needs a name right after it, for example `outlet:TASS`.");
      }
      const after = await ask("/sources Kyiv after:");
      expect(after.ok).toBe(false);
      expect(after.reply.text).toContain("after: needs a date");
    });

    it("a bad date", async () => {
      for (const input of ["/sources Kyiv after:yesterday", "/sources Kyiv before:2023-02-30", "/sources Kyiv after:2024-01-01 before:2023-01-01"]) {
        const outcome = await ask(input);
        expect(outcome.ok, input).toBe(false);
        expect(outcome.error).toBe("usage");
      }
    });
  });
});
