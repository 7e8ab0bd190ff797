/**
 * The quotations of a quotations snapshot (quotes.bin, snapshot-codec.ts) kept as the typed arrays it stores:
 * fields by position (QUOTATION_FIELDS a quotation), strings from the snapshot's table, and a quotation object
 * made only when one is asked for (shown, ranked by its text, or listed), then kept. Opening a snapshot so makes
 * no object and no id string per quotation: at a million passages, making them all (and the garbage they left)
 * was most of opening `quotes.bin`.
 *
 * Positions are the book's: articles in order, an article's quotations in order; position i is the topic index's
 * short id i (snapshot-codec.ts).
 */
import { hasStoredText } from "../corpus/snapshot.js";
import type { Article } from "../corpus/types.js";
import type { Hearsay, HearsayKind } from "./hearsay.js";
import { storedQuotation, textHash } from "./stored-quotation.js";
import type { Quotation, QuotationKind } from "./types.js";
import { pacer, type Steps } from "../statements/steps.js";

/** Quotations checked between two pauses of `QuotationStore.openSteps`. */
const QUOTATIONS_PER_STEP = 8192;

/**
 * By quotation: id (-1 for the usual `${doc}#q${index in the article}`, else a string number), start, end, hash of
 * the text, speaker, cue, mention (string numbers, -1 for null), kind, paragraph, evidence, hearsay kind (-1 for
 * none) and its words (a string number, -1 for none).
 */
export const QUOTATION_FIELDS = 12;
export const FIELD = { id: 0, start: 1, end: 2, hash: 3, speaker: 4, cue: 5, mention: 6, kind: 7, paragraph: 8, evidence: 9, hearsayKind: 10, hearsayWords: 11 } as const;
export const QUOTATION_KINDS: readonly QuotationKind[] = ["direct", "partial", "transcript"];
export const HEARSAY_KINDS: readonly HearsayKind[] = ["second-hand", "alleged", "denied"];

/** The id quoteArticle (article-quotes.ts) gives an article's quotation: not saved. */
export function usualId(doc: string, index: number): string {
  return `${doc}#q${index}`;
}

export class QuotationStore {
  readonly count: number;
  /** By article number: the position of its first quotation; one entry more, the end of the last. */
  readonly firstOfArticle: Uint32Array;
  /** By position: the article's number (in `articles`). */
  readonly articleOf: Int32Array;
  /** By position: the quotation with its article-local speaker, once made. */
  private readonly made: Array<Quotation | undefined>;
  /** Article id -> number, made on the first look-up by id. */
  private docNumbers: Map<string, number> | null = null;
  /** The ids saved as strings (not the usual one) -> position, made on the first look-up by id. */
  private savedIds: Map<string, number> | null = null;
  private madeSoFar = 0;

  /** Use `QuotationStore.openSteps`, which checks the fields. */
  private constructor(
    readonly articles: readonly Article[],
    quotationsPerArticle: Uint32Array,
    readonly fields: Int32Array,
    readonly confidence: Float64Array,
    readonly strings: readonly string[],
  ) {
    this.count = confidence.length;
    if (fields.length !== this.count * QUOTATION_FIELDS) throw new Error("the quotations' fields are not QUOTATION_FIELDS a quotation");
    if (quotationsPerArticle.length !== articles.length) throw new Error("the quotations by article are not one an article");
    this.firstOfArticle = new Uint32Array(articles.length + 1);
    this.articleOf = new Int32Array(this.count);
    let q = 0;
    for (let a = 0; a < articles.length; a++) {
      this.firstOfArticle[a] = q;
      const end = q + quotationsPerArticle[a]!;
      if (end > this.count) throw new Error("more quotations by article than in all");
      this.articleOf.fill(a, q, end);
      q = end;
    }
    this.firstOfArticle[articles.length] = q;
    if (q !== this.count) throw new Error("the counts by article do not add up");
    this.made = new Array<Quotation | undefined>(this.count);
  }

