/**
 * Partial quotations inside naming clauses ("called Trump a “con artist”") and speaker labels opening quoted
 * interview transcripts ("WALLACE: …"). Hand-written texts only.
 */
import { describe, expect, it } from "vitest";
import { find, quotesOf } from "./helpers.js";

describe("a quoted word inside a naming clause", () => {
  it("is a partial quotation of the one naming", () => {
    const quotes = quotesOf(
      "Senator Harry Reid called Trump a “con artist” on Tuesday.",
      "Governor Ann Drury described Putin as a “strong leader,” and moved on.",
      "Mayor Paul Osei dubbed it a “special meeting” in his letter.",
      "The council approved what Ms Drury called a “brazen breach” of trust.",
      "Paul Osei spoke last. He attacked Tom Bexley, whom he called a “clown,” and left.",
      "The critics labelled the scheme “reckless” from the start.",
    );
    expect(find(quotes, "con artist")).toMatchObject({ kind: "partial", speaker: "Harry Reid", cue: "called" });
    expect(find(quotes, "strong leader")).toMatchObject({ kind: "partial", speaker: "Ann Drury", cue: "described" });
    expect(find(quotes, "special meeting")).toMatchObject({ kind: "partial", speaker: "Paul Osei", cue: "dubbed" });
    expect(find(quotes, "brazen breach")).toMatchObject({ kind: "partial", speaker: "Ann Drury", cue: "called" });
    expect(find(quotes, "clown")).toMatchObject({ kind: "partial", speaker: "Paul Osei" });
    expect(find(quotes, "reckless")).toMatchObject({ kind: "partial", speaker: null });
  });

  it("goes to the main clause's subject when the naming verb hangs off a comma", () => {
    const quotes = quotesOf("Jeb Bush attacked Donald Trump at the debate, calling him a “loser.”");
    expect(find(quotes, "loser")).toMatchObject({ kind: "partial", speaker: "Jeb Bush", cue: "calling" });
  });

  it("keeps titles, names of things, passives and calls for something out", () => {
    const quotes = quotesOf(
      "He once sang a song called “American Skin” at the stadium.",
      "Springsteen called the song “American Skin” in the liner notes.",
      "The so-called “peace plan” was published on Friday.",
      "It is what is called a “debate” on television.",
      "The town, called the “Crossroads of America” by locals, voted early.",
      "Sanders' call for “revolution” drew a crowd.",
      "A blog, called the “Feed,” went live.",
      "Earvin “Magic” Johnson called Tim Hale a friend.",
    );
    expect(quotes.map((q) => q.text)).toEqual([]);
  });

  it("does not let a naming verb reach past another reporting verb", () => {
    const quotes = quotesOf("In a clip that Judge Ruth Mosman called “distasteful,” Ed Santilli expressed a wish to “try them all.”");
    expect(find(quotes, "distasteful")).toMatchObject({ speaker: "Ruth Mosman", kind: "partial" });
    expect(find(quotes, "try them all")).toMatchObject({ speaker: "Ed Santilli" });
  });
});

describe("a quoted interview transcript", () => {
  it("takes the label opening a quotation as its speaker, over continuation", () => {
    const quotes = quotesOf(
      "Fox News host Chris Wallace pressed Governor Mike Pence on Sunday. The exchange went as follows:",
      "“PENCE: Well, look, the campaign has been clear about this from the start.",
      "“WALLACE: But, Governor Pence, I’ve got to ask you about the debate.",
      "“PENCE: Donald Trump is ready for it.”",
    );
    // The label names the speaker and is not part of the quotation.
    expect(find(quotes, "Well, look")).toMatchObject({ speaker: "Mike Pence", mention: "PENCE" });
    expect(find(quotes, "But, Governor")).toMatchObject({ speaker: "Chris Wallace", mention: "WALLACE" });
    expect(find(quotes, "Donald Trump is")).toMatchObject({ speaker: "Mike Pence" });
  });

  it("falls back to the label in title case in a transcript that never names the person", () => {
    const quotes = quotesOf(
      "Hillary Clinton was asked about the attack at the debate.",
      "“RAMOS: Secretary Clinton, did you lie to them?",
      "“VIDEO: They told me it was a video when they knew it was not.",
      "“CLINTON: I feel a great deal of sympathy for the families.”",
    );
    expect(find(quotes, "Secretary Clinton, did")).toMatchObject({ speaker: "Ramos" });
    // The label that names no one is not part of the quotation, and gives it no speaker.
    expect(find(quotes, "They told me").speaker).toBeNull();
    expect(quotes.some((q) => q.text.startsWith("VIDEO:"))).toBe(false);
    expect(find(quotes, "I feel a great")).toMatchObject({ speaker: "Hillary Clinton" });
  });

  it("does not read one lone unknown label as a speaker", () => {
    const quotes = quotesOf("“UPDATE: The meeting has moved to Friday,” the notice read.", "“NOTICE: Doors open at nine.”");
    expect(quotes.every((q) => q.speaker === null || !/^(?:Update|Notice)$/.test(q.speaker))).toBe(true);
  });
});
