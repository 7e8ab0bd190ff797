/**
 * /quote shows whole stretches of speech (issue 21, class 4): a quotation split around the reporter's clause is
 * shown once, all its parts joined and each cited exactly; a word or two in quotation marks inside the reporter's
 * sentence, and a greeting, are not shown as quotations; a short whole utterance still is. Hand-written texts.
 */
import { describe, expect, it } from "vitest";
import { quoteCommand, type QuoteResult } from "../../commands/quote.js";
import { citeCommand } from "../../commands/quote-actions.js";
import { displayBlock } from "../../src/core/display.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { QuoteBlock } from "../../src/core/reply.js";
import type { Article } from "../../src/corpus/types.js";
import { quotationRecords } from "../../src/quotes/records.js";
import { isFormOfAddress, shownAlone } from "../../src/quotes/shown-alone.js";
import { splitPartsAt } from "../../src/quotes/split-quotation.js";
import { article, find, quotesOf } from "./helpers.js";
import { quoteNewsroom } from "./newsroom.js";

async function ask(articles: Article[], input: string) {
  const dispatcher = createDispatcher([quoteCommand, citeCommand]);
  const newsroom = quoteNewsroom(articles);
  const outcome = await dispatcher.dispatch(input, { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(), page: 0, limit: 10 });
  expect(outcome.ok).toBe(true);
  const blocks = (outcome.ok ? outcome.reply.blocks : []).filter((b): b is QuoteBlock => b.type === "quote");
  return { results: (outcome.ok ? outcome.results : []) as QuoteResult[], blocks, dispatcher, newsroom };
}

const reservoir = article("reservoir.txt", [
  "Engineers at the Calder reservoir were alarmed on Tuesday by the readings of a new pressure gauge.",
  '"That," Nadia Ferrow said of the gauge, "is the worst reading we have had in twenty years."',
  'Ferrow, the chief engineer, said the council had reopened the footpath "prematurely" and called the cracks "severe".',
  'Asked whether the dam could fail, she was firm. "No," she said.',
  '"If the rain keeps on," she added, "we will open the spillway tonight."',
]);

describe("split quotations", () => {
  it("finds the parts of one sentence of speech around the reporter's clause, each exact in the text", () => {
    const quotes = quotesOf(
      "Ferries were held in port all day.",
      '"The crossing," harbour master Ilse Brandt told reporters, "will stay closed until the swell drops."',
      '"We waited four hours." The passengers were angry. "Nobody told us anything," one said.',
    );
    const text = article("t.txt", [
      "Ferries were held in port all day.",
      '"The crossing," harbour master Ilse Brandt told reporters, "will stay closed until the swell drops."',
      '"We waited four hours." The passengers were angry. "Nobody told us anything," one said.',
    ]).text;
    const at = quotes.indexOf(find(quotes, "The crossing"));
    const parts = splitPartsAt(text, quotes, at);
    expect(parts?.map((p) => p.text)).toEqual(["The crossing,", "will stay closed until the swell drops."]);
    for (const p of parts!) expect(text.slice(p.start, p.end)).toBe(p.text);
    // The same quotation from its second part; a sentence that ends before the narrative is no split quotation.
    expect(splitPartsAt(text, quotes, at + 1)).toEqual(parts);
    expect(splitPartsAt(text, quotes, quotes.indexOf(find(quotes, "We waited")))).toBeNull();
  });

  it("shows a split quotation once, whole, with every part cited exactly, whichever part the topic is in", async () => {
    for (const query of ["/quote Ferrow", "/quote Ferrow reading", "/quote Ferrow gauge worst"]) {
      const { results, blocks } = await ask([reservoir], query);
      // Never the fragment alone: whichever part was found carries the whole.
      for (const r of results.filter((r) => r.quote === "That,")) expect(r.parts).toBeDefined();
      const split = results.filter((r) => r.parts?.[0]?.quote === "That,");
      expect(split).toHaveLength(1);
      for (const part of split[0]!.parts!) expect(reservoir.text.slice(part.start, part.end)).toBe(part.quote);
      const shown = blocks.map((b) => displayBlock(b).text);
      expect(shown).toContain("That, … is the worst reading we have had in twenty years.");
      expect(shown).not.toContain("That,");
    }
  });

  it("cites a split quotation whole in its paste-ready line", async () => {
    const { results, dispatcher, newsroom } = await ask([reservoir], "/quote Ferrow spillway");
    expect(results[0]!.citation).toContain("“If the rain keeps on, … we will open the spillway tonight.”");
    const id = `${reservoir.id}#q${newsroom.quotes.quotations.findIndex((q) => q.text.startsWith("we will open"))}`;
    const cite = await dispatcher.dispatch(`/cite ${id}`, { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(), page: 0, limit: 10 });
    expect(cite.ok && cite.reply.text).toContain("If the rain keeps on, … we will open the spillway tonight.");
  });

  it("keeps two speakers' quotations apart even around a reporting clause", () => {
    const text = article("t.txt", ['"Tolls must rise," said councillor Amos Reed, "and soon," said his rival Petra Lind.']).text;
    const quotes = quotesOf('"Tolls must rise," said councillor Amos Reed, "and soon," said his rival Petra Lind.');
    if (quotes.length === 2 && quotes[0]!.speaker !== quotes[1]!.speaker) expect(splitPartsAt(text, quotes, 0)).toBeNull();
  });
});

