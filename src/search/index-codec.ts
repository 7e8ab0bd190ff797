/**
 * The passage index in bytes, for its snapshot: the postings stay packed (packed-postings.ts) and load as they
 * are saved, one slice of the file per term, unpacked only if a change touches the term (term-index.ts).
 *
 * Layout: a JSON description (`IndexLayout`: counts, the articles and terms in order, section sizes), then the
 * binary sections, little-endian: per short id the article (Int32, -1 for none), the paragraph (Int32, 0 for the
 * title) and the field length (Uint32); per term its document count and its byte length (Uint32); then the
 * packed postings of every term, in order.
 */
import type { Article } from "../corpus/types.js";
import { DocTable } from "../index/doc-table.js";
import { bytesOf, concat, int32s, uint32s } from "../index/bytes.js";
import { PackedDocMap, packTerms } from "../index/packed-postings.js";
import { TermIndex } from "../index/term-index.js";
import { runToEnd, type Steps } from "../statements/steps.js";

/** Terms restored between two pauses of `restoreIndexSteps` (a few milliseconds). */
const TERMS_PER_STEP = 4096;

export interface IndexLayout {
  documentCount: number;
  nextId: number;
  averageFieldLength: number[];
  fieldIds: Record<string, number>;
  articles: string[];
  terms: string[];
  /** Byte length of each binary section, in order. */
  sections: number[];
}


export function encodeIndex(index: TermIndex, field: string, docs: DocTable): { layout: IndexLayout; sections: Uint8Array[] } {
  // Packed terms hold live documents only: nothing discarded is saved.
  packTerms(index);
  const nextId = index.nextId;
  const lengths = index.documentLengths();
  const docArticle = new Int32Array(nextId).fill(-1);
  const docParagraph = new Int32Array(nextId);
  const fieldLength = new Uint32Array(nextId);
  const articles: string[] = [];
  const ordinal = new Map<Article, number>();
  for (let shortId = 0; shortId < nextId; shortId++) {
    if (lengths[shortId] === 0) continue;
    const article = docs.article(shortId);
    if (!article) throw new Error(`indexed document ${shortId} belongs to no article`);
    let n = ordinal.get(article);
    if (n === undefined) {
      n = articles.push(article.id) - 1;
      ordinal.set(article, n);
    }
    docArticle[shortId] = n;
    docParagraph[shortId] = docs.paragraph(shortId);
    fieldLength[shortId] = lengths[shortId]!;
  }

  const terms: string[] = [];
  const counts: number[] = [];
  const byteLengths: number[] = [];
  const postings: Uint8Array[] = [];
  for (const [term, packed] of index.terms) {
    if (!(packed instanceof PackedDocMap) || !packed.bytes) throw new Error(`the postings of “${term}” are not packed`);
    terms.push(term);
    counts.push(packed.size);
    byteLengths.push(packed.bytes.length);
    postings.push(packed.bytes);
  }
  const sections = [
    bytesOf(docArticle),
    bytesOf(docParagraph),
    bytesOf(fieldLength),
    bytesOf(Uint32Array.from(counts)),
    bytesOf(Uint32Array.from(byteLengths)),
    concat(postings),
  ];
  const layout: IndexLayout = {
    documentCount: index.documentCount,
    nextId,
    averageFieldLength: [index.averageLength],
    fieldIds: { [field]: 0 },
    articles,
    terms,
    sections: sections.map((s) => s.length),
  };
  return { layout, sections };
}

export interface DecodedIndex {
  index: TermIndex;
  docs: DocTable;
  /** Index term -> number of documents holding it. */
  vocabulary: Map<string, number>;
}

/** An index as arrays: what a snapshot holds, and what index-builder.ts builds. */
export interface IndexParts {
  documentCount: number;
  nextId: number;
  averageFieldLength: number[];
  fieldIds: Record<string, number>;
  /** By ordinal. */
  articles: readonly Article[];
  /** By short id: the article's ordinal (-1 for none), the paragraph (0: title), the length in the field. */
  docArticle: Int32Array;
  docParagraph: Int32Array;
  fieldLength: Uint32Array;
  terms: readonly string[];
  /** By term: its number of documents and its packed postings. */
  counts: ArrayLike<number>;
  postings: (term: number) => Uint8Array;
}

/** Restores what `encodeIndex` saved. Throws on anything inconsistent (a damaged snapshot). */
export function decodeIndex(layout: IndexLayout, binary: Uint8Array, field: string, articles: ReadonlyMap<string, Article>): DecodedIndex {
  return runToEnd(decodeIndexSteps(layout, binary, field, articles));
}

