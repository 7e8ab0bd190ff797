/**
 * Growing a corpus to a target number of passages for the benchmark (pure).
 *
 * Replica r (r = 1, 2, ...) of an article gets the id `${id}~r${r}` and a lightly perturbed text. The perturbation
 * keeps every offset valid (it only swaps one interior letter of a word for another letter of the same case, so
 * lengths never change) and makes the vocabulary grow roughly as a real archive's does: common words keep their
 * frequencies (queries for "government said" still match many passages), while about half of the base corpus's
 * rare words (those seen at most `RARE_MAX` times: names, places, typos) become a new spelling in each replica,
 * consistently within that replica, like the new names of new stories. With the BBC, PolNeAR and Reuters corpora,
 * 1,000,000 passages (6.7x the text) hold 2.4x the distinct words of the original (143,194 vs 58,971), i.e.
 * V ~ n^0.47, as Heaps' law has it for real collections (exponents of 0.4 to 0.6).
 */
import type { Article, Paragraph } from "../src/corpus/types.js";

/** A word of the base corpus seen at most this many times may be respelled in a replica. */
export const RARE_MAX = 3;

/** Words of 5+ ASCII letters: short words and non-ASCII words are left alone. */
const WORD = /[A-Za-z]{5,}/g;

/** Passages that Dateline and the MiniSearch baseline index: every paragraph that is not page furniture. */
export function indexedParagraphs(article: Article): Paragraph[] {
  return article.paragraphs.filter((p) => p.role !== "furniture");
}

export function countPassages(articles: readonly Article[]): number {
  let n = 0;
  for (const a of articles) n += indexedParagraphs(a).length;
  return n;
}

/** FNV-1a, 32 bits: a small, stable hash for deterministic choices. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The lowercased words (5+ ASCII letters) seen at most `RARE_MAX` times in the articles' texts. */
export function rareWords(articles: readonly Article[]): Set<string> {
  const counts = new Map<string, number>();
  for (const a of articles) {
    for (const m of a.text.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const rare = new Set<string>();
  for (const [w, n] of counts) if (n <= RARE_MAX) rare.add(w);
  return rare;
}

/** One interior letter of `word` replaced by another letter of the same case, chosen by `seed`. */
export function respell(word: string, seed: number): string {
  if (word.length < 3) return word;
  const at = 1 + (seed % (word.length - 2));
  const old = word.charCodeAt(at);
  const base = old >= 97 ? 97 : 65;
  const next = base + ((old - base + 1 + ((seed >>> 8) % 25)) % 26);
  return word.slice(0, at) + String.fromCharCode(next) + word.slice(at + 1);
}

/** The text of replica `replica` (>= 1): same length, about half of its rare words respelled. */
export function perturbText(text: string, replica: number, rare: ReadonlySet<string>): string {
  return text.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    if (!rare.has(lower)) return word;
    const seed = hash32(`${lower}~${replica}`);
    return seed & 1 ? respell(word, seed >>> 1) : word;
  });
}

export function replicaId(id: string, replica: number): string {
  return `${id}~r${replica}`;
}

/** A copy of the article as replica `replica`: new ids everywhere, perturbed text and title, same offsets. */
export function replicateArticle(article: Article, replica: number, rare: ReadonlySet<string>): Article {
  return {
    ...withId(article, replicaId(article.id, replica)),
    text: perturbText(article.text, replica, rare),
    title: article.title === null ? null : perturbText(article.title, replica, rare),
    source: `${article.source} (replica ${replica})`,
  };
}

/** The article under another id, its paragraph ids following (`${id}#p${n}`). */
export function withId(article: Article, id: string): Article {
  return { ...article, id, paragraphs: article.paragraphs.map((p) => ({ ...p, id: `${id}#p${p.n}` })) };
}

/**
 * Articles holding at least `target` indexed passages: a prefix of `articles` when they hold more, otherwise
 * the originals followed by as many replicas (in order) as needed. Stops at the first article that reaches it.
 */
export function replicateArticles(articles: readonly Article[], target: number): Article[] {
  if (!Number.isInteger(target) || target < 1) throw new RangeError(`target passages must be a positive integer, not ${target}`);
  const out: Article[] = [];
  let passages = 0;
  for (const a of articles) {
    if (passages >= target) return out;
    out.push(a);
    passages += indexedParagraphs(a).length;
  }
  if (passages >= target || passages === 0) return out;
  const rare = rareWords(articles);
  for (let replica = 1; ; replica++) {
    for (const a of articles) {
      if (passages >= target) return out;
      out.push(replicateArticle(a, replica, rare));
      passages += indexedParagraphs(a).length;
    }
  }
}
