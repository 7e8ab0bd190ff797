/**
 * A running bot's quote book takes a corpus change in steps (`changeSteps`, run in time slices): until the last
 * step it answers from its state before the change, and after it, exactly as a book built afresh over the
 * articles as they now are (quotations, canonical speakers, the speaker registry, search answers).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import { CorpusQuoteBook } from "../../src/quotes/book.js";
import { article } from "./helpers.js";

const page = { offset: 0, limit: 20 };
const query = (speaker: string | null, words: string[] = []) => ({ speaker, words, phrases: [], sort: "relevance" as const });

/** What a book answers, for comparing two books. */
function answers(book: CorpusQuoteBook, speakers: readonly string[]) {
  return {
    quotations: book.quotations.map((q) => `${q.id} ${q.speaker ?? "-"}`),
    speakers: book.speakers.speakers.map((s) => `${s.name} ${s.quotes} ${[...s.aliases].sort().join("|")}`),
    searches: speakers.map((s) => book.search(query(s), page).hits.map((h) => h.quotation.id)),
  };
}

describe("a quote book changed in steps", () => {
  let seeds: Article[];
  const keeper = article("lighthouse.txt", [
    "Lighthouse lit again",
    "“The lamp will burn every night from now on,” said Ingrid Tamsalu, the keeper of the lighthouse.",
    "“We waited two winters for the parts,” Ms Tamsalu said.",
  ]);

  beforeAll(async () => {
    seeds = (await loadCorpus("seeds")).articles;
  });

  it("answers as before the change until its last step, then as a book built afresh", () => {
    const book = new CorpusQuoteBook(seeds);
    const before = answers(book, ["Ingrid Tamsalu"]);
    expect(before.searches[0]).toEqual([]);
    const removedDoc = seeds[0]!.id;
    const changedDoc = seeds[1]!;
    const changed = { ...changedDoc, text: changedDoc.text };
    const steps = book.changeSteps([removedDoc], [
      { article: keeper, extracted: quoteArticle(keeper) },
      { article: changed, extracted: quoteArticle(changed) },
    ]);
    let paused = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      paused++;
      // Mid-change: the state before it, nothing of the new article, the removed article still there.
      expect(book.search(query("Ingrid Tamsalu"), page).hits).toEqual([]);
      expect(book.quotations.some((q) => q.doc === removedDoc)).toBe(true);
    }
    // The registry and the table were rebuilt in many steps, not in one.
    expect(paused).toBeGreaterThan(3);

    const fresh = new CorpusQuoteBook([...seeds.filter((a) => a.id !== removedDoc && a.id !== changed.id), keeper, changed]);
    const speakers = ["Ingrid Tamsalu", ...fresh.speakers.speakers.slice(0, 10).map((s) => s.name)];
    expect(answers(book, speakers)).toEqual(answers(fresh, speakers));
    const found = book.search(query("Ingrid Tamsalu"), page).hits.map((h) => h.quotation.text);
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining("The lamp will burn"), expect.stringContaining("two winters")]));
    expect(book.quotations.some((q) => q.doc === removedDoc)).toBe(false);
    expect(book.search(query(null, ["lamp"]), page).hits.map((h) => h.quotation.doc)).toEqual(["lighthouse.txt"]);
  });
});