/** `decodeIndex` as steps (statements/steps.ts) that pause every few thousand terms. */
export function* decodeIndexSteps(layout: IndexLayout, binary: Uint8Array, field: string, articles: ReadonlyMap<string, Article>): Steps<DecodedIndex> {
  checkLayout(layout);
  if (layout.sections.reduce((a, b) => a + b, 0) !== binary.length) throw new Error("the binary part has the wrong size");
  const { nextId } = layout;
  const termCount = layout.terms.length;
  const expected = [nextId * 4, nextId * 4, nextId * 4, termCount * 4, termCount * 4];
  if (expected.some((size, i) => layout.sections[i] !== size)) throw new Error("a section has the wrong size");
  let at = 0;
  const take = (size: number) => binary.subarray(at, (at += size));
  const docArticle = int32s(take(nextId * 4));
  const docParagraph = int32s(take(nextId * 4));
  const fieldLength = uint32s(take(nextId * 4));
  const counts = uint32s(take(termCount * 4));
  const byteLengths = uint32s(take(termCount * 4));
  const postings = take(layout.sections[5]!);
  const starts = new Float64Array(termCount + 1);
  for (let i = 0; i < termCount; i++) starts[i + 1] = starts[i]! + byteLengths[i]!;
  if (starts[termCount] !== postings.length) throw new Error("the postings have the wrong size");
  const byOrdinal = layout.articles.map((id) => {
    const article = articles.get(id);
    if (!article) throw new Error(`article ${id} is not in the corpus`);
    return article;
  });
  yield;
  return yield* restoreIndexSteps(
    { ...layout, articles: byOrdinal, docArticle, docParagraph, fieldLength, counts, postings: (i) => postings.subarray(starts[i], starts[i + 1]) },
    field,
  );
}

/** A term index (with packed postings) and its doc table, from arrays. Throws on anything inconsistent. */
export function restoreIndex(parts: IndexParts, field: string): DecodedIndex {
  return runToEnd(restoreIndexSteps(parts, field));
}

/** `restoreIndex` as steps: the terms (most of the work: the term tree) a few thousand at a time. */
export function* restoreIndexSteps(parts: IndexParts, field: string): Steps<DecodedIndex> {
  const { nextId, docArticle, docParagraph, fieldLength } = parts;
  if (docArticle.length !== nextId || docParagraph.length !== nextId || fieldLength.length !== nextId) throw new Error("the documents' arrays have the wrong size");
  const fieldId = parts.fieldIds[field];
  if (fieldId === undefined) throw new Error(`no field ${field}`);
  if (fieldId !== 0 || Object.keys(parts.fieldIds).length !== 1) throw new Error("the index must have one field");
  const docs = DocTable.fromArrays(parts.articles, docArticle, docParagraph);
  for (let shortId = 0; shortId < nextId; shortId++) {
    if (docArticle[shortId]! >= 0 && fieldLength[shortId] === 0) throw new Error(`document ${shortId} has no length`);
  }
  if (docs.size !== parts.documentCount) throw new Error(`it holds ${docs.size} documents, expected ${parts.documentCount}`);
  // No entry per document but the doc table's and the lengths (0: no document).
  const lengths = fieldLength.slice();
  for (let shortId = 0; shortId < nextId; shortId++) if (docArticle[shortId] === -1) lengths[shortId] = 0;
  const averageLength = parts.averageFieldLength[fieldId];
  if (averageLength === undefined) throw new Error("no average length");
  const index = new TermIndex({ documentCount: parts.documentCount, nextId, averageLength, lengths });

  const vocabulary = new Map<string, number>();
  yield;
  for (let i = 0; i < parts.terms.length; i++) {
    const term = parts.terms[i]!;
    const count = parts.counts[i]!;
    const bytes = parts.postings(i);
    if (count === 0 || bytes.length < count * 2) throw new Error(`the postings of “${term}” are damaged`);
    index.terms.set(term, new PackedDocMap(bytes, count));
    vocabulary.set(term, count);
    if (i % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
  }
  return { index, docs, vocabulary };
}

function checkLayout(layout: IndexLayout): void {
  const ok =
    layout !== null && typeof layout === "object" &&
    Number.isInteger(layout.documentCount) && Number.isInteger(layout.nextId) && layout.nextId >= 0 &&
    Array.isArray(layout.averageFieldLength) && typeof layout.fieldIds === "object" && layout.fieldIds !== null &&
    Array.isArray(layout.articles) && layout.articles.every((a) => typeof a === "string") &&
    Array.isArray(layout.terms) && layout.terms.every((t) => typeof t === "string") &&
    Array.isArray(layout.sections) && layout.sections.length === 6 && layout.sections.every((s) => Number.isInteger(s) && s >= 0);
  if (!ok) throw new Error("the index description is not valid");
}
