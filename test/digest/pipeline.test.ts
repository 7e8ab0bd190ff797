/** The digest over the seeds through the real quotation finder and statement grouping. */
import { beforeAll, describe, expect, it } from "vitest";
import type { QuoteBlock } from "../../src/core/reply.js";
import type { Article } from "../../src/corpus/types.js";
import { composeDigest, digestReply, type Digest } from "../../src/digest/compose.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { buildStatements } from "../../src/statements/group.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { join } from "node:path";
import { ICRC, POW, root, UNSC } from "./seed-data.js";

let articles: Article[];
let digest: Digest;
beforeAll(async () => {
  const corpus = await loadCorpus(join(root, "seeds"));
  articles = corpus.articles;
  const book = buildQuoteBook(corpus);
  digest = composeDigest({
    articles,
    quotations: book.quotations,
    statements: buildStatements(articles, book.quotations).statements,
    from: new Date("2024-05-01T07:30:00Z"),
    to: new Date("2024-05-02T07:30:00Z"),
  });
});

describe("the seeds' digest, end to end", () => {
  it("names the three stories with their documents and outlets", () => {
    const story = (doc: string) => digest.stories.find((s) => s.docs.includes(doc))!;
    expect(digest.stories).toHaveLength(3);
    expect([...story(ICRC[0]!).docs].sort()).toEqual(ICRC);
    expect(story(UNSC).docs).toEqual([UNSC]);
    expect(story(POW).docs).toEqual([POW]);
    for (const s of digest.stories) {
      const outlets = articles.filter((a) => s.docs.includes(a.id)).map((a) => a.outlet).filter(Boolean);
      expect([...s.outlets].sort()).toEqual([...new Set(outlets)].sort());
    }
  });

  it("quotes Spoljaric, Lavrov, Blinken and Zakharova, verbatim, in what it posts", () => {
    const reply = digestReply(digest);
    const quotes = reply.blocks.filter((b): b is QuoteBlock => b.type === "quote");
    const speakers = quotes.map((q) => q.speaker ?? "");
    for (const name of [/Spoljari/, /Lavrov/, /Blinken/, /Zakharova/]) {
      expect(speakers.some((s) => name.test(s)), String(name)).toBe(true);
    }
    for (const q of quotes) {
      const text = articles.find((a) => a.id === q.citation.doc)!.text;
      expect(text.slice(q.citation.start, q.citation.end)).toBe(q.text);
    }
  });
});
