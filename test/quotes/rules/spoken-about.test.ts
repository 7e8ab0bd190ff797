import { describe, expect, it } from "vitest";
import { passiveClause } from "../../../src/quotes/rules/passive-voice.js";
import { words } from "../../../src/text/words.js";
import { find, quotesOf } from "../helpers.js";

/** Issue 21, class 1: the person spoken about never becomes the speaker. */
describe("the speaker is the subject of the reporting verb, not the person spoken about", () => {
  it("credits the one warning, attacking or praising, not the one warned, attacked or praised", () => {
    const quotes = quotesOf(
      "Lord Carver warned Tony Dale that the war could be illegal: “The case for action is not made.”",
      "Minister Paul Grant praised Helen Ward, his deputy: “She has done a remarkable job.”",
      "Tom Reyes accused Paul Grant of “betraying the party”.",
    );
    expect(find(quotes, "The case for action").speaker).toBe("Carver");
    expect(find(quotes, "She has done").speaker).toBe("Paul Grant");
    expect(find(quotes, "betraying the party").speaker).toBe("Tom Reyes");
  });

  it("in the passive, credits the agent after “by”, and no one when none is named", () => {
    const quotes = quotesOf(
      "Paul Grant was warned by Tom Reyes: “You have lost the markets.”",
      "Sara Lind was attacked by Tom Reyes, who said: “She has lost the markets.”",
      "Helen Ward was sharply criticised as “the weakest minister in years”.",
    );
    expect(find(quotes, "You have lost").speaker).toBe("Tom Reyes");
    expect(find(quotes, "She has lost").speaker).toBe("Tom Reyes");
    expect(find(quotes, "the weakest minister").speaker).toBeNull();
  });

  it("tells a passive participle and its agent from an active verb", () => {
    const text = "Grant was warned by Reyes. Grant has warned Reyes. Grant was told yesterday by Reyes.";
    const verb = (w: string, nth = 0) => words(text, 0, text.length).filter((x) => x.text === w)[nth]!;
    expect(passiveClause(text, verb("warned"), 0)?.agentFrom).toBe(text.indexOf("by Reyes") + 2);
    expect(passiveClause(text, verb("warned", 1), 0)).toBeNull();
    expect(passiveClause(text, verb("told"), 0)?.agentFrom).toBe(text.lastIndexOf("by Reyes") + 2);
  });

  it("credits an aide or adviser, never the person they serve", () => {
    const quotes = quotesOf(
      "“The grain companies are trying to get this going again,” an aide to Agriculture Secretary Richard Lyle said.",
      "“I just don't see it passing,” the aide to Lyle said.",
      "“We will not move,” an adviser to Senator Ann Pratt said.",
    );
    expect(find(quotes, "The grain companies").speaker).toBe("Richard Lyle’s aide");
    expect(find(quotes, "I just don't").speaker).toBe("Richard Lyle’s aide");
    expect(find(quotes, "We will not move").speaker).toBe("Ann Pratt’s adviser");
  });

  it("reads “the Tory leader” as the person the article titled so, and a he after it as them, not the one attacked", () => {
    const quotes = quotesOf(
      "Tory leader Mark Dent has dismissed Gordon Hale's budget as a bribe.",
      "Mr Hale's budget was not about the country, but “all about the party,” the Tory leader said after welcoming the chancellor back. He went on to accuse Mr Hale of giving with one hand. He urged the chancellor to admit he had dragged “millions into the net”.",
      "“This dodgy government is publishing a dodgy budget,” he said.",
    );
    expect(find(quotes, "all about the party").speaker).toBe("Mark Dent");
    expect(find(quotes, "millions into the net").speaker).toBe("Mark Dent");
    expect(find(quotes, "This dodgy government").speaker).toBe("Mark Dent");
  });
});
