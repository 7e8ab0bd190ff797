/**
 * Grouping articles into stories: reports of the same event by different outlets (a wire story, its
 * translations, the official transcript) share rare words and names and were published close together.
 *
 * Each article becomes a TF-IDF vector over its analyzed story text (headline and body paragraphs, page
 * furniture left out); rare words weigh most. Articles are taken in date order and each joins the story whose
 * centroid it is most similar to (cosine) when that similarity reaches a threshold, else starts a new story;
 * a second pass lets each article move to the story that fits it best now that all stories exist. Articles
 * whose known dates are far apart never share a story. Greedy centroid clustering is linear in the number of
 * stories per article, so a first digest over a whole archive stays affordable.
 */
import type { Article } from "../corpus/types.js";
import { analyze } from "../search/analysis.js";

/** Cosine similarity to a story's centroid needed to join it; tuned on the seeds: reports of one event
 * score 0.30-0.39 against each other, unrelated reports 0.07-0.15 (see test/digest/stories.test.ts). */
export const STORY_THRESHOLD = 0.2;
/** Known publication dates further apart than this never share a story. */
const MAX_DAYS_APART = 3;

export type Vector = Map<string, number>;

export interface Story {
  /** Most central first. */
  articles: Article[];
  /** Cosine similarity of each article (same order) to the story's centroid. */
  centrality: number[];
}

/** The text a story is about: headline and body paragraphs, or the whole text when it has no paragraphs. */
export function storyText(article: Article): string {
  const kept = article.paragraphs.filter((p) => p.role !== "furniture");
  const parts = kept.length > 0 ? kept.map((p) => article.text.slice(p.start, p.end)) : [article.text];
  if (article.title) parts.unshift(article.title);
  return parts.join("\n");
}

/** Inverse document frequencies over a set of term lists (smoothed, always > 0). */
export function inverseFrequencies(termLists: ReadonlyArray<readonly string[]>): (term: string) => number {
  const df = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = termLists.length;
  return (term) => Math.log(1 + n / (df.get(term) ?? 1));
}

