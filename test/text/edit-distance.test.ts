import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/text/edit-distance.js";

describe("editDistance", () => {
  it("edit distance: optimal string alignment, capped", () => {
    expect(editDistance("zakharova", "zaharova", 2)).toBe(1);
    expect(editDistance("lavrov", "lvarov", 1)).toBe(1); // a swap is one edit
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3); // past the cap: cap + 1
    expect(editDistance("abc", "", 3)).toBe(4); // the row minimum leaves out the first column, as it always did
    expect(editDistance("", "ab", 3)).toBe(2);
    expect(editDistance("a much longer name", "short", 3)).toBe(4);
  });

  it("counts a transposition as one edit and stops early above the limit", () => {
    expect(editDistance("lavorv", "lavrov")).toBe(1);
    expect(editDistance("abc", "xyz")).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});
