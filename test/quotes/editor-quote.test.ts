/** /quote as an editor uses it: titles, near names, where the topic is, copies, order, hearsay, filters, actions. */
import { beforeAll, describe, expect, it } from "vitest";
import { quoteCommand } from "../../commands/quote.js";
import { citeCommand, contextCommand } from "../../commands/quote-actions.js";
import { decodeAction } from "../../src/core/actions.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { QuoteBlock } from "../../src/core/reply.js";
import type { Article } from "../../src/corpus/types.js";
import type { Newsroom } from "../../src/newsroom.js";
import { editorArticles } from "./editor-fixtures.js";
import { quoteNewsroom } from "./newsroom.js";

interface Result {
  doc: string;
  speaker: string | null;
  quote: string;
  start: number;
  end: number;
  match: string | null;
  copies: string[];
  hearsay: { kind: string; words: string } | null;
  context?: { sentence: { start: number; end: number }; paragraph: { start: number; end: number } };
  citation: string;
}

let articles: Article[];
let newsroom: Newsroom;
const dispatcher = createDispatcher([quoteCommand, contextCommand, citeCommand]);
const ask = async (input: string, page = 0) => {
  const outcome = await dispatcher.dispatch(input, { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(), page, limit: 10 });
  return { ...outcome, found: outcome.results as Result[] };
};

beforeAll(() => {
  articles = editorArticles();
  newsroom = quoteNewsroom(articles);
});

describe("job titles in the query", () => {
  it("reads a title as the person the articles give it to, and says so", async () => {
    const out = await ask("/quote the chancellor budget");
    expect(out.reply.blocks[0]).toEqual({ type: "heading", text: "Quotations by Edmund Hale on “budget”" });
    expect(out.found[0]!.speaker).toBe("Edmund Hale");
    expect(out.found.every((r) => r.speaker === "Edmund Hale")).toBe(true);
    expect(out.reply.text).toContain("“the chancellor” read as Edmund Hale");
  });

  it("offers the holders as choices when several people held the title, and picks by the dates asked", async () => {
    const out = await ask("/quote the prime minister");
    expect(out.found).toEqual([]);
    expect(out.reply.text).toContain("Ada Vance");
    expect(out.reply.text).toContain("Rowan Pike");
    expect(out.reply.text).toContain("/quote Ada Vance");
    const dated = await ask("/quote the prime minister bridge after:2008");
    expect(dated.found[0]!.speaker).toBe("Ada Vance");
    expect(dated.reply.text).toContain("“the prime minister” read as Ada Vance");
  });

  it("reads a title several held as the one holder quoted on the topic, saying so and offering the others", async () => {
    const out = await ask("/quote the prime minister bridge");
    expect(out.found[0]!.speaker).toBe("Ada Vance");
    expect(out.reply.text).toContain("“the prime minister” read as Ada Vance, the one the articles call so who is quoted on “bridge”");
    expect(out.reply.text).toContain("/quote Rowan Pike bridge");
    expect((await ask("/quote the prime minister subsidy")).found[0]!.speaker).toBe("Rowan Pike");
  });

  it("never takes a topic word for the speaker when the title names no one", async () => {
    const out = await ask("/quote the treasurer farm");
    expect(out.reply.blocks[0]).toMatchObject({ text: "Quotations on “the treasurer farm”" });
    expect(out.found[0]!.speaker).toBe("Nora Quill");
  });
});

describe("a name that is also a topic word", () => {
  it("is taken back as a topic word when its speaker said nothing on the rest, and the reply says so", async () => {
    const out = await ask("/quote pike river");
    expect(out.found[0]!.speaker).toBe("Nora Quill");
    expect(out.found.every((r) => r.speaker !== "Rowan Pike")).toBe(true);
    expect(out.reply.text).toContain("“pike” read as a topic word: Rowan Pike has said nothing on “river”");
    expect((await ask("/quote Pike subsidy")).found.map((r) => r.speaker)).toEqual(["Rowan Pike"]);
  });
});

describe("near names", () => {
  it("prefers the much-quoted speaker and offers the close alternative", async () => {
    const out = await ask("/quote Blare talks");
    expect(out.found[0]!.speaker).toBe("Tobias Blair");
    expect(out.reply.text).toContain("“Blare” read as Tobias Blair");
    expect(out.reply.text).toMatch(/Did you mean Jon Blake/);
  });

  it("reads an honorific with a first name as the knight the articles name so", async () => {
    const out = await ask("/quote Sir Callum");
    expect(out.found.map((r) => r.speaker)).toEqual(["Callum Dray"]);
    expect(out.reply.text).toContain("“Sir Callum” read as Callum Dray");
  });
});

