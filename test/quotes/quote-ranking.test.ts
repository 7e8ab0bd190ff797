/**
 * How /quote ranks a speaker's quotations on a topic (book.ts), over sentences of our own: those saying more of
 * the topic words first, whole quotations before short fragments, then those whose attributing sentence, then
 * paragraph, then article is about the topic. The book answers as the reference search (reference-search.ts).
 */
import { describe, expect, it } from "vitest";
import { buildQuoteBook, isShortFragment } from "../../src/quotes/book.js";
import type { QuoteQuery } from "../../src/quotes/types.js";
import { sentenceRanges } from "../../src/text/sentences.js";
import { article } from "./helpers.js";
import { articlesOf, organisationsOf, ReferenceSearch } from "./reference-search.js";

const page = { offset: 0, limit: 10 };

function searchBoth(book: ReturnType<typeof buildQuoteBook>, query: QuoteQuery) {
  const found = book.search(query, page);
  expect(found.hits).toEqual(new ReferenceSearch(book.quotations, articlesOf(book), organisationsOf(book)).search(query, page).hits);
  return found.hits.map((h) => [h.quotation.text, h.match]);
}

describe("ranking a speaker's quotations on a topic", () => {
  it("puts the quotations saying more of the topic words first, however often another repeats one of them", () => {
    const book = buildQuoteBook({
      articles: [
        article("a.txt", [`"Ferries, ferries: ferries," Lena Stroud said.`]),
        article("b.txt", [
          `"We will hold the ferry fares where they are for the whole of the coming winter season, whatever the owners of the boats and the harbour board may tell the town about their costs and their plans for the years ahead," Lena Stroud said.`,
        ]),
        // Fares are talked of everywhere, ferries rarely: the one word the first quotation repeats is the rare one.
        ...["bus", "train", "tram", "taxi", "airport", "coach"].map((mode, i) =>
          article(`o${i}.txt`, [`"The ${mode} fares are too high," Tom Reed said.`]),
        ),
      ],
    });
    const hits = searchBoth(book, { speaker: "Lena Stroud", words: ["ferry", "fares"], phrases: [] });
    expect(hits[0]![0]).toMatch(/^We will hold the ferry fares/);
    expect(hits[1]).toEqual(["Ferries, ferries: ferries,", "words"]);
  });

  it("puts a whole quotation before a short fragment of the reporter's sentence saying as many of the words", () => {
    const book = buildQuoteBook({
      articles: [
        article("c.txt", [
          `Ms Stroud warned against "ever higher ferry fares" in her speech.`,
          `"If the ferry fares rise again, the island families will simply stop coming to the mainland to work," Lena Stroud said.`,
        ]),
      ],
    });
    const hits = searchBoth(book, { speaker: "Lena Stroud", words: ["ferry", "fares"], phrases: [] });
    expect(hits.map(([text]) => text)).toEqual([
      "If the ferry fares rise again, the island families will simply stop coming to the mainland to work,",
      "ever higher ferry fares",
    ]);
  });

  it("ranks a quotation whose attributing sentence names the topic before one whose paragraph only does, and says which", () => {
    const book = buildQuoteBook({
      articles: [
        article("d.txt", [
          `Lena Stroud spoke to the council on Monday.`,
          `She said her budget would "keep every school open". The council clapped. "Nobody will be left behind," Ms Stroud added.`,
        ]),
      ],
    });
    const hits = searchBoth(book, { speaker: "Lena Stroud", words: ["budget"], phrases: [] });
    expect(hits).toEqual([
      ["keep every school open", "sentence"],
      ["Nobody will be left behind,", "paragraph"],
    ]);
  });

  it("counts a fragment's words as written", () => {
    expect(isShortFragment("ever higher ferry fares")).toBe(true);
    expect(isShortFragment("one two three four five six seven")).toBe(true);
    expect(isShortFragment("one two three four five six seven eight")).toBe(false);
  });

  it("ends a sentence after a word ending in digits and a letter, so the next sentence's topic is not the quotation's", () => {
    const text = `Her plan cut bus fares for the over-65s. Defending the budget, she said: "Nobody pays more."`;
    expect(sentenceRanges(text, 0, text.length).map((r) => text.slice(r.start, r.end).slice(0, 12))).toEqual(["Her plan cut", "Defending th"]);
    const book = buildQuoteBook({
      articles: [article("e.txt", [`In the budget, Lena Stroud cut bus fares for the over-65s. Asked about it later, she said: "Nobody will pay more for the bus."`])],
    });
    expect(searchBoth(book, { speaker: "Lena Stroud", words: ["budget"], phrases: [] })).toEqual([["Nobody will pay more for the bus.", "paragraph"]]);
  });
});
