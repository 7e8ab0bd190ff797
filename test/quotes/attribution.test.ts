import { describe, expect, it } from "vitest";
import { find, quotesOf } from "./helpers.js";

describe("attribution rules", () => {
  it("names the speaker next to the cue, before or after the quotation", () => {
    const quotes = quotesOf(
      "“We will not give up on the talks,” Lavrov said on Friday.",
      "“The budget is balanced,” said Marija Zakharova, spokesperson for the ministry.",
      "Catherine Colonna said: “Europe stands united behind the decision.”",
      "Marta Hurtado told Reuters: “All allegations must be investigated.”",
    );
    expect(find(quotes, "We will not give up")).toMatchObject({ speaker: "Lavrov", cue: "said", mention: "Lavrov" });
    expect(find(quotes, "The budget is balanced")).toMatchObject({ speaker: "Marija Zakharova", cue: "said" });
    expect(find(quotes, "Europe stands united")).toMatchObject({ speaker: "Catherine Colonna", cue: "said" });
    expect(find(quotes, "All allegations")).toMatchObject({ speaker: "Marta Hurtado", cue: "told" });
    for (const q of quotes) expect(q.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("resolves he/she to the last named person of that gender", () => {
    const quotes = quotesOf(
      "Russian Foreign Minister Sergey Lavrov met ICRC President Mirjana Spoljaric in Moscow on Friday.",
      "“We value the work of the committee,” he said.",
      "“I will uphold the principle of neutrality,” she said.",
    );
    expect(find(quotes, "We value")).toMatchObject({ speaker: "Sergey Lavrov", mention: "he" });
    expect(find(quotes, "I will uphold")).toMatchObject({ speaker: "Mirjana Spoljaric", mention: "she" });
    expect(find(quotes, "We value").confidence).toBeLessThan(0.9);
    expect(find(quotes, "We value").evidence).toContain("pronoun");
  });

  it("leaves a pronoun with nobody to point to unattributed", () => {
    const quotes = quotesOf("The weather was cold in Moscow on Friday.", "“We value the work of the committee,” she said.");
    expect(find(quotes, "We value")).toMatchObject({ speaker: null, confidence: 0 });
  });

  it("resolves a role noun to the latest person whose title fits", () => {
    const quotes = quotesOf(
      "French Foreign Minister Catherine Colonna met Karim Khan, the chief prosecutor, in Paris.",
      "“Russia must answer for these crimes,” the minister said.",
    );
    expect(find(quotes, "Russia must answer")).toMatchObject({ speaker: "Catherine Colonna", mention: "the minister" });
    expect(find(quotes, "Russia must answer").confidence).toBeLessThan(0.9);
  });

  it("reads an honorific as the person the article named in full", () => {
    const quotes = quotesOf(
      "Prime Minister Tony Blair visited Glasgow on Monday with Gordon Brown.",
      "“We have doubled the length of maternity pay,” said Mr Blair.",
    );
    expect(find(quotes, "We have doubled")).toMatchObject({ speaker: "Tony Blair", mention: "Blair" });
  });

  it("names a body as the speaker", () => {
    const quotes = quotesOf(
      "“The murder of soldiers is a war crime,” the Russian Defense Ministry said.",
      "Russia’s Investigative Committee later said it opened a case over the execution of “at least 11 soldiers”.",
    );
    expect(find(quotes, "The murder of soldiers")).toMatchObject({ speaker: "Russian Defense Ministry", kind: "direct" });
    expect(find(quotes, "at least 11 soldiers")).toMatchObject({ speaker: "Russian Investigative Committee", kind: "partial" });
  });

  it("lets a quotation with no clause of its own continue the one before it", () => {
    const quotes = quotesOf(
      "“Wherever the Russian tide recedes, we discover horrors,” Blinken said. “We will not allow President Putin to get away with it.”",
    );
    expect(find(quotes, "We will not allow")).toMatchObject({ speaker: "Blinken" });
    expect(find(quotes, "We will not allow").evidence).toContain("continues");
    expect(find(quotes, "We will not allow").confidence).toBeLessThan(find(quotes, "Wherever").confidence);
  });

  it("takes the speaker of a reporting sentence just before the quotation", () => {
    const quotes = quotesOf(
      "Marta Hurtado, spokesperson for the UN human rights office, told Reuters they were reviewing the videos. “All allegations must be investigated.”",
    );
    expect(find(quotes, "All allegations")).toMatchObject({ speaker: "Marta Hurtado", cue: "told" });
  });

  it("attributes both halves of a quotation split around its attribution", () => {
    const quotes = quotesOf("“The first half of the sentence,” she said, “and the second half of it.”", "Earlier: Theresa May spoke.");
    const withName = quotesOf("Theresa May arrived late.", "“The first half of the sentence,” she said, “and the second half of it.”");
    expect(quotes.map((q) => q.text)).toEqual(["The first half of the sentence,", "and the second half of it."]);
    expect(withName.map((q) => q.speaker)).toEqual(["Theresa May", "Theresa May"]);
  });

  it("carries a multi-paragraph quotation's speaker to each of its paragraphs", () => {
    const quotes = quotesOf(
      "Gordon Brown told the conference: “We will keep taxes low for working families.",
      "“We will invest in schools and hospitals.",
      "“And we will balance the books.”",
    );
    expect(quotes.map((q) => q.text)).toEqual([
      "We will keep taxes low for working families.",
      "We will invest in schools and hospitals.",
      "And we will balance the books.",
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(["Gordon Brown", "Gordon Brown", "Gordon Brown"]);
    expect(quotes.map((q) => q.paragraph)).toEqual([1, 2, 3]);
  });

  it("attributes a partial quotation to the subject of its reporting verb", () => {
    const quotes = quotesOf(
      "Antony Blinken met Sergey Lavrov in New York.",
      "Lavrov denied the charges and accused the Ukrainian army of “systematic violations of the law”.",
      "Guterres called the plan a “violation of the UN Charter.”",
    );
    expect(find(quotes, "systematic violations")).toMatchObject({ speaker: "Sergey Lavrov", kind: "partial" });
    expect(find(quotes, "violation of the UN")).toMatchObject({ speaker: "Guterres", cue: "called", kind: "partial" });
  });

  it("prefers no speaker to a guess", () => {
    const quotes = quotesOf("“It was a long night for everyone involved in the talks.”");
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker: null, confidence: 0 });
  });
});
