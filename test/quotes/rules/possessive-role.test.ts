import { describe, expect, it } from "vitest";
import { POSSESSIVE_ROLE_CONFIDENCE, possessiveRolePhrases } from "../../../src/quotes/rules/possessive-role.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: possessive role", () => {
  it("reads a role owned by his or her, with its qualifiers, and not a plural or a relative", () => {
    const text = "His chief aide said so. Her spokeswoman agreed. Their lawyers left. His wife spoke.";
    expect(possessiveRolePhrases(text, 0, text.length, []).map((p) => [p.ownerPronoun, p.qualifier, p.head])).toEqual([
      ["he", "chief", "aide"],
      ["she", "", "spokeswoman"],
    ]);
  });

  it("names the role by the person the pronoun means, as a newsroom prints it", () => {
    const quotes = quotesOf(
      "Councillor Jane Whitby toured the harbour on Monday.",
      "“The tolls will go by spring,” her chief aide said.",
      "Mayor Tom Ridley stayed away from the opening.",
      "His spokesman said: “The mayor was never invited.”",
    );
    expect(find(quotes, "The tolls will go")).toMatchObject({ speaker: "Jane Whitby’s chief aide", confidence: POSSESSIVE_ROLE_CONFIDENCE });
    expect(find(quotes, "The mayor was never")).toMatchObject({ speaker: "Tom Ridley’s spokesman" });
  });

  it("names no one when no person before fits the pronoun", () => {
    const quotes = quotesOf("The harbour tolls were raised again on Monday.", "“The rise is unlawful,” his lawyer said.");
    expect(find(quotes, "The rise is unlawful").speaker).toBeNull();
  });
});
