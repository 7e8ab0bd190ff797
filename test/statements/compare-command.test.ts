import { beforeAll, describe, expect, it } from "vitest";
import { compareCommand, type CompareResult } from "../../commands/compare.js";
import { createDispatcher, type Dispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { QuoteBlock, SourceBlock } from "../../src/core/reply.js";
import type { Article } from "../../src/corpus/types.js";
import type { Newsroom } from "../../src/newsroom.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import type { SourceSearch } from "../../src/search/types.js";
import { buildStatements } from "../../src/statements/group.js";
import type { StatementIndex } from "../../src/statements/types.js";
import { seedArticles } from "./seed-data.js";

const TRANSCRIPT = "001_761dc06b5ae562a2.txt";

let articles: Article[];
let newsroom: Newsroom;
let dispatcher: Dispatcher<Newsroom>;

beforeAll(async () => {
  articles = await seedArticles();
  const byId = new Map(articles.map((a) => [a.id, a]));
  const quotes = buildQuoteBook({ articles });
  let statements: StatementIndex | null = null;
  newsroom = {
    location: "seeds",
    articles: () => articles,
    article: (doc) => byId.get(doc),
    // /compare reads statements and articles only; the passage index fails loudly if touched.
    sources: new Proxy({}, { get: () => { throw new Error("/compare must not use the passage index"); } }) as SourceSearch,
    quotes,
    problems: () => [],
    statements: () => (statements ??= buildStatements(articles, quotes.quotations)),
    statementsIfReady: () => statements,
    firstSeen: () => null,
  };
  dispatcher = createDispatcher<Newsroom>([compareCommand]);
});

const ask = (input: string, limit = 10) =>
  dispatcher.dispatch(input, { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(), limit });

const quoteBlocks = (blocks: readonly { type: string }[]) => blocks.filter((b): b is QuoteBlock => b.type === "quote");

describe("/compare", () => {
  it("lists the infamous-video statement with the transcript first as the primary source", async () => {
    const out = await ask("/compare infamous video");
    expect(out.ok).toBe(true);
    const results = out.results as CompareResult[];
    expect(results.map((r) => r.doc)).toEqual([TRANSCRIPT, "000_4e94b34866221704.txt", "002_653e994c7cb6127d.txt"]);
    expect(results.map((r) => r.primary)).toEqual([true, false, false]);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(["doc", "end", "outlet", "primary", "speaker", "start", "text"]);
      expect(r.speaker).toBe("Sergey Lavrov");
      expect(articles.find((a) => a.id === r.doc)!.text.slice(r.start, r.end)).toBe(r.text);
    }
    expect(out.reply.visibility).toBe("private");
    expect(out.reply.blocks[0]).toEqual({ type: "heading", text: "Lavrov on “infamous video”: 3 reports · 1 outlet · 3 wordings" });
  });

  it("shows each rendering verbatim with its citation, the differing words marked against the primary", async () => {
    const out = await ask("/compare infamous video");
    const quotes = quoteBlocks(out.reply.blocks);
    expect(quotes).toHaveLength(3);
    expect(quotes[0]!.kind).toBe("transcript");
    expect(quotes[0]!.marks ?? []).toEqual([]);
    for (const q of quotes) {
      const article = articles.find((a) => a.id === q.citation.doc)!;
      expect(article.text.slice(q.citation.start, q.citation.end)).toBe(q.text);
      expect(q.citation.outlet).toBe(article.outlet);
      expect(q.citation.title).toBe(article.title);
    }
    const tass = quotes[1]!;
    const marked = (tass.marks ?? []).map(([s, e]) => tass.text.slice(s, e));
    expect(marked).toContain("of the execution of");
    expect(marked).not.toContain("infamous");
    const contexts = out.reply.blocks.filter((b) => b.type === "context").map((b) => (b as { text: string }).text);
    expect(contexts[0]).toContain("Primary source: the speaker’s own transcript");
    expect(contexts[1]).toContain("worded differently from the primary");
    expect(out.reply.text).toContain("including the infamous video in which unarmed prisoners were executed by firing");
  });

  it("names material differences: the transcript's hedge that a report drops", async () => {
    const out = await ask("/compare Lavrov Red Cross act impartially");
    expect(out.reply.blocks[0]).toEqual({ type: "heading", text: "Lavrov on “Red Cross act impartially”: 2 reports · 2 wordings" });
    const results = out.results as CompareResult[];
    expect(results[0]!.doc).toBe(TRANSCRIPT);
    const contexts = out.reply.blocks.filter((b) => b.type === "context").map((b) => (b as { text: string }).text);
    expect(contexts[1]).toContain("hedge: “could” only in primary");
  });

  it("shows reported speech as a source excerpt, not as a quotation", async () => {
    const out = await ask("/compare appreciates contribution overcoming humanitarian crises");
    const reported = out.reply.blocks.filter((b): b is SourceBlock => b.type === "source");
    expect(reported).toHaveLength(1);
    expect(reported[0]!.excerpt).toMatch(/^Russia appreciates the committee’s contribution/);
    expect(quoteBlocks(out.reply.blocks).every((q) => !q.text.startsWith("Russia appreciates"))).toBe(true);
  });

  it("answers clearly, with a hint, when no statement matches", async () => {
    const out = await ask("/compare zebra crossing");
    expect(out.ok).toBe(true);
    expect(out.results).toEqual([]);
    expect(out.reply.visibility).toBe("private");
    expect(out.reply.text).toContain("No statement reported in two or more documents matches “zebra crossing”");
    expect(out.reply.text).toContain("/quote");
  });

  it("asks for words when given none", async () => {
    const out = await ask("/compare   ");
    expect(out.ok).toBe(false);
    expect(out.error).toBe("usage");
    expect(out.reply.text).toContain("/compare infamous video");
    const punctuation = await ask(`/compare "…"`);
    expect(punctuation.ok).toBe(false);
  });

  it("caps the renderings shown at the limit and says how many more there are", async () => {
    const out = await ask("/compare infamous video", 2);
    expect(quoteBlocks(out.reply.blocks)).toHaveLength(2);
    expect(out.reply.text).toContain("… and 1 more rendering.");
    expect(out.results).toHaveLength(3);
  });
});
