import { describe, expect, it } from "vitest";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import { hearsayNote } from "../../src/quotes/hearsay.js";
import { makeArticle } from "../helpers/articles.js";

/** The hearsay read for the quotation that starts with `opening`. */
function hearsayOf(paragraphs: string[], opening: string) {
  const { quotations } = quoteArticle(makeArticle("h.txt", paragraphs));
  const q = quotations.find((x) => x.text.startsWith(opening));
  if (!q) throw new Error(`no quotation starts with ${opening}`);
  return q.hearsay ?? null;
}

describe("second-hand, alleged and denied quotations", () => {
  it("marks words a book claims one person told another", () => {
    const h = hearsayOf(
      ["Ms Hartley's book claimed that Mr Ormond told Mrs Castell: \"You will never lead this party while I am alive.\""],
      "You will never",
    );
    expect(h?.kind).toBe("alleged");
    expect(h?.words).toMatch(/claimed that Mr Ormond told/);
  });

  it("marks words reported according to aides or friends", () => {
    expect(hearsayOf(["The minister was furious, according to aides, and shouted \"get out of my office\" at the adviser."], "get out")?.kind).toBe(
      "second-hand",
    );
    expect(hearsayOf(["\"I am finished with politics,\" Mr Ormond told friends over dinner."], "I am finished")?.kind).toBe("second-hand");
  });

  it("marks words the speaker denied saying, in the same or the next sentence", () => {
    expect(hearsayOf(["Mr Ormond denied saying the harbour plan was \"a waste of everybody's money\"."], "a waste")?.kind).toBe("denied");
    expect(
      hearsayOf(["\"The harbour plan is a waste of money,\" Mr Ormond said at the dinner. He later denied making the remark."], "The harbour plan")?.kind,
    ).toBe("denied");
  });

  it("leaves first-hand quotations alone, even when their own words say 'allegedly'", () => {
    expect(hearsayOf(["\"We will open the harbour in May,\" Mr Ormond told reporters on Tuesday."], "We will open")).toBeNull();
    expect(hearsayOf(["\"The money was allegedly stolen by his friends,\" the judge said."], "The money")).toBeNull();
  });

  it("says what it found in the reply's words", () => {
    expect(hearsayNote({ kind: "second-hand", words: "according to aides" })).toBe("reported second-hand (“according to aides”)");
  });
});
