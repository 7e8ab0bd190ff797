/**
 * /quote's work learnt from the articles in time slices (titles, where topics stand), topic-only tiers, misspelt
 * topic words and numbering across pages when wordings fold: through the command, over sentences of our own.
 */
import { describe, expect, it } from "vitest";
import { foldedPage, quoteCommand } from "../../commands/quote.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { Article } from "../../src/corpus/types.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import type { QuoteHit } from "../../src/quotes/types.js";
import { makeArticle } from "../helpers/articles.js";
import { editorArticles } from "./editor-fixtures.js";
import { quoteNewsroom } from "./newsroom.js";

interface Result {
  doc: string;
  speaker: string | null;
  quote: string;
  match: string | null;
}

const dispatcher = createDispatcher([quoteCommand]);
function asker(articles: Article[]) {
  const newsroom = quoteNewsroom(articles);
  const ask = async (input: string, options: { platform?: "cli" | "slack"; page?: number; limit?: number } = {}) => {
    const outcome = await dispatcher.dispatch(input, {
      services: newsroom,
      platform: options.platform ?? "cli",
      user: null,
      channel: null,
      log: memoryLogger(),
      now: () => new Date(),
      page: options.page ?? 0,
      limit: options.limit ?? 10,
    });
    return { ...outcome, found: outcome.results as Result[] };
  };
  return { newsroom, ask };
}

const meta = (outlet: string, published: string, title: string) => ({ outlet, published, title });

describe("titles and topic places learnt in time slices", () => {
  it("are built in the background with the event loop served between slices, and published once", async () => {
    const articles = editorArticles();
    const book = buildQuoteBook({ articles });
    expect(book.titlesIfReady()).toBeNull();
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const first = book.titlesInBackground({ sliceMs: 0 });
    expect(book.titlesInBackground()).toBe(first);
    const titles = await first;
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    expect(titles).not.toBeNull();
    expect(book.titlesIfReady()).toBe(titles);
    expect(titles!.read(["the", "chancellor"])?.holders.map((h) => h.speaker.name)).toEqual(["Edmund Hale"]);
    expect(await book.placesInBackground({ sliceMs: 0 })).toBe(book.placesIfReady());
  });

  it("are dropped, not published, when the book changes during the build", async () => {
    const articles = editorArticles();
    const book = buildQuoteBook({ articles });
    const building = book.titlesInBackground({ sliceMs: 0 });
    book.upsert(makeArticle("late.txt", ["Chancellor Ivo Marsh spoke.", "\"Taxes stay,\" Mr Marsh said."], meta("Wirefeed", "2004-04-01", "Marsh")));
    expect(await building).toBeNull();
    expect(book.titlesIfReady()).toBeNull();
    expect((await book.titlesInBackground())!.read(["the", "chancellor"])?.holders.map((h) => h.speaker.name)).toContain("Ivo Marsh");
  });

  it("lets a chat answer wait briefly for the titles, then read the title", async () => {
    const { ask } = asker(editorArticles());
    const out = await ask("/quote the chancellor budget", { platform: "slack" });
    expect(out.found[0]!.speaker).toBe("Edmund Hale");
    expect(out.reply.text).toContain("“the chancellor” read as Edmund Hale");
  });
});

describe("a chat answer while the titles are still being learnt", () => {
  it("reads the title's words as plain words and says so, asking to try again in a moment", async () => {
    const articles = editorArticles();
    const book = buildQuoteBook({ articles });
    // A corpus whose titles take longer to learn than a chat answer waits: the build never ends here.
    const slow = Object.assign(Object.create(book) as typeof book, {
      titlesIfReady: () => null,
      titlesInBackground: () => new Promise<null>(() => undefined),
    });
    const newsroom = quoteNewsroom(articles, slow);
    const outcome = await dispatcher.dispatch("/quote the chancellor budget", {
      services: newsroom,
      platform: "slack",
      user: null,
      channel: null,
      log: memoryLogger(),
      now: () => new Date(),
      page: 0,
      limit: 10,
    });
    expect(outcome.reply.text).toContain("titles are still being learnt from the articles, so “the chancellor” was read as plain words: ask again in a moment");
    expect(outcome.reply.text).not.toContain("read as Edmund Hale");
    // Once learnt, the same question reads the title.
    const { ask } = asker(articles);
    expect((await ask("/quote the chancellor budget", { platform: "slack" })).reply.text).toContain("“the chancellor” read as Edmund Hale");
  });
});

