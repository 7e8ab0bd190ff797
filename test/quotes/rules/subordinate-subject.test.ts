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

describe("rule: subject of a subordinate clause, any reporting verb", () => {
  it("gives the fragment to the person opening the clause of a reporting verb, but not a title", () => {
    const quotes = quotesOf(
      "The nurses' union has toured the county all winter.",
      "It has become so visible that Ona Pike during a rally thanked its members “for standing with us in the cold.”",
      "The row began after Ona Pike declined to say in an interview on Harbour FM’s “Morning Call” whether she would run.",
    );
    expect(find(quotes, "for standing with us").speaker).toBe("Ona Pike");
    expect(find(quotes, "for standing with us").evidence).toMatch(/the person opening the clause/);
    expect(find(quotes, "Morning Call").evidence).not.toMatch(/the person opening the clause/);
  });
});

describe("rule: as someone put it", () => {
  it("reads “as NAME put it” after an opening phrase", () => {
    const quotes = quotesOf("But at the time, as county prosecutor Sam Ruiz put it, “nobody saw the storm coming in the way we should have.”");
    expect(find(quotes, "nobody saw").speaker).toBe("Sam Ruiz");
  });
});
