/**
 * The quotations of one state of the quote book, laid out for searching: typed arrays by position (the index in
 * `quotations`) and by MiniSearch short id, each speaker's quotations, and what is worth remembering from one
 * query to the next (the confidence order of a speaker's quotations, each quotation's phrase key), and which
 * quotations repeat another of their article. Built once per state of the book (articles added or removed make a
 * new one), so that a query never scans every quotation nor folds every hit's text.
 */
import { phraseKey } from "./phrase-key.js";
import { pacer, runToEnd, type Steps } from "../statements/steps.js";
import { findCopiesSteps, findRepeatsSteps, repeatsOf, type Repeats } from "./repeats.js";
import type { QuotationStore } from "./quotation-store.js";
import type { Quotation, Speaker } from "./types.js";

/** What `speakerNumber` gives for a speaker who has no quotation. */
export const NO_SPEAKER = -1;
const PHRASE_KEY_CACHE_LIMIT = 50_000;
/** Quotations laid out between two pauses of `QuoteTable.steps`. */
const QUOTES_PER_STEP = 4096;

/** What `QuoteTable.steps` lays out (the fields of the table, see there). */
interface TableParts {
  articleOf: Int32Array;
  articleCount: number;
  confidenceWeight: Float64Array;
  confidence: Float64Array;
  partial: Uint8Array;
  positionByShortId: Int32Array;
  speakerByShortId: Int32Array;
  organisationByShortId: Int32Array;
  speakerNumbers: Map<string, number>;
  positionsBySpeaker: number[][];
  repeats: Repeats;
  copyGroups: Int32Array;
}

export class QuoteTable {
  /** By position: the article's number (articles numbered in corpus order). */
  readonly articleOf: Int32Array;
  readonly articleCount: number;
  /** By position: how relevance is weighted by the attribution, `0.6 + 0.4 * confidence`. */
  readonly confidenceWeight: Float64Array;
  /** By position: 1 for a partial quotation. */
  readonly partial: Uint8Array;
  /** By position: how sure the attribution is (the quotation's `confidence`). */
  private readonly confidence: Float64Array;
  /**
   * By article number: scratch space for one query at a time (repeats.ts), -1 everywhere between queries. A
   * typed array rather than a Map: a common word's hits are counted by article by the ten thousand.
   */
  readonly articleScratch: Int32Array;
  readonly repeats: Repeats;
  /** By position: the quotation's group of wire copies in other articles (repeats.ts), -1 for none. */
  readonly copyGroups: Int32Array;
  /** By short id: the quotation's position, -1 when the short id is no quotation of this state. */
  private readonly positionByShortId: Int32Array;
  /** By short id: the speaker's number, NO_SPEAKER for an unattributed quotation or an unknown short id. */
  private readonly speakerByShortId: Int32Array;
  /** By short id: the number of the organisation a role speaker speaks for, else NO_SPEAKER. */
  private readonly organisationByShortId: Int32Array;
  private readonly speakerNumbers: Map<string, number>;
  /** By speaker number: positions of the speaker's quotations, in corpus order. */
  private readonly positionsBySpeaker: number[][];
  private readonly confidenceOrders = new Map<number | null, Int32Array>();
  /** Phrase keys folded for phrase queries, by position (only quotations a phrase query has looked at). */
  private readonly phraseKeys = new Map<number, string>();

  /** Use `QuoteTable.steps` (or `QuoteTable.of`): the parts are laid out there. */
  private constructor(
    readonly quotations: readonly Quotation[],
    parts: TableParts,
  ) {
    this.articleOf = parts.articleOf;
    this.articleCount = parts.articleCount;
    this.confidenceWeight = parts.confidenceWeight;
    this.partial = parts.partial;
    this.confidence = parts.confidence;
    this.positionByShortId = parts.positionByShortId;
    this.speakerByShortId = parts.speakerByShortId;
    this.organisationByShortId = parts.organisationByShortId;
    this.speakerNumbers = parts.speakerNumbers;
    this.positionsBySpeaker = parts.positionsBySpeaker;
    this.articleScratch = new Int32Array(this.articleCount).fill(-1);
    this.repeats = parts.repeats;
    this.copyGroups = parts.copyGroups;
  }

  /**
   * The table of `quotations` (in corpus order). `shortId`: MiniSearch's short id of a quotation id.
   * `repeatFlags`: which quotations repeat another of their article, when known (a snapshot's `repeats.flags`).
   * `organisations`: a role speaker's organisation ("Home Office spokesman" -> "Home Office"): its quotations
   * count as the organisation's too. `copyGroups`: the wire copies' groups, when known (a snapshot's).
   */
  static of(
    quotations: readonly Quotation[],
    shortId: (id: string) => number | undefined,
    repeatFlags?: Uint8Array,
    organisations?: ReadonlyMap<string, string>,
    copyGroups?: Int32Array,
  ): QuoteTable {
    return runToEnd(QuoteTable.steps(quotations, shortId, repeatFlags, organisations, copyGroups));
  }

