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
import { analyzeTerms } from "../text/analysis.js";
import { gatherTemplated, type TemplatedKind } from "./templated.js";

/** Cosine similarity to a story's centroid needed to join it (times `closeness`). On the seeds, reports of one
 * event score 0.30-0.39 against each other, unrelated reports 0.07-0.15 (see test/digest/stories.test.ts); on the
 * judged Reuters day of test/fixtures/digest-stories.json, 0.28 keeps distinct events of one topic apart (0.25-0.28
 * and name boosts of 1.3-1.6 give the same grouping there). */
export const STORY_THRESHOLD = 0.28;
/** Distinctive names (people, places, bodies) weigh this much more than other words of the same rarity. */
const NAME_BOOST = 1.3;
/** A name is distinctive when at most about 2% of articles carry it (idf = ln(1 + 1/0.02)). */
const DISTINCTIVE_IDF = Math.log(51);
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
export function inverseFrequencies(termLists: ReadonlyArray<Iterable<string>>): (term: string) => number {
  const df = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = termLists.length;
  return (term) => Math.log(1 + n / (df.get(term) ?? 1));
}

/** How often each term occurs, in the order of first occurrence. */
function termCounts(terms: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

export function tfidfVector(terms: readonly string[], idf: (term: string) => number, boost: (term: string) => number = () => 1): Vector {
  return tfidfOfCounts(termCounts(terms), idf, boost);
}

function tfidfOfCounts(counts: ReadonlyMap<string, number>, idf: (term: string) => number, boost: (term: string) => number): Vector {
  const vector: Vector = new Map();
  for (const [term, count] of counts) vector.set(term, (1 + Math.log(count)) * idf(term) * boost(term));
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
  /** The names its members write, and whether any of them is distinctive (rare). */
  names: Set<string>;
  distinctive: boolean;
  sum: Vector;
  sumNormSq: number;
  earliest: number | null;
  latest: number | null;
}

function newGroup(): Group {
  return { members: [], names: new Set(), distinctive: false, sum: new Map(), sumNormSq: 0, earliest: null, latest: null };
}

function addMember(group: Group, article: Article, vector: Vector, names: ReadonlySet<string>, distinctive: boolean): void {
  group.members.push(article);
  for (const name of names) group.names.add(name);
  group.distinctive ||= distinctive;
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

/**
 * How much being apart in time weakens the likeness of an article to a story: not at all within CLOSE_HOURS of
 * its members, then down to a half 30 hours later (the same words a day later are often a new event:
 * the next intervention, the next price change).
 */
const CLOSE_HOURS = 6;
function closeness(article: Article, group: Group): number {
  const t = timeOf(article);
  if (t === null || group.earliest === null || group.latest === null) return 1;
  const gapHours = Math.max(0, group.earliest - t, t - group.latest) / 3_600_000;
  return gapHours <= CLOSE_HOURS ? 1 : Math.max(0.5, 1 - (gapHours - CLOSE_HOURS) / 24);
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

/** What grouping reads of an article's story text: plain data, so that another thread can make it. */
export interface StoryTerms {
  /** Each analyzed term and how often it occurs, in the order of first occurrence. */
  counts: Map<string, number>;
  /** Terms written as names (capitalised inside a sentence, or acronyms): the people, places and bodies. */
  names: Set<string>;
}

/** The analysis of an article's story text (the long part of grouping a very long article). */
export function storyTerms(article: Article): StoryTerms {
  const text = storyText(article);
  // An all-capitals headline (wire style) says nothing about which of its words are names.
  const title = article.title ?? "";
  const skipUntil = title && title === title.toUpperCase() ? title.length : 0;
  const counts = new Map<string, number>();
  const names = new Set<string>();
  for (const t of analyzeTerms(text)) {
    counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    if (t.start >= skipUntil && isWrittenAsName(text, t.start, t.end)) names.add(t.term);
  }
  return { counts, names };
}

/** Analyzed story text per article object (articles are replaced, never changed, when a file changes). */
const termCache = new WeakMap<Article, StoryTerms>();
function termsOf(article: Article): StoryTerms {
  let found = termCache.get(article);
  if (!found) termCache.set(article, (found = storyTerms(article)));
  return found;
}

/** The terms of the articles that `background` would be sampled to, analyzed ahead of a grouping; how many. */
export function warmStoryTerms(background: readonly Article[]): number {
  const sampled = sample(background, MAX_BACKGROUND);
  for (const a of sampled) termsOf(a);
  return sampled.length;
}

/** Terms of this very article object analyzed elsewhere (`storyTerms` in another thread): not analyzed again. */
export function rememberStoryTerms(article: Article, terms: StoryTerms): void {
  termCache.set(article, terms);
}

/** A capitalised word that does not open a sentence, or an acronym. */
function isWrittenAsName(text: string, start: number, end: number): boolean {
  const first = text[start]!;
  // Digits and lower-case letters are the same in lower case: not names.
  if (first === first.toLowerCase()) return false;
  const word = text.slice(start, end);
  if (word.length >= 2 && word === word.toUpperCase()) return true;
  let i = start - 1;
  while (i >= 0 && /[\s"“‘'(]/.test(text[i]!)) {
    if (text[i] === "\n") return false;
    i--;
  }
  return i >= 0 && !/[.!?:]/.test(text[i]!);
}

export interface GroupOptions {
  /** Articles that weigh words (IDF) besides the grouped ones: e.g. the whole corpus. */
  background?: readonly Article[];
  threshold?: number;
}

/** The articles grouped into stories, biggest story first (then by most recent article). */
export function groupStories(articles: readonly Article[], options: GroupOptions = {}): Story[] {
  // Nothing to group: no word weights to read either (a quiet period's digest costs nothing).
  if (articles.length === 0) return [];
  const threshold = options.threshold ?? STORY_THRESHOLD;
  const ids = new Set(articles.map((a) => a.id));
  // Sampled before the grouped articles are left out, so that word weights do not shift with which are grouped.
  const background = sample(options.background ?? [], MAX_BACKGROUND).filter((a) => !ids.has(a.id));
  const idf = inverseFrequencies([...articles, ...background].map((a) => termsOf(a).counts.keys()));
  const vectors = new Map<Article, Vector>();
  const keys = new Map<Article, string[]>();
  const names = new Map<Article, Set<string>>();
  const distinctive = new Map<Article, boolean>();
  for (const a of articles) {
    const { counts, names: written } = termsOf(a);
    const vector = tfidfOfCounts(counts, idf, (term) => (written.has(term) && idf(term) >= DISTINCTIVE_IDF ? NAME_BOOST : 1));
    vectors.set(a, vector);
    keys.set(a, keyTerms(vector));
    names.set(a, written);
    distinctive.set(a, [...written].some((term) => idf(term) >= DISTINCTIVE_IDF));
  }
  /** Two reports of one event name someone or something in common, when both name anyone distinctive. */
  const shareNames = (article: Article, group: Group): boolean => {
    if (!distinctive.get(article) || !group.distinctive) return true;
    for (const name of names.get(article)!) if (group.names.has(name)) return true;
    return false;
  };
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
        if (tooFarApart(article, group) || !shareNames(article, group)) continue;
        const s = similarity(vector, group) * closeness(article, group);
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
    addMember(group, article, vectors.get(article)!, names.get(article)!, distinctive.get(article)!);
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
    addMember(finalOf(target), article, vectors.get(article)!, names.get(article)!, distinctive.get(article)!);
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

export interface DigestGroups {
  stories: Story[];
  /** Templated wire items (results, dividends, price lines), one kind per line; not in `stories`. */
  templated: TemplatedKind[];
}

/** The period's articles as the digest shows them: templated items gathered by kind, the rest into stories. */
export function groupDigest(articles: readonly Article[], options: GroupOptions = {}): DigestGroups {
  const { kinds, rest } = gatherTemplated(articles);
  return { stories: groupStories(rest, options), templated: kinds };
}
