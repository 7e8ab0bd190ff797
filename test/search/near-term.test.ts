import { describe, expect, it } from "vitest";
import { nearestTerm, TermsByInitial } from "../../src/search/near-term.js";

describe("nearestTerm", () => {
  const vocabulary = new Map([
    ["zakharova", 3],
    ["guterres", 5],
    ["kyiv", 9],
    ["kiev", 2],
    ["lavrov", 7],
  ]);

  it("suggests the known spelling of a misspelt name", () => {
    expect(nearestTerm("zaharova", vocabulary)).toBe("zakharova");
    expect(nearestTerm("guteres", vocabulary)).toBe("guterres");
    expect(nearestTerm("lavorv", vocabulary)).toBe("lavrov");
  });

  it("prefers the more frequent of equally close terms", () => {
    expect(nearestTerm("kyev", vocabulary)).toBe("kyiv");
  });

  it("suggests nothing when no known term is close or the first letter differs", () => {
    expect(nearestTerm("blinken", vocabulary)).toBeNull();
    expect(nearestTerm("avrov", vocabulary)).toBeNull();
  });
});

describe("nearestTerm with the vocabulary grouped by initial", () => {
  it("finds what the whole vocabulary finds", () => {
    const vocabulary = new Map([["zakharova", 5], ["zakharov", 9], ["guterres", 3], ["gutter", 40], ["lavrov", 7], ["kyiv", 2]]);
    const initials = new TermsByInitial(vocabulary.keys());
    for (const typed of ["zaharova", "guteres", "lavorv", "kyev", "avrov", "zakharof"]) {
      expect(nearestTerm(typed, vocabulary, initials), typed).toBe(nearestTerm(typed, vocabulary));
    }
    expect(nearestTerm("guteres", vocabulary, initials)).toBe("guterres");
  });
});