  /** `of` as steps (statements/steps.ts) that pause every few thousand quotations, for a running bot. */
  static *steps(
    quotations: readonly Quotation[],
    shortId: (id: string) => number | undefined,
    repeatFlags?: Uint8Array,
    organisations: ReadonlyMap<string, string> = new Map(),
    savedCopyGroups?: Int32Array,
  ): Steps<QuoteTable> {
    const pace = pacer(QUOTES_PER_STEP);
    const shortIds = new Int32Array(quotations.length);
    let shortIdLimit = 0;
    for (let position = 0; position < quotations.length; position++) {
      const id = shortId(quotations[position]!.id) ?? -1;
      shortIds[position] = id;
      shortIdLimit = Math.max(shortIdLimit, id + 1);
      if (pace.tick()) yield;
    }
    const articleOf = new Int32Array(quotations.length);
    const confidenceWeight = new Float64Array(quotations.length);
    const confidence = new Float64Array(quotations.length);
    const partial = new Uint8Array(quotations.length);
    const positionByShortId = new Int32Array(shortIdLimit).fill(-1);
    const speakerByShortId = new Int32Array(shortIdLimit).fill(NO_SPEAKER);
    const organisationByShortId = new Int32Array(shortIdLimit).fill(NO_SPEAKER);
    const speakerNumbers = new Map<string, number>();
    const positionsBySpeaker: number[][] = [];
    const numberOf = (name: string): number => {
      let n = speakerNumbers.get(name);
      if (n === undefined) {
        n = speakerNumbers.size;
        speakerNumbers.set(name, n);
        positionsBySpeaker.push([]);
      }
      return n;
    };
    let article = -1;
    let lastDoc: string | null = null;
    for (let position = 0; position < quotations.length; position++) {
      const q = quotations[position]!;
      if (q.doc !== lastDoc) {
        article++;
        lastDoc = q.doc;
      }
      articleOf[position] = article;
      confidenceWeight[position] = 0.6 + 0.4 * q.confidence;
      confidence[position] = q.confidence;
      partial[position] = q.kind === "partial" ? 1 : 0;
      let speaker = NO_SPEAKER;
      let organisation = NO_SPEAKER;
      if (q.speaker !== null) {
        speaker = numberOf(q.speaker);
        positionsBySpeaker[speaker]!.push(position);
        const of = organisations.get(q.speaker);
        if (of !== undefined) {
          organisation = numberOf(of);
          positionsBySpeaker[organisation]!.push(position);
        }
      }
      const short = shortIds[position]!;
      if (short >= 0) {
        positionByShortId[short] = position;
        speakerByShortId[short] = speaker;
        organisationByShortId[short] = organisation;
      }
      if (pace.tick()) yield;
    }
    const repeats = repeatFlags ? repeatsOf(quotations, repeatFlags) : yield* findRepeatsSteps(quotations, articleOf);
    yield;
    // Finding copies reads every quotation's text (every article's, from the corpus snapshot): a snapshot saves them.
    if (savedCopyGroups && savedCopyGroups.length !== quotations.length) throw new Error("the copy groups are not those of these quotations");
    const copyGroups = savedCopyGroups ?? (yield* findCopiesSteps(quotations));
    return new QuoteTable(quotations, {
      articleOf,
      articleCount: article + 1,
      confidenceWeight,
      confidence,
      partial,
      positionByShortId,
      speakerByShortId,
      organisationByShortId,
      speakerNumbers,
      positionsBySpeaker,
      repeats,
      copyGroups,
    });
  }

