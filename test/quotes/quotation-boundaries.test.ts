/**
 * A quotation is a whole stretch of speech (issue 21, class 4): it never starts mid-word, never keeps a transcript
 * label, never runs on into the reporter's narrative, and a wire lead keeps the start of its sentence.
 * Hand-written texts only.
 */
import { describe, expect, it } from "vitest";
import { splitBlocks } from "../../src/corpus/paragraphs.js";
import { extractQuoteSpans } from "../../src/quotes/extract.js";
import { article, find, quotesOf } from "./helpers.js";

const texts = (parts: string[]) => {
  const a = article("t.txt", parts);
  return extractQuoteSpans(a).map((s) => a.text.slice(s.start, s.end));
};

describe("quotation boundaries", () => {
  it("reads a straight double mark between letters as an apostrophe, never as the start of a quotation", () => {
    const found = texts([
      'The mayor said: "It"s far too soon to narrow the council"s choices on the harbour lease," adding that talks would resume.',
    ]);
    expect(found).toEqual(['It"s far too soon to narrow the council"s choices on the harbour lease,']);
    expect(found.some((t) => /^s\b/.test(t))).toBe(false);
  });

  it("still reads a mark between a word and punctuation as a quotation mark", () => {
    expect(texts(['"We are ready," said the coach. "The players know it."'])).toEqual(["We are ready,", "The players know it."]);
  });

  it("starts a quoted transcript line after its speaker label, and credits the label", () => {
    const quotes = quotesOf(
      "Radio host Dana Pike questioned Senator Owen Hale about the levy on Monday.",
      '"HALE: Well, the levy was never meant to last beyond the winter.',
      '"PIKE: Then why is it still on the books?',
      '"HALE: Because the council has not voted yet."',
    );
    const first = find(quotes, "Well, the levy");
    expect(first.speaker).toBe("Owen Hale");
    expect(find(quotes, "Then why").speaker).toBe("Dana Pike");
    expect(find(quotes, "Because the council").speaker).toBe("Owen Hale");
    expect(quotes.some((q) => /^(?:HALE|PIKE):/.test(q.text))).toBe(false);
  });

  it("ends an unclosed quotation at the reporting clause that lost its closing mark", () => {
    const quotes = quotesOf(
      'Shipping analyst Vera Lund was cautious. "Freight rates will stay weak until the autumn, she said. The index fell for a third week.',
      '"Nobody is buying tonnage at these prices, said Tom Baird of Baird Shipping.',
    );
    expect(quotes.map((q) => q.text)).toEqual([
      "Freight rates will stay weak until the autumn,",
      "Nobody is buying tonnage at these prices,",
    ]);
    expect(find(quotes, "Freight rates").speaker).toBe("Vera Lund");
    expect(find(quotes, "Nobody is buying").speaker).toBe("Tom Baird");
  });

  it("keeps a quotation that runs on over paragraphs whole to its closing mark", () => {
    const found = texts([
      'The minister said: "We will open the new bridge in March.',
      '"It will carry trams as well as cars, and the tolls will go."',
    ]);
    expect(found).toEqual(["We will open the new bridge in March.", "It will carry trams as well as cars, and the tolls will go."]);
  });

  it("ends a quotation before a reporting clause typed inside its closing mark", () => {
    const quotes = quotesOf(
      "Mill owner Enid Varga spoke to analysts on Monday.",
      '"Our recovery will decide how soon we pay a dividend again, she said."',
      '"The mill is full until June, said Enid Varga."',
      '"We will not sell the mill, she said. The offer was too low," she added.',
    );
    expect(quotes.map((q) => q.text)).toEqual([
      "Our recovery will decide how soon we pay a dividend again,",
      "The mill is full until June,",
      // The clause between two sentences of one quotation: two stretches of speech, the clause in neither.
      "We will not sell the mill,",
      "The offer was too low,",
    ]);
    // The clause names the speaker as it would after the closing mark.
    expect(quotes.map((q) => q.speaker)).toEqual(["Enid Varga", "Enid Varga", "Enid Varga", "Enid Varga"]);
  });
});

