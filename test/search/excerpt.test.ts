import { describe, expect, it } from "vitest";
import { findPhrase, foldPhrase, hasPhrase, makeExcerpt } from "../../src/search/excerpt.js";

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("makeExcerpt", () => {
  it("shows a short passage whole, without surrounding blanks", () => {
    const text = "  \nA short paragraph about Kyiv.\n ";
    const at = text.indexOf("Kyiv");
    const ex = makeExcerpt(text, 0, text.length, [[at, at + 4]]);
    expect(text.slice(ex.start, ex.end)).toBe("A short paragraph about Kyiv.");
    expect(ex).toMatchObject({ cutStart: false, cutEnd: false });
    expect(ex.marks).toEqual([[24, 28]]);
  });

  it("cuts a long passage around the marks at word boundaries", () => {
    const text = `${filler(80)} the Minsk agreements were discussed ${filler(80)}`;
    const at = text.indexOf("Minsk");
    const ex = makeExcerpt(text, 0, text.length, [[at, at + 5]]);
    const shown = text.slice(ex.start, ex.end);
    expect(shown.length).toBeLessThanOrEqual(320);
    expect(shown).toContain("Minsk agreements");
    expect(ex.cutStart && ex.cutEnd).toBe(true);
    expect(/\s/.test(text[ex.start - 1]!)).toBe(true);
    expect(/[\s]/.test(text[ex.end] ?? " ")).toBe(true);
    const [mark] = ex.marks;
    expect(shown.slice(mark![0], mark![1])).toBe("Minsk");
  });

  it("starts a cut excerpt at a sentence near the window's start, never after an abbreviation", () => {
    const excerptOf = (sentence: string) => {
      const text = `${filler(70)} ${sentence} ${filler(70)}`;
      const at = text.indexOf("Minsk");
      const ex = makeExcerpt(text, 0, text.length, [[at, at + 5]]);
      return text.slice(ex.start, ex.end);
    };
    expect(excerptOf("end of one story. The long-awaited talks on the Minsk agreements")).toMatch(/^The long-awaited/);
    expect(excerptOf("end of one story with Sen. Hall on the Minsk agreements")).not.toMatch(/^Hall/);
  });

  it("prefers the window with the most matched words", () => {
    const text = `Kyiv ${filler(60)} Kyiv Kyiv Kyiv ${filler(60)}`;
    const marks: Array<[number, number]> = [];
    for (let i = text.indexOf("Kyiv"); i >= 0; i = text.indexOf("Kyiv", i + 1)) marks.push([i, i + 4]);
    const ex = makeExcerpt(text, 0, text.length, marks);
    expect(ex.marks.length).toBeGreaterThanOrEqual(3);
  });

  it("never cuts through a mark and keeps marks inside the excerpt", () => {
    const text = `${filler(50)} International Committee of the Red Cross ${filler(60)}`;
    const s = text.indexOf("International");
    const e = text.indexOf("Cross") + 5;
    const ex = makeExcerpt(text, 0, text.length, [[s, e]], 30);
    expect(ex.start).toBeLessThanOrEqual(s);
    expect(ex.end).toBeGreaterThanOrEqual(e);
    expect(ex.marks).toEqual([[s - ex.start, e - ex.start]]);
  });

  it("ignores marks outside the passage", () => {
    const text = "Kyiv. Second paragraph here.";
    const ex = makeExcerpt(text, 6, text.length, [[0, 4]]);
    expect(ex.marks).toEqual([]);
  });
});

describe("findPhrase", () => {
  it("folds case, whitespace runs, diacritics and typographic apostrophes, and gives the original ranges", () => {
    const text = "PRIME\tMinister  said:\n“Spoljarić’s  talks” — Prime Minister’s office; prime-minister.";
    const found = (phrase: string) => findPhrase(text, 0, text.length, foldPhrase(phrase)).map(([s, e]) => text.slice(s, e));
    expect(found("prime minister said")).toEqual(["PRIME\tMinister  said"]);
    expect(found("spoljaric's talks")).toEqual(["Spoljarić’s  talks"]);
    expect(found("minister's office")).toEqual(["Minister’s office"]);
    // Whole words only: not before an apostrophe (a word character), nor across a hyphen.
    expect(found("prime minister")).toEqual(["PRIME\tMinister"]);
    expect(found("talks” — prime")).toEqual(["talks” — Prime"]);
    // hasPhrase answers whether findPhrase finds any.
    for (const phrase of ["prime minister said", "spoljaric's talks", "minister office", "prime minist", "office prime"]) {
      expect(hasPhrase(text, 0, text.length, foldPhrase(phrase)), phrase).toBe(found(phrase).length > 0);
    }
    expect(hasPhrase(text, 0, text.length, foldPhrase("minister office"))).toBe(false);
  });

  it("matches folded, whitespace-normalised, whole words, with original offsets", () => {
    const text = "Talks with Mirjana  Spoljarić\nof the ICRC; spoljaricx is not her.";
    const ranges = findPhrase(text, 0, text.length, foldPhrase("mirjana spoljaric of"));
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(["Mirjana  Spoljarić\nof"]);
    expect(findPhrase(text, 0, text.length, foldPhrase("spoljaric"))).toHaveLength(1);
    expect(findPhrase(text, 0, text.length, foldPhrase("ICR"))).toEqual([]);
  });

  it("keeps decomposed diacritics inside the range", () => {
    const text = "Spoljaric\u0301 said";
    const [range] = findPhrase(text, 0, text.length, foldPhrase("spoljaric"));
    expect(text.slice(range![0], range![1])).toBe("Spoljaric\u0301");
  });

  it("treats typographic and plain apostrophes alike", () => {
    const text = "the West’s complete acquiescence";
    expect(findPhrase(text, 0, text.length, foldPhrase("West's complete"))).toHaveLength(1);
  });

  it("searches only inside the given range", () => {
    const text = "Kyiv here. Kyiv there.";
    expect(findPhrase(text, 11, text.length, "kyiv")).toEqual([[11, 15]]);
  });
});
