import { describe, expect, it } from "vitest";
import { handsOverTo } from "../../../src/quotes/rules/lead-in.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: lead-in", () => {
  it("tells a lead-in handing over to a writer from an object of a verb or a preposition", () => {
    expect(handsOverTo("Forecasters agree - ")).toBe(true);
    expect(handsOverTo("Why the map favours the party - More from ")).toBe(true);
    expect(handsOverTo("More from ")).toBe(true);
    expect(handsOverTo("The mayor told ")).toBe(false);
    expect(handsOverTo("A letter from ")).toBe(false);
  });

  it("gives the quotation to the writer named before the colon", () => {
    const quotes = quotesOf(
      "Forecasters agree - Carl Bialik: “The last week of calls decided everything, and the early polls could not see it.”",
      "Why the map favours the party - More from Jones: “The size of a state matters as much as the number of states.”",
      "A letter from Jones: “Please forward this to the board before Friday.”",
    );
    expect(find(quotes, "The last week").speaker).toBe("Carl Bialik");
    expect(find(quotes, "The size of a state").speaker).toBe("Jones");
    expect(find(quotes, "Please forward").evidence).not.toMatch(/named next to the cue: Jones :/);
  });
});
