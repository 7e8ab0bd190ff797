import { describe, expect, it } from "vitest";
import { DESCRIPTION_GUESSED_CONFIDENCE, DESCRIPTION_SUPPORTED_CONFIDENCE } from "../../../src/quotes/rules/description.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: description", () => {
  it("resolves a nationality, an age or an office to the person the article describes so", () => {
    const quotes = quotesOf(
      "Dutch rider Pieter Vos beat the Irish champion Sean Kelly in the final sprint on Sunday.",
      "“I had nothing left at the end,” the Irishman said.",
      "Mayor Ellen Cho, 61, and councillor Tom Reyes met the striking workers.",
      "“We will find the money,” the 61-year-old said.",
    );
    expect(find(quotes, "I had nothing")).toMatchObject({ speaker: "Sean Kelly", confidence: DESCRIPTION_SUPPORTED_CONFIDENCE });
    expect(find(quotes, "We will find")).toMatchObject({ speaker: "Ellen Cho", confidence: DESCRIPTION_SUPPORTED_CONFIDENCE });
  });

  it("never makes the description a speaker of its own; unsupported, it is an uncertain guess", () => {
    const quotes = quotesOf("Anna Berg won the women's race on Saturday.", "“It was the hardest course I have run,” the Swede said.");
    const q = find(quotes, "It was the hardest");
    expect(q.speaker).toBe("Anna Berg");
    expect(q.confidence).toBe(DESCRIPTION_GUESSED_CONFIDENCE);
    expect(q.confidence).toBeLessThan(0.6);
  });

  it("reads a state's people ('the Texan') from the words attached to a name, not from a neighbour's", () => {
    const quotes = quotesOf(
      "Former Texas Gov. Walt Dorey endorsed Carl Minter on Sunday, saying the race came down to the Ohio senator and Pam Rusk of Texas.",
      "Dorey spoke for an hour in Dallas.",
      "“Experience matters in this job,” the Texan said.",
    );
    expect(find(quotes, "Experience matters").speaker).toBe("Walt Dorey");
  });

  it("with several people the description fits, takes the one most talked about and says it is unsure", () => {
    const quotes = quotesOf(
      "Former Texas Gov. Walt Dorey endorsed Texas Sen. Carl Minter on Sunday.",
      "Dorey said he had known Minter for years. Dorey praised the campaign.",
      "“He is ready on day one,” the Texan said.",
    );
    const q = find(quotes, "He is ready");
    expect(q.speaker).toBe("Walt Dorey");
    expect(q.confidence).toBe(DESCRIPTION_GUESSED_CONFIDENCE);
  });
});
