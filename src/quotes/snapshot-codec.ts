/**
 * The quote book in bytes, for its snapshot (snapshot.ts). Parsing a JSON file of every quotation with its text,
 * checking it record by record, then indexing every quotation again took most of a restart's first /quote; here:
 *  - a quotation's text is not saved: it is `article.text.slice(start, end)` of the article as loaded now, and a
 *    32-bit hash of the text saved beside the offsets catches a span that no longer reads the words extracted;
 *  - strings (speakers, cues, mentions, evidence, names) are saved once, in a table, and referred to by number; a
 *    quotation id is saved only when it is not the usual `${doc}#q${index in the article}`;
 *  - the topic index is saved as its packed postings (src/index/packed-postings.ts), loaded as they are
 *    and unpacked only for a term a live change touches, so that no quotation is indexed again;
 *  - so is the state derived from the quotations (book.ts `DerivedState`: the speakers, each quotation's and each
 *    named person's canonical speaker, which quotations repeat another): what a fresh book would rebuild from the
 *    same quotations (the snapshot's fingerprint holds the code's hash), used until the first live change;
 *  - the people each article names (over a million at a million passages) are checked when loaded but made into
 *    objects only when asked for (a registry rebuilt after a live change, or the book saved again).
 *
 * Layout: a JSON description (`QuoteLayout`), then binary sections in the order of `SECTIONS`, written and opened
 * by the shared codec (src/index/snapshot-sections.ts: little-endian, padded to 8 bytes, opened as views over the
 * file's bytes; the topic index's terms as `TermSections`, as the passage index's).
 * Short ids are positions: the quotation at position i (articles in order, an article's quotations in order) is
 * the topic index's document i, as in a book built fresh from the same articles, so that ties rank as they do there.
 */
import type { Article } from "../corpus/types.js";
import { laidOut, SectionReader, termSectionsSteps } from "../index/snapshot-sections.js";
import type { ArticleQuotes, NamedInArticle } from "./types.js";
import type { DerivedState } from "./book.js";
import { indexedRegistrySteps } from "./speaker-lookup.js";
import { topicIndexSteps, type TopicIndex } from "./topic-index.js";
import { textHash } from "./stored-quotation.js";
import { HEARSAY_KINDS, QUOTATION_FIELDS, QUOTATION_KINDS, QuotationStore, usualId } from "./quotation-store.js";
import type { Quotation, Speaker } from "./types.js";
import { pacer, runToEnd, type Steps } from "../statements/steps.js";

export interface QuoteLayout {
  /** Article ids, in the book's order. */
  articles: string[];
  quotations: number;
  named: number;
  strings: string[];
  terms: string[];
  averageFieldLength: number;
  /** The registry's speakers, in order: name, aliases, kind, gender, number of quotations, a role's organisation. */
  speakers: Array<[string, string[], Speaker["kind"], Speaker["gender"], number, string | null]>;
  /** Byte length of each binary section, in the order of `SECTIONS`. */
  sections: number[];
}

/** The binary sections, in order. */
const SECTIONS = [
  "quotationsPerArticle", // Uint32 by article
  "quotationFields", // Int32, QUOTATION_FIELDS by quotation
  "confidence", // Float64 by quotation
  "namedPerArticle", // Uint32 by article
  "namedFields", // Int32, NAMED_FIELDS by named
  "forms", // Int32: string numbers of every named's forms, then titled forms
  "fieldLength", // Uint32 by quotation (short id)
  "termCounts", // Uint32 by term: documents holding it
  "termBytes", // Uint32 by term: bytes of its packed postings
  "postings", // bytes
  "namedSpeaker", // Int32 by named: its canonical speaker (index in `speakers`), -1 for none
  "speakerOf", // Int32 by quotation: its canonical speaker, -1 for none
  "repeatFlags", // Uint8 by quotation
  "copyGroups", // Int32 by quotation: its group of wire copies (repeats.ts), -1 for none
] as const;

/** By quotation: QUOTATION_FIELDS numbers (quotation-store.ts says which). */
/**
 * By named: name, kind, gender (-1 null, 0 male, 1 female), sure, number of forms, number of titled forms, a role's
 * organisation (string number, -1 for none).
 */
