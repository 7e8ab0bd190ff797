/**
 * The passage index in bytes, for its snapshot: the postings stay packed (packed-postings.ts) and load as they
 * are saved, one slice of the file per term, unpacked only if a change touches the term (term-index.ts).
 *
 * Layout: a JSON description (`IndexLayout`: counts, the articles and terms in order, section sizes), then the
 * binary sections (src/index/snapshot-sections.ts: little-endian, each padded to 8 bytes, opened as views over the
 * file's bytes): per short id the article (Int32, -1 for none), the paragraph (Int32, 0 for the title) and the
 * field length (Uint32); then the terms' sections (`TermSections`: per term its document count and its byte
 * length, Uint32; the packed postings of every term, in order); then per article (by ordinal) its number of body
 * paragraphs (Uint32), so that an index opened from a snapshot never makes an article's paragraphs to count them
 * (a corpus from its own snapshot makes them on first use: a million objects at a million passages).
 */
import type { Article } from "../corpus/types.js";
import { DocTable } from "../index/doc-table.js";
import { packTerms } from "../index/packed-postings.js";
import { laidOut, restoreTermsSteps, SectionReader, termSectionsSteps } from "../index/snapshot-sections.js";
import { TermIndex } from "../index/term-index.js";
import { runToEnd, type Steps } from "../statements/steps.js";

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


/** An article's body paragraphs (the passages /sources counts). */
export function bodyParagraphCount(article: Article): number {
  let count = 0;
  for (const paragraph of article.paragraphs) if (paragraph.role === "body") count++;
  return count;
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
  const bodyCounts: number[] = [];
  const ordinal = new Map<Article, number>();
  for (let shortId = 0; shortId < nextId; shortId++) {
    if (lengths[shortId] === 0) continue;
    const article = docs.article(shortId);
    if (!article) throw new Error(`indexed document ${shortId} belongs to no article`);
    let n = ordinal.get(article);
    if (n === undefined) {
      n = articles.push(article.id) - 1;
      bodyCounts.push(bodyParagraphCount(article));
      ordinal.set(article, n);
    }
    docArticle[shortId] = n;
    docParagraph[shortId] = docs.paragraph(shortId);
    fieldLength[shortId] = lengths[shortId]!;
  }

  const terms = runToEnd(termSectionsSteps(index));
  const { parts: sections, sizes } = laidOut([docArticle, docParagraph, fieldLength, terms.counts, terms.byteLengths, terms.postings, Uint32Array.from(bodyCounts)]);
  const layout: IndexLayout = {
    documentCount: index.documentCount,
    nextId,
    averageFieldLength: [index.averageLength],
    fieldIds: { [field]: 0 },
    articles,
    terms: terms.terms,
    sections: sizes,
  };
  return { layout, sections };
}

export interface DecodedIndex {
  index: TermIndex;
  docs: DocTable;
  /** Index term -> number of documents holding it. */
  vocabulary: Map<string, number>;
  /** The articles' body paragraphs, in all. */
  bodyPassages: number;
}

/** An index as arrays: what a snapshot holds, and what index-builder.ts builds. */
export interface IndexParts {
  documentCount: number;
  nextId: number;
  averageFieldLength: number[];
  fieldIds: Record<string, number>;
  /** By ordinal. */
  articles: readonly Article[];
  /** By ordinal: the article's body paragraphs, when known (a snapshot's); else counted from the articles. */
  bodyCounts?: Uint32Array;
  /** By short id: the article's ordinal (-1 for none), the paragraph (0: title), the length in the field. */
  docArticle: Int32Array;
  docParagraph: Int32Array;
  fieldLength: Uint32Array;
  terms: readonly string[];
  /** By term: its number of documents, the byte length of its packed postings, and every term's postings in order. */
  counts: Uint32Array;
  byteLengths: Uint32Array;
  postings: Uint8Array;
}

/** Restores what `encodeIndex` saved. Throws on anything inconsistent (a damaged snapshot). */
export function decodeIndex(layout: IndexLayout, binary: Uint8Array, field: string, articles: ReadonlyMap<string, Article>): DecodedIndex {
  return runToEnd(decodeIndexSteps(layout, binary, field, articles));
}

/** `decodeIndex` as steps (statements/steps.ts) that pause every few thousand terms. */
export function* decodeIndexSteps(layout: IndexLayout, binary: Uint8Array, field: string, articles: ReadonlyMap<string, Article>): Steps<DecodedIndex> {
  checkLayout(layout);
  const { nextId } = layout;
  const termCount = layout.terms.length;
  // Views over the file's bytes (copied only where a section is not aligned): nothing per document or term.
  const sections = new SectionReader(binary, layout.sections);
  const docArticle = sections.int32s(0, nextId);
  const docParagraph = sections.int32s(1, nextId);
  const fieldLength = sections.uint32s(2, nextId);
  const counts = sections.uint32s(3, termCount);
  const byteLengths = sections.uint32s(4, termCount);
  const postings = sections.bytes(5);
  const bodyCounts = sections.uint32s(6, layout.articles.length);
  const byOrdinal = layout.articles.map((id) => {
    const article = articles.get(id);
    if (!article) throw new Error(`article ${id} is not in the corpus`);
    return article;
  });
  yield;
  return yield* restoreIndexSteps(
    { ...layout, articles: byOrdinal, docArticle, docParagraph, fieldLength, counts, byteLengths, postings, bodyCounts },
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
  const bodyCounts = parts.bodyCounts ?? Uint32Array.from(parts.articles, bodyParagraphCount);
  const docs = DocTable.fromArrays(parts.articles, docArticle, docParagraph, bodyCounts);
  for (let shortId = 0; shortId < nextId; shortId++) {
    if (docArticle[shortId]! >= 0 && fieldLength[shortId] === 0) throw new Error(`document ${shortId} has no length`);
  }
  if (docs.size !== parts.documentCount) throw new Error(`it holds ${docs.size} documents, expected ${parts.documentCount}`);
  // No entry per document but the doc table's and the lengths (0: no document); the arrays are the index's now.
  const lengths = fieldLength;
  for (let shortId = 0; shortId < nextId; shortId++) if (docArticle[shortId] === -1) lengths[shortId] = 0;
  const averageLength = parts.averageFieldLength[fieldId];
  if (averageLength === undefined) throw new Error("no average length");
  const index = new TermIndex({ documentCount: parts.documentCount, nextId, averageLength, lengths });

  yield;
  yield* restoreTermsSteps(index, parts);
  const vocabulary = new Map<string, number>();
  for (let i = 0; i < parts.terms.length; i++) {
    vocabulary.set(parts.terms[i]!, parts.counts[i]!);
    if (i % 16384 === 16383) yield;
  }
  let bodyPassages = 0;
  for (const count of bodyCounts) bodyPassages += count;
  return { index, docs, vocabulary, bodyPassages };
}

function checkLayout(layout: IndexLayout): void {
  const ok =
    layout !== null && typeof layout === "object" &&
    Number.isInteger(layout.documentCount) && Number.isInteger(layout.nextId) && layout.nextId >= 0 &&
    Array.isArray(layout.averageFieldLength) && typeof layout.fieldIds === "object" && layout.fieldIds !== null &&
    Array.isArray(layout.articles) && layout.articles.every((a) => typeof a === "string") &&
    Array.isArray(layout.terms) && layout.terms.every((t) => typeof t === "string") &&
    Array.isArray(layout.sections) && layout.sections.length === 7 && layout.sections.every((s) => Number.isInteger(s) && s >= 0);
  if (!ok) throw new Error("the index description is not valid");
}
