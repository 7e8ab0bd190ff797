import { describe, expect, it } from "vitest";
import { find, quotesOf } from "../helpers.js";

/** Issue 15: a bare surname that two people of the article share goes to the one the article is about. */
describe("a surname shared by two people of an article", () => {
  it("goes to the one named as a subject, not the one named after a preposition", () => {
    const quotes = quotesOf(
      "Former governor Paul Marsh criticised the new tax at a rally in Leeds for his daughter Anna Marsh.",
      "“It does not add up. The whole model is broken,” Marsh said.",
    );
    expect(find(quotes, "It does not add up").speaker).toBe("Paul Marsh");
  });

  it("still goes to the latest one when both were subjects", () => {
    const quotes = quotesOf(
      "Paul Marsh spoke first. Anna Marsh spoke after him.",
      "“We have waited long enough,” Marsh said.",
    );
    expect(find(quotes, "We have waited").speaker).toBe("Anna Marsh");
  });
});
