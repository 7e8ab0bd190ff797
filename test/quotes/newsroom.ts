/** A Newsroom for /quote tests: articles, a quote book and their statements; the passage index fails loudly. */
import type { Article } from "../../src/corpus/types.js";
import type { Newsroom } from "../../src/newsroom.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import type { QuoteBook } from "../../src/quotes/quote-book.js";
import type { SourceSearch } from "../../src/search/types.js";
import { buildStatements } from "../../src/statements/group.js";
import type { StatementIndex } from "../../src/statements/types.js";

export function quoteNewsroom(
  articles: readonly Article[],
  quotes: QuoteBook = buildQuoteBook({ articles: [...articles] }),
  location = "test",
): Newsroom {
  const byId = new Map(articles.map((a) => [a.id, a]));
  let statements: StatementIndex | undefined;
  const statementsOf = () => (statements ??= buildStatements(articles, quotes.quotations));
  const sources: SourceSearch = {
    search: () => {
      throw new Error("/quote must not search passages");
    },
    upsert: () => undefined,
    remove: () => undefined,
    passageCount: 0,
  };
  return {
    location,
    articles: () => articles,
    article: (doc) => byId.get(doc),
    sources,
    quotes,
    problems: () => [],
    statements: statementsOf,
    statementsIfReady: statementsOf,
    firstSeen: () => null,
  };
}
