import { describe, expect, it } from "vitest";
import { find, quotesOf } from "../helpers.js";

describe("names, not fragments", () => {
  it("cuts a descriptor off a name and keeps an honorific's gender", () => {
    const quotes = quotesOf(
      "Aerospace group ACME Philippe Morel is to leave his post.",
      "“I will go when the board asks,” Mr Morel said.",
      "Scrum-half Peter Quinn was glad to win. “All credit to them,” he said.",
      "Ms Hart has held the seat since 1997. Her rival George Lamb spoke first. She said: “I will win it again.”",
    );
    expect(find(quotes, "I will go").speaker).toBe("Philippe Morel");
    expect(find(quotes, "All credit").speaker).toBe("Peter Quinn");
    expect(find(quotes, "I will win").speaker).toBe("Hart");
  });

  it("never takes a nationality word or a title-case headline for a speaker", () => {
    const quotes = quotesOf(
      "French finance minister Paul Girard is on record as saying that he “deplored” the fight.",
      "Rising Prices Hurt Farmers Across The Region. “The harvest was poor,” a farmer said.",
    );
    expect(find(quotes, "deplored").speaker).not.toBe("French");
    expect(find(quotes, "The harvest").speaker).toBeNull();
  });

  it("never takes a subheading, a title-case headline with a verb, or a sentence's opening question for a name", () => {
    const quotes = quotesOf(
      "Slow Funding Hampers Relief Work: Ending “the cycle of hunger” is the agency's first aim.",
      "Ana Ruiz Urged Voters Everywhere To “Stay home and stay safe.”",
      "Does Halvorsen, like Brandt, back the bill? “We will see,” Halvorsen said.",
      "Neither Tom Brandt nor his aides answered. “No comment,” Brandt said later.",
    );
    expect(find(quotes, "the cycle of hunger").speaker).toBeNull();
    expect(find(quotes, "Stay home").speaker).toBeNull();
    expect(find(quotes, "We will see").speaker).toBe("Halvorsen");
    expect(find(quotes, "No comment").speaker).toBe("Tom Brandt");
  });

  it("reads a long description before a name as a description, not as the name", () => {
    const quotes = quotesOf("“The county is ready,” Lake County Public Advocate Trish Osei said.");
    expect(find(quotes, "The county is ready").speaker).toBe("Trish Osei");
  });
});