const NAMED_FIELDS = 7;
/** Articles encoded between two pauses of `encodeQuotesSteps`. */
const ENTRIES_PER_STEP = 512;
/** Named people checked between two pauses of the decoding. */
const NAMED_PER_STEP = 65536;
const KINDS = QUOTATION_KINDS;
const NAMED_KINDS: ReadonlyArray<NamedInArticle["kind"]> = ["person", "organisation", "role"];
const GENDERS: ReadonlyArray<"male" | "female"> = ["male", "female"];

export interface SavedEntry {
  article: Article;
  extracted: ArticleQuotes;
}

export interface EncodedQuotes {
  layout: QuoteLayout;
  /** The file's own bytes (nothing shared with the book): they may be moved to a worker thread. */
  sections: Uint8Array[];
}

/**
 * The layout and sections of a book's entries and its topic index. The index must number the quotations by
 * position (a book built from its articles and not changed since); `freshIndex` builds one otherwise.
 */
export function encodeQuotes(
  entries: readonly SavedEntry[],
  index: TopicIndex,
  freshIndex: () => TopicIndex,
  state: DerivedState,
): EncodedQuotes {
  return runToEnd(encodeQuotesSteps(entries, index, freshIndex, state));
}

/**
 * `encodeQuotes` as steps (statements/steps.ts) that pause every few hundred articles or terms, for a running bot
 * to encode in time slices. The caller must not change the book before the last step (snapshot.ts checks).
 */
export function* encodeQuotesSteps(
  entries: readonly SavedEntry[],
  index: TopicIndex,
  freshIndex: () => TopicIndex,
  state: DerivedState,
): Steps<EncodedQuotes> {
  const { registry } = state;
  const speakerNumbers = new Map(registry.speakers.map((speaker, i) => [speaker, i]));
  const strings: string[] = [];
  const numbers = new Map<string, number>();
  const intern = (s: string | null): number => {
    if (s === null) return -1;
    let n = numbers.get(s);
    if (n === undefined) {
      n = strings.push(s) - 1;
      numbers.set(s, n);
    }
    return n;
  };
  const quotationCount = entries.reduce((n, e) => n + e.extracted.quotations.length, 0);
  const namedCount = entries.reduce((n, e) => n + e.extracted.named.length, 0);
  const quotationsPerArticle = new Uint32Array(entries.length);
  const quotationFields = new Int32Array(quotationCount * QUOTATION_FIELDS);
  const confidence = new Float64Array(quotationCount);
  const namedPerArticle = new Uint32Array(entries.length);
  const namedFields = new Int32Array(namedCount * NAMED_FIELDS);
  const forms: number[] = [];
  const namedSpeaker = new Int32Array(namedCount);
  let q = 0;
  let n = 0;
  const ids: string[] = [];
  const pace = pacer(ENTRIES_PER_STEP);
  for (let a = 0; a < entries.length; a++) {
    const { article, extracted } = entries[a]!;
    if (pace.tick()) yield;
    quotationsPerArticle[a] = extracted.quotations.length;
    for (const [k, quotation] of extracted.quotations.entries()) {
      if (quotation.doc !== article.id || article.text.slice(quotation.start, quotation.end) !== quotation.text) {
        throw new Error(`quotation ${quotation.id} does not read its article`);
      }
      const at = q * QUOTATION_FIELDS;
      quotationFields[at] = quotation.id === usualId(article.id, k) ? -1 : intern(quotation.id);
      quotationFields[at + 1] = quotation.start;
      quotationFields[at + 2] = quotation.end;
      quotationFields[at + 3] = textHash(article.text, quotation.start, quotation.end);
      quotationFields[at + 4] = intern(quotation.speaker);
      quotationFields[at + 5] = intern(quotation.cue);
      quotationFields[at + 6] = intern(quotation.mention);
      quotationFields[at + 7] = KINDS.indexOf(quotation.kind);
      quotationFields[at + 8] = quotation.paragraph;
      quotationFields[at + 9] = intern(quotation.evidence);
      quotationFields[at + 10] = quotation.hearsay ? HEARSAY_KINDS.indexOf(quotation.hearsay.kind) : -1;
      quotationFields[at + 11] = intern(quotation.hearsay?.words ?? null);
      confidence[q] = quotation.confidence;
      ids.push(quotation.id);
      q++;
    }
    namedPerArticle[a] = extracted.named.length;
    for (const named of extracted.named) {
      const at = n * NAMED_FIELDS;
      namedFields[at] = intern(named.name);
      namedFields[at + 1] = NAMED_KINDS.indexOf(named.kind);
      namedFields[at + 2] = named.gender === null ? -1 : GENDERS.indexOf(named.gender);
      namedFields[at + 3] = named.sure ? 1 : 0;
      namedFields[at + 4] = named.forms.length;
      namedFields[at + 5] = named.titled.length;
      namedFields[at + 6] = intern(named.organisation ?? null);
      for (const form of named.forms) forms.push(intern(form));
      for (const form of named.titled) forms.push(intern(form));
      const canonical = registry.canonical(article.id, named.name);
      namedSpeaker[n] = canonical ? speakerNumbers.get(canonical)! : -1;
      n++;
    }
  }

  const topic = index.numbersByPosition(ids) ? index : freshIndex();
  if (!topic.numbersByPosition(ids)) throw new Error("the quote index does not number the quotations by position");
  const fieldLength = topic.index.documentLengths().slice(0, quotationCount);
  yield;
  const terms = yield* termSectionsSteps(topic.index);
  const { parts: sections, sizes } = laidOut([
    quotationsPerArticle,
    quotationFields,
    confidence,
    namedPerArticle,
    namedFields,
    Int32Array.from(forms),
    fieldLength,
    terms.counts,
    terms.byteLengths,
    terms.postings,
    namedSpeaker,
    // Copies: the book keeps using its own arrays, and the sections may be moved to a worker thread.
    state.speakerOf.slice(),
    state.repeatFlags.slice(),
    state.copyGroups.slice(),
  ]);
  if (state.speakerOf.length !== quotationCount || state.repeatFlags.length !== quotationCount || state.copyGroups.length !== quotationCount) throw new Error("the derived state is not that of these quotations");
  const layout: QuoteLayout = {
    articles: entries.map((e) => e.article.id),
    quotations: quotationCount,
    named: namedCount,
    strings,
    terms: terms.terms,
    averageFieldLength: topic.index.averageLength,
    speakers: registry.speakers.map((s) => [s.name, s.aliases, s.kind, s.gender, s.quotes, s.organisation ?? null]),
    sections: sizes,
  };
  return { layout, sections };
}