  /**
   * The store of a snapshot's sections, as steps (statements/steps.ts) pausing every few thousand quotations:
   * every field is checked (string numbers in the table, kinds, offsets; the text's hash for an article whose
   * text is in memory) without making an object, so that making a quotation later cannot fail but for a text
   * that no longer reads (an article from the corpus snapshot, checked when its text is read: stored-quotation.ts).
   */
  static *openSteps(
    articles: readonly Article[],
    quotationsPerArticle: Uint32Array,
    fields: Int32Array,
    confidence: Float64Array,
    strings: readonly string[],
  ): Steps<QuotationStore> {
    const store = new QuotationStore(articles, quotationsPerArticle, fields, confidence, strings);
    yield;
    yield* store.checkSteps();
    return store;
  }

  private *checkSteps(): Steps<void> {
    const pace = pacer(QUOTATIONS_PER_STEP);
    const { fields, strings } = this;
    const stringCount = strings.length;
    const isString = (i: number) => i >= 0 && i < stringCount;
    const optional = (i: number) => i === -1 || isString(i);
    for (let a = 0; a < this.articles.length; a++) {
      const article = this.articles[a]!;
      // An article from the corpus snapshot reads its text when shown: its quotations are checked then (stored-quotation.ts).
      const text = hasStoredText(article) ? null : article.text;
      for (let p = this.firstOfArticle[a]!; p < this.firstOfArticle[a + 1]!; p++) {
        if (pace.tick()) yield;
        const base = p * QUOTATION_FIELDS;
        const start = fields[base + FIELD.start]!;
        const end = fields[base + FIELD.end]!;
        // Never show a quotation whose offsets do not read exactly the text extracted, in the article as loaded now.
        if (!(start >= 0 && start <= end) || (text !== null && (end > text.length || textHash(text, start, end) !== fields[base + FIELD.hash]))) {
          throw new Error(`quotation ${p} of ${article.id} does not read its article`);
        }
        const kind = fields[base + FIELD.kind]!;
        const hearsayKind = fields[base + FIELD.hearsayKind]!;
        const hearsayWords = fields[base + FIELD.hearsayWords]!;
        const ok =
          optional(fields[base + FIELD.id]!) && optional(fields[base + FIELD.speaker]!) && optional(fields[base + FIELD.cue]!) &&
          optional(fields[base + FIELD.mention]!) && isString(fields[base + FIELD.evidence]!) && kind >= 0 && kind < QUOTATION_KINDS.length &&
          ((hearsayKind === -1 && hearsayWords === -1) || (hearsayKind >= 0 && hearsayKind < HEARSAY_KINDS.length && isString(hearsayWords)));
        if (!ok) throw new Error(`quotation ${p} of ${article.id} is not valid`);
      }
    }
  }

  /** How many quotation objects were made so far (the rest are only in the sections). */
  get madeCount(): number {
    return this.madeSoFar;
  }

  /** The quotation at `position`, with its article-local speaker (the same object every time). */
  quotation(position: number): Quotation {
    return (this.made[position] ??= this.make(position));
  }

  /** The article's quotations (article-local speakers), in order. */
  quotationsOf(article: number): Quotation[] {
    const out: Quotation[] = [];
    for (let p = this.firstOfArticle[article]!; p < this.firstOfArticle[article + 1]!; p++) out.push(this.quotation(p));
    return out;
  }

  /** The number in `strings` of the quotation's article-local speaker, -1 for none. */
  speakerString(position: number): number {
    return this.fields[position * QUOTATION_FIELDS + FIELD.speaker]!;
  }

  kind(position: number): QuotationKind {
    return QUOTATION_KINDS[this.fields[position * QUOTATION_FIELDS + FIELD.kind]!]!;
  }

  idOf(position: number): string {
    const saved = this.fields[position * QUOTATION_FIELDS + FIELD.id]!;
    if (saved !== -1) return this.strings[saved]!;
    const article = this.articleOf[position]!;
    return usualId(this.articles[article]!.id, position - this.firstOfArticle[article]!);
  }

  /** The position of the quotation with this id, or -1. */
  positionOf(id: string): number {
    const docNumbers = this.docNumbersMap();
    this.savedIds ??= this.idsSaved();
    const saved = this.savedIds.get(id);
    if (saved !== undefined) return saved;
    const at = id.lastIndexOf("#q");
    if (at < 0) return -1;
    const article = docNumbers.get(id.slice(0, at));
    const k = Number(id.slice(at + 2));
    if (article === undefined || !Number.isInteger(k) || String(k) !== id.slice(at + 2)) return -1;
    const position = this.firstOfArticle[article]! + k;
    if (position >= this.firstOfArticle[article + 1]! || this.fields[position * QUOTATION_FIELDS + FIELD.id] !== -1) return -1;
    return position;
  }

