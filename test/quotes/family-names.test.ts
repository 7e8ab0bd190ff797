/**
 * A surname several people of one article share (a politician and his wife, a father and a son): an honorific
 * never picks someone of the other sex, and a bare surname is the one the article names most, not the relative
 * named last. Sentences of our own.
 */
import { describe, expect, it } from "vitest";
import { find, quotesOf } from "./helpers.js";

describe("a surname shared in one article", () => {
  it("reads a bare surname as the person the article is about, not the wife named just before", () => {
    const quotes = quotesOf(
      "Senator Dale Marsh ended his campaign on Friday.",
      "Marsh told supporters in Omaha that he was proud of the race. \"We ran an honest campaign,\" Marsh said.",
      "His rival had mocked a photograph of Nadia Marsh, the senator's wife, during the primary.",
      "\"I will not forgive attacks on my family,\" Marsh said in June.",
    );
    expect(find(quotes, "I will not forgive").speaker).toBe("Dale Marsh");
    expect(find(quotes, "We ran an honest").speaker).toBe("Dale Marsh");
  });

  it("never reads Mr with a surname as the woman of that name", () => {
    const quotes = quotesOf(
      "Ruth Calder, the mayor's wife, opened the fair on Saturday.",
      "\"The fair belongs to everyone,\" Mr. Calder said later.",
    );
    expect(find(quotes, "The fair belongs").speaker).not.toBe("Ruth Calder");
  });
});
