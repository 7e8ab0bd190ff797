/**
 * Names as wires write them, and who a pronoun can be: a name wrapped over two lines, a person named after the
 * office they hold "of the" something, a title read through the surname the article uses, and a question about
 * someone answered by another ("Asked about X's record, he replied …"). Sentences of our own.
 */
import { describe, expect, it } from "vitest";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { makeArticle } from "../helpers/articles.js";
import { find, quotesOf } from "./helpers.js";

describe("names as wires write them", () => {
  it("reads a name wrapped over two lines, after an office of something, as the person", () => {
    const quotes = quotesOf("Minister of the Interior Alma\nRudd, opening the debate, said the police would get more money.", "\"Every town will see more officers,\" Rudd said.");
    expect(find(quotes, "Every town").speaker).toBe("Alma Rudd");
  });

  it("reads a title as the person it was given to, named in full over a line break and by surname after", () => {
    const book = buildQuoteBook({
      articles: [
        makeArticle("w1.txt", ["Chancellor of the Exchequer Peter\nBrill set out the budget.", "\"The harbour levy goes,\" Brill told parliament."], { published: "1990-03-01", outlet: "Wire", title: null }),
        makeArticle("w2.txt", ["West German Chancellor Otto Lenz met bankers.", "\"We agree on rates,\" Lenz said."], { published: "1990-03-02", outlet: "Wire", title: null }),
      ],
    });
    const reading = book.titles().read(["the", "chancellor"]);
    expect([...reading!.holders, ...reading!.also].map((h) => h.speaker.name)).toContain("Peter Brill");
  });
});

describe("a question about someone, answered by another", () => {
  it("never gives the answer to the person the question was about", () => {
    const quotes = quotesOf(
      "Senator Ray Dunn said he would vote against the nominee.",
      "\"He is the wrong choice for the bank,\" Dunn said. Asked to judge Ilse Karp's record at the bank, he replied, \"Mixed.\"",
    );
    expect(find(quotes, "Mixed").speaker).toBe("Ray Dunn");
    const about = quotesOf("Ray Dunn spoke to reporters.", "When asked about Tom Vail, he said, \"A fine man.\"");
    expect(find(about, "A fine man").speaker).toBe("Ray Dunn");
  });
});

describe("someone a recording shows speaking", () => {
  it("credits the words to the person the footage shows, not to no one", () => {
    const quotes = quotesOf("The new advert uses footage of Marta Oyelaran asking, \u201cWhy would anyone trust the council now?\u201d");
    expect(find(quotes, "Why would anyone").speaker).toBe("Marta Oyelaran");
    const critic = quotesOf("Tom Vail criticised the plan of Ana Ruiz, saying, \u201cIt will never work.\u201d");
    expect(find(critic, "It will never").speaker).toBe("Tom Vail");
  });
});
