import { describe, expect, it } from "vitest";
import { THEY_ARE_THE_BODY_CONFIDENCE } from "../../../src/quotes/rules/they-body.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: they are the body", () => {
  it("gives a “they” to the organisation or campaign that is the nearest subject", () => {
    const quotes = quotesOf(
      "Kestrel Mining Ltd closed its last pit in the valley on Friday.",
      "“The seam is exhausted,” they said in a statement.",
      "The Whitby campaign hit back within the hour.",
      "“Every figure in the advert is false,” they said.",
    );
    expect(find(quotes, "The seam is exhausted")).toMatchObject({ speaker: "Kestrel Mining Ltd", confidence: THEY_ARE_THE_BODY_CONFIDENCE });
    expect(find(quotes, "Every figure")).toMatchObject({ speaker: "Whitby campaign" });
  });

  it("names no one when the nearest subject is a person, or no subject is in reach", () => {
    const quotes = quotesOf(
      "Kestrel Mining Ltd closed its last pit on Friday.",
      "Councillor Jane Whitby and her deputy visited the site.",
      "“It is a sad day,” they said.",
    );
    expect(find(quotes, "It is a sad day").speaker).toBeNull();
  });

  it("names no one when others are reported speaking after the body, or the body only modifies the subject", () => {
    const quotes = quotesOf(
      "Kestrel Mining Ltd closed its last pit on Friday, union stewards said.",
      "“Nobody was warned,” they said.",
      "The BBC radio presenters walked out at noon.",
      "“We were not consulted,” they said.",
    );
    expect(find(quotes, "Nobody was warned").speaker).toBeNull();
    expect(find(quotes, "We were not consulted").speaker).toBeNull();
  });
});
