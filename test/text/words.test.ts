import { describe, expect, it } from "vitest";
import { scanWords, WORD_PATTERN } from "../../src/text/word-scan.js";
import { stripPossessive, WORD_PATTERNS, words, type Word } from "../../src/text/words.js";

/** What the pattern finds in the slice alone: the definition the scanner and `words` must keep to. */
function reference(text: string, from = 0, to = text.length): Word[] {
  const slice = text.slice(from, to);
  return [...slice.matchAll(new RegExp(WORD_PATTERN.source, "gu"))].map((m) => ({
    text: m[0],
    start: from + m.index,
    end: from + m.index + m[0].length,
  }));
}

/** Characters that test every branch: joiners, capitals and dots, mis-decoded UTF-8, marks, surrogates. */
const ALPHABET = [
  "a", "b", "Z", "Q", "0", "7", " ", " ", "\n", ".", ".", "'", "’", "‘", "-", ",", '"', "“", "(",
  "Â", "Ã", "A", "\u0303", "\u0302", "\u00b1", "\u0080", "\u00aa", "\u00b2", "é", "Ж", "ß", "İ",
  "𝐀", "😀", "\ud835", "\udc00", "\u200b", "\u00a0",
];

/** A small deterministic generator (no flaky seeds). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe("word scanning", () => {
  it("reads words, initials, joined words and mis-decoded names", () => {
    const text = "U.S. officials in the U.K. said Secretary-General PeÃ±a’s plan, A.B.C, and X. don't";
    expect(words(text).map((w) => w.text)).toEqual([
      "U.S.", "officials", "in", "the", "U.K.", "said", "Secretary-General", "PeÃ±a’s", "plan", "A.B.", "C", "and", "X", "don't",
    ]);
  });

  it("finds what the pattern finds, on random text and random ranges", () => {
    const next = random(7);
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(next() * 40);
      let text = "";
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(scanWords(text, 0, text.length)).toEqual(reference(text));
      const from = Math.floor(next() * (text.length + 1));
      const to = from + Math.floor(next() * (text.length - from + 1));
      expect(scanWords(text, from, to)).toEqual(reference(text, from, to));
      // `words` of a range: from the whole text's words when the range cuts cleanly, else from the slice.
      expect(words(text, from, to)).toEqual(reference(text, from, to));
      expect(words(text, to, from)).toEqual(reference(text, to, from));
    }
  });

  it("reads a range as its slice alone, even where it cuts a word", () => {
    const text = "Mr. Lavrov’s U.S.A. visit, PeÃ±a said";
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) expect(words(text, from, to)).toEqual(reference(text, from, to));
    }
    expect(words(text, -5)).toEqual(reference(text, -5));
  });
});

describe("small text helpers", () => {
  it("possessives", () => {
    expect(stripPossessive("Russia’s")).toEqual({ base: "Russia", possessive: true });
    expect(stripPossessive("Jones'")).toEqual({ base: "Jones", possessive: true });
    expect(stripPossessive("Lavrov")).toEqual({ base: "Lavrov", possessive: false });
    expect(stripPossessive("'s")).toEqual({ base: "'s", possessive: false });
    expect(stripPossessive("news")).toEqual({ base: "news", possessive: false });
  });
});

describe("the three word patterns", () => {
  const read = (pattern: RegExp, text: string) => [...text.matchAll(new RegExp(pattern))].map((m) => m[0]);

  it("differ where their readers need them to", () => {
    const text = "The U.S. Secretary-General’s 5% rise";
    expect(read(WORD_PATTERNS.index, text)).toEqual(["The", "U.S.", "Secretary", "General’s", "5", "rise"]);
    expect(read(WORD_PATTERNS.attribution, text)).toEqual(["The", "U.S.", "Secretary-General’s", "5", "rise"]);
    expect(read(WORD_PATTERNS.statements, text)).toEqual(["The", "U", "S", "Secretary", "General’s", "5%", "rise"]);
  });

  it("give `words` exactly the attribution pattern's matches", () => {
    const text = "Sen. Bernie Sanders, PeÃ±a and O’Brien-Smith met in St.John";
    expect(words(text).map((w) => w.text)).toEqual(read(WORD_PATTERNS.attribution, text));
  });
});
