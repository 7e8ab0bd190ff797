import { describe, expect, it } from "vitest";
import { find, quotesOf } from "../helpers.js";

describe("rule: place names", () => {
  it("never gives a he or she to a town the article writes with its state", () => {
    const quotes = quotesOf(
      "“I do not trust either of them,” Tova Brine, 67, a retired clerk in Dunmore, Pa., said. But, she added, “I will vote.”",
    );
    expect(find(quotes, "I will vote").speaker).not.toBe("Dunmore");
  });

  it("never gives a he or she to a word only ever named after 'in'", () => {
    const quotes = quotesOf(
      "Nils Tarrant toured the state on Monday.",
      "In Bellbrook, he greeted supporters. “We are going to win here,” he said.",
    );
    expect(find(quotes, "We are going").speaker).toBe("Nils Tarrant");
  });

  it("never reads 'it said' as a place named before", () => {
    const quotes = quotesOf("The listing drew 9,000 views in Florida.", "“We want no part in it,” it said.");
    expect(find(quotes, "We want no part").speaker).toBeNull();
  });

  it("never makes 'Nobody' or 'Someone' a speaker", () => {
    const quotes = quotesOf("Someone called it a “quiet revolution,” and the mayor agreed.");
    expect(find(quotes, "quiet revolution").speaker).not.toBe("Someone");
  });
});
