/**
 * Lists of quotation positions by word, as the topic places keep them (topic-places.ts): built as Maps while
 * the articles are read, or read from the learnt snapshot (learnt-snapshot.ts) as typed arrays, one list made a
 * view only when a query asks for its word.
 */
import { pacer, runToEnd, type Steps } from "../statements/steps.js";

/** Words laid out between two pauses of `layOutListsSteps`. */
const WORDS_PER_STEP = 4096;

/** Every word the articles use (a Set<string> is one). */
export interface Vocabulary extends Iterable<string> {
  has(term: string): boolean;
}

/** Word -> ascending positions (a Map<string, Int32Array> is one). */
export interface WordLists {
  get(term: string): Int32Array | undefined;
  entries(): Iterable<[string, Int32Array]>;
}

/** A saved vocabulary: the words in a table, each known by its number there. */
export class SavedVocabulary implements Vocabulary {
  private constructor(
    readonly terms: readonly string[],
    private readonly numbers: Map<string, number>,
  ) {}

  static of(terms: readonly string[]): SavedVocabulary {
    return runToEnd(SavedVocabulary.steps(terms));
  }

  /** The vocabulary of `terms`, its table of numbers made a few thousand words a step (a million words at 1M passages). */
  static *steps(terms: readonly string[]): Steps<SavedVocabulary> {
    const numbers = new Map<string, number>();
    for (let i = 0; i < terms.length; i++) {
      numbers.set(terms[i]!, i);
      if (i % WORDS_PER_STEP === WORDS_PER_STEP - 1) yield;
    }
    if (numbers.size !== terms.length) throw new Error("a word is saved twice in the vocabulary");
    return new SavedVocabulary(terms, numbers);
  }

  has(term: string): boolean {
    return this.numbers.has(term);
  }

  numberOf(term: string): number | undefined {
    return this.numbers.get(term);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.terms[Symbol.iterator]();
  }
}

/** Lists saved one after another in the vocabulary's order: word i's list is `positions[starts[i]..starts[i+1]]`. */
export class SavedWordLists implements WordLists {
  constructor(
    private readonly vocabulary: SavedVocabulary,
    private readonly starts: Uint32Array,
    private readonly positions: Int32Array,
  ) {
    if (starts.length !== vocabulary.terms.length + 1 || starts[0] !== 0 || starts[starts.length - 1] !== positions.length) {
      throw new Error("the word lists do not match their vocabulary");
    }
    for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) throw new Error("the word lists are out of order");
  }

  get(term: string): Int32Array | undefined {
    const n = this.vocabulary.numberOf(term);
    if (n === undefined || this.starts[n] === this.starts[n + 1]) return undefined;
    return this.positions.subarray(this.starts[n], this.starts[n + 1]);
  }

  *entries(): Generator<[string, Int32Array]> {
    for (const term of this.vocabulary.terms) {
      const list = this.get(term);
      if (list) yield [term, list];
    }
  }
}

/**
 * The lists laid out for saving in the order of `terms` (which must hold every listed word): where each word's
 * list starts, and the positions one list after another.
 */
export function layOutLists(terms: readonly string[], lists: WordLists): { starts: Uint32Array; positions: Int32Array } {
  return runToEnd(layOutListsSteps(terms, lists));
}

/** `layOutLists` as steps that pause every few thousand words (statements/steps.ts). */
export function* layOutListsSteps(terms: readonly string[], lists: WordLists): Steps<{ starts: Uint32Array; positions: Int32Array }> {
  const starts = new Uint32Array(terms.length + 1);
  let total = 0;
  let listed = 0;
  const pace = pacer(WORDS_PER_STEP);
  for (const [, list] of lists.entries()) {
    total += list.length;
    if (list.length > 0) listed++;
    if (pace.tick()) yield;
  }
  const positions = new Int32Array(total);
  let at = 0;
  let found = 0;
  for (let i = 0; i < terms.length; i++) {
    const list = lists.get(terms[i]!);
    if (list && list.length > 0) {
      positions.set(list, at);
      at += list.length;
      found++;
    }
    starts[i + 1] = at;
    if (pace.tick()) yield;
  }
  if (found !== listed || at !== total) throw new Error("a listed word is not in the vocabulary");
  return { starts, positions };
}
