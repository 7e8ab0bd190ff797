/**
 * The services every command runs against: the corpus, its passage index and its quotations.
 * Built by `openNewsroom` (see newsroom-build.ts); commands receive it as `ctx.services`.
 */
import type { Article, Corpus } from "./corpus/types.js";
import type { QuoteBook } from "./quotes/types.js";
import type { SourceSearch } from "./search/types.js";

export interface Newsroom {
  /** The corpus folder or file. */
  readonly location: string;
  articles(): readonly Article[];
  article(doc: string): Article | undefined;
  readonly sources: SourceSearch;
  readonly quotes: QuoteBook;
  /** Problems met while reading the corpus (skipped files, re-decoded files). */
  problems(): Corpus["problems"];
}
