/**
 * /compare from the query (issue 21, class 8): every rendering of the statement, word-for-word copies included,
 * only the asked speaker's statements, and the same answer whether the whole corpus or only the candidate
 * articles are grouped. Hand-written articles only.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { PassageIndex } from "../../src/search/source-index.js";
import { askedStatement, compareSteps, type CompareServices } from "../../src/statements/query.js";
import { runToEnd } from "../../src/statements/steps.js";
import { trimmedSentences } from "../../src/text/sentences.js";
import { makeArticle } from "../helpers/articles.js";

const ARNE = "Central bank governor Arne Volden said on Tuesday that the bank would not cut its lending rate before the harvest figures were known.";
const ARNE_QUOTE = "“We will not move on rates until we see the harvest numbers, and nobody should expect a cut in the spring,” Volden said.";
const ARNE_REWORDED = "“Nobody should expect a cut in the spring: we will not move on rates before we see the harvest numbers,” the governor, Arne Volden, told reporters.";
const MARTA = "Finance minister Marta Kolbeck, speaking in Geneva, said the lending rate was a matter for the bank.";
const MARTA_QUOTE = "“Arne Volden was right to say the bank will hold its lending rate until the grain harvest is counted in the autumn,” Kolbeck said.";

function newsroom(articles: Article[]): CompareServices {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const quotes = buildQuoteBook({ articles });
  return { articles: () => articles, article: (doc) => byId.get(doc), sources: PassageIndex.build(articles), quotes };
}

/** Unrelated stories, so that the corpus is larger than the candidate set. */
function filler(n: number): Article[] {
  const topics = ["ferry timetable", "library hours", "school meals", "tram works", "harbour lights", "market stalls"];
  return Array.from({ length: n }, (_, i) =>
    makeArticle(`filler-${i}.txt`, [`The ${topics[i % topics.length]} changed on day ${i}.`, `Officials said the ${topics[i % topics.length]} would be reviewed in ${2000 + i}.`], { outlet: "Town Crier" }),
  );
}

const corpus = (): Article[] => [
  makeArticle("wire-1.txt", [ARNE, ARNE_QUOTE], { outlet: "Northern Wire", published: "2025-03-04" }),
  // The same wire story, carried word for word by a second outlet.
  makeArticle("paper-1.txt", [ARNE, ARNE_QUOTE], { outlet: "Valley Post", published: "2025-03-04" }),
  makeArticle("paper-2.txt", ["The governor spoke after the board met.", ARNE_REWORDED], { outlet: "Evening Ledger", published: "2025-03-05" }),
  makeArticle("geneva.txt", [MARTA, MARTA_QUOTE], { outlet: "Alpine Courier", published: "2025-03-05" }),
  makeArticle("geneva-2.txt", [MARTA, MARTA_QUOTE], { outlet: "Lake Herald", published: "2025-03-06" }),
];

const compare = (services: CompareServices, query: string, wholeCorpus?: number) =>
  runToEnd(compareSteps(query, services, wholeCorpus === undefined ? {} : { wholeCorpus }));

describe("/compare from the query", () => {
  it("finds every rendering of the statement, the word-for-word copy included", () => {
    const statement = compare(newsroom(corpus()), "Volden harvest numbers cut in the spring");
    expect(statement?.speaker).toBe("Arne Volden");
    expect(statement!.renderings.map((r) => r.doc).sort()).toEqual(["paper-1.txt", "paper-2.txt", "wire-1.txt"]);
    for (const r of statement!.renderings) expect(r.speaker).toBe("Arne Volden");
  });

  it("never answers a query about one speaker with another's statement that names them", () => {
    const services = newsroom([...corpus(), ...filler(20)]);
    expect(askedStatement("Kolbeck lending rate", services.quotes)).toEqual({ speaker: "Marta Kolbeck", topic: "lending rate" });
    const theirs = compare(services, "Kolbeck lending rate grain harvest autumn", 5);
    expect(theirs?.speaker).toBe("Marta Kolbeck");
    expect(theirs!.renderings.map((r) => r.doc).sort()).toEqual(["geneva-2.txt", "geneva.txt"]);
    // Kolbeck's words name Volden and hold every topic word: still never an answer about Volden.
    for (const wholeCorpus of [5, 10_000]) {
      const about = compare(services, "Volden lending rate grain harvest autumn", wholeCorpus);
      expect(about === null || about.speaker === "Arne Volden").toBe(true);
    }
  });

  it("gives the same renderings from the candidate articles of a large corpus as from the whole corpus", () => {
    const services = newsroom([...corpus(), ...filler(40)]);
    const whole = compare(services, "Volden harvest numbers cut in the spring", 10_000);
    const candidates = compare(services, "Volden harvest numbers cut in the spring", 5);
    expect(candidates?.renderings.map((r) => [r.doc, r.start, r.end])).toEqual(whole?.renderings.map((r) => [r.doc, r.start, r.end]));
    expect(candidates!.renderings.length).toBe(3);
  });

  it("finds a sentence only two stories carry, word for word", () => {
    const two = [...corpus().filter((a) => a.id.startsWith("geneva")), ...filler(20)];
    for (const wholeCorpus of [5, 10_000]) {
      const statement = compare(newsroom(two), "bank will hold its lending rate until the grain harvest is counted", wholeCorpus);
      expect(statement?.renderings.map((r) => r.doc).sort()).toEqual(["geneva-2.txt", "geneva.txt"]);
      expect(statement!.wordings).toBe(1);
    }
  });

  it("keeps a hard-wrapped quotation one sentence, so that its renderings are whole", () => {
    const text = "We will hold the lending rate until the\ngrain harvest is counted. Then the board decides.\n\nA new paragraph.";
    expect(trimmedSentences(text).map((r) => text.slice(r.start, r.end))).toEqual([
      "We will hold the lending rate until the\ngrain harvest is counted",
      "Then the board decides",
      "A new paragraph",
    ]);
  });
});
