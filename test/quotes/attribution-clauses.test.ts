/**
 * Reporting clauses that name the speaker at a distance or around an affiliation, datelines, and he/she
 * resolution that prefers the person reported speaking. Hand-written texts only.
 */
import { describe, expect, it } from "vitest";
import { find, quotesOf } from "./helpers.js";

describe("speaker named with an affiliation", () => {
  it("cuts 'Name of Place/Body' after the name", () => {
    const quotes = quotesOf(
      "“We cannot wait another year,” said Sen. Norma Blake of Vermont.",
      "“The numbers do not add up,” said Peter Halloran of the University of Leeds.",
      "“It is a long shot,” Tom Ferris of the Brandt Institute for Policy Studies wrote in May.",
    );
    expect(find(quotes, "We cannot wait")).toMatchObject({ speaker: "Norma Blake", cue: "said" });
    expect(find(quotes, "The numbers")).toMatchObject({ speaker: "Peter Halloran", cue: "said" });
    expect(find(quotes, "It is a long shot")).toMatchObject({ speaker: "Tom Ferris", cue: "wrote" });
  });

  it("does not cut a body's own name ('University of Leeds', 'Bank of England')", () => {
    const quotes = quotesOf("“Fees will rise,” the University of Leeds said in a statement.", "“Rates will stay,” the Bank of England said.");
    expect(find(quotes, "Fees will rise").speaker).toBe("University of Leeds");
    expect(find(quotes, "Rates will stay").speaker).toBe("Bank of England");
  });

  it("reads lower-case titles with 'of' before an inverted name", () => {
    const quotes = quotesOf(
      "“Welcome to the town,” said master of ceremonies Omar Haddad, a retired engineer.",
      "“We learned it from the department,” said former secretary of state Ruth Calder, who spoke first.",
    );
    expect(find(quotes, "Welcome to the town").speaker).toBe("Omar Haddad");
    expect(find(quotes, "We learned it").speaker).toBe("Ruth Calder");
  });

  it("keeps the one after 'a friend of' out of the speaker's place", () => {
    const quotes = quotesOf("“It was fine,” said a friend of John Marsh.", "“It was fine,” a friend of John Marsh said.");
    for (const q of quotes) expect(q.speaker).toBeNull();
  });

  it("takes abbreviated military titles as part of the clause", () => {
    const quotes = quotesOf("“The plan ignores the troops,” said Army Capt. Daniel Ortiz, who served twice.");
    expect(find(quotes, "The plan ignores")).toMatchObject({ speaker: "Daniel Ortiz" });
  });

  it("reads a titled name with 'of' before a colon, but not the object of a preposition", () => {
    const quotes = quotesOf(
      "Former secretary of state Ruth Calder:“We tried to close the gaps.”",
      "The reporter spoke to the head of Nortel Alan Briggs: “We will pay the fine.”",
    );
    expect(find(quotes, "We tried to close")).toMatchObject({ speaker: "Ruth Calder", cue: ":" });
    expect(find(quotes, "We will pay").speaker).toBeNull();
  });
});

describe("clauses after the quotation", () => {
  it("accepts 'asked NAME' right after a question", () => {
    const quotes = quotesOf("“Why would anyone sign that?” asked Dunn, a former aide.", "“Why not?” asked him the host.");
    expect(find(quotes, "Why would anyone")).toMatchObject({ speaker: "Dunn", cue: "asked" });
    expect(find(quotes, "Why not").speaker).toBeNull();
  });

  it("reads 'assured' as reporting speech, its object the listener", () => {
    const quotes = quotesOf("“Your stall will be ready by Friday,” Corrin assured the baker.");
    expect(find(quotes, "Your stall")).toMatchObject({ speaker: "Corrin", cue: "assured" });
  });

  it("reads 'quip' after a modal as reporting speech", () => {
    const quotes = quotesOf("The hall was half empty, and a spokesman for Mayor Ona Brill could only quip: “Everyone must be at the match.”");
    expect(find(quotes, "Everyone must be")).toMatchObject({ cue: "quip" });
  });

  it("accepts an unlisted verb followed by an adverbial ('barked and', 'shot back with')", () => {
    const quotes = quotesOf(
      "“Go back to your seat,” Marlow barked and a guard led the man out.",
      "“They are all here for free stuff,” Bennett shot back with a laugh.",
    );
    expect(find(quotes, "Go back")).toMatchObject({ speaker: "Marlow", cue: "barked" });
    expect(find(quotes, "They are all here")).toMatchObject({ speaker: "Bennett", cue: "shot" });
  });

  it("finds the speaker across an unclosed apposition", () => {
    const quotes = quotesOf("“Polls miss late shifts,” Nate Olsen, the analyst who founded the site tweeted on Wednesday.");
    expect(find(quotes, "Polls miss")).toMatchObject({ speaker: "Nate Olsen", cue: "tweeted" });
  });

  it("reads an inverted clause closing a long sentence, with lower confidence", () => {
    const quotes = quotesOf(
      "That would create a “summer of agony” for the party leading up to the convention, forcing it to fight on two fronts, said Brad Keller, a Democratic pollster.",
    );
    const q = find(quotes, "summer of agony");
    expect(q).toMatchObject({ speaker: "Brad Keller", cue: "said" });
    expect(q.confidence).toBeLessThan(0.95);
    expect(q.evidence).toContain("closing the sentence");
  });
});

