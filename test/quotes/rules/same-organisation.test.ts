import { describe, expect, it } from "vitest";
import { sameOrganisation } from "../../../src/quotes/rules/same-organisation.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: one organisation", () => {
  it("reads an acronym from the initials or the glossary, and a first word as the short name", () => {
    const body = (name: string) => ({ kind: "organisation" as const, name, sure: true });
    expect(sameOrganisation(body("Rugby Football Union"), "RFU", "organisation", true)).toBe(true);
    expect(sameOrganisation(body("Organisation of the Petroleum Exporting Countries"), "OPEC", "organisation", true)).toBe(true);
    expect(sameOrganisation(body("Merrill Lynch"), "Merrill", "organisation", true)).toBe(true);
    expect(sameOrganisation(body("Rugby Football Union"), "RFL", "organisation", true)).toBe(false);
    // A person surely named is never a body's short name.
    expect(sameOrganisation({ kind: "person", name: "Jack Straw", sure: true }, "Jack", "person", false)).toBe(false);
  });

  it("gives the acronym's and the short name's quotations to the full name", () => {
    const quotes = quotesOf(
      "The Rugby Football Union has fined the club.",
      "“The rules are clear,” the RFU said.",
      "Shares in Kestrel Mining fell.",
      "“We will appeal,” Kestrel said.",
    );
    expect(find(quotes, "The rules are clear").speaker).toBe("Rugby Football Union");
    expect(find(quotes, "We will appeal").speaker).toBe("Kestrel Mining");
  });
});
