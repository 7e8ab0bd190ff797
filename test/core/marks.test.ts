import { describe, expect, it } from "vitest";
import { cleanMarks, mergeMarks } from "../../src/core/marks.js";

describe("highlight ranges, cleaned in one place", () => {
  it("merges ranges that overlap or touch, in order", () => {
    expect(mergeMarks([[5, 9], [0, 3], [2, 4], [8, 12]])).toEqual([[0, 4], [5, 12]]);
    expect(mergeMarks([[4, 6], [0, 4]])).toEqual([[0, 6]]);
  });

  it("clamps to the text and drops empty ranges", () => {
    expect(cleanMarks("abcdef", [[-3, 2], [4, 40], [10, 12], [3, 3]])).toEqual([[0, 2], [4, 6]]);
    expect(cleanMarks("abcdef", undefined)).toEqual([]);
  });

  it("trims what a renderer asks, after merging", () => {
    const text = "one  two three";
    expect(cleanMarks(text, [[3, 6], [6, 9]], { trim: /\s/ })).toEqual([[5, 8]]);
    expect(cleanMarks(text, [[3, 5]], { trim: /\s/ })).toEqual([]);
  });

  it("cuts at line breaks when asked, each piece trimmed", () => {
    const text = "big *news*\nsmall";
    expect(cleanMarks(text, [[0, 16]], { trim: /[\s*]/, splitAtLineBreaks: true })).toEqual([[0, 9], [11, 16]]);
    expect(cleanMarks(text, [[0, 16]], { trim: /\s/ })).toEqual([[0, 16]]);
  });
});