  private docNumbersMap(): Map<string, number> {
    return (this.docNumbers ??= new Map(this.articles.map((a, i) => [a.id, i])));
  }

  /** The ids saved as strings; throws when one is given twice or is another quotation's usual id. */
  idsSaved(): Map<string, number> {
    const saved = new Map<string, number>();
    for (let p = 0; p < this.count; p++) {
      const n = this.fields[p * QUOTATION_FIELDS + FIELD.id]!;
      if (n === -1) continue;
      const id = this.strings[n]!;
      if (saved.has(id)) throw new Error(`quotation id ${id} is given twice`);
      saved.set(id, p);
    }
    if (saved.size > 0) {
      const docs = this.docNumbersMap();
      for (const id of saved.keys()) {
        const at = id.lastIndexOf("#q");
        const article = at < 0 ? undefined : docs.get(id.slice(0, at));
        const k = Number(id.slice(at + 2));
        if (article === undefined || !Number.isInteger(k) || String(k) !== id.slice(at + 2)) continue;
        const position = this.firstOfArticle[article]! + k;
        if (position < this.firstOfArticle[article + 1]! && this.fields[position * QUOTATION_FIELDS + FIELD.id] === -1) {
          throw new Error(`quotation id ${id} is given twice`);
        }
      }
    }
    return saved;
  }

  private make(position: number): Quotation {
    this.madeSoFar++;
    const { fields, strings } = this;
    const base = position * QUOTATION_FIELDS;
    const article = this.articles[this.articleOf[position]!]!;
    const optional = (i: number): string | null => (i === -1 ? null : strings[i]!);
    const hearsayKind = fields[base + FIELD.hearsayKind]!;
    const hearsay: Hearsay | null = hearsayKind === -1 ? null : { kind: HEARSAY_KINDS[hearsayKind]!, words: strings[fields[base + FIELD.hearsayWords]!]! };
    const start = fields[base + FIELD.start]!;
    const end = fields[base + FIELD.end]!;
    const stored = hasStoredText(article);
    const quotation: Quotation = {
      id: this.idOf(position),
      doc: article.id,
      start,
      end,
      text: stored ? "" : article.text.slice(start, end),
      speaker: optional(fields[base + FIELD.speaker]!),
      kind: QUOTATION_KINDS[fields[base + FIELD.kind]!]!,
      cue: optional(fields[base + FIELD.cue]!),
      mention: optional(fields[base + FIELD.mention]!),
      confidence: this.confidence[position]!,
      paragraph: fields[base + FIELD.paragraph]!,
      evidence: strings[fields[base + FIELD.evidence]!]!,
      hearsay,
    };
    return stored ? storedQuotation(quotation, article, fields[base + FIELD.hash]!) : quotation;
  }
}

/**
 * A read-only list of `length` items made by `make(i)` when item i is first read (then kept), for code that
 * reads a list by index (`list[i]`, `length`, iteration, `map`): a Proxy over a holey array. Not for a worker
 * thread (a Proxy cannot be cloned): copy it into an array first (`Array.from`).
 */
export function lazyList<T>(length: number, make: (i: number) => T): readonly T[] {
  const target = new Array<T | undefined>(length);
  return new Proxy(target, {
    get(items, key, receiver) {
      if (typeof key === "string") {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const i = Number(key);
          if (i < length && Number.isInteger(i)) return (items[i] ??= make(i));
        }
      }
      return Reflect.get(items, key, receiver) as unknown;
    },
    getOwnPropertyDescriptor(items, key) {
      if (typeof key === "string") {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && i < length) {
          items[i] ??= make(i);
        }
      }
      return Reflect.getOwnPropertyDescriptor(items, key);
    },
    ownKeys(items) {
      // Every key asked for (a deep comparison, `Object.keys`): every item made.
      for (let i = 0; i < length; i++) items[i] ??= make(i);
      return Reflect.ownKeys(items);
    },
    has(items, key) {
      if (typeof key === "string") {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && i < length) return true;
      }
      return Reflect.has(items, key);
    },
    set() {
      throw new TypeError("a lazy list is read-only");
    },
  }) as readonly T[];
}
