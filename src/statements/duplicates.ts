/**
 * Syndicated and duplicate articles: the same wire text in two outlets (or the same story filed twice).
 * Two articles are duplicates when the Jaccard similarity of their bodies' 5-word shingles exceeds 0.8.
 * Candidate pairs come from an inverted index over a hash sample of the shingles, never from all pairs of articles.
 */
import type { Article } from "../corpus/types.js";
import { ShardedMap, stringShard } from "./sharded-map.js";
import { pacer, runToEnd, sortInSteps, type Steps } from "./steps.js";
import { tokens } from "./text.js";

export interface DuplicateOptions {
  /** Words per shingle (default 5). */
  shingle?: number;
  /** Jaccard above which two bodies are one text (default 0.8). */
  threshold?: number;
}

/** A shingle shared by more articles than this is boilerplate ("Please enter your comment"), not evidence. */
const MAX_SHINGLE_POSTINGS = 50;
/** Candidate pairs are proposed by one shingle in SAMPLE (a fixed hash subset); near-copies share dozens. */
const SAMPLE = 8;
/** Items of a light loop handled between pauses (heavy loops pause after every item). */
const CHEAP_PACE = 1024;
/** Characters of text, or words, shingled between pauses. */
const CHARS_PER_STEP = 100_000;
const WORDS_PER_STEP = 20_000;
/** Candidate pairs of one article compared between pauses. */
const INNER_PACE = 16;

/** The body text of an article in pieces: its body paragraphs, or all of it when it has no paragraph roles. */
function bodyPieces(article: Article): string[] {
  const body = article.paragraphs.filter((p) => p.role === "body");
  if (body.length === 0) return article.paragraphs.length ? [] : [article.text];
  return body.map((p) => article.text.slice(p.start, p.end));
}

/** Every distinct word of the corpus, numbered from 1 (sharded: see sharded-map.ts). */
interface WordIds {
  ids: ShardedMap<string, number>;
  count: number;
}

/**
 * Shingles as numbers: a polynomial hash of the word ids (collisions are harmlessly rare at this size), over the
 * pieces' words in order (as over the pieces joined by line breaks: no word spans two). Pauses every few thousand
 * words: an archive dump of one article holds a million.
 */
function* shingleSteps(pieces: readonly string[], size: number, wordIds: WordIds): Steps<Set<number>> {
  const ids: number[] = [];
  let counted = 0;
  for (const piece of pieces) {
    for (const t of tokens(piece)) {
      let id = wordIds.ids.get(t.folded);
      if (id === undefined) {
        id = ++wordIds.count;
        wordIds.ids.set(t.folded, id);
      }
      ids.push(id);
    }
    counted += piece.length;
    if (counted >= CHARS_PER_STEP) {
      counted = 0;
      yield;
    }
  }
  const out = new Set<number>();
  for (let i = 0; i + size <= ids.length; i++) {
    let h = 0;
    for (let j = i; j < i + size; j++) h = (h * 1_000_003 + ids[j]!) % 4_503_599_627_370_449;
    out.add(h);
    if (i % WORDS_PER_STEP === WORDS_PER_STEP - 1) yield;
  }
  return out;
}

/**
 * Groups of duplicate articles, each ordered earliest first (by published date, then id); the first is the one
 * the others copy. Articles with no duplicate are not listed.
 */
export function findDuplicates(articles: readonly Article[], options: DuplicateOptions = {}): string[][] {
  return runToEnd(duplicateSteps(articles, options));
}

/** `findDuplicates` as steps (see steps.ts), pausing every few articles. */
export function* duplicateSteps(articles: readonly Article[], options: DuplicateOptions = {}): Steps<string[][]> {
  const size = options.shingle ?? 5;
  const threshold = options.threshold ?? 0.8;
  const wordIds: WordIds = { ids: new ShardedMap(stringShard), count: 0 };
  const sets: Array<Set<number>> = [];
  for (const article of articles) {
    sets.push(yield* shingleSteps(bodyPieces(article), size, wordIds));
    yield;
  }
  // One entry per distinct sampled shingle, up to millions: sharded, so that no single growth of it takes long.
  const postings = new ShardedMap<number, number[]>((h) => Math.floor(h / SAMPLE));
  for (let i = 0; i < sets.length; i++) {
    for (const h of sets[i]!) {
      if (h % SAMPLE !== 0) continue;
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
    yield;
  }

  const parent = articles.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const common = new Map<number, number>();
  for (let i = 0; i < sets.length; i++) {
    const set = sets[i]!;
    common.clear();
    for (const h of set) {
      if (h % SAMPLE !== 0) continue;
      const list = postings.get(h)!;
      if (list.length > MAX_SHINGLE_POSTINGS) continue;
      for (const j of list) if (j > i) common.set(j, (common.get(j) ?? 0) + 1);
    }
    let compared = 0;
    for (const [j, sampled] of common) {
      // One shared sampled shingle is a stock phrase; copies share dozens.
      if (sampled < 2) continue;
      if (++compared % INNER_PACE === 0) yield;
      const other = sets[j]!;
      // Cheap bound first: Jaccard can be at most min/max of the sizes.
      if (Math.min(set.size, other.size) / Math.max(set.size, other.size) <= threshold) continue;
      let shared = 0;
      for (const h of set) if (other.has(h)) shared++;
      if (shared / (set.size + other.size - shared) > threshold) parent[root(j)] = root(i);
    }
    yield;
  }

  const cheap = pacer(CHEAP_PACE);
  const groups = new Map<number, Article[]>();
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(a);
    else groups.set(r, [a]);
    if (cheap.tick()) yield;
  }
  const out: string[][] = [];
  for (const g of groups.values()) {
    if (g.length > 1) out.push(g.sort(earliestFirst).map((a) => a.id));
    if (cheap.tick()) yield;
  }
  return yield* sortInSteps(out, (x, y) => x[0]!.localeCompare(y[0]!));
}

function earliestFirst(a: Article, b: Article): number {
  const pa = a.published ?? "\uffff";
  const pb = b.published ?? "\uffff";
  return pa < pb ? -1 : pa > pb ? 1 : a.id.localeCompare(b.id);
}