describe("datelines", () => {
  it("never takes the dateline's place or agency as the speaker", () => {
    const quotes = quotesOf(
      "WASHINGTON, Aug. 24 (UPI) — A spokesman for the campaign called the report “outrageous.”",
      "LA CROSSE, Wisc. — Gov. Mark Ellis on Thursday blamed the media for the claim that the mayor “founded the gang,” saying they were nitpicking.",
    );
    expect(find(quotes, "outrageous").speaker).toBeNull();
    expect(find(quotes, "founded the gang").speaker).toBe("Mark Ellis");
  });
});

describe("he/she resolution", () => {
  it("prefers the person reported speaking, even of unknown gender, to a man merely mentioned", () => {
    const quotes = quotesOf(
      "Neera Talwan, president of the center, asked Attorney General Eric Holman about the crisis.",
      "“We want answers,” she said.",
    );
    expect(find(quotes, "We want answers")).toMatchObject({ speaker: "Neera Talwan", mention: "she" });
    expect(find(quotes, "We want answers").confidence).toBeLessThan(0.7);
  });

  it("follows a speaker named by surname only in the paragraph before", () => {
    const quotes = quotesOf(
      "Senator Tom Vargas spoke first.",
      "“We are tired of being told it is wrong,” Oduya said.",
      "“I am the son of an immigrant,” he said.",
    );
    expect(find(quotes, "I am the son")).toMatchObject({ speaker: "Oduya" });
  });

  it("keeps a role noun whose modifier is a place ('the Florida senator')", () => {
    const quotes = quotesOf(
      "Senator Marco Ruiz spoke over boos as he congratulated the winner, Donald Tramp.",
      "The Florida senator sought to calm his supporters.",
      "He said that he would offer “a prayer” for the eventual nominee.",
    );
    expect(find(quotes, "a prayer").speaker).toBe("Marco Ruiz");
  });

  it("learns a bare surname's gender from its own sentence, quotations left out", () => {
    const quotes = quotesOf(
      "Did that mean Garcia would vote for Ronald Tusk? Garcia shook his head.",
      "“No, no, no,” he said.",
      "Later, Marlowe put her finger on the problem. “He said he would win,” she wrote.",
    );
    expect(find(quotes, "No, no, no")).toMatchObject({ speaker: "Garcia", mention: "he" });
    expect(find(quotes, "He said he would win")).toMatchObject({ speaker: "Marlowe", mention: "she" });
  });

  it("does not take a name after a preposition as the subject the pronoun points to", () => {
    const quotes = quotesOf(
      "Vice President Joe Biden spoke in Scranton on Monday.",
      "Repeating lines from his talk with Ronald Tusk, Biden rubbished the claim.",
      "“It is a bunch of malarkey,” he said.",
    );
    expect(find(quotes, "It is a bunch")).toMatchObject({ speaker: "Joe Biden" });
  });

  it("keeps a first name that is also a month, and a sentence end after 'U.S.'", () => {
    const quotes = quotesOf(
      "Former Arizona governor Jan Brewell calls security a priority.",
      "“That will resonate with all women,” she said.",
      "Ruth Calder spoke. The plan was to ban travel to the U.S. While Calder has condemned it, others have not.",
      "“It is wrong,” she said.",
    );
    expect(find(quotes, "That will resonate")).toMatchObject({ speaker: "Jan Brewell", mention: "she" });
    expect(find(quotes, "It is wrong")).toMatchObject({ speaker: "Ruth Calder" });
  });
});

describe("quotations signed with a dash", () => {
  it("takes the name after a horizontal bar, an em dash or an en dash, with or without a space", () => {
    const quotes = quotesOf(
      "“The rent doubled in two years.”― Lena Moreau",
      "“We walk everywhere now.” ― Tomas Berg",
      "“Nobody asked the riders.”— Ida Kowal\u00a0",
      "“The bridge is a lifeline.” – Omar Fadel.",
    );
    expect(find(quotes, "The rent doubled").speaker).toBe("Lena Moreau");
    expect(find(quotes, "We walk everywhere").speaker).toBe("Tomas Berg");
    expect(find(quotes, "Nobody asked").speaker).toBe("Ida Kowal");
    expect(find(quotes, "The bridge").speaker).toBe("Omar Fadel");
  });
});
