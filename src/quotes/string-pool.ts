/**
 * One copy of each string the quote book keeps per article: speakers' names and their forms, reporting verbs,
 * mentions, evidence. Extraction builds them by joining and slicing (a joined string is a tree of pieces in V8,
 * 32 bytes a piece), and the same names come back in article after article (docs/performance.md: the quote book's
 * heap by structure).
 */
import type { ArticleQuotes } from "./types.js";

export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The pool's copy of `s` (equal to it), kept flat. */
  get(s: string): string {
    let kept = this.strings.get(s);
    if (kept === undefined) {
      kept = flat(s);
      this.strings.set(kept, kept);
    }
    return kept;
  }

  get size(): number {
    return this.strings.size;
  }
}

/** A copy of `s` in one piece: a joined or sliced string keeps its pieces (or its whole source text) alive. */
function flat(s: string): string {
  return s.length === 0 ? "" : s.split("").join("");
}

/**
 * The article's names and quotation labels replaced by the pool's copies (the same values), and its lists copied
 * to their length: a list grown by `push` holds room for 16 more items or so, which for an article's names and
 * each name's forms (one or two) was most of their size. In place; returns `extracted`.
 */
export function pooled(extracted: ArticleQuotes, pool: StringPool): ArticleQuotes {
  extracted.named = extracted.named.map((named) => {
    named.name = pool.get(named.name);
    named.forms = named.forms.map((form) => pool.get(form));
    named.titled = named.titled.map((form) => pool.get(form));
    if (named.organisation !== undefined) named.organisation = pool.get(named.organisation);
    return named;
  });
  extracted.quotations = extracted.quotations.map((q) => {
    if (q.speaker !== null) q.speaker = pool.get(q.speaker);
    if (q.cue !== null) q.cue = pool.get(q.cue);
    if (q.mention !== null) q.mention = pool.get(q.mention);
    q.evidence = pool.get(q.evidence);
    return q;
  });
  return extracted;
}
