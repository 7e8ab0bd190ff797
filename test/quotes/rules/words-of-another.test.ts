import { describe, expect, it } from "vitest";
import { WORDS_OF_ANOTHER_CONFIDENCE } from "../../../src/quotes/rules/words-of-another.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: words of another", () => {
  it("gives a quotation inside someone's claim to its owner, not to the one reacting", () => {
    const quotes = quotesOf("Mayor Dana Holt on Friday blamed reporters for Senator Luis Ferro’s claim that the council “cooked the books.”");
    const q = find(quotes, "cooked the books");
    expect(q.speaker).toBe("Luis Ferro");
    expect(q.confidence).toBeLessThanOrEqual(WORDS_OF_ANOTHER_CONFIDENCE);
    expect(q.evidence).toMatch(/^the words of Luis Ferro/);
  });

  it("gives the words to the one attacked for saying them", () => {
    const quotes = quotesOf("Councillor Ada Brook attacked Mayor Dana Holt for saying the budget was “a fairy tale.”");
    expect(find(quotes, "a fairy tale").speaker).toBe("Dana Holt");
  });

  it("leaves words judging the claim to the one judging it", () => {
    const quotes = quotesOf(
      "Mayor Dana Holt said Senator Luis Ferro’s remarks were “simply false.”",
      "Councillor Ada Brook said Ferro’s claim that the plan would fail was “nonsense.”",
    );
    expect(find(quotes, "simply false").speaker).toBe("Dana Holt");
    expect(find(quotes, "nonsense").speaker).toBe("Ada Brook");
  });
});