export function tfidfVector(terms: readonly string[], idf: (term: string) => number): Vector {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const vector: Vector = new Map();
  for (const [term, count] of counts) vector.set(term, (1 + Math.log(count)) * idf(term));
  return normalize(vector);
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

function normalize(vector: Vector): Vector {
  let sum = 0;
  for (const w of vector.values()) sum += w * w;
  const norm = Math.sqrt(sum);
  if (norm === 0) return vector;
  for (const [term, w] of vector) vector.set(term, w / norm);
  return vector;
}

/** Known publication time in ms, or null. */
function timeOf(article: Article): number | null {
  if (!article.published) return null;
  const t = Date.parse(article.published);
  return Number.isNaN(t) ? null : t;
}

/** A story being built: the sum of its members' vectors (its centroid, unnormalized) and its date range. */
interface Group {
  members: Article[];
  sum: Vector;
  sumNormSq: number;
  earliest: number | null;
  latest: number | null;
}

function newGroup(): Group {
  return { members: [], sum: new Map(), sumNormSq: 0, earliest: null, latest: null };
}

function addMember(group: Group, article: Article, vector: Vector): void {
  group.members.push(article);
  for (const [term, w] of vector) {
    const old = group.sum.get(term) ?? 0;
    group.sum.set(term, old + w);
    group.sumNormSq += (old + w) ** 2 - old ** 2;
  }
  const t = timeOf(article);
  if (t !== null) {
    group.earliest = group.earliest === null ? t : Math.min(group.earliest, t);
    group.latest = group.latest === null ? t : Math.max(group.latest, t);
  }
}

/** Cosine similarity of a (normalized) vector to the group's centroid. */
function similarity(vector: Vector, group: Group): number {
  if (group.sumNormSq <= 0) return 0;
  let dot = 0;
  for (const [term, w] of vector) dot += w * (group.sum.get(term) ?? 0);
  return dot / Math.sqrt(group.sumNormSq);
}

/** Known dates that would put the story more than MAX_DAYS_APART apart. */
function tooFarApart(article: Article, group: Group): boolean {
  const t = timeOf(article);
  if (t === null || group.earliest === null || group.latest === null) return false;
  const limit = MAX_DAYS_APART * 86_400_000;
  return t - group.earliest > limit || group.latest - t > limit;
}

/** An article's heaviest terms: the ones a story it belongs to must share with it. */
const KEY_TERMS = 12;
function keyTerms(vector: Vector): string[] {
  return [...vector]
    .sort((a, b) => b[1] - a[1])
    .slice(0, KEY_TERMS)
    .map(([term]) => term);
}

/** Word weights need a few thousand articles, not a whole archive: larger backgrounds are sampled. */
const MAX_BACKGROUND = 5000;

/** At most `limit` items, evenly spread over the list (deterministic). */
function sample<T>(items: readonly T[], limit: number): readonly T[] {
  if (items.length <= limit) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

/** Analyzed story text per article object (articles are replaced, never changed, when a file changes). */
const termCache = new WeakMap<Article, string[]>();
function termsOf(article: Article): string[] {
  let terms = termCache.get(article);
  if (!terms) {
    terms = analyze(storyText(article));
    termCache.set(article, terms);
  }
  return terms;
}

export interface GroupOptions {
  /** Articles that weigh words (IDF) besides the grouped ones: e.g. the whole corpus. */
  background?: readonly Article[];
  threshold?: number;
}

/** The articles grouped into stories, biggest story first (then by most recent article). */
export function groupStories(articles: readonly Article[], options: GroupOptions = {}): Story[] {
  const threshold = options.threshold ?? STORY_THRESHOLD;
  const ids = new Set(articles.map((a) => a.id));
  const background = sample(
    (options.background ?? []).filter((a) => !ids.has(a.id)),
    MAX_BACKGROUND,
  );
  const idf = inverseFrequencies([...articles, ...background].map(termsOf));
  const vectors = new Map<Article, Vector>();
  const keys = new Map<Article, string[]>();
  for (const a of articles) {
    const vector = tfidfVector(termsOf(a), idf);
    vectors.set(a, vector);
    keys.set(a, keyTerms(vector));
  }
  const ordered = [...articles].sort(
    (a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id),
  );

  // Stories are found through their members' key terms: one sharing none of an article's is not compared.
  const byKey = new Map<string, Set<Group>>();
  const index = (group: Group, article: Article) => {
    for (const term of keys.get(article)!) {
      let set = byKey.get(term);
      if (!set) byKey.set(term, (set = new Set()));
      set.add(group);
    }
  };
  const best = (article: Article, skip: Group | null): Group | null => {
    const vector = vectors.get(article)!;
    let found: Group | null = null;
    let score = threshold;
    const seen = new Set<Group>();
    for (const term of keys.get(article)!) {
      for (const group of byKey.get(term) ?? []) {
        if (group === skip || seen.has(group)) continue;
        seen.add(group);
        if (tooFarApart(article, group)) continue;
        const s = similarity(vector, group);
        if (s >= score) {
          score = s;
          found = group;
        }
      }
    }
    return found;
  };

  // First pass: join the best story so far, or start one.
  const groups: Group[] = [];
  const firstGroup = new Map<Article, Group>();
  for (const article of ordered) {
    let group = best(article, null);
    if (!group) groups.push((group = newGroup()));
    addMember(group, article, vectors.get(article)!);
    index(group, article);
    firstGroup.set(article, group);
  }

  // Second pass: with every story known, each article moves to the one it fits best. Its first story counts
  // as a candidate unless the article is alone in it (an article is always most similar to itself).
  const final = new Map<Group, Group>();
  const finalOf = (g: Group) => {
    let target = final.get(g);
    if (!target) final.set(g, (target = newGroup()));
    return target;
  };
  for (const article of ordered) {
    const own = firstGroup.get(article)!;
    const target = best(article, own.members.length === 1 ? own : null) ?? own;
    addMember(finalOf(target), article, vectors.get(article)!);
  }

  const stories = [...final.values()].map((g): Story => {
    const ranked = g.members
      .map((a) => ({ a, c: similarity(vectors.get(a)!, g) }))
      .sort((x, y) => y.c - x.c || x.a.id.localeCompare(y.a.id));
    return { articles: ranked.map((r) => r.a), centrality: ranked.map((r) => r.c) };
  });
  const latest = (s: Story) => s.articles.reduce((max, a) => ((a.published ?? "") > max ? (a.published ?? "") : max), "");
  return stories.sort(
    (x, y) =>
      y.articles.length - x.articles.length ||
      latest(y).localeCompare(latest(x)) ||
      x.articles[0]!.id.localeCompare(y.articles[0]!.id),
  );
}
