import { describe, expect, it } from "vitest";
import { namedAfterBodyNoun } from "../../../src/quotes/rules/body-noun-before.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: body noun before a name", () => {
  it("reads a name after a body's common noun as the body, not as a person", () => {
    const text = "The rights went to his company Scott Free to develop; the firm Ann Lee founded stayed out.";
    const at = (name: string) => [text.indexOf(name), text.indexOf(name) + name.length] as const;
    expect(namedAfterBodyNoun(text, ...at("Scott Free"))).toBe(true);
    expect(namedAfterBodyNoun(text, ...at("Ann Lee"))).toBe(false);
  });

  it("never makes the body the “he” that speaks next", () => {
    const quotes = quotesOf(
      "The studio has bought the film rights for the producer's company Scott Free to develop.",
      "“It is an enchanting book,” he said.",
    );
    expect(find(quotes, "It is an enchanting").speaker).not.toBe("Scott Free");
  });
});
