/**
 * The clause rules moved out of attribute.ts (rules/clause-after.ts, clause-before.ts, subject.ts,
 * continuation.ts, signature.ts, clause-reading.ts): each names its speaker with its own named confidence.
 */
import { describe, expect, it } from "vitest";
import { NAMED_AT_CUE_CONFIDENCE } from "../../../src/quotes/rules/clause-reading.js";
import { CONTINUATION_CONFIDENCE, INTRODUCED_BY_COLON_CONFIDENCE, REPEATED_WORDS_CONFIDENCE } from "../../../src/quotes/rules/continuation.js";
import { SPEAKER_LABEL_CONFIDENCE } from "../../../src/quotes/rules/signature.js";
import { IT_IS_THE_LATEST_BODY_CONFIDENCE } from "../../../src/quotes/rules/subject.js";
import { CONFIDENCE } from "../../../src/quotes/rules/confidence.js";
import { find, quotesOf } from "../helpers.js";

describe("rule: clause after the quotation", () => {
  it("credits the name at the verb, inverted or not, and not a person named later in the sentence", () => {
    const quotes = quotesOf(
      "“The harbour will reopen in May,” said Petra Lindqvist, who met Omar Haddad on Monday.",
      "“We are ready,” Omar Haddad told reporters.",
    );
    expect(find(quotes, "The harbour")).toMatchObject({ speaker: "Petra Lindqvist", confidence: NAMED_AT_CUE_CONFIDENCE });
    expect(find(quotes, "We are ready")).toMatchObject({ speaker: "Omar Haddad", confidence: NAMED_AT_CUE_CONFIDENCE });
  });
});

describe("rule: clause before the quotation", () => {
  it("credits the name before a colon and the one who does the naming", () => {
    const quotes = quotesOf("Petra Lindqvist said: “The harbour will reopen in May.”", "Omar Haddad called the plan a “costly fantasy” on Tuesday.");
    expect(find(quotes, "The harbour")).toMatchObject({ speaker: "Petra Lindqvist", confidence: NAMED_AT_CUE_CONFIDENCE });
    expect(find(quotes, "costly fantasy").speaker).toBe("Omar Haddad");
  });
});

describe("rule: subject", () => {
  it("reads 'it said' as the latest body, with its own confidence, and the subject across an apposition", () => {
    const quotes = quotesOf(
      "Nordport Council met on Monday. “Repairs will take a year,” it said.",
      "Omar Haddad, a fisherman from the east quay, said the trust had “no idea what it is doing”.",
    );
    expect(find(quotes, "Repairs will")).toMatchObject({ speaker: "Nordport Council", confidence: IT_IS_THE_LATEST_BODY_CONFIDENCE });
    expect(find(quotes, "no idea").speaker).toBe("Omar Haddad");
    expect(find(quotes, "no idea").confidence).toBeLessThan(CONFIDENCE.namedAtCue);
  });
});

describe("rule: continuation", () => {
  it("goes on with the speaker before, or the one introducing a colon paragraph, or the same words quoted", () => {
    const quotes = quotesOf(
      "“The harbour will reopen in May,” Petra Lindqvist said. “Nobody should doubt it.”",
      "Omar Haddad answered her at length:",
      "“The trust has never kept a promise to the fishermen of this town.”",
    );
    expect(find(quotes, "Nobody should")).toMatchObject({ speaker: "Petra Lindqvist", confidence: CONTINUATION_CONFIDENCE });
    expect(find(quotes, "The trust has never")).toMatchObject({ speaker: "Omar Haddad" });
    expect(find(quotes, "The trust has never").confidence).toBeLessThanOrEqual(INTRODUCED_BY_COLON_CONFIDENCE);
    expect(REPEATED_WORDS_CONFIDENCE).toBeLessThan(0.6);
  });
});

describe("rule: signature", () => {
  it("reads a transcript label as the speaker", () => {
    const quotes = quotesOf("Petra Lindqvist spoke to the council on Monday.", "“LINDQVIST: The harbour will reopen in May, whatever the trust says.”");
    expect(find(quotes, "The harbour")).toMatchObject({ speaker: "Petra Lindqvist", confidence: SPEAKER_LABEL_CONFIDENCE });
  });
});

describe("class: named speakers missed", () => {
  it("reads the subject across a time adverbial or a verb that hands over ('on Wednesday called', 'went on to say')", () => {
    const quotes = quotesOf(
      "Petra Lindqvist met the harbour board at noon.",
      "Omar Haddad on Wednesday called the plan “a costly fantasy” in front of the board.",
      "Lindqvist went on to say, “The harbour will reopen in May.”",
    );
    expect(find(quotes, "a costly fantasy").speaker).toBe("Omar Haddad");
    expect(find(quotes, "The harbour will").speaker).toBe("Petra Lindqvist");
  });

  it("reads a dash as introducing the quotation, as a colon does", () => {
    const quotes = quotesOf("The ferry has been late all week.", "Omar Haddad also defended the new timetable -- “Nobody wants an empty boat.”");
    expect(find(quotes, "Nobody wants").speaker).toBe("Omar Haddad");
  });
});

describe("class: a person spoken about, or speaking next, credited with a fragment", () => {
  it("does not give a fragment to the subject of a new clause after it, nor to the clause introducing the next quotation", () => {
    const quotes = quotesOf(
      "Petra Lindqvist said the ferry would be “back by spring,” at the latest, and Omar Haddad promised to “fix the pier” himself.",
      "After Lindqvist said the old pier was “beyond saving,” Haddad said: “I will not let it fall.”",
    );
    expect(find(quotes, "back by spring").speaker).toBe("Petra Lindqvist");
    expect(find(quotes, "fix the pier").speaker).toBe("Omar Haddad");
    expect(find(quotes, "beyond saving").speaker).toBe("Petra Lindqvist");
    expect(find(quotes, "I will not").speaker).toBe("Omar Haddad");
  });
});

describe("class: named speakers missed (titles after a conjunction, an asker from somewhere)", () => {
  it("reads 'But Sen. X refused …, responding that …' and '“…?” asked Sen. X of Place, who …'", () => {
    const quotes = quotesOf(
      "Petra Lindqvist met the harbour board on Monday.",
      "But Sen. Omar Haddad refused to join her, responding that he was “not going to pretend otherwise.”",
      "“Who pays for the pier?” asked Sen. Tom Pike of Nordport, who chairs the transport committee.",
    );
    expect(find(quotes, "not going to pretend").speaker).toBe("Omar Haddad");
    expect(find(quotes, "Who pays").speaker).toBe("Tom Pike");
  });

  it("never takes a clause of time or cause after the quotation for its reporting clause", () => {
    const quotes = quotesOf(
      "The advert ends with footage of Paul Grant saying at the debate, “That makes me clever,” when Sara Lind attacked him over his taxes.",
      "Acknowledging that Grant “talks a lot of nonsense,” though, Lind did say he was bright.",
    );
    expect(find(quotes, "That makes me clever").speaker).toBe("Paul Grant");
    expect(find(quotes, "talks a lot of nonsense").speaker).toBe("Sara Lind");
  });
});

