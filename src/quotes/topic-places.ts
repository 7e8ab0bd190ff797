/**
 * Where a topic stands around the quotations, for `/quote <topic>`: which quotations are attributed in a sentence
 * holding a word (outside the quoted words), which stand in a paragraph holding it, and which articles hold it in
 * their title or lead (what they are about). A speaker's
 * query reads these from the speaker's few quotations (book.ts); a topic-only query would have to read every
 * article, so they are learnt once per state of the book, in time slices (statements/steps.ts), and looked up.
 * With them, every word the articles use: a topic word none uses is a misspelling (book.ts reads it so).
 */
import type { Article } from "../corpus/types.js";
import { normalizeTerm, tokenize } from "../text/analysis.js";
import type { Steps } from "../statements/steps.js";
import { quotationContext } from "./context.js";
import type { Quotation } from "./types.js";
import type { Vocabulary, WordLists } from "./word-lists.js";

export class TopicPlaces {
  /** Term -> positions (ascending) of the quotations whose attributing sentence holds it outside the quoted words. */
  private readonly inSentence: WordLists;
  /** Term -> positions (ascending) of the quotations whose paragraph holds it. */
  private readonly inParagraph: WordLists;
  /** Term -> positions (ascending) of the quotations whose article's title or lead holds it. */
  private readonly inArticle: WordLists;
  /** Every analysed word of the articles, titles included. */
  private readonly vocabulary: Vocabulary;

  /**
   * Reads the articles in the book's order: `quotations` lists each article's quotations, whose positions in
   * the book's table run on from one article to the next. Pauses after each article.
   */
  static *buildSteps(entries: Iterable<{ article: Article; quotations: readonly Quotation[] }>, leadOf: (article: Article) => Article["paragraphs"]): Steps<TopicPlaces> {
    const paragraphLists = new Map<string, number[]>();
    const articleLists = new Map<string, number[]>();
    const sentenceLists = new Map<string, number[]>();
    const push = (lists: Map<string, number[]>, term: string, position: number) => {
      const list = lists.get(term);
      if (!list) lists.set(term, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    };
    const vocabulary = new Set<string>();
    let position = 0;
    for (const { article, quotations } of entries) {
      for (const term of termsOf(`${article.title ?? ""}\n${article.text}`)) vocabulary.add(term);
      if (quotations.length > 0) {
        const lead = termsOf([article.title ?? "", ...leadOf(article).map((p) => article.text.slice(p.start, p.end))].join("\n"));
        const byParagraph = new Map<number, Set<string>>();
        for (const q of quotations) {
          let terms = byParagraph.get(q.paragraph);
          if (!terms) {
            const p = article.paragraphs.find((x) => x.n === q.paragraph);
            terms = p ? termsOf(article.text.slice(p.start, p.end)) : new Set();
            byParagraph.set(q.paragraph, terms);
          }
          for (const term of terms) push(paragraphLists, term, position);
          for (const term of attributingSentenceTerms(article, q, quotations)) push(sentenceLists, term, position);
          for (const term of lead) push(articleLists, term, position);
          position++;
        }
      }
      yield;
    }
    const inParagraph = new Map<string, Int32Array>();
    for (const [term, list] of paragraphLists) inParagraph.set(term, Int32Array.from(list));
    yield;
    const inArticle = new Map<string, Int32Array>();
    for (const [term, list] of articleLists) inArticle.set(term, Int32Array.from(list));
    yield;
    const inSentence = new Map<string, Int32Array>();
    for (const [term, list] of sentenceLists) inSentence.set(term, Int32Array.from(list));
    return new TopicPlaces({ vocabulary, inParagraph, inArticle, inSentence });
  }

  /** What was learnt, as saved (learnt-snapshot.ts) and restored. */
  static restored(parts: TopicPlacesParts): TopicPlaces {
    return new TopicPlaces(parts);
  }

  private constructor(parts: TopicPlacesParts) {
    this.vocabulary = parts.vocabulary;
    this.inParagraph = parts.inParagraph;
    this.inArticle = parts.inArticle;
    this.inSentence = parts.inSentence;
  }

  /** What a snapshot saves. */
  parts(): TopicPlacesParts {
    return { vocabulary: this.vocabulary, inParagraph: this.inParagraph, inArticle: this.inArticle, inSentence: this.inSentence };
  }

  /** Whether any article uses the word (a word the corpus uses is never read as a misspelling). */
  knows(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /** The positions of quotations whose attributing sentence holds every term outside the quoted words, ascending. */
  sentencesWithAll(terms: readonly string[]): Int32Array {
    return intersect(terms.map((t) => this.inSentence.get(t)));
  }

  /** The positions of quotations whose paragraph holds every term, ascending. */
  paragraphsWithAll(terms: readonly string[]): Int32Array {
    return intersect(terms.map((t) => this.inParagraph.get(t)));
  }

  /** The positions of quotations whose article's title or lead holds every term, ascending. */
  articlesWithAll(terms: readonly string[]): Int32Array {
    return intersect(terms.map((t) => this.inArticle.get(t)));
  }
}

export interface TopicPlacesParts {
  vocabulary: Vocabulary;
  inParagraph: WordLists;
  inArticle: WordLists;
  inSentence: WordLists;
}

/** The positions in every list (all ascending); none when a list is missing. */
function intersect(lists: ReadonlyArray<Int32Array | undefined>): Int32Array {
  if (lists.length === 0 || lists.some((l) => l === undefined)) return new Int32Array(0);
  const sorted = [...(lists as Int32Array[])].sort((a, b) => a.length - b.length);
  let result = sorted[0]!;
  for (const list of sorted.slice(1)) {
    const out: number[] = [];
    let j = 0;
    for (const position of result) {
      while (j < list.length && list[j]! < position) j++;
      if (j < list.length && list[j] === position) out.push(position);
    }
    result = Int32Array.from(out);
  }
  return result;
}

/**
 * The analysed words of the sentence attributing a quotation (context.ts), its own words left out: "He said his
 * Budget struck a balance “…”" is about the Budget. `neighbours` are the article's quotations.
 */
export function attributingSentenceTerms(article: Article, q: Quotation, neighbours: readonly Quotation[]): Set<string> {
  const { sentence } = quotationContext(article, q, neighbours);
  const start = Math.max(sentence.start, 0);
  const end = Math.min(sentence.end, article.text.length);
  return termsOf(`${article.text.slice(start, Math.max(start, q.start))}\n${article.text.slice(Math.min(end, q.end), end)}`);
}

/** The index terms of a text (as the topic index reads it). */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const t of tokenize(text)) {
    const term = normalizeTerm(t.term);
    if (term !== null) terms.add(term);
  }
  return terms;
}
