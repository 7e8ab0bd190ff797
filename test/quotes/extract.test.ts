import { describe, expect, it } from "vitest";
import { extractQuoteSpans } from "../../src/quotes/extract.js";
import { article, find, quotesOf } from "./helpers.js";

describe("finding quotations", () => {
  it("reads straight and curly double quotes, excluding the marks, keeping inner punctuation", () => {
    const quotes = quotesOf(`"We have doubled maternity pay," Ms Hewitt said.`, "“It is a common practice,” the ministry said.");
    expect(quotes.map((q) => q.text)).toEqual(["We have doubled maternity pay,", "It is a common practice,"]);
    const a = article("t.txt", [`"We have doubled maternity pay," Ms Hewitt said.`]);
    const [span] = extractQuoteSpans(a);
    expect(a.text.slice(span!.start, span!.end)).toBe("We have doubled maternity pay,");
    expect(a.text[span!.open]).toBe('"');
  });

  it("keeps nested single quotes inside the quotation", () => {
    const quotes = quotesOf("“He told me, ‘Let’s keep a few of those songs,’ and we did,” Kiedis said.");
    expect(quotes.map((q) => q.text)).toEqual(["He told me, ‘Let’s keep a few of those songs,’ and we did,"]);
    expect(quotes[0]!.speaker).toBe("Kiedis");
  });

  it("splits run-together quotation paragraphs at each new opening mark (BBC copy)", () => {
    const quotes = quotesOf(`Ms Hewitt said: "We have already doubled maternity pay. "We are going to extend it to nine months."`);
    expect(quotes.map((q) => q.text)).toEqual(["We have already doubled maternity pay.", "We are going to extend it to nine months."]);
    expect(quotes.map((q) => q.speaker)).toEqual(["Hewitt", "Hewitt"]);
  });

  it("tells partial quotations from quoted sentences", () => {
    const quotes = quotesOf(
      "Spoljaric said the channel of communication must remain “open and constructive.”",
      "“We demand a thorough investigation,” said Marija Zakharova.",
    );
    expect(find(quotes, "open and constructive")).toMatchObject({ kind: "partial", speaker: "Spoljaric" });
    expect(find(quotes, "We demand")).toMatchObject({ kind: "direct" });
  });

  it("keeps a short quoted word with a reporting verb in its sentence (a partial quotation)", () => {
    const quotes = quotesOf("The Tories dismissed the plan as “desperate”, while the Liberal Democrats said it was misdirected.");
    expect(quotes.map((q) => q.text)).toEqual(["desperate"]);
  });

  it("drops titles, nicknames and scare quotes", () => {
    const quotes = quotesOf(
      "Emma Thompson stars in the film “Love Actually” this winter.",
      "Earvin “Magic” Johnson visited the school on Monday.",
      "The so-called “peace plan” was published on Friday.",
      "The town's “experts” gathered in the hall.",
      "Her new album “Songs From the Big Chair and Other Stories of the Night” sold well.",
    );
    expect(quotes).toEqual([]);
  });

  it("ignores quotation marks outside body paragraphs", () => {
    const quotes = quotesOf({ text: "“We will win,” says Blair", role: "headline" }, { text: "Share “this” page", role: "furniture" }, "Nothing quoted here.");
    expect(quotes).toEqual([]);
  });

  it("reads a headline that announces one speaker's remarks as a transcript", () => {
    const quotes = quotesOf(
      { text: "Remarks by President Joe Biden on the economy", role: "headline" },
      "Good afternoon, everybody.",
      "We have created ten million jobs since I took office.",
    );
    expect(quotes.map((q) => [q.kind, q.speaker, q.text])).toEqual([
      ["transcript", "Joe Biden", "Good afternoon, everybody."],
      ["transcript", "Joe Biden", "We have created ten million jobs since I took office."],
    ]);
  });

  it("does not read a news report about remarks as a transcript", () => {
    const quotes = quotesOf(
      { text: "Biden's remarks on the economy draw criticism", role: "headline" },
      "“These numbers do not add up for working families across the country,” said Senator Mitch McConnell.",
    );
    expect(quotes.map((q) => q.kind)).toEqual(["direct"]);
  });
});