export interface DecodedQuotes {
  entries: SavedEntry[];
  index: TopicIndex;
  state: DerivedState;
}

/**
 * Restores what `encodeQuotes` saved, over the articles as loaded now (in the same order). Throws on anything
 * inconsistent: a damaged file, another corpus, or a quotation whose offsets no longer read the text extracted.
 */
export function decodeQuotes(layout: QuoteLayout, binary: Uint8Array, articles: readonly Article[]): DecodedQuotes {
  return runToEnd(decodeQuotesSteps(layout, binary, articles));
}

/** `decodeQuotes` as steps (statements/steps.ts) that pause every few hundred articles, names or terms. */
export function* decodeQuotesSteps(layout: QuoteLayout, binary: Uint8Array, articles: readonly Article[]): Steps<DecodedQuotes> {
  checkLayout(layout);
  yield;
  const { strings } = layout;
  if (layout.articles.length !== articles.length) throw new Error(`it holds ${layout.articles.length} articles, the corpus ${articles.length}`);
  articles.forEach((article, a) => {
    if (layout.articles[a] !== article.id) throw new Error(`its article ${a} is ${layout.articles[a]}, the corpus's ${article.id}`);
  });
  const articleCount = articles.length;
  const quotationCount = layout.quotations;
  const termCount = layout.terms.length;
  // Views over the file's bytes (snapshot-sections.ts), checked for size against the layout's counts.
  const sections = new SectionReader(binary, layout.sections);
  const quotationsPerArticle = sections.uint32s(0, articleCount);
  const quotationFields = sections.int32s(1, quotationCount * QUOTATION_FIELDS);
  const confidence = sections.float64s(2, quotationCount);
  const namedPerArticle = sections.uint32s(3, articleCount);
  const namedFields = sections.int32s(4, layout.named * NAMED_FIELDS);
  const forms = sections.int32s(5);
  const fieldLength = sections.uint32s(6, quotationCount);
  const termCounts = sections.uint32s(7, termCount);
  const termBytes = sections.uint32s(8, termCount);
  const postings = sections.bytes(9);
  const namedSpeaker = sections.int32s(10, layout.named);
  const speakerOf = sections.int32s(11, quotationCount);
  const repeatFlags = sections.bytes(12, quotationCount);
  const copyGroups = sections.int32s(13, quotationCount);
  yield;
  const speakers: Speaker[] = layout.speakers.map(([name, aliases, kind, gender, quotes, organisation]) =>
    organisation === null ? { name, aliases, kind, gender, quotes } : { name, aliases, kind, gender, quotes, organisation },
  );
  yield;
  for (const numbers of [namedSpeaker, speakerOf]) {
    for (const i of numbers) if (i < -1 || i >= speakers.length) throw new Error(`speaker ${i} is not in the list`);
  }
  for (const flag of repeatFlags) if (flag > 1) throw new Error("a repeat flag is neither 0 nor 1");
  for (const group of copyGroups) if (group < -1 || group >= quotationCount) throw new Error(`copy group ${group} cannot be`);

  // The quotations stay in the sections they are saved in (quotation-store.ts): checked here, made when asked for.
  const store = yield* QuotationStore.openSteps(articles, quotationsPerArticle, quotationFields, confidence, strings);
  yield;
  // Ids saved as strings given twice, or as another quotation's usual id: damage.
  store.idsSaved();
  yield;
  const entries: SavedEntry[] = [];
  let n = 0;
  const pace = pacer(ENTRIES_PER_STEP);
  for (let a = 0; a < articles.length; a++) {
    const article = articles[a]!;
    if (pace.tick()) yield;
    const firstNamed = n;
    const endNamed = (n += namedPerArticle[a]!);
    let named: NamedInArticle[] | null = null;
    let quotations: Quotation[] | null = null;
    // The people an article names matter only when the registry is rebuilt (a live change) or the book saved
    // again: read from the snapshot then (a million objects and more at a million passages, checked below); the
    // article's quotations when they are asked for (a live change, or the book saved again).
    const extracted: ArticleQuotes = {
      get quotations() {
        quotations ??= store.quotationsOf(a);
        return quotations;
      },
      get named() {
        named ??= readNamed(firstNamed, endNamed);
        return named;
      },
    };
    entries.push({ article, extracted });
  }
  yield;
  if (n !== layout.named) throw new Error("the counts by article do not add up");
  const formStarts = yield* checkNamed(namedFields, layout.named, forms, strings.length);
  const readNamed = (from: number, to: number): NamedInArticle[] => {
    const out: NamedInArticle[] = [];
    for (let i = from; i < to; i++) {
      const base = i * NAMED_FIELDS;
      const gender = namedFields[base + 2]!;
      let f = formStarts[i]!;
      const formsOf = (count: number) => {
        const list: string[] = [];
        for (let k = 0; k < count; k++) list.push(strings[forms[f++]!]!);
        return list;
      };
      const entry: NamedInArticle = {
        name: strings[namedFields[base]!]!,
        kind: NAMED_KINDS[namedFields[base + 1]!]!,
        gender: gender === -1 ? null : GENDERS[gender]!,
        forms: formsOf(namedFields[base + 4]!),
        titled: formsOf(namedFields[base + 5]!),
        sure: namedFields[base + 3] === 1,
      };
      const organisation = namedFields[base + 6]!;
      if (organisation !== -1) entry.organisation = strings[organisation]!;
      out.push(entry);
    }
    return out;
  };

  // The article's own names -> canonical speakers: needed only by a rebuilt state's registry, so made on first use.
  let local: Map<string, Speaker> | null = null;
  const canonical = (doc: string, localName: string): Speaker | null => {
    local ??= localNames(entries, namedSpeaker, speakers);
    return local.get(`${doc}\0${localName}`) ?? null;
  };
  yield;
  const state: DerivedState = { registry: yield* indexedRegistrySteps(speakers, canonical), speakerOf, repeatFlags, copyGroups, store };
  // Every saved quotation has words: a length of 0 is damage.
  const empty = fieldLength.indexOf(0);
  if (empty >= 0) throw new Error(`quotation ${store.idOf(empty)} has no indexed words`);
  const index = yield* topicIndexSteps(
    {
      ids: store,
      fieldLength,
      averageFieldLength: layout.averageFieldLength,
      terms: { terms: layout.terms, counts: termCounts, byteLengths: termBytes, postings },
    },
  );
  return { entries, index, state };
}

