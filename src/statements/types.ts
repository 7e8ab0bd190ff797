/** One statement rendered in several documents (translated, paraphrased, syndicated). */

export interface Rendering {
  doc: string;
  /** `article.text.slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
  outlet: string | null;
  speaker: string | null;
  /** The primary source: the speaker's own transcript or organisation. */
  primary: boolean;
  /** 1-based paragraph number of `start`. */
  paragraph: number;
  /**
   * How the document renders it (added by the statements module; optional for other producers): a quotation
   * (`direct`, `partial`, `transcript`) or a sentence of reported speech without quotation marks (`reported`).
   */
  kind?: "direct" | "partial" | "transcript" | "reported";
  /** The attribution's confidence (0..1) when the rendering is a quotation. */
  confidence?: number | null;
  /** Set on a syndicated copy: the doc whose identical wire text this repeats. Not a wording of its own. */
  copyOf?: string;
}

export interface Statement {
  speaker: string | null;
  /** Primary source first, then by outlet/doc. At least two documents. */
  renderings: Rendering[];
  /** How many distinct wordings (after folding); 1 for a syndicated, word-for-word repeat. */
  wordings: number;
}

export interface StatementIndex {
  readonly statements: readonly Statement[];
  /**
   * The statement best matching a quotation text or topic words, or null. With `speaker`, only that speaker's
   * statements: another speaker's never answers a query about them.
   */
  find(query: string, options?: { speaker?: string | null }): Statement | null;
  /** The statement a quotation span belongs to, if any (for collapsing /quote results). */
  containing(doc: string, start: number, end: number): Statement | null;
  /** Every statement with a rendering overlapping the span, with that rendering; the largest overlap first. */
  overlapping(doc: string, start: number, end: number): Array<{ statement: Statement; rendering: Rendering }>;
  /** Articles that are the same wire text in two outlets: each group's docs, first is the earliest/primary. */
  readonly duplicates: ReadonlyArray<readonly string[]>;
}