describe("a quotation that runs on into the reporter's words", () => {
  it("ends a quotation at a reporting clause between two of its sentences, and goes on after it", () => {
    const text =
      'Harbour master Ines Duarte spoke after the storm. "This is the worst damage we have seen on the quay, she said. Without the new wall the boats would have sunk. We hope the council pays for a second one."';
    const a = article("t.txt", [text]);
    const spans = extractQuoteSpans(a);
    expect(spans.map((s) => a.text.slice(s.start, s.end))).toEqual([
      "This is the worst damage we have seen on the quay,",
      "Without the new wall the boats would have sunk. We hope the council pays for a second one.",
    ]);
    // The second stretch continues the first; each is exact in the text.
    expect(spans[1]!.continues).toBe(0);
    const quotes = quotesOf(text);
    expect(quotes.map((q) => q.speaker)).toEqual(["Ines Duarte", "Ines Duarte"]);
    expect(quotes.every((q) => !/\bshe said\b/.test(q.text))).toBe(true);
  });

  it("leaves a clause that goes on, or a speaker telling what someone said, inside the quotation", () => {
    expect(texts(['"He came to the door, he said, and then he left. I never saw him again," Bo Lind said.'])).toEqual([
      "He came to the door, he said, and then he left. I never saw him again,",
    ]);
    expect(texts(['"My father told me so, I said. Nobody believed it," Bo Lind said.'])).toEqual(["My father told me so, I said. Nobody believed it,"]);
  });

  it("ends a quotation opened with a double mark at the single mark that closes it", () => {
    const quotes = quotesOf(
      'The regulator called the method "fair value\' accounting at its worst, a spokeswoman for the board said.',
      '"We expect the banks to approve the plan within weeks,\' finance minister Rui Ortiz said on Monday.',
    );
    expect(quotes.map((q) => q.text)).toEqual(["fair value", "We expect the banks to approve the plan within weeks,"]);
    expect(find(quotes, "We expect").speaker).toBe("Rui Ortiz");
  });

  it("does not read an apostrophe, a plural's apostrophe or a nested quotation as that closing mark", () => {
    expect(texts(['"It\'s the growers\' union that decides, and they said \'not yet\' to the plan until May'])).toEqual([
      "It's the growers' union that decides, and they said 'not yet' to the plan until May",
    ]);
  });

  it("ends an unclosed quotation before a sentence in which the reporter speaks again", () => {
    const quotes = quotesOf(
      'Coach Paula Brandt told reporters: "We played our best football of the season in the second half. She said the team would rest on Sunday before the final.',
    );
    expect(quotes.map((q) => q.text)).toEqual(["We played our best football of the season in the second half."]);
    expect(quotes[0]!.speaker).toBe("Paula Brandt");
  });

  it("keeps a sentence of the speaker's own, and an abbreviated title, inside an unclosed quotation", () => {
    expect(texts(['"The referee came over after the whistle. He told me to wait for the doctor.'])).toEqual([
      "The referee came over after the whistle. He told me to wait for the doctor.",
    ]);
    expect(texts(['"We met at noon in St. Albans. Dr. Hale said nothing for an hour, and neither did I.'])).toEqual([
      "We met at noon in St. Albans. Dr. Hale said nothing for an hour, and neither did I.",
    ]);
  });

  it("reads three apostrophes as a nested quotation closed with its double mark", () => {
    const quotes = quotesOf("''We are told every year, 'the levee will hold,''' Mr. Soto said of the river.");
    expect(quotes.map((q) => q.text)).toEqual(["We are told every year, 'the levee will hold,'"]);
    expect(quotes[0]!.speaker).toBe("Soto");
  });
});

describe("labels are not quoted words", () => {
  it("starts a quotation after a label that names no one, and credits no one for it", () => {
    const quotes = quotesOf(
      "The mother of a soldier spoke at the rally.",
      '"VIDEO: They promised to call me and they never did.',
      '"PHOTO: The flag they gave me is all I have."',
    );
    expect(quotes.map((q) => q.text)).toEqual(["They promised to call me and they never did.", "The flag they gave me is all I have."]);
    expect(quotes.every((q) => q.speaker === null)).toBe(true);
  });
});

describe("a wire lead keeps the start of its sentence", () => {
  it("does not cut a wrapped lead at a short first line when the copy indents its paragraphs", () => {
    const wire = [
      "Northfield Grain",
      "Cooperative said it would buy the Easton flour mill from its",
      "founding family for 12 mln dlrs, and that the purchase would",
      "close by the end of June.",
      '    "We have wanted a second mill for years," chairman Lars Holt',
      "told reporters at the cooperative's annual meeting in Easton",
      "on Thursday.",
      "    The mill employs 40 people and handles 150,000 tonnes of",
      "wheat a year, the company said.",
    ].join("\n");
    const blocks = splitBlocks(wire).map((b) => b.text);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^Northfield Grain\nCooperative said/);
    const quotes = quotesOf(...blocks);
    expect(find(quotes, "We have wanted").speaker).toBe("Lars Holt");
  });

  it("still ends a paragraph at a short line that ends its sentence", () => {
    const wire = [
      "The council approved the budget on Tuesday after a long debate",
      "over school spending, road repairs and the cost of the harbour",
      "dredging that the port authority has asked the city to share.",
      "Voting was close.",
      "Members who opposed it said the road fund was too small for the",
      "winter ahead and that the harbour should pay for its own work.",
      "    A second vote is due in May, after the auditors report on the",
      "city's reserves.",
    ].join("\n");
    expect(splitBlocks(wire).map((b) => b.text.split("\n")[0])).toEqual([
      "The council approved the budget on Tuesday after a long debate",
      "Members who opposed it said the road fund was too small for the",
      "A second vote is due in May, after the auditors report on the",
    ]);
  });
});