/**
 * Checks every named person's fields (string numbers in the table, kinds, genders, form counts adding up to the
 * forms saved) without making an object, so that reading them later cannot fail. Where each one's forms start.
 */
function* checkNamed(fields: Int32Array, count: number, forms: Int32Array, stringCount: number): Steps<Uint32Array> {
  const starts = new Uint32Array(count + 1);
  const isString = (i: number) => i >= 0 && i < stringCount;
  for (let i = 0; i < count; i++) {
    const base = i * NAMED_FIELDS;
    const [name, kind, gender, sure, formCount, titledCount, organisation] = [fields[base]!, fields[base + 1]!, fields[base + 2]!, fields[base + 3]!, fields[base + 4]!, fields[base + 5]!, fields[base + 6]!];
    const ok =
      isString(name) && kind >= 0 && kind < NAMED_KINDS.length && gender >= -1 && gender <= 1 && (sure === 0 || sure === 1) && formCount >= 0 && titledCount >= 0 &&
      (organisation === -1 || isString(organisation));
    if (!ok) throw new Error(`named ${i} is not valid`);
    starts[i + 1] = starts[i]! + formCount + titledCount;
    if (i % NAMED_PER_STEP === NAMED_PER_STEP - 1) yield;
  }
  yield;
  if (starts[count] !== forms.length) throw new Error("the forms do not add up");
  for (const form of forms) if (!isString(form)) throw new Error(`form ${form} is not in the table`);
  return starts;
}

