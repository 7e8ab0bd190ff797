/** A "he" after a sentence whose subject is an unnamed person goes to no one, never to a person named later in it. */
import { describe, expect, it } from "vitest";
import { unnamedSubject } from "../../../src/quotes/rules/unnamed-subject.js";
import { find, quotesOf } from "../helpers.js";

const speakerOf = (paragraphs: string[], words: string) => find(quotesOf(...paragraphs), words).speaker;

describe("rule: unnamed subject", () => {
  it("reads the indefinite subject that opens a sentence, up to its head noun", () => {
    const text = "A currency analyst at a large Tokyo bank echoed Mr Harlow's worries.";
    expect(unnamedSubject(text, { start: 0, end: text.length })).toBe("A currency analyst");
    const notPerson = "A report by Mr Harlow's office found the opposite.";
    expect(unnamedSubject(notPerson, { start: 0, end: notPerson.length })).toBeNull();
  });

  it("never gives a 'he said' after an unnamed analyst to the person whose views he shared", () => {
    const paragraphs = [
      "Finance Secretary Edwin Harlow said on Friday that the currency needed no support.",
      "A currency analyst echoed Mr Harlow's worries. \"Support would only feed the selling,\" he said.",
      "A currency analyst at a large Tokyo bank echoed Mr Harlow's worries. \"Selling begets selling,\" he said.",
    ];
    expect(speakerOf(paragraphs, "Support would only")).toBeNull();
    // Described with an employer, the analyst is a speaker of their own (rules/unnamed-role.ts), unsure.
    expect(speakerOf(paragraphs, "Selling begets")).toBe("Currency analyst at a large Tokyo bank");
  });

  it("still gives the pronoun to a named subject", () => {
    const paragraphs = [
      "Finance Secretary Edwin Harlow spoke to reporters on Friday.",
      "Harlow rejected calls for intervention. \"Support would only feed the selling,\" he said.",
    ];
    expect(speakerOf(paragraphs, "Support would only")).toBe("Edwin Harlow");
  });
});

describe("a fronted phrase before the pronoun", () => {
  it("keeps a person named inside it from being the 'he' of the sentence ('At a conference hosted by X, he said')", () => {
    const paragraphs = [
      "In Leeds on Thursday ahead of the meeting, Kerala's trade minister, lashed out at the tariffs of the rich nations. He objected to subsidies on farming.",
      "Talvan Mehta, Kerala's trade minister, argued that these bodies need to change. He said the issue is not trade but \"the terms of trade.\" Mr Mehta is attending the summit as part of the G20 group of nations, which account for two thirds of the world's people. At a conference on enterprise hosted by UK finance minister Gordon Harlow on Friday, he said that he was in favour of open markets because they help poor countries. \"Open markets help everyone,\" he told the conference.",
    ];
    expect(speakerOf(paragraphs, "Open markets help")).toBe("Talvan Mehta");
  });
});
