/**
 * The articles a newsroom serves, by id, and the problems met reading them: what `articles()`, `article(doc)` and
 * `problems()` answer. Only the corpus changes (`CorpusChanges`) change them.
 */
import type { Article, Corpus, CorpusProblem } from "../corpus/types.js";

export class HeldArticles {
  private readonly byId: Map<string, Article>;
  private held: CorpusProblem[];

  constructor(corpus: Pick<Corpus, "articles" | "problems">) {
    this.byId = new Map(corpus.articles.map((a) => [a.id, a]));
    this.held = [...corpus.problems];
  }

  get(doc: string): Article | undefined {
    return this.byId.get(doc);
  }

  has(doc: string): boolean {
    return this.byId.has(doc);
  }

  /** A fresh list, in the order the articles came (a changed article keeps its place, a new one goes last). */
  list(): Article[] {
    return [...this.byId.values()];
  }

  problems(): CorpusProblem[] {
    return this.held;
  }

  set(article: Article): void {
    this.byId.set(article.id, article);
  }

  delete(doc: string): void {
    this.byId.delete(doc);
  }

  /** The problems of these files replace those held for them (a file re-read, or the stored corpus's report). */
  replaceProblems(files: ReadonlyArray<{ file: string; problems: readonly CorpusProblem[] }>): void {
    const replaced = new Set(files.map((f) => f.file));
    this.held = [...this.held.filter((p) => !replaced.has(p.file)), ...files.flatMap((f) => f.problems)];
  }
}
