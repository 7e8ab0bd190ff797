/**
 * What the quote book learns by reading every article's text, saved (quotes-learnt.bin, beside quotes.bin): the
 * job titles and honorifics the articles give (titles.ts) and where topics stand around the quotations
 * (topic-places.ts). Learning them reads every text, which a start from the corpus snapshot no longer holds in
 * memory (a restart at the BBC's size read 2,225 texts for the first /quote, at a million passages 72 s in the
 * CLI); restored, a start reads only the texts it shows.
 *
 * File layout: two lines of JSON, then bytes:
 *   1. header: { format, fingerprint (the quotations snapshot's: corpus, code, analysis), crc32 of what follows }
 *   2. layout: the speakers' count and a hash of their names (sightings name them by number in the registry the
 *      book derived, which the fingerprint fixes), the vocabulary, the title keys, the days, section sizes
 *   3. binary sections in the order of `SECTIONS`, written and opened by the shared codec
 *      (src/index/snapshot-sections.ts: little-endian, padded to 8 bytes, views over the file's bytes)
 * Either part may be missing (not learnt yet when saved). Used only for the book's state as opened (before any
 * live change); a missing, stale or damaged file is learnt again, in time slices, and saved.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Logger } from "../core/log.js";
import { laidOut, SectionReader } from "../index/snapshot-sections.js";
import { readFramedSteps, writeFramed } from "./framed-file.js";
import { TitleIndex, type Sighting, type SightingsByKey } from "./titles.js";
import { TopicPlaces } from "./topic-places.js";
import type { Speaker } from "./types.js";
import { layOutListsSteps, SavedVocabulary, SavedWordLists } from "./word-lists.js";
import { pacer, runInSlices, runToEnd, type SliceOptions, type Steps } from "../statements/steps.js";
import type { SnapshotWriter } from "../checked-file.js";

/** Saved positions checked between two pauses of the decoding. */
const POSITIONS_PER_STEP = 1 << 20;
/** Title keys encoded between two pauses. */
const TITLE_KEYS_PER_STEP = 2048;

export const LEARNT_SNAPSHOT_FILE = "quotes-learnt.bin";
/** Bump when the layout changes (4: sections padded to 8 bytes, the shared codec src/index/snapshot-sections.ts). */
export const LEARNT_SNAPSHOT_FORMAT = 4;

/** What the book learnt from its articles' texts (either part may not be learnt yet). */
export interface Learnt {
  titles: TitleIndex | null;
  places: TopicPlaces | null;
}

interface Header {
  format: number;
  fingerprint: string;
  crc32: number;
}

interface Layout {
  speakers: number;
  speakerHash: string;
  /** Null when the topic places were not learnt. */
  vocabulary: string[] | null;
  /** Null when the titles were not learnt. */
  titleKeys: string[] | null;
  days: string[];
  sections: number[];
}

const SECTIONS = [
  "paragraphStarts", // Uint32 by vocabulary word + 1
  "paragraphPositions", // Int32
  "articleStarts", // Uint32 by vocabulary word + 1
  "articlePositions", // Int32
  "titleStarts", // Uint32 by title key + 1
  "titleSpeakers", // Int32 by sighting: the speaker's number in the registry
  "titleDays", // Int32 by sighting: the day's number in `days`, -1 for none
  "titleExact", // Uint8 by sighting
  "sentenceStarts", // Uint32 by vocabulary word + 1
  "sentencePositions", // Int32
] as const;


/**
 * Saves what was learnt (atomically). `speakers`: the registry's, in order, which the sightings are numbered by.
 * What was learnt is the book's as opened, never changed afterwards: it may be encoded in slices (`options.sliced`).
 */
export async function saveLearnt(path: string, fingerprint: string, learnt: Learnt, speakers: readonly Speaker[], options: { write?: SnapshotWriter; sliced?: SliceOptions } = {}): Promise<void> {
  const steps = encodeLearntSteps(learnt, speakers);
  const { layout, sections } = options.sliced ? await runInSlices(steps, options.sliced) : runToEnd(steps);
  await writeFramed(path, { format: LEARNT_SNAPSHOT_FORMAT, fingerprint }, layout, sections, options.write);
}

/**
 * The file at `path` checked (header, fingerprint, checksum), or null with a log line saying why it is not used.
 * What it holds is decoded by the function returned, once the book's registry is known (null when it does not
 * fit, with a log line).
 */
export function loadLearnt(path: string, fingerprint: string, log: Logger): ((speakers: readonly Speaker[], quotations: number) => Steps<Learnt | null>) | null {
  return runToEnd(loadLearntSteps(path, fingerprint, log));
}