  /**
   * `steps` for the quotations of a snapshot, read from its store (quotation-store.ts) without making them:
   * `quotations` is the book's list of them (made when read), `speakerOf` each one's canonical speaker (an index
   * in `speakers`, -1 for none: its own name then), short ids are positions (snapshot-codec.ts). The table is the
   * one `steps` makes of the same quotations.
   */
  static *storedSteps(
    quotations: readonly Quotation[],
    store: QuotationStore,
    speakerOf: Int32Array,
    speakers: readonly Speaker[],
    repeatFlags: Uint8Array,
    organisations: ReadonlyMap<string, string>,
    copyGroups: Int32Array,
  ): Steps<QuoteTable> {
    const count = store.count;
    if (quotations.length !== count || speakerOf.length !== count || repeatFlags.length !== count || copyGroups.length !== count) {
      throw new Error("the saved state is not that of these quotations");
    }
    const pace = pacer(QUOTES_PER_STEP * 4);
    const articleOf = new Int32Array(count);
    const confidenceWeight = new Float64Array(count);
    const confidence = store.confidence;
    const partial = new Uint8Array(count);
    const positionByShortId = new Int32Array(count);
    const speakerByShortId = new Int32Array(count).fill(NO_SPEAKER);
    const organisationByShortId = new Int32Array(count).fill(NO_SPEAKER);
    const speakerNumbers = new Map<string, number>();
    const positionsBySpeaker: number[][] = [];
    const numberOf = (name: string): number => {
      let n = speakerNumbers.get(name);
      if (n === undefined) {
        n = speakerNumbers.size;
        speakerNumbers.set(name, n);
        positionsBySpeaker.push([]);
      }
      return n;
    };
    // The table's speaker and organisation numbers, worked out once per canonical speaker (or per own name of a
    // quotation with none): a name is numbered when first met, as `steps` numbers it.
    const UNSEEN = -2;
    const bySpeaker = new Int32Array(speakers.length * 2).fill(UNSEEN);
    const byOwnName = new Int32Array(store.strings.length * 2).fill(UNSEEN);
    let article = -1;
    let lastArticle = -1;
    for (let position = 0; position < count; position++) {
      if (store.articleOf[position] !== lastArticle) {
        article++;
        lastArticle = store.articleOf[position]!;
      }
      articleOf[position] = article;
      confidenceWeight[position] = 0.6 + 0.4 * confidence[position]!;
      partial[position] = store.kind(position) === "partial" ? 1 : 0;
      positionByShortId[position] = position;
      const own = store.speakerString(position);
      if (own !== -1) {
        const canonical = speakerOf[position]!;
        const known = canonical >= 0 && canonical < speakers.length;
        const numbers = known ? bySpeaker : byOwnName;
        const at = (known ? canonical : own) * 2;
        if (numbers[at] === UNSEEN) {
          const name = known ? speakers[canonical]!.name : store.strings[own]!;
          numbers[at] = numberOf(name);
          const of = organisations.get(name);
          numbers[at + 1] = of === undefined ? NO_SPEAKER : numberOf(of);
        }
        const speaker = numbers[at]!;
        const organisation = numbers[at + 1]!;
        positionsBySpeaker[speaker]!.push(position);
        if (organisation !== NO_SPEAKER) positionsBySpeaker[organisation]!.push(position);
        speakerByShortId[position] = speaker;
        organisationByShortId[position] = organisation;
      }
      if (pace.tick()) yield;
    }
    return new QuoteTable(quotations, {
      articleOf,
      articleCount: article + 1,
      confidenceWeight,
      confidence,
      partial,
      positionByShortId,
      speakerByShortId,
      organisationByShortId,
      speakerNumbers,
      positionsBySpeaker,
      repeats: repeatsOf(quotations, repeatFlags),
      copyGroups,
    });
  }

  /** Positions of the speaker's quotations, in corpus order. */
  positionsOf(speaker: number): readonly number[] {
    return this.positionsBySpeaker[speaker] ?? [];
  }

  /** The speaker's number, NO_SPEAKER when no quotation is attributed to that name. */
  speakerNumber(name: string): number {
    return this.speakerNumbers.get(name) ?? NO_SPEAKER;
  }

  /** The position of the quotation MiniSearch knows by `shortId`, or -1. */
  positionOf(shortId: number): number {
    return this.positionByShortId[shortId] ?? -1;
  }

  /** Whether the quotation MiniSearch knows by `shortId` is the speaker's (a number from `speakerNumber`). */
  isBy(shortId: number, speaker: number): boolean {
    return speaker !== NO_SPEAKER && (this.speakerByShortId[shortId] === speaker || this.organisationByShortId[shortId] === speaker);
  }

  /**
   * The speaker's quotations (every quotation for null) in the order shown when no topic word ranks them: whole
   * sentences before partial quotations, surer attributions first, then corpus order. Remembered per speaker.
   */
  byConfidence(speaker: number | null): Int32Array {
    const known = this.confidenceOrders.get(speaker);
    if (known) return known;
    // From the table's arrays, not the quotations: a snapshot's are made only when read (quotation-store.ts).
    const positions = speaker === null ? Array.from({ length: this.quotations.length }, (_, i) => i) : [...(this.positionsBySpeaker[speaker] ?? [])];
    const { partial, confidence } = this;
    positions.sort((a, b) => partial[a]! - partial[b]! || confidence[b]! - confidence[a]! || a - b);
    const order = Int32Array.from(positions);
    this.confidenceOrders.set(speaker, order);
    return order;
  }

  /** The quotation's phrase key (`phraseKey` of its text), folded once and remembered. */
  phraseKeyOf(position: number): string {
    let key = this.repeats.keys.get(position) ?? this.phraseKeys.get(position);
    if (key === undefined) {
      key = phraseKey(this.quotations[position]!.text);
      // Bounded: phrase queries over common words could otherwise keep a folded copy of every quotation.
      if (this.phraseKeys.size >= PHRASE_KEY_CACHE_LIMIT) this.phraseKeys.clear();
      this.phraseKeys.set(position, key);
    }
    return key;
  }
}
