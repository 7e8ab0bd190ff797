/**
 * Quotations restored from the quotations snapshot (snapshot-codec.ts) whose articles read their texts when shown.
 */
import type { Article } from "../corpus/types.js";
import type { Quotation } from "./types.js";

/**
 * A quotation restored from the snapshot whose article reads its text when shown (corpus/snapshot.ts): `text` is
 * an own enumerable accessor (a spread or a worker's copy reads it like a value), checked against the hash saved,
 * so that a span that does not read the words extracted is never shown (an error instead). The article's texts
 * are not kept here: they are cached where they are read.
 *
 * A class, its accessor defined with one shared descriptor and its article and hash in private fields, because
 * a getter closure defined on each object (as before) turned every quotation into a slow dictionary object and
 * cost ten to twenty times a plain object's making (the longest part of opening a million quotations); these
 * share one shape, and their fields keep a quotation's usual order.
 */
class StoredQuotation {
  readonly #article: Article;
  readonly #hash: number;

  static readonly #text: PropertyDescriptor = {
    get(this: StoredQuotation): string {
      return this.#read();
    },
    enumerable: true,
    configurable: true,
  };

  constructor(fields: Quotation, article: Article, hash: number) {
    this.#article = article;
    this.#hash = hash;
    const self = this as unknown as Record<string, unknown>;
    self.id = fields.id;
    self.doc = fields.doc;
    self.start = fields.start;
    self.end = fields.end;
    Object.defineProperty(this, "text", StoredQuotation.#text);
    self.speaker = fields.speaker;
    self.kind = fields.kind;
    self.cue = fields.cue;
    self.mention = fields.mention;
    self.confidence = fields.confidence;
    self.paragraph = fields.paragraph;
    self.evidence = fields.evidence;
    self.hearsay = fields.hearsay;
  }

  withSpeaker(speaker: string | null): Quotation {
    const q = this as unknown as Quotation;
    const fields: Quotation = {
      id: q.id,
      doc: q.doc,
      start: q.start,
      end: q.end,
      text: "",
      speaker,
      kind: q.kind,
      cue: q.cue,
      mention: q.mention,
      confidence: q.confidence,
      paragraph: q.paragraph,
      evidence: q.evidence,
      hearsay: q.hearsay,
    };
    return storedQuotation(fields, this.#article, this.#hash);
  }

  #read(): string {
    const { id, start, end } = this as unknown as Quotation;
    const text = this.#article.text;
    if (end > text.length || textHash(text, start, end) !== this.#hash) {
      throw new Error(`quotation ${id} does not read its article (the quotations snapshot does not match the corpus snapshot)`);
    }
    return text.slice(start, end);
  }
}

/** `fields` (their text left aside) as a quotation reading its text from `article` when shown. */
export function storedQuotation(fields: Quotation, article: Article, hash: number): Quotation {
  return new StoredQuotation(fields, article, hash) as unknown as Quotation;
}

/**
 * The quotation under another speaker's name, its text not read: a stored quotation stays one (a spread would
 * read every article's text at the first /quote), another is copied.
 */
export function withSpeaker(q: Quotation, speaker: string | null): Quotation {
  if (q instanceof StoredQuotation) return q.withSpeaker(speaker);
  return { ...q, speaker };
}


/** 32-bit FNV-1a of a stretch of text (UTF-16 code units): cheap, and a shifted or changed span changes it. */
export function textHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