/** `loadLearnt` as steps: the checksum is taken a few megabytes at a time, and the decoder returned is steps too. */
export function* loadLearntSteps(path: string, fingerprint: string, log: Logger): Steps<((speakers: readonly Speaker[], quotations: number) => Steps<Learnt | null>) | null> {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") log.warn("cannot read what the quote book learnt; learning it again", { path, err: String(error) });
    return null;
  }
  let layout: Layout;
  let binary: Uint8Array;
  try {
    const framed = yield* readFramedSteps<Header>(file, LEARNT_SNAPSHOT_FORMAT, fingerprint);
    if (framed === "stale") {
      log.info("what the quote book learnt is stale (the corpus or the code changed); learning it again", { path });
      return null;
    }
    layout = framed.layout as Layout;
    binary = framed.binary;
  } catch (error) {
    log.warn("what the quote book learnt is damaged; learning it again", { path, err: error instanceof Error ? error.message : String(error) });
    return null;
  }
  return function* (speakers, quotations) {
    try {
      return yield* decodeLearntSteps(layout, binary, speakers, quotations);
    } catch (error) {
      log.warn("what the quote book learnt does not fit its quotations; learning it again", { path, err: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };
}

function speakerHash(speakers: readonly Speaker[]): string {
  return runToEnd(speakerHashSteps(speakers));
}

/** `speakerHash` as steps: a few thousand names between two pauses. */
function* speakerHashSteps(speakers: readonly Speaker[]): Steps<string> {
  const hash = createHash("sha256");
  for (let i = 0; i < speakers.length; i++) {
    hash.update(`${speakers[i]!.name}\n`);
    if (i % TITLE_KEYS_PER_STEP === TITLE_KEYS_PER_STEP - 1) yield;
  }
  return hash.digest("hex");
}

export function encodeLearnt(learnt: Learnt, speakers: readonly Speaker[]): { layout: Layout; sections: Uint8Array[] } {
  return runToEnd(encodeLearntSteps(learnt, speakers));
}

/** `encodeLearnt` as steps (statements/steps.ts): pauses every few thousand words or title keys. */
function* encodeLearntSteps(learnt: Learnt, speakers: readonly Speaker[]): Steps<{ layout: Layout; sections: Uint8Array[] }> {
  const empty: { starts: Uint32Array; positions: Int32Array } = { starts: new Uint32Array(1), positions: new Int32Array(0) };
  let vocabulary: string[] | null = null;
  let paragraph = empty;
  let article = empty;
  let sentence = empty;
  if (learnt.places) {
    const parts = learnt.places.parts();
    vocabulary = [...parts.vocabulary];
    yield;
    paragraph = yield* layOutListsSteps(vocabulary, parts.inParagraph);
    article = yield* layOutListsSteps(vocabulary, parts.inArticle);
    sentence = yield* layOutListsSteps(vocabulary, parts.inSentence);
  }
  let titleKeys: string[] | null = null;
  const days: string[] = [];
  const titleStarts: number[] = [0];
  const titleSpeakers: number[] = [];
  const titleDays: number[] = [];
  const titleExact: number[] = [];
  if (learnt.titles) {
    titleKeys = [];
    const numbers = new Map(speakers.map((s, i) => [s, i]));
    const dayNumbers = new Map<string, number>();
    const pace = pacer(TITLE_KEYS_PER_STEP);
    for (const [key, sightings] of learnt.titles.entries()) {
      if (pace.tick()) yield;
      titleKeys.push(key);
      for (const { speaker, day, exact } of sightings) {
        const n = numbers.get(speaker);
        if (n === undefined) throw new Error(`a title names ${speaker.name}, who is not in the registry`);
        let d = day === null ? -1 : dayNumbers.get(day);
        if (d === undefined) {
          d = days.push(day!) - 1;
          dayNumbers.set(day!, d);
        }
        titleSpeakers.push(n);
        titleDays.push(d);
        titleExact.push(exact ? 1 : 0);
      }
      titleStarts.push(titleSpeakers.length);
    }
  }
  const { parts: sections, sizes } = laidOut([
    paragraph.starts,
    paragraph.positions,
    article.starts,
    article.positions,
    Uint32Array.from(titleStarts),
    Int32Array.from(titleSpeakers),
    Int32Array.from(titleDays),
    Uint8Array.from(titleExact),
    sentence.starts,
    sentence.positions,
  ]);
  const layout: Layout = { speakers: speakers.length, speakerHash: speakerHash(speakers), vocabulary, titleKeys, days, sections: sizes };
  return { layout, sections };
}

/** What `encodeLearnt` saved, over the registry's speakers; throws when it does not fit them or is damaged. */
export function decodeLearnt(layout: Layout, binary: Uint8Array, speakers: readonly Speaker[], quotations: number): Learnt {
  return runToEnd(decodeLearntSteps(layout, binary, speakers, quotations));
}

/** `decodeLearnt` as steps: pauses between its sections and every million positions checked. */
function* decodeLearntSteps(layout: Layout, binary: Uint8Array, speakers: readonly Speaker[], quotations: number): Steps<Learnt> {
  const valid =
    layout !== null && typeof layout === "object" && Array.isArray(layout.sections) && layout.sections.length === SECTIONS.length &&
    layout.sections.every((n) => Number.isInteger(n) && n >= 0) && Array.isArray(layout.days) && layout.days.every((d) => typeof d === "string") &&
    (layout.vocabulary === null || (Array.isArray(layout.vocabulary) && layout.vocabulary.every((t) => typeof t === "string"))) &&
    (layout.titleKeys === null || (Array.isArray(layout.titleKeys) && layout.titleKeys.every((t) => typeof t === "string")));
  if (!valid) throw new Error("its description is not valid");
  if (layout.speakers !== speakers.length || layout.speakerHash !== (yield* speakerHashSteps(speakers))) throw new Error("it names other speakers");
  const sections = new SectionReader(binary, layout.sections);
  function* inRange(section: number): Steps<Int32Array> {
    const positions = sections.int32s(section);
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i]!;
      if (p < 0 || p >= quotations) throw new Error(`quotation ${p} is not in the book`);
      if (i % POSITIONS_PER_STEP === POSITIONS_PER_STEP - 1) yield;
    }
    return positions;
  }

  let places: TopicPlaces | null = null;
  if (layout.vocabulary) {
    const vocabulary = yield* SavedVocabulary.steps(layout.vocabulary);
    yield;
    const inParagraph = new SavedWordLists(vocabulary, sections.uint32s(0), yield* inRange(1));
    yield;
    const inArticle = new SavedWordLists(vocabulary, sections.uint32s(2), yield* inRange(3));
    yield;
    const inSentence = new SavedWordLists(vocabulary, sections.uint32s(8), yield* inRange(9));
    yield;
    places = TopicPlaces.restored({ vocabulary, inParagraph, inArticle, inSentence });
  }

  let titles: TitleIndex | null = null;
  if (layout.titleKeys) {
    const keys = layout.titleKeys;
    const starts = sections.uint32s(4);
    const speakerNumbers = sections.int32s(5);
    const dayNumbers = sections.int32s(6);
    const exact = sections.bytes(7);
    const count = speakerNumbers.length;
    if (starts.length !== keys.length + 1 || starts[0] !== 0 || starts[keys.length] !== count || dayNumbers.length !== count || exact.length !== count) {
      throw new Error("the titles' sections do not add up");
    }
    for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) throw new Error("the titles are out of order");
    for (let i = 0; i < count; i++) {
      if (speakerNumbers[i]! < 0 || speakerNumbers[i]! >= speakers.length) throw new Error(`speaker ${speakerNumbers[i]} is not in the registry`);
      if (dayNumbers[i]! < -1 || dayNumbers[i]! >= layout.days.length || exact[i]! > 1) throw new Error(`sighting ${i} is not valid`);
    }
    const numberOfKey = new Map<string, number>();
    for (let k = 0; k < keys.length; k++) {
      numberOfKey.set(keys[k]!, k);
      if (k % TITLE_KEYS_PER_STEP === TITLE_KEYS_PER_STEP - 1) yield;
    }
    const made = new Map<number, Sighting[]>();
    const sightingsOf = (k: number): Sighting[] => {
      let list = made.get(k);
      if (!list) {
        list = [];
        for (let i = starts[k]!; i < starts[k + 1]!; i++) {
          list.push({ speaker: speakers[speakerNumbers[i]!]!, day: dayNumbers[i] === -1 ? null : layout.days[dayNumbers[i]!]!, exact: exact[i] === 1 });
        }
        made.set(k, list);
      }
      return list;
    };
    const byKey: SightingsByKey = {
      get: (key) => {
        const k = numberOfKey.get(key);
        return k === undefined ? undefined : sightingsOf(k);
      },
      *entries() {
        for (let k = 0; k < keys.length; k++) yield [keys[k]!, sightingsOf(k)];
      },
    };
    titles = TitleIndex.restored(byKey);
  }
  return { titles, places };
}
