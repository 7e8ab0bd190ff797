import { describe, expect, it } from "vitest";
import { UNNAMED_ROLE_CONFIDENCE, unnamedRolePhrases } from "../../../src/quotes/rules/unnamed-role.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: unnamed role", () => {
  it("reads a trade and an unnamed employer, and not a bare trade or a named employer", () => {
    const text = "A senior trader at a Swiss\\nprivate bank spoke. An analyst spoke. A dealer at the Harbour Bank spoke.".replace("\\n", "\n");
    expect(unnamedRolePhrases(text, 0, text.length, []).map((p) => p.relation?.printed)).toEqual(["Senior trader at a Swiss private bank"]);
  });

  it("prints the unnamed speaker as described, and the he after it goes to them, unsure", () => {
    const quotes = quotesOf(
      "The peso slid for a third day against the dollar.",
      "“Nobody wants to hold pesos into the weekend,” a dealer at a small Mexican brokerage said. “It could fall further,” he added.",
      "“The central bank will step in,” an economist said.",
    );
    expect(find(quotes, "Nobody wants")).toMatchObject({ speaker: "Dealer at a small Mexican brokerage", confidence: UNNAMED_ROLE_CONFIDENCE });
    const he = find(quotes, "It could fall");
    expect(he.speaker).toBe("Dealer at a small Mexican brokerage");
    expect(he.confidence).toBeLessThan(0.6);
    expect(find(quotes, "The central bank").speaker).toBeNull();
  });
});

describe("rule: unnamed role, a party member", () => {
  it("prints an unnamed party member as described, with what they are close to", () => {
    const quotes = quotesOf(
      "Senator Ruth Calder faces a primary in May.",
      "“She has the money but not the volunteers,” said one Republican involved in the county's planning.",
      "“The numbers are soft,” a senior Democrat said.",
      "“We need more doors knocked,” a Democratic staffer said.",
      "“Is she tired?” a Democratic staffer in the hall wondered.",
    );
    expect(find(quotes, "She has the money")).toMatchObject({ speaker: "Republican involved in the county's planning", confidence: UNNAMED_ROLE_CONFIDENCE });
    expect(find(quotes, "The numbers are soft").speaker).toBe("Senior Democrat");
    expect(find(quotes, "We need more doors").speaker).toBe("Democratic staffer");
    expect(find(quotes, "Is she tired").speaker).toBe("Democratic staffer in the hall");
  });

  it("keeps the campaign a party member is familiar with as a description, not the speaker", () => {
    const quotes = quotesOf("“Turnout will decide it,” said one Democrat familiar with the Calder campaign's plans.");
    expect(find(quotes, "Turnout will decide").speaker).toBe("Democrat familiar with the Calder campaign's plans");
  });

  it("does not cut a party word out of a longer name: the committee member is the speaker", () => {
    const quotes = quotesOf("“They have no staff left,” said a prominent Republican National Committee member who backs Calder.");
    expect(find(quotes, "They have no staff").speaker).toBe("Republican National Committee member");
  });
});
