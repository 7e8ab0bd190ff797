import { describe, expect, it } from "vitest";
import { SUBORDINATE_SUBJECT_CONFIDENCE } from "../../../src/quotes/rules/subordinate-subject.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: subject of a subordinate clause", () => {
  it("gives the fragment to the person opening the clause of its naming verb", () => {
    const quotes = quotesOf(
      "The race for county chair has turned sharp.",
      "There were pointed jabs, such as when Ona Pike knocked Len Dole on roads and called him a “dreamer,” a dig at his age.",
    );
    const dreamer = find(quotes, "dreamer");
    expect(dreamer.speaker).toBe("Ona Pike");
    expect(dreamer.evidence).toMatch(/the person opening the clause/);
    // Capped, as any indirect attribution, because Dole is named in the paragraph too.
    expect(dreamer.confidence).toBeLessThanOrEqual(SUBORDINATE_SUBJECT_CONFIDENCE);
  });

  it("does not give it to the one opening the clause when another person stands in between, uncoordinated", () => {
    const quotes = quotesOf("The mood turned after Ona Pike met Len Dole, who called the plan “a fiction.”");
    expect(find(quotes, "a fiction").evidence).not.toMatch(/the person opening the clause/);
  });
});

describe("rule: as someone put it", () => {
  it("reads “as NAME put it” after an opening phrase", () => {
    const quotes = quotesOf("But at the time, as county prosecutor Sam Ruiz put it, “nobody saw the storm coming in the way we should have.”");
    expect(find(quotes, "nobody saw").speaker).toBe("Sam Ruiz");
  });
});
