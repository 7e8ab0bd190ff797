import { describe, expect, it } from "vitest";
import { quotesOf } from "../helpers.js";

describe("rule: not speech", () => {
  it("offers no slogan, title, scare quote, salutation or example as anyone's quotation", () => {
    const quotes = quotesOf(
      "The party campaigned on a slogan of “Keep the Harbour Free” and won four seats.",
      "Films with “medium” budgets were hit hardest by the change.",
      "The report, entitled “Ports in Decline”, was published on Monday.",
      "Drivers can change the song by saying “Next track” to the car.",
      "“Madam Speaker,” the minister began, before reading her statement.",
    );
    expect(quotes.map((q) => q.text)).toEqual([]);
  });

  it("keeps someone's own word for a thing and any fragment of reported speech", () => {
    const quotes = quotesOf(
      "Councillor Jane Whitby called the plan “reckless”.",
      "She said she was “disappointed” by the vote.",
      "According to a report by the council, the cuts were “unavoidable”.",
    );
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ["reckless", "Jane Whitby"],
      ["disappointed", "Jane Whitby"],
      ["unavoidable", null],
    ]);
  });
});
