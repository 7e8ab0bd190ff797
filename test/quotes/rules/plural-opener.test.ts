import { describe, expect, it } from "vitest";
import { isPluralOpener } from "../../../src/quotes/rules/plural-opener.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: plural opener", () => {
  it("tells a plural noun from a surname by the verb's number", () => {
    expect(isPluralOpener("Forecasters", "warn")).toBe(true);
    expect(isPluralOpener("Forecasters", "said")).toBe(false);
    expect(isPluralOpener("Jennings", "says")).toBe(false);
    expect(isPluralOpener("Harris", "warn")).toBe(false);
  });

  it("gives no speaker to a plural noun opening the sentence, and keeps a surname that does", () => {
    const quotes = quotesOf(
      "Turnout in the county fell again this spring.",
      "Forecasters warn: “The river could reach record levels this week.”",
      "Jennings says: “We have sandbags for every street.”",
    );
    expect(find(quotes, "The river could").speaker).toBeNull();
    expect(find(quotes, "We have sandbags").speaker).toBe("Jennings");
  });
});
