import { describe, expect, it } from "vitest";
import { SENTENCE_ABBREVIATIONS, TITLE_ABBREVIATIONS } from "../../src/text/abbreviations.js";
import { sentenceRanges, trimmedSentences } from "../../src/text/sentences.js";

const cut = (text: string, ranges: ReadonlyArray<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end).trim());

describe("the abbreviation list", () => {
  it("holds every title among the abbreviations that do not end a sentence", () => {
    for (const title of TITLE_ABBREVIATIONS) expect(SENTENCE_ABBREVIATIONS.has(title)).toBe(true);
  });

  it("keeps both splitters from cutting after a listed abbreviation", () => {
    for (const abbreviation of ["Sen", "Det", "Corp", "Sept", "Messrs"]) {
      const text = `They met ${abbreviation}. Smith on Friday. Then they left.`;
      expect(cut(text, sentenceRanges(text, 0, text.length, []))).toHaveLength(2);
      expect(cut(text, trimmedSentences(text))).toHaveLength(2);
    }
  });

  it("cuts after a word that is not listed", () => {
    const text = "They met Sena. Smith came later.";
    expect(cut(text, sentenceRanges(text, 0, text.length, []))).toEqual(["They met Sena.", "Smith came later."]);
    expect(cut(text, trimmedSentences(text))).toEqual(["They met Sena", "Smith came later"]);
  });
});

describe("the two sentence splitters", () => {
  it("masks quotations for attribution: a full stop inside one ends no sentence", () => {
    const text = "“We will stay. We will fight,” he said. Others left.";
    const quote = { start: 1, end: text.indexOf(",”") + 1 };
    expect(cut(text, sentenceRanges(text, 0, text.length, [quote]))).toEqual(["“We will stay. We will fight,” he said.", "Others left."]);
  });

  it("cuts statements at a blank line but not at a hard wrap", () => {
    const text = "The talks went on\ninto the night\n\nNo deal was reached";
    expect(cut(text, trimmedSentences(text))).toEqual(["The talks went on\ninto the night", "No deal was reached"]);
  });
});