function localNames(entries: readonly SavedEntry[], namedSpeaker: Int32Array, speakers: readonly Speaker[]): Map<string, Speaker> {
  const local = new Map<string, Speaker>();
  let n = 0;
  for (const { article, extracted } of entries) {
    for (const named of extracted.named) {
      const speaker = speakers[namedSpeaker[n++]!];
      if (speaker) local.set(`${article.id}\0${named.name}`, speaker);
    }
  }
  return local;
}

function checkLayout(layout: QuoteLayout): void {
  const ok =
    layout !== null && typeof layout === "object" &&
    Array.isArray(layout.articles) && layout.articles.every((a) => typeof a === "string") &&
    Number.isInteger(layout.quotations) && layout.quotations >= 0 && Number.isInteger(layout.named) && layout.named >= 0 &&
    Array.isArray(layout.strings) && layout.strings.every((s) => typeof s === "string") &&
    Array.isArray(layout.terms) && layout.terms.every((t) => typeof t === "string") &&
    typeof layout.averageFieldLength === "number" &&
    Array.isArray(layout.speakers) && layout.speakers.every(isSavedSpeaker) &&
    Array.isArray(layout.sections) && layout.sections.length === SECTIONS.length && layout.sections.every((s) => Number.isInteger(s) && s >= 0);
  if (!ok) throw new Error("the quotations' description is not valid");
}

function isSavedSpeaker(s: unknown): boolean {
  if (!Array.isArray(s) || s.length !== 6) return false;
  const [name, aliases, kind, gender, quotes, organisation] = s as unknown[];
  return (
    typeof name === "string" && Array.isArray(aliases) && aliases.every((a) => typeof a === "string") &&
    (kind === "person" || kind === "organisation" || kind === "role") && (gender === null || gender === "male" || gender === "female") &&
    Number.isInteger(quotes) && (organisation === null || typeof organisation === "string")
  );
}
