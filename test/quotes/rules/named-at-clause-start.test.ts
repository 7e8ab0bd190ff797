import { describe, expect, it } from "vitest";
import { NAMED_AT_CLAUSE_START_CONFIDENCE } from "../../../src/quotes/rules/named-at-clause-start.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: named at the clause's start", () => {
  it("credits the person opening the clause, not the firm named in their description", () => {
    const quotes = quotesOf("“Every game will be sharper,” Dr Helen Marsh chief engineer at display maker Vantix told the BBC.");
    expect(find(quotes, "Every game")).toMatchObject({ speaker: "Helen Marsh", confidence: NAMED_AT_CLAUSE_START_CONFIDENCE });
  });

  it("does not reach across a relative clause or another person", () => {
    const quotes = quotesOf("“The deal is off,” Helen Marsh who met chief executive Tom Pike told the BBC.");
    expect(find(quotes, "The deal is off").evidence).not.toContain("named at the start of the clause");
  });
});