describe("a topic without a speaker", () => {
  it("ranks the quotations saying the words first, then those whose paragraph or article is about it, saying which", async () => {
    const { ask } = asker(editorArticles());
    const out = await ask("/quote private email");
    expect(out.found.map((r) => [r.speaker, r.match])).toEqual([["Nora Quill", "article"]]);
    expect(out.reply.text).toContain("topic in its article, not in the quoted words");
    const budget = await ask("/quote budget");
    expect(budget.found[0]!.match).toBe("words");
    expect(budget.found.some((r) => r.match === "paragraph" && r.quote.startsWith("Harbour duties"))).toBe(false);
  });

  it("says in a chat answer, while they are still being learnt, that only quotations saying the words are listed", async () => {
    const { ask, newsroom } = asker(editorArticles());
    const out = await ask("/quote private email", { platform: "slack" });
    expect(out.found).toEqual([]);
    expect((await ask("/quote email", { platform: "slack" })).found).toEqual([]);
    await newsroom.quotes.placesInBackground();
    expect((await ask("/quote private email", { platform: "slack" })).found).toHaveLength(1);
  });
});

describe("misspelt topic words", () => {
  const articles = [
    makeArticle("a.txt", ["\"Harbour duties will fall next spring,\" Dora Venn said.", "\"Venn has done well,\" Ivo Pratt said of her."], meta("Ledger", "2010-01-05", "Duties")),
    makeArticle("b.txt", ["\"The harbour is busy,\" Ivo Pratt said."], meta("Ledger", "2010-01-06", "Harbour")),
  ];

  it("reads a word no article uses as the nearest word the quotations use, and says so", async () => {
    const { ask } = asker(articles);
    const out = await ask("/quote harbur");
    expect(out.found.filter((r) => r.match === "words").map((r) => r.quote).sort()).toEqual(["Harbour duties will fall next spring,", "The harbour is busy,"]);
    expect(out.reply.text).toContain("“harbur” read as “harbour”");
    expect((await ask("/quote wether")).found).toEqual([]);
  });

  it("never reads a topic word as a speaker's name", async () => {
    const { ask } = asker(articles);
    const out = await ask("/quote harbour vennn");
    expect(out.reply.text).not.toContain("read as “venn”");
    expect(out.found.filter((r) => r.match === "words").every((r) => r.quote.toLowerCase().includes("harbour"))).toBe(true);
  });
});

describe("numbering across pages when wordings fold", () => {
  it("starts each page where the last stopped, without gaps or repeats", () => {
    const hit = (id: string) => ({ quotation: { id } }) as unknown as QuoteHit;
    const all = ["a1", "a2", "b", "c1", "c2", "c3", "d", "e"].map(hit);
    // Other wordings of one statement: a2 after a1, c2 and c3 after c1 (as foldStatements marks them).
    const fold = (hits: readonly QuoteHit[]) => {
      const groups = new Map<QuoteHit, { hidden: boolean }>();
      const seen = new Set<string>();
      for (const h of hits) {
        const id = h.quotation.id;
        if (id.length < 2) continue;
        groups.set(h, { hidden: seen.has(id[0]!) });
        seen.add(id[0]!);
      }
      return groups;
    };
    let widest = 0;
    const search = (window: number) => {
      widest = Math.max(widest, window);
      return { hits: all.slice(0, window), total: all.length };
    };
    const shownOn = (page: number) => {
      const { hits, hasMore, groups } = foldedPage(search, fold, page, 2);
      return { ids: hits.filter((h) => !groups.get(h)?.hidden).map((h) => h.quotation.id), all: hits.map((h) => h.quotation.id), hasMore };
    };
    expect(shownOn(0)).toEqual({ ids: ["a1", "b"], all: ["a1", "a2", "b"], hasMore: true });
    expect(shownOn(1)).toEqual({ ids: ["c1", "d"], all: ["c1", "c2", "c3", "d"], hasMore: true });
    expect(shownOn(2)).toEqual({ ids: ["e"], all: ["e"], hasMore: false });
    expect(shownOn(3)).toEqual({ ids: [], all: [], hasMore: false });
  });
});
