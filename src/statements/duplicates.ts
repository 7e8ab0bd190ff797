/**
 * Syndicated and duplicate articles: the same wire text in two outlets (or the same story filed twice).
 * Two articles are duplicates when the Jaccard similarity of their bodies' 5-word shingles exceeds 0.8.
 * Candidate pairs come from an inverted index over shingles, never from all pairs of articles.
 */
import type { Article } from "../corpus/types.js";
import { tokens } from "./text.js";

export interface DuplicateOptions {
  /** Words per shingle (default 5). */
  shingle?: number;
  /** Jaccard above which two bodies are one text (default 0.8). */
  threshold?: number;
}

/** A shingle shared by more articles than this is boilerplate ("Please enter your comment"), not evidence. */
const MAX_SHINGLE_POSTINGS = 50;

/** The body text of an article: its body paragraphs, or all of it when it has no paragraph roles. */
function bodyText(article: Article): string {
  const body = article.paragraphs.filter((p) => p.role === "body");
  if (body.length === 0) return article.paragraphs.length ? "" : article.text;
  return body.map((p) => article.text.slice(p.start, p.end)).join("\n");
}

function shingles(text: string, size: number): Set<string> {
  const words = tokens(text).map((t) => t.folded);
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(" "));
  return out;
}

/**
 * Groups of duplicate articles, each ordered earliest first (by published date, then id); the first is the one
 * the others copy. Articles with no duplicate are not listed.
 */
export function findDuplicates(articles: readonly Article[], options: DuplicateOptions = {}): string[][] {
  const size = options.shingle ?? 5;
  const threshold = options.threshold ?? 0.8;
  const sets = articles.map((a) => shingles(bodyText(a), size));
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  });

  const parent = articles.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  sets.forEach((set, i) => {
    if (set.size === 0) return;
    const common = new Map<number, number>();
    for (const s of set) {
      const list = postings.get(s)!;
      if (list.length > MAX_SHINGLE_POSTINGS) continue;
      for (const j of list) if (j > i) common.set(j, (common.get(j) ?? 0) + 1);
    }
    for (const [j, shared] of common) {
      const other = sets[j]!.size;
      // Cheap bound first: Jaccard can be at most min/max of the sizes.
      if (Math.min(set.size, other) / Math.max(set.size, other) <= threshold) continue;
      if (shared / (set.size + other - shared) > threshold) parent[root(j)] = root(i);
    }
  });

  const groups = new Map<number, Article[]>();
  articles.forEach((a, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(a);
    else groups.set(r, [a]);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(earliestFirst).map((a) => a.id))
    .sort((x, y) => x[0]!.localeCompare(y[0]!));
}

function earliestFirst(a: Article, b: Article): number {
  const pa = a.published ?? "\uffff";
  const pb = b.published ?? "\uffff";
  return pa < pb ? -1 : pa > pb ? 1 : a.id.localeCompare(b.id);
}
