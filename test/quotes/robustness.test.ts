/**
 * Character-level and structural cases met in real copy: doubled apostrophes as quotation marks, invisible
 * format characters before a mark, signatures on the next line, mojibake names, near-miss surnames, and
 * reporting clauses that must not be read from a noun. Hand-written texts only.
 */
import { describe, expect, it } from "vitest";
import { extractQuoteSpans } from "../../src/quotes/extract.js";
import { transcriptSpeaker } from "../../src/quotes/transcript.js";
import { article, find, quotesOf } from "./helpers.js";

describe("unusual quotation marks", () => {
  it("reads two apostrophes ('') as a double quotation mark, offsets exact", () => {
    const a = article("t.txt", ["''We will build the bridge by spring,'' said Mayor Ellen Ward. ''It is funded.''"]);
    const spans = extractQuoteSpans(a);
    expect(spans.map((s) => a.text.slice(s.start, s.end))).toEqual(["We will build the bridge by spring,", "It is funded."]);
    expect(a.text.slice(spans[0]!.close + 1, spans[0]!.close + 6)).toBe(" said");
    const quotes = quotesOf("''We will build the bridge by spring,'' said Mayor Ellen Ward. ''It is funded.''");
    expect(quotes.map((q) => q.speaker)).toEqual(["Ellen Ward", "Ellen Ward"]);
  });

  it("does not read an apostrophe pair inside a word or a run of three as a mark", () => {
    expect(quotesOf("The clerk typed do''nt twice, and the ''' key stuck.")).toEqual([]);
  });

  it("opens a quotation at a closing curly mark after an invisible left-to-right mark", () => {
    const quotes = quotesOf("Readers answered the post.", "\u202a”We stand with you all the way,” wrote Dana Pruitt.");
    expect(quotes.map((q) => q.text)).toEqual(["We stand with you all the way,"]);
    expect(quotes[0]!.speaker).toBe("Dana Pruitt");
  });
});

describe("signatures and names", () => {
  it("takes the speaker from a dash-signed line under a quotation paragraph", () => {
    const quotes = quotesOf(
      "Fact-checking the debate.",
      "“Nobody on this stage has cut taxes more than I have.”",
      "- Walter Brandt.",
      "Brandt has cut some taxes, but not the most.",
      "“Our plan pays for itself.”",
      "-Senator Ruth Okafor, speaking after the debate.",
    );
    expect(find(quotes, "Nobody on this stage")).toMatchObject({ speaker: "Walter Brandt" });
    expect(find(quotes, "Our plan pays")).toMatchObject({ speaker: "Ruth Okafor" });
  });

  it("leaves a dash line that is not a name alone", () => {
    const quotes = quotesOf("“Nobody has done more.”", "- and then the lights went out.");
    expect(quotes[0]!.speaker).toBeNull();
  });

  it("keeps a name read as Latin-1 mojibake whole", () => {
    const quotes = quotesOf("Mexican President Carlos PeÃ±a Ortiz urged voters to “look past the noise.”");
    expect(quotes[0]!.speaker).toBe("Carlos PeÃ±a Ortiz");
  });

  it("prefers an exact surname named earlier to a near-miss name named since", () => {
    const quotes = quotesOf(
      "Governor Mark Dorsey spoke in the morning.",
      "Later a Cuban-born Dorsen family greeted the crowd.",
      "Dorsey told reporters, “I can feel it happening here.”",
    );
    expect(find(quotes, "I can feel").speaker).toBe("Mark Dorsey");
  });

  it("does not take a state abbreviation in an apposition for the speaker", () => {
    const quotes = quotesOf("“Both of them scare me,” Dale Morton, 41, of Durham, N.C., who was among those polled, said in an interview.");
    expect(quotes[0]!.speaker).toBe("Dale Morton");
  });
});

describe("reporting clauses read from nouns", () => {
  it("does not read the noun before the comma as the verb when the lead reports speech", () => {
    const quotes = quotesOf(
      "Sen. Ada Wills said in an op-ed before a Senate Finance hearing, “The agency ignored every warning.”",
      "Paul Renner wrote to his 20,000 Twitter followers, “It is time to go,” and posted a link.",
    );
    expect(find(quotes, "The agency ignored").speaker).toBe("Ada Wills");
    expect(find(quotes, "It is time").speaker).toBe("Paul Renner");
  });

  it("does not take a name after a preposition for the speaker of the words before it", () => {
    const quotes = quotesOf("Asked about the timing, Ms Tyler said, “We have three weeks to go” until the Iowa caucuses.");
    expect(quotes[0]!.speaker).toBe("Tyler");
  });

  it("does not read a title-case news headline as a transcript", () => {
    expect(transcriptSpeaker("Networks Didn’t Cut From Ann Lowe’s Speech Once")).toBeNull();
    expect(transcriptSpeaker("Foreign Minister Ann Lowe’s opening remarks during talks")).toMatchObject({ name: "Ann Lowe" });
  });
});

describe("whose clause it is", () => {
  it("does not read 'said she should' as an inverted speaker", () => {
    const quotes = quotesOf(
      "Ann Fox kept the files on a home server.",
      "Paul Greer called the handling of the files “deeply careless,” but said she should not be charged.",
    );
    expect(quotes[0]!.speaker).toBe("Paul Greer");
  });

  it("does not take the next sentence's reported clause for the speaker after a ! or ?", () => {
    const quotes = quotesOf("Leon Marsh wrote to the minister, “You are a star and we need you!” She replied that it was an “honour to serve.”");
    expect(find(quotes, "You are a star").speaker).toBe("Leon Marsh");
  });

  it("reads a name that modifies a noun as no subject: a group chants, a columnist writes", () => {
    const quotes = quotesOf(
      "Northfield Academy fans also chanted, “Go home now,” during the second half.",
      "Evening Post columnist Rita Obi calls the mayor “a man with no plan.”",
    );
    expect(find(quotes, "Go home now").speaker).toBeNull();
    expect(find(quotes, "a man with no plan").speaker).toBe("Rita Obi");
  });

  it("credits the one who 'puts it' and no one for an unnamed 'according to'", () => {
    const quotes = quotesOf(
      "As columnist Rita Obi puts it, the mayor is making the council “an offer it cannot refuse.”",
      "According to some on social media, Mayor Dan Hollis was “hiding” in his office.",
    );
    expect(find(quotes, "an offer it cannot").speaker).toBe("Rita Obi");
    expect(find(quotes, "hiding").speaker).toBeNull();
  });

  it("ends a sentence after 'U.S.' when a sentence opener follows", () => {
    const quotes = quotesOf("Senator Ray Dunn wants to bar the visitors from the U.S. While the governor disagreed, the mayors who wrote to him say they are “worried about mixed signals.”");
    expect(quotes[0]!.speaker).not.toBe("Ray Dunn");
  });
});