describe("where the topic is", () => {
  it("ranks the quotations saying the words first, then those whose paragraph or article is about them, saying which", async () => {
    const out = await ask("/quote Quill email");
    expect(out.found.map((r) => [r.quote, r.match])).toEqual([["I made a mistake and I have said so,", "article"]]);
    const quotes = out.reply.blocks.filter((b): b is QuoteBlock => b.type === "quote");
    expect(quotes[0]!.note).toContain("topic in its article, not in the quoted words");
    const farm = await ask("/quote Quill farm");
    expect(farm.found.map((r) => r.match)).toEqual(["words"]);
  });
});

describe("copies and order", () => {
  it("folds a wire copy of the same quotation into one result, numbered without gaps", async () => {
    const out = await ask("/quote Hale budget");
    const budget = out.found.filter((r) => r.quote.startsWith("This budget"));
    expect(budget).toHaveLength(1);
    expect(budget[0]!.copies).toHaveLength(1);
    expect(out.reply.text).toContain("same words in 1 other article (Wirefeed)");
    const numbers = out.reply.text.split("\n").flatMap((l) => /^(\d+)\. /.exec(l)?.[1] ?? []).map(Number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("lists a speaker's quotations newest first", async () => {
    const out = await ask("/quote Hale");
    const days = out.found.map((r) => articles.find((a) => a.id === r.doc)!.published!);
    expect(days.length).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort().reverse());
  });
});

describe("second-hand and disputed quotations", () => {
  it("marks a quotation a memoir claims one person said to another, in the reply and the results", async () => {
    const out = await ask("/quote chair");
    const q = out.found.find((r) => r.quote.startsWith("You will never"))!;
    expect(q.hearsay?.kind).toBe("alleged");
    expect(out.reply.text).toMatch(/alleged, not confirmed/);
  });
});

describe("filters", () => {
  it("narrows by outlet and dates, and sorts newest first on request", async () => {
    expect((await ask("/quote Blair talks outlet:Wirefeed")).found).toEqual([]);
    const august = await ask("/quote Blair talks after:2004-08-20 before:2004-08-22");
    expect(august.found.map((r) => r.doc).sort()).toEqual(["blair/19.txt", "blair/20.txt", "blair/21.txt"]);
    const newest = await ask("/quote talks sort:new");
    expect(newest.found[0]!.doc).toBe("blair/23.txt");
    expect(newest.reply.text).toContain("newest first");
  });
});

describe("context and citation", () => {
  it("gives each quotation its attribution sentence and paragraph as ranges, and a citation line", async () => {
    const out = await ask("/quote Pike subsidy");
    const r = out.found[0]!;
    const article = articles.find((a) => a.id === r.doc)!;
    expect(article.text.slice(r.context!.sentence.start, r.context!.sentence.end)).toBe("\"We will not cut the rail subsidy,\" Mr Pike said.");
    expect(r.citation).toBe(
      "Rowan Pike, “We will not cut the rail subsidy”, Daily Ledger, “Pike meets unions”, 2004-05-02, https://dailyledger.example/2004-05-02",
    );
  });

  it("runs the Context and Copy citation actions of a quotation from their values", async () => {
    const out = await ask("/quote Pike subsidy");
    const quote = out.reply.blocks.find((b): b is QuoteBlock => b.type === "quote")!;
    const [context, cite] = quote.actions!;
    expect([context!.kind, cite!.kind]).toEqual(["context", "cite"]);
    const c = decodeAction(context!.value)!;
    const shown = await ask(`/${c.c} ${c.t}`);
    expect(shown.ok).toBe(true);
    expect(shown.reply.blocks.filter((b) => b.type === "source").map((b) => (b as { excerpt: string }).excerpt)).toEqual([
      "\"We will not cut the rail subsidy,\" Mr Pike said.",
      "\"We will not cut the rail subsidy,\" Mr Pike said.",
    ]);
    const p = decodeAction(cite!.value)!;
    const cited = await ask(`/${p.c} ${p.t}`);
    expect(cited.reply.text).toContain("Rowan Pike, “We will not cut the rail subsidy”, Daily Ledger");
    expect((await ask("/cite nowhere.txt#q0")).reply.text).toContain("no longer in the corpus");
  });
});
