import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { quoteCommand, type QuoteResult } from "../../commands/quote.js";
import { createDispatcher, type Dispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { QuoteBlock } from "../../src/core/reply.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Corpus } from "../../src/corpus/types.js";
import type { Newsroom } from "../../src/newsroom.js";
import { article } from "./helpers.js";
import { quoteNewsroom } from "./newsroom.js";

interface SeedQuery {
  ask: string;
  best_quote?: { doc: string; starts: string };
  relevant_quotes?: Array<{ doc: string; starts: string }>;
  speaker?: string;
}


const queries = (JSON.parse(readFileSync("test/fixtures/seed-queries.json", "utf8")) as { queries: SeedQuery[] }).queries.filter((q) =>
  q.ask.startsWith("/quote "),
);


describe("/quote over the sample corpus", () => {
  let corpus: Corpus;
  let dispatcher: Dispatcher<Newsroom>;
  let newsroom: Newsroom;
  const ask = (input: string, page = 0, limit = 10) =>
    dispatcher.dispatch(input, { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(), page, limit });

  beforeAll(async () => {
    corpus = await loadCorpus("seeds");
    newsroom = quoteNewsroom(corpus.articles, undefined, "seeds");
    dispatcher = createDispatcher([quoteCommand]);
  });

  it("has the seed queries to check", () => {
    expect(queries.length).toBeGreaterThanOrEqual(7);
  });

  it.each(queries.map((q) => [q.ask, q] as const))("%s returns its quotation first, with the right speaker", async (_, q) => {
    const outcome = await ask(q.ask);
    expect(outcome.ok).toBe(true);
    const results = outcome.results as QuoteResult[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.speaker).toBe(q.speaker);
    if (q.best_quote) {
      expect(results[0]!.doc).toBe(q.best_quote.doc);
      expect(results[0]!.quote.startsWith(q.best_quote.starts)).toBe(true);
    }
    for (const want of q.relevant_quotes ?? []) {
      expect(results.some((r) => r.doc === want.doc && r.quote.startsWith(want.starts)), want.starts).toBe(true);
    }
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    for (const r of results) expect(byId.get(r.doc)!.text.slice(r.start, r.end)).toBe(r.quote);
  });

  it("answers with a heading, one quote block per result with its citation, and a context line", async () => {
    const outcome = await ask("/quote Guterres children");
    const blocks = outcome.reply.blocks;
    expect(outcome.reply.visibility).toBe("private");
    expect(blocks[0]).toEqual({ type: "heading", text: "Quotations by António Guterres on “children”" });
    const quote = blocks.find((b) => b.type === "quote") as QuoteBlock;
    const text = corpus.articles.find((a) => a.id === "003_3727432a8d63f8b2.txt")!.text;
    expect(quote).toMatchObject({ speaker: "António Guterres", cue: "said", kind: "direct" });
    expect(text.slice(quote.citation.start, quote.citation.end)).toBe(quote.text);
    expect(quote.citation.paragraph).toBeGreaterThan(1);
    expect(quote.marks?.map(([s, e]) => quote.text.slice(s, e))).toEqual(["child"]);
    expect(blocks.some((b) => b.type === "context" && / quotations? · showing 1–/.test(b.text))).toBe(true);
    expect((outcome.results as Array<{ match: string }>).filter((r) => r.match === "words")).toHaveLength(1);
    expect(outcome.reply.text).toContain("“Almost every child in Ukraine is scarred by the nightmare of war,” — António Guterres (said)");
  });

  it("takes by:\"Name\" as the speaker, with spelling variants", async () => {
    const outcome = await ask(`/quote investigation by:"Maria Zakharova"`);
    const results = outcome.results as QuoteResult[];
    expect(results.map((r) => r.speaker)).toEqual(["Marija Zakharova"]);
  });

  it("forgives a small typo in the speaker's name and says how it read it", async () => {
    const outcome = await ask("/quote Zaharova");
    expect((outcome.results as QuoteResult[])[0]?.speaker).toBe("Marija Zakharova");
    expect(outcome.reply.text).toContain("“Zaharova” read as Marija Zakharova");
  });

  it("searches every speaker when the words name none", async () => {
    const outcome = await ask("/quote neutrality");
    const results = outcome.results as QuoteResult[];
    expect(results[0]?.speaker).toBe("Mirjana Spoljaric");
    expect(results[0]?.quote.startsWith("I also reassure you")).toBe(true);
  });

  it("shows a quotation repeated within one article once", async () => {
    const outcome = await ask("/quote Lavrov Minsk");
    const fromSeed000 = (outcome.results as QuoteResult[]).filter((r) => r.doc === "000_4e94b34866221704.txt" && r.match === "words");
    expect(fromSeed000).toHaveLength(1);
  });

  it("pages the results and says when there are more", async () => {
    const first = await ask("/quote Lavrov", 0, 3);
    const second = await ask("/quote Lavrov", 1, 3);
    const a = first.results as QuoteResult[];
    const b = second.results as QuoteResult[];
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(3);
    expect(new Set([...a, ...b].map((r) => `${r.doc}:${r.start}`)).size).toBe(6);
    expect(first.reply.blocks.some((x) => x.type === "actions" && x.actions.some((act) => act.kind === "more"))).toBe(true);
  });

  it("says what it searched for and suggests close speakers when nothing matches", async () => {
    const outcome = await ask("/quote Zakharova weather");
    expect(outcome.ok).toBe(true);
    expect(outcome.results).toEqual([]);
    expect(outcome.reply.text).toContain("No quotation by Marija Zakharova about “weather”");
    expect(outcome.reply.text).toContain("I read “Zakharova” as the speaker and “weather” as the topic");
  });

  it("answers an unknown by:\"Name\" with close names", async () => {
    const outcome = await ask(`/quote by:"Sergei Lavrovsky"`);
    expect(outcome.results).toEqual([]);
    expect(outcome.reply.text).toContain("I know no speaker called “Sergei Lavrovsky”");
    expect(outcome.reply.text).toContain("Sergey Lavrov");
  });

  it("gives a usage answer for an empty query or an unknown filter", async () => {
    const empty = await ask("/quote");
    expect(empty).toMatchObject({ ok: false, error: "usage" });
    const filter = await ask("/quote Lavrov place:Moscow");
    expect(filter).toMatchObject({ ok: false, error: "usage" });
    expect(filter.reply.text).toContain("by:");
    expect(await ask("/quote Lavrov after:2023-13-01")).toMatchObject({ ok: false, error: "usage" });
    expect(await ask("/quote Lavrov sort:loudest")).toMatchObject({ ok: false, error: "usage" });
  });

  it("declares its parameters for the chat platforms", () => {
    expect(quoteCommand.params).toEqual([
      expect.objectContaining({ name: "speaker", filter: "by", autocomplete: "speaker", required: false }),
      expect.objectContaining({ name: "topic", required: false }),
    ]);
    expect(quoteCommand.visibility).toBe("private");
  });
});

describe("/quote with uncertain attributions", () => {
  it("notes an uncertain attribution in the plain text, and not a sure one", async () => {
    // A fragment in a sentence with no reporting verb goes to the sentence's subject, flagged as unsure.
    const a = article("x.txt", [
      "Hillary Clinton has long championed the idea of “systemic racism in our justice system” on the trail.",
      "“We will fix the justice system for every family in the land,” Hillary Clinton said on Monday.",
    ]);
    const newsroom = quoteNewsroom([a]);
    const dispatcher = createDispatcher([quoteCommand]);
    const outcome = await dispatcher.dispatch("/quote Clinton justice", { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date() });
    const results = outcome.results as QuoteResult[];
    expect(results.map((r) => r.speaker)).toEqual(["Hillary Clinton", "Hillary Clinton"]);
    const unsure = results.find((r) => r.kind === "partial")!;
    const sure = results.find((r) => r.kind === "direct")!;
    expect(unsure.confidence).toBeLessThan(0.6);
    expect(sure.confidence).toBeGreaterThanOrEqual(0.9);
    const lines = outcome.reply.text.split("\n");
    expect(lines.find((l) => l.includes("systemic racism"))).toContain("(uncertain attribution)");
    expect(lines.find((l) => l.includes("We will fix"))).not.toContain("(uncertain attribution)");
    expect(lines.find((l) => l.includes("We will fix"))).toContain("— Hillary Clinton (said), x.txt, ¶2");
  });
});
