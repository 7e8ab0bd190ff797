import { describe, expect, it } from "vitest";
import { SENTENCE_CLOSER_CONFIDENCE } from "../../../src/quotes/rules/sentence-closer.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: sentence closer", () => {
  it("gives every fragment of the sentence to the clause that closes it", () => {
    const quotes = quotesOf(
      "The ferry service will return in spring.",
      "The new boats would bring “real comfort” and give the islands the “links they deserve” at last, harbour manager Ellen Marsh said.",
    );
    expect(find(quotes, "real comfort")).toMatchObject({ speaker: "Ellen Marsh", confidence: SENTENCE_CLOSER_CONFIDENCE });
    expect(find(quotes, "links they deserve").speaker).toBe("Ellen Marsh");
  });

  it("reads a closing “according to” with the speaker's title before the name", () => {
    const quotes = quotesOf("The trust will plant “well over a thousand” oaks along the valley, according to forestry officer Raj Patel.");
    expect(find(quotes, "well over a thousand")).toMatchObject({ speaker: "Raj Patel", confidence: SENTENCE_CLOSER_CONFIDENCE });
  });

  it("leaves the fragment alone when someone else is reported speaking in the sentence", () => {
    const quotes = quotesOf("Critics argued the ferries were “far too slow” for the crossing, Ellen Marsh said.");
    expect(find(quotes, "far too slow").evidence).not.toMatch(/clause closing the sentence names it/);
  });

  it("does not reach past the end of the sentence", () => {
    const quotes = quotesOf("The boats were “a gamble from the very start” by any measure. Then, Ellen Marsh said, the harbour was ready.");
    expect(find(quotes, "a gamble").evidence).not.toMatch(/clause closing the sentence names it/);
  });
});