describe("what /quote does not show as a quotation", () => {
  it("leaves out a word or two quoted inside the reporter's sentence, and keeps a short whole utterance", async () => {
    const { results } = await ask([reservoir], "/quote Ferrow");
    const quoted = results.map((r) => r.quote);
    expect(quoted).not.toContain("prematurely");
    expect(quoted).not.toContain("severe");
    expect(quoted).toContain("No,");
  });

  it("still keeps those words in the extracted quotations (the book holds every span)", () => {
    const quotes = quotesOf(...reservoir.paragraphs.map((p) => reservoir.text.slice(p.start, p.end)));
    expect(quotes.some((q) => q.text === "prematurely")).toBe(true);
  });

  it("tells a greeting from a statement", () => {
    for (const greeting of ["Madam President,", "Colleagues,", "Ladies and gentlemen,", "My fellow Americans,", "Your Excellency:", "Dear friends!"]) {
      expect(isFormOfAddress(greeting)).toBe(true);
      expect(shownAlone({ text: greeting, kind: "transcript" })).toBe(false);
    }
    for (const statement of ["Colleagues, we have failed.", "Friends of the earth will protest.", "Thank you.", "President Kerr resigned."]) {
      expect(isFormOfAddress(statement)).toBe(false);
    }
  });

  it("reads short quotations by their shape: whole utterances stay, labels and scare quotes go", () => {
    expect(shownAlone({ text: "Never.", kind: "direct" })).toBe(true);
    expect(shownAlone({ text: "No,", kind: "direct" })).toBe(true);
    expect(shownAlone({ text: "Samurai", kind: "partial" })).toBe(false);
    expect(shownAlone({ text: "Newsnight", kind: "direct" })).toBe(false);
    expect(shownAlone({ text: "deeply flawed", kind: "partial" })).toBe(false);
    expect(shownAlone({ text: "a deeply flawed plan", kind: "partial" })).toBe(true);
  });

  it("leaves a transcript's greeting out of a speaker's quotations", async () => {
    const remarks = article(
      "remarks.txt",
      [
        "Madam President,",
        "Colleagues,",
        "We welcome the delegation to Vienna and thank it for the report on the water treaty.",
      ],
      { title: "Foreign Minister Anna Kessel's opening remarks at talks with the water commission" },
    );
    const { results } = await ask([remarks], "/quote Kessel");
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r) => r.quote)).not.toContain("Madam President,");
    expect(results.map((r) => r.quote)).not.toContain("Colleagues,");
  });
});

describe("what /quote counts", () => {
  async function page(input: string, n: number, limit: number) {
    const dispatcher = createDispatcher([quoteCommand]);
    const outcome = await dispatcher.dispatch(input, { services: quoteNewsroom([reservoir]), platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(), page: n, limit });
    expect(outcome.ok).toBe(true);
    const blocks = outcome.ok ? outcome.reply.blocks : [];
    return {
      context: blocks.filter((b) => b.type === "context").map((b) => ("text" in b ? b.text : ""))[0] ?? "",
      quotes: blocks.filter((b): b is QuoteBlock => b.type === "quote").map((b) => displayBlock(b).text),
    };
  }

  it("counts the quotations /more can page through: no scare quote, each split quotation once", async () => {
    // Ferrow's quotations: two split ones, "No," and two scare quotes ("prematurely", "severe") not shown.
    // Read whole, the count is exact; on a smaller page it is the bound of the hits found, said with "up to".
    expect((await page("/quote Ferrow", 0, 10)).context).toMatch(/^3 quotations · showing 1–3/);
    const first = await page("/quote Ferrow", 0, 2);
    const bound = /^(up to )?(\d+) quotations · showing 1–2/.exec(first.context);
    expect(bound).not.toBeNull();
    if (!bound![1]) expect(bound![2]).toBe("3");
    else expect(Number(bound![2])).toBeGreaterThanOrEqual(3);
    const shown = [...first.quotes];
    for (let n = 1; n < 5; n++) shown.push(...(await page("/quote Ferrow", n, 2)).quotes);
    expect(shown).toHaveLength(3);
    expect(new Set(shown).size).toBe(3);
  });
});

describe("`dateline quotes --json`", () => {
  it("gives a split quotation's parts, exact in the text and the same as /quote's", async () => {
    const { results, newsroom } = await ask([reservoir], "/quote Ferrow");
    const records = quotationRecords(newsroom.quotes);
    const split = records.filter((r) => r.parts !== undefined);
    // Both parts of both split quotations carry the parts; a whole quotation carries none.
    expect(split.map((r) => r.text)).toEqual(["That,", "is the worst reading we have had in twenty years.", "If the rain keeps on,", "we will open the spillway tonight."]);
    expect(records.find((r) => r.text === "No,")!.parts).toBeUndefined();
    for (const r of split) {
      for (const p of r.parts!) expect(reservoir.text.slice(p.start, p.end)).toBe(p.text);
      const shown = results.find((x) => x.parts?.some((p) => p.start === r.start));
      expect(shown?.parts).toEqual(r.parts!.map((p) => ({ quote: p.text, start: p.start, end: p.end })));
    }
  });
});
