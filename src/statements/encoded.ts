/**
 * Statement grouping across threads, as numbers (src/workers/grouping.ts): the quotations go to the grouping
 * worker in chunks of typed arrays (a document by its ordinal in the list of articles grouped), and the grouping
 * comes back as typed arrays too (each rendering a document ordinal, offsets, flags; each statement a range of
 * renderings), with the term frequencies its weights are made of. The texts are never sent back: this thread
 * slices them from its own articles, and a checksum of each rendering's text tells whether the worker's copy of
 * the article was the same (a rendering never shows words the worker did not group).
 */
import type { Article } from "../corpus/types.js";
import type { Grouped, TermFrequencies } from "./group.js";
import { ShardedMap, stringShard } from "./sharded-map.js";
import { pacer, type Steps } from "./steps.js";
import type { Rendering, Statement } from "./types.js";
import type { GroupedQuotation } from "./units.js";

/** Quotations as numbers; `speaker` and `text` index into / parallel the strings. */
export interface QuotationChunk {
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  confidence: Float64Array;
  /** Index into `speakers`, or -1 (no speaker). */
  speaker: Int32Array;
  speakers: string[];
  text: string[];
}

const QUOTATION_KINDS = ["direct", "partial", "transcript"] as const;
const RENDERING_KINDS = [undefined, "direct", "partial", "transcript", "reported"] as const;

/** The chunk of `quotations` whose article is grouped (`ordinalOf` -1: not grouped, left out). */
export function encodeQuotations(quotations: readonly GroupedQuotation[], ordinalOf: (doc: string) => number): QuotationChunk {
  const kept: Array<{ q: GroupedQuotation; doc: number }> = [];
  for (const q of quotations) {
    const doc = ordinalOf(q.doc);
    if (doc >= 0) kept.push({ q, doc });
  }
  const n = kept.length;
  const chunk: QuotationChunk = {
    doc: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    kind: new Uint8Array(n),
    confidence: new Float64Array(n),
    speaker: new Int32Array(n),
    speakers: [],
    text: new Array<string>(n),
  };
  const speakerIds = new Map<string, number>();
  kept.forEach(({ q, doc }, i) => {
    chunk.doc[i] = doc;
    chunk.start[i] = q.start;
    chunk.end[i] = q.end;
    chunk.kind[i] = QUOTATION_KINDS.indexOf(q.kind);
    chunk.confidence[i] = q.confidence;
    chunk.text[i] = q.text;
    let speaker = -1;
    if (q.speaker !== null) {
      speaker = speakerIds.get(q.speaker) ?? chunk.speakers.push(q.speaker) - 1;
      speakerIds.set(q.speaker, speaker);
    }
    chunk.speaker[i] = speaker;
  });
  return chunk;
}

/** The chunk's quotations again (`idOf`: the article id of an ordinal). */
export function decodeQuotations(chunk: QuotationChunk, idOf: (ordinal: number) => string): GroupedQuotation[] {
  const out: GroupedQuotation[] = [];
  for (let i = 0; i < chunk.doc.length; i++) {
    const speaker = chunk.speaker[i]!;
    out.push({
      doc: idOf(chunk.doc[i]!),
      start: chunk.start[i]!,
      end: chunk.end[i]!,
      text: chunk.text[i]!,
      speaker: speaker < 0 ? null : chunk.speakers[speaker]!,
      kind: QUOTATION_KINDS[chunk.kind[i]!]!,
      confidence: chunk.confidence[i]!,
    });
  }
  return out;
}

/** A grouping as numbers. Renderings of statement i are [renderingEnd[i - 1] (or 0), renderingEnd[i]). */
export interface EncodedStatements {
  /** Per statement: index into `speakers`, or -1. */
  speaker: Int32Array;
  speakers: string[];
  wordings: Int32Array;
  renderingEnd: Int32Array;
  /** Per rendering. */
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
  paragraph: Int32Array;
  /** Bit 0: primary; bits 1 to 3: the kind (RENDERING_KINDS); bit 4: confidence given (NaN there: null). */
  flags: Uint8Array;
  confidence: Float64Array;
  /** The document ordinal a syndicated copy repeats, or -1. */
  copyOf: Int32Array;
  /** A checksum of the rendering's text, checked against this thread's article. */
  textHash: Int32Array;
  /** Duplicate groups: document ordinals, group i ending at duplicateEnd[i]. */
  duplicateDocs: Int32Array;
  duplicateEnd: Int32Array;
  /** The term frequencies: the terms joined by line breaks (terms hold none), their counts in order. */
  terms: string;
  frequency: Int32Array;
  documents: number;
}

const PRIMARY = 1;
const CONFIDENCE_GIVEN = 16;

