import { describe, expect, it } from "vitest";
import { find, quotesOf } from "../helpers.js";

describe("rule: written subject", () => {
  it("gives no speaker when the subject is an ad or a poll a name only modifies", () => {
    const quotes = quotesOf(
      "Mayor Ona Pike is running for a third term.",
      "The new TV ad accuses Pike of acting “in a pattern of neglect over many years.”",
      "A Harbour poll describes the race as “too close to call for now.”",
    );
    expect(find(quotes, "in a pattern").speaker).toBeNull();
    expect(find(quotes, "too close to call").speaker).toBeNull();
  });

  it("still gives an author their statement", () => {
    const quotes = quotesOf("A Pike statement called the ad “a pack of lies from start to finish.”");
    expect(find(quotes, "a pack of lies").speaker).toBe("Pike");
  });
});
