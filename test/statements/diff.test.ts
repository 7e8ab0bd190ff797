import { describe, expect, it } from "vitest";
import { diffRenderings, materialDifferences, subjectOf } from "../../src/statements/diff.js";

const marked = (text: string, marks: ReadonlyArray<readonly [number, number]>) => marks.map(([s, e]) => text.slice(s, e));
const kinds = (a: string, b: string) => materialDifferences(a, b).map((m) => m.kind);

describe("word-by-word differences", () => {
  it("marks the words of the other rendering that the primary lacks, and the primary's missing words", () => {
    const primary = "including the infamous video in which unarmed prisoners were executed by firing";
    const other = "including the infamous video of the shooting of unarmed war prisoners";
    const diff = diffRenderings(primary, other);
    expect(marked(other, diff.added)).toEqual(["of the shooting of", "war"]);
    expect(marked(primary, diff.removed)).toEqual(["in which", "were executed by firing"]);
    expect(diff.identical).toBe(false);
    expect(diff.common).toBe(6);
  });

  it("ignores case, accents, punctuation and spelling variants", () => {
    const diff = diffRenderings("Donbass faced shelling, Spoljarić said.", "donbas faced Shelling — Spoljaric said");
    expect(diff.identical).toBe(true);
    expect(diff.added).toEqual([]);
    expect(diff.material).toEqual([]);
  });
});

describe("material differences", () => {
  it("flags a number that differs, in digits or words", () => {
    expect(materialDifferences("more than 10 soldiers", "at least 11 soldiers")).toEqual([
      { kind: "number", detail: "number differs: 10 vs 11" },
    ]);
    expect(kinds("ten soldiers were killed", "10 soldiers were killed")).toEqual([]);
    expect(kinds("2,000 people", "2000 people")).toEqual([]);
    expect(kinds("prices rose 5%", "prices rose 6%")).toEqual(["number"]);
  });

  it("flags a negation present in one rendering only", () => {
    const found = materialDifferences("We will not allow it", "We will allow it");
    expect(found).toEqual([{ kind: "negation", detail: "negation: “not” only in primary" }]);
    expect(kinds("We will allow it", "We won’t allow it")).toEqual(["negation"]);
    expect(kinds("without delay", "with delay")).toEqual(["negation"]);
    expect(kinds("We will never allow it", "We shall not ever allow it")).toEqual([]);
  });

  it("flags a hedge present in one rendering only", () => {
    expect(materialDifferences("could play a key role", "will be of key importance")).toEqual([
      { kind: "hedge", detail: "hedge: “could” only in primary" },
    ]);
    expect(kinds("troops shelled the town", "troops reportedly shelled the town")).toEqual(["hedge"]);
    expect(kinds("about 40 people", "40 people")).toEqual(["hedge"]);
    expect(kinds("may be", "might be")).toEqual(["hedge", "hedge"]);
  });

  it("flags a different subject: another pronoun, or another actor", () => {
    expect(materialDifferences("We expect progress", "They expect progress")).toEqual([
      { kind: "subject", detail: "different subject: “we” vs “they”" },
    ]);
    expect(kinds("Russian troops shelled the town", "Ukrainian forces shelled the town")).toEqual(["subject"]);
  });

  it("does not flag a change of voice or a restructured paraphrase as a different subject", () => {
    expect(
      kinds(
        "The Ukrainian regime has been torturing many of them",
        "Many of them are subjected to torture by the Ukrainian regime",
      ),
    ).toEqual([]);
    expect(kinds("We are certain that the balanced policy is critical", "a balanced line is important")).toEqual([]);
    expect(kinds("Instead, Donbass faced daily shelling", "Donbas has been subjected to daily bombardments")).toEqual([]);
  });
});

describe("subjectOf", () => {
  it("skips an opening adverbial and reads a pronoun or the head of the first noun phrase", () => {
    expect(subjectOf("Once again, I would like to draw your attention")?.key).toBe("i");
    expect(subjectOf("In many ways, what is happening there now")?.key).toBe("what");
    expect(subjectOf("Many of them are subjected to torture")?.key).toBe("they");
    expect(subjectOf("The Ukrainian regime has been torturing")?.text).toBe("ukrainian regime");
  });

  it("names no subject for fragments", () => {
    expect(subjectOf("including the infamous video of the shooting")).toBeNull();
    expect(subjectOf("to draw attention to the blatant violation")).toBeNull();
  });
});
