import { describe, expect, it } from "vitest";
import { find, quotesOf } from "../helpers.js";

describe("rule: hometown", () => {
  it("gives the words to the person, not to the county written after their town", () => {
    const quotes = quotesOf(
      "Voters lined up early in Dover.",
      "Sarah Dunn of Ashford, Kent says she really thinks Pike can win if she keeps “doing what she is doing.”",
    );
    expect(find(quotes, "doing what she").speaker).toBe("Sarah Dunn");
  });

});
