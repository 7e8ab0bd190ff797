import { describe, expect, it } from "vitest";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { dominantHolder, mayBeTitle } from "../../src/quotes/titles.js";
import { makeArticle } from "../helpers/articles.js";

const dated = (published: string) => ({ published, outlet: "Ledger", title: null });

describe("titles read from the articles' appositions", () => {
  const book = buildQuoteBook({
    articles: [
      makeArticle("a.txt", ["Chancellor Mira Holt spoke first.", "\"Rates stay put,\" Ms Holt said.", "Shadow chancellor Ivo Pratt replied.", "\"Rates must fall,\" Mr Pratt said."], dated("2010-01-05")),
      makeArticle("b.txt", ["Former chancellor Ben Arde was in the audience.", "\"I miss the job,\" Mr Arde said.", "Mira Holt, the chancellor, left early.", "\"Goodnight,\" Ms Holt said."], dated("2010-02-01")),
      makeArticle("c.txt", ["German Chancellor Lena Fuchs arrived.", "\"We agree,\" Ms Fuchs said.", "The Tory leader, Sam Reed, said nothing.", "\"No comment,\" Mr Reed said."], dated("2010-03-01")),
    ],
  });
  const read = (words: string, dates = {}) => book.titles().read(words.split(" "), dates);

  it("counts the title with the name after it, before it, and set off by commas", () => {
    expect(read("the chancellor budget")?.holders.map((h) => [h.speaker.name, h.count])).toEqual([["Mira Holt", 2]]);
    expect(read("the chancellor budget")?.words).toBe("the chancellor");
    expect(read("the Tory leader")?.holders.map((h) => h.speaker.name)).toEqual(["Sam Reed"]);
  });

  it("keeps a shadow or a former holder apart, and a foreign one behind the plain title", () => {
    expect(read("the shadow chancellor")?.holders.map((h) => h.speaker.name)).toEqual(["Ivo Pratt"]);
    expect(read("the chancellor")?.holders.some((h) => h.speaker.name === "Ben Arde")).toBe(false);
    expect(read("German chancellor")?.holders.map((h) => h.speaker.name)).toEqual(["Lena Fuchs"]);
    expect(read("the chancellor")?.holders.some((h) => h.speaker.name === "Lena Fuchs")).toBe(false);
  });

  it("reads the holders of the dates asked, and nothing for words that are no title", () => {
    expect(read("the chancellor", { after: "2010-01-20" })?.holders.map((h) => [h.speaker.name, h.first])).toEqual([["Mira Holt", "2010-02-01"]]);
    expect(read("the chancellor", { after: "2011-01-01" })).toBeNull();
    expect(read("rates")).toBeNull();
    expect(mayBeTitle(["rates", "budget"])).toBe(false);
    expect(mayBeTitle(["the", "Tory", "leader"])).toBe(true);
  });

  it("surely means one holder only when named three times as often as anyone else", () => {
    const holder = (count: number) => ({ speaker: { name: String(count), aliases: [], kind: "person" as const, gender: null, quotes: 0 }, count, first: null, last: null });
    expect(dominantHolder([holder(6), holder(2)])?.count).toBe(6);
    expect(dominantHolder([holder(5), holder(2)])).toBeNull();
    expect(dominantHolder([holder(1)])?.count).toBe(1);
  });
});
