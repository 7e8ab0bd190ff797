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
      expect(cut(text, sentenceRanges(text, 0, text.length))).toHaveLength(2);
      expect(cut(text, trimmedSentences(text))).toHaveLength(2);
    }
  });

  it("cuts after a word that is not listed", () => {
    const text = "They met Sena. Smith came later.";
    expect(cut(text, sentenceRanges(text, 0, text.length))).toEqual(["They met Sena.", "Smith came later."]);
    expect(cut(text, trimmedSentences(text))).toEqual(["They met Sena", "Smith came later"]);
  });
});

describe("the one sentence splitter", () => {
  const both = (text: string) => ({
    attribution: cut(text, sentenceRanges(text, 0, text.length)),
    statements: cut(text, trimmedSentences(text)),
  });

  it("ends a sentence after a word ending in an apostrophe and a letter, not only after a long word", () => {
    const text = "He was injured at St Mary's. But he played on. You do or you don't. Simple as that.";
    expect(both(text).attribution).toEqual(["He was injured at St Mary's.", "But he played on.", "You do or you don't.", "Simple as that."]);
    expect(both(text).statements).toHaveLength(4);
  });

  it("keeps an initial and a dotted abbreviation inside the sentence, but not a web address", () => {
    const text = "George W. Bush met U.S. officials at 9 a.m. Tuesday. He told bbc.com. Then he left.";
    const { attribution, statements } = both(text);
    expect(attribution).toEqual(["George W. Bush met U.S. officials at 9 a.m. Tuesday.", "He told bbc.com.", "Then he left."]);
    expect(statements).toEqual(["George W. Bush met U.S. officials at 9 a.m. Tuesday", "He told bbc.com", "Then he left"]);
  });

  it("ends no sentence at an ellipsis, in either reader", () => {
    for (const dots of ["...", "…"]) {
      const text = `The finale of I'm A Celebrity${dots} Get Me Out Of Here drew 10m viewers. It was less.`;
      const { attribution, statements } = both(text);
      expect(attribution).toHaveLength(2);
      expect(statements).toHaveLength(2);
    }
  });

  it("gives the statements the attribution's sentences, trimmed", () => {
    const text = "“It is over,” she said. (The talks had failed.) [They] will meet again. Jay-Z. Soul singers came.";
    const trimmed = trimmedSentences(text).map((r) => text.slice(r.start, r.end));
    const contiguous = sentenceRanges(text, 0, text.length);
    expect(trimmed).toHaveLength(contiguous.length);
    for (const [i, r] of contiguous.entries()) expect(text.slice(r.start, r.end)).toContain(trimmed[i]!);
  });


  it("masks quotations for attribution: a full stop inside one ends no sentence", () => {
    const text = "“We will stay. We will fight,” he said. Others left.";
    const quote = { start: 1, end: text.indexOf(",”") + 1 };
    expect(cut(text, sentenceRanges(text, 0, text.length, { masked: [quote] }))).toEqual(["“We will stay. We will fight,” he said.", "Others left."]);
  });

  it("cuts statements at a blank line but not at a hard wrap", () => {
    const text = "The talks went on\ninto the night\n\nNo deal was reached";
    expect(cut(text, trimmedSentences(text))).toEqual(["The talks went on\ninto the night", "No deal was reached"]);
  });
});