/** 32-bit FNV-1a over the UTF-16 code units. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The grouping as numbers (worker side): `ordinalOf` numbers each document of the articles grouped. */
export function encodeStatements(grouped: Grouped, ordinalOf: (doc: string) => number): EncodedStatements {
  const { statements, duplicates, frequencies } = grouped;
  const renderings = statements.reduce((n, s) => n + s.renderings.length, 0);
  const ordinal = (doc: string): number => {
    const at = ordinalOf(doc);
    if (at < 0) throw new Error(`grouping: a rendering of an article not grouped (${doc})`);
    return at;
  };
  const speakerIds = new Map<string, number>();
  const out: EncodedStatements = {
    speaker: new Int32Array(statements.length),
    speakers: [],
    wordings: new Int32Array(statements.length),
    renderingEnd: new Int32Array(statements.length),
    doc: new Int32Array(renderings),
    start: new Int32Array(renderings),
    end: new Int32Array(renderings),
    paragraph: new Int32Array(renderings),
    flags: new Uint8Array(renderings),
    confidence: new Float64Array(renderings),
    copyOf: new Int32Array(renderings),
    textHash: new Int32Array(renderings),
    duplicateDocs: new Int32Array(duplicates.reduce((n, g) => n + g.length, 0)),
    duplicateEnd: new Int32Array(duplicates.length),
    terms: frequencies.terms.join("\n"),
    frequency: Int32Array.from(frequencies.terms, (t) => frequencies.df.get(t) ?? 0),
    documents: frequencies.documents,
  };
  let r = 0;
  statements.forEach((s, i) => {
    let speaker = -1;
    if (s.speaker !== null) {
      speaker = speakerIds.get(s.speaker) ?? out.speakers.push(s.speaker) - 1;
      speakerIds.set(s.speaker, speaker);
    }
    out.speaker[i] = speaker;
    out.wordings[i] = s.wordings;
    for (const rendering of s.renderings) {
      if (rendering.speaker !== s.speaker) throw new Error("grouping: a rendering's speaker is not its statement's");
      out.doc[r] = ordinal(rendering.doc);
      out.start[r] = rendering.start;
      out.end[r] = rendering.end;
      out.paragraph[r] = rendering.paragraph;
      const given = rendering.confidence !== undefined;
      out.flags[r] = (rendering.primary ? PRIMARY : 0) | (RENDERING_KINDS.indexOf(rendering.kind) << 1) | (given ? CONFIDENCE_GIVEN : 0);
      out.confidence[r] = rendering.confidence ?? NaN;
      out.copyOf[r] = rendering.copyOf === undefined ? -1 : ordinal(rendering.copyOf);
      out.textHash[r] = textHash(rendering.text);
      r++;
    }
    out.renderingEnd[i] = r;
  });
  let d = 0;
  duplicates.forEach((group, i) => {
    for (const doc of group) out.duplicateDocs[d++] = ordinal(doc);
    out.duplicateEnd[i] = d;
  });
  return out;
}

/** Thrown when a rendering's text here is not the text the worker grouped (its copy of the article differs). */
export class MirrorOutOfStep extends Error {}

/** Items handled between pauses in the light loops. */
const PACE = 1024;

/**
 * The grouping again from its numbers (this thread, in steps): each rendering's text sliced from `articleAt`'s
 * article, outlet taken from it. Throws `MirrorOutOfStep` when an article is missing or a text's checksum differs.
 */
export function* decodeStatements(encoded: EncodedStatements, articleAt: (ordinal: number) => Article | undefined): Steps<Grouped> {
  const article = (ordinal: number): Article => {
    const found = articleAt(ordinal);
    if (!found) throw new MirrorOutOfStep(`grouping: no article at ordinal ${ordinal}`);
    return found;
  };
  const pace = pacer(PACE);
  const statements: Statement[] = [];
  let r = 0;
  for (let i = 0; i < encoded.renderingEnd.length; i++) {
    const speakerAt = encoded.speaker[i]!;
    const speaker = speakerAt < 0 ? null : encoded.speakers[speakerAt]!;
    const renderings: Rendering[] = [];
    for (const end = encoded.renderingEnd[i]!; r < end; r++) {
      const a = article(encoded.doc[r]!);
      const start = encoded.start[r]!;
      const stop = encoded.end[r]!;
      const text = a.text.slice(start, stop);
      if (textHash(text) !== encoded.textHash[r]) throw new MirrorOutOfStep(`grouping: the worker's copy of ${a.id} differs`);
      const flags = encoded.flags[r]!;
      const kind = RENDERING_KINDS[(flags >> 1) & 7];
      const confidence = encoded.confidence[r]!;
      // The keys in the order group.ts makes them (a rendering compares equal as JSON).
      const rendering: Rendering = {
        doc: a.id,
        start,
        end: stop,
        text,
        outlet: a.outlet,
        speaker,
        primary: (flags & PRIMARY) !== 0,
        paragraph: encoded.paragraph[r]!,
      };
      if (kind !== undefined) rendering.kind = kind;
      if (flags & CONFIDENCE_GIVEN) rendering.confidence = Number.isNaN(confidence) ? null : confidence;
      const copyOf = encoded.copyOf[r]!;
      if (copyOf >= 0) rendering.copyOf = article(copyOf).id;
      renderings.push(rendering);
    }
    statements.push({ speaker, renderings, wordings: encoded.wordings[i]! });
    if (pace.tick()) yield;
  }
  const duplicates: string[][] = [];
  let d = 0;
  for (const end of encoded.duplicateEnd) {
    const group: string[] = [];
    for (; d < end; d++) group.push(article(encoded.duplicateDocs[d]!).id);
    duplicates.push(group);
    if (pace.tick()) yield;
  }
  return { statements, duplicates, frequencies: yield* frequencySteps(encoded) };
}

/** The term frequencies read back from the joined terms, a pause every thousand terms. */
function* frequencySteps(encoded: EncodedStatements): Steps<TermFrequencies> {
  const df = new ShardedMap<string, number>(stringShard);
  const terms: string[] = [];
  const pace = pacer(PACE);
  const joined = encoded.terms;
  for (let at = 0, i = 0; i < encoded.frequency.length; i++) {
    const next = joined.indexOf("\n", at);
    const term = joined.slice(at, next < 0 ? joined.length : next);
    at = next + 1;
    terms.push(term);
    df.set(term, encoded.frequency[i]!);
    if (pace.tick()) yield;
  }
  return { df, terms, documents: encoded.documents };
}
