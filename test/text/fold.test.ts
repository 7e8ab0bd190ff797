import { describe, expect, it } from "vitest";
import { foldAccentsAndCase, foldText, withoutAccents } from "../../src/text/fold.js";

describe("folding", () => {
  it("drops accents and keeps case, or folds both", () => {
    expect(withoutAccents("Spoljarić Ángela")).toBe("Spoljaric Angela");
    expect(foldAccentsAndCase("Spoljarić Ángela")).toBe("spoljaric angela");
    expect(foldAccentsAndCase("Reuters")).toBe("reuters");
  });

  it("spells out, for the search analysis, the letters that do not decompose", () => {
    expect(foldText("Straße Łódź Ærø")).toBe("strasse lodz aero");
    expect(foldAccentsAndCase("Straße")).toBe("straße");
  });

  it("folds compatibility characters as the index always has (case lowered before decomposing)", () => {
    expect(foldText("ℂ")).toBe("C");
    expect(foldAccentsAndCase("ℂ")).toBe("c");
    expect(foldText("ﬁnal")).toBe("final");
  });

  it("reads ASCII and non-ASCII text alike", () => {
    for (const word of ["Lavrov", "U.S.", "don't", "Zelenskyy"]) {
      expect(foldAccentsAndCase(word + "é").slice(0, word.length)).toBe(foldAccentsAndCase(word));
      expect(foldText(word + "é").slice(0, word.length)).toBe(foldText(word));
    }
  });
});
