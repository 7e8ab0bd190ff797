import { describe, expect, it } from "vitest";
import { PRONOUN_SEVERAL_PEOPLE_CONFIDENCE, SEVERAL_PEOPLE_CONFIDENCE } from "../../../src/quotes/rules/several-people.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: several people", () => {
  it("credits the subject of the reporting verb, never the person it is about", () => {
    const quotes = quotesOf("Opposition leader Mark Dent attacked Chancellor Ruth Hale over the budget: “She has broken every promise she made.”");
    expect(find(quotes, "She has broken").speaker).toBe("Mark Dent");
  });

  it("lowers an indirect attribution when the paragraph names someone else", () => {
    const alone = quotesOf("Mark Dent spoke in Leeds on Monday.", "“The budget is a disgrace.”");
    const crowded = quotesOf("Mark Dent spoke about Ruth Hale in Leeds on Monday.", "“The budget is a disgrace.”");
    expect(find(alone, "The budget").speaker).toBe(find(crowded, "The budget").speaker);
    const crowdedParagraph = quotesOf("Mark Dent spoke in Leeds on Monday. He attacked Ruth Hale. “The budget is a disgrace,” he said.");
    expect(find(crowdedParagraph, "The budget").confidence).toBeLessThanOrEqual(SEVERAL_PEOPLE_CONFIDENCE);
  });
});

describe("confidence: a he/she in a paragraph naming others is shown uncertain", () => {
  it("caps a pronoun attribution below 0.6 when the paragraph names another person", () => {
    const quotes = quotesOf(
      "Omar Haddad met Petra Lindqvist and Tom Pike at the quay on Monday.",
      "Haddad then praised Tom Pike for the repairs. He added that the work was “the best in ten years”.",
    );
    const q = find(quotes, "the best in ten years");
    expect(q.confidence).toBeLessThan(0.6);
    expect(q.confidence).toBe(PRONOUN_SEVERAL_PEOPLE_CONFIDENCE);
  });
});
