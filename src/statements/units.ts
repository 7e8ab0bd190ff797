/**
 * Candidate units for statement grouping: the sentences of every quotation (direct, partial, transcript) and
 * the reported-speech sentences of body paragraphs ("Lavrov said Russia appreciates ..."), each cut into
 * clauses with their content terms. Offsets point into `article.text`.
 */
import type { Article } from "../corpus/types.js";
import type { Quotation } from "../quotes/types.js";
import { contentTerms, type Term } from "./terms.js";
import { clauses, fold, sentences, tokens, type Span } from "./text.js";

export type UnitKind = "direct" | "partial" | "transcript" | "reported";

export interface Clause extends Span {
  terms: Term[];
}

export interface Unit extends Span {
  /** Position in the unit list. */
  index: number;
  doc: string;
  clauses: Clause[];
  speaker: string | null;
  kind: UnitKind;
  /** The attribution's confidence for quotations; null for reported speech. */
  confidence: number | null;
  cue: string | null;
}

/** A unit needs this many content terms to say anything checkable. */
const MIN_TERMS = 3;

/** Reporting verbs that make a sentence without quotation marks reported speech. */
const CUES = new Set(
  (
    "said says say told tells added adds noted notes stressed stresses urged urges warned warns insisted insists " +
    "argued argues claimed claims accused accuses praised praises reiterated reiterating promised promises " +
    "pointed declared declares announced announces explained explains emphasized emphasised emphasizing " +
    "emphasising stated states expressed called calls according believes expects hopes vowed vows denied denies " +
    "drew confirmed confirms assured reassured acknowledged admitted suggested described plans wants demanded " +
    "condemned saying telling adding noting stressing warning insisting arguing claiming"
  ).split(" "),
);

/** Sentence openings that refer back to the last named speaker. */
const BACK_REFERENCE = /^(?:he|she|the (?:minister|diplomat|official|president|spokesman|spokeswoman|spokesperson|secretary|chancellor|premier|ministry|prime minister|foreign minister|secretary-general))\b/i;

/** Last words of organisation names, which must not be read as a person's surname ("... Ministry"). */
const ORGANISATION_WORDS = new Set(
  "ministry committee office department government council agency police army court commission union bank party service forces organization organisation".split(
    " ",
  ),
);

interface SpeakerNames {
  /** Folded full name -> canonical. */
  full: Map<string, string>;
  /** Folded surname -> canonicals. */
  surname: Map<string, Set<string>>;
}

function speakerNames(quotations: readonly Quotation[]): SpeakerNames {
  const full = new Map<string, string>();
  const surname = new Map<string, Set<string>>();
  for (const q of quotations) {
    if (!q.speaker || full.has(fold(q.speaker))) continue;
    full.set(fold(q.speaker), q.speaker);
    const words = tokens(q.speaker).map((t) => t.folded);
    const last = words[words.length - 1];
    if (words.length >= 2 && words.length <= 3 && last && last.length >= 3 && !ORGANISATION_WORDS.has(last)) {
      const set = surname.get(last) ?? new Set<string>();
      set.add(q.speaker);
      surname.set(last, set);
    }
  }
  return { full, surname };
}

/** Builds the units of every article, in document order; articles in `skip` (syndicated copies) are left out. */
export function buildUnits(
  articles: readonly Article[],
  quotations: readonly Quotation[],
  skip: ReadonlySet<string> = new Set(),
): Unit[] {
  const byDoc = new Map<string, Quotation[]>();
  for (const q of quotations) {
    const list = byDoc.get(q.doc) ?? [];
    list.push(q);
    byDoc.set(q.doc, list);
  }
  const names = speakerNames(quotations);
  const units: Unit[] = [];
  for (const article of articles) {
    if (skip.has(article.id)) continue;
    const quotes = [...(byDoc.get(article.id) ?? [])].sort((a, b) => a.start - b.start);
    for (const q of quotes) {
      if (article.text.slice(q.start, q.end) !== q.text) continue; // never trust a span that does not slice
      addUnits(units, article, q, { speaker: q.speaker, kind: q.kind, confidence: q.confidence, cue: q.cue });
    }
    addReportedSpeech(units, article, quotes, names);
  }
  return units;
}

function addUnits(
  units: Unit[],
  article: Article,
  span: Span,
  who: Pick<Unit, "speaker" | "kind" | "confidence" | "cue">,
): void {
  for (const sentence of sentences(article.text, span.start, span.end)) {
    const parts = clauses(article.text, sentence).map((c) => ({
      ...c,
      terms: contentTerms(article.text, c.start, c.end),
    }));
    const count = parts.reduce((n, c) => n + c.terms.length, 0);
    if (count < MIN_TERMS) continue;
    units.push({ index: units.length, doc: article.id, ...sentence, clauses: parts, ...who });
  }
}

/** Body sentences outside quotation marks that carry a reporting verb, with the speaker they name. */
function addReportedSpeech(units: Unit[], article: Article, quotes: readonly Quotation[], names: SpeakerNames): void {
  const body = article.paragraphs.filter((p) => p.role === "body");
  const events: Array<{ at: number; speaker: string }> = quotes
    .filter((q) => q.speaker)
    .map((q) => ({ at: q.start, speaker: q.speaker! }));
  for (const paragraph of body) {
    for (const sentence of sentences(article.text, paragraph.start, paragraph.end)) {
      // Quotation marks inside: the quotation itself is the unit (a partial one when it is a fragment).
      if (quotes.some((q) => q.start < sentence.end && q.end > sentence.start)) continue;
      if (/["“”«»„]/.test(article.text.slice(sentence.start, sentence.end))) continue;
      const words = tokens(article.text, sentence.start, sentence.end);
      const cueAt = words.findIndex((w) => CUES.has(w.folded));
      if (cueAt < 0) continue;
      let speaker = namedSpeaker(words.slice(0, cueAt).map((w) => w.folded), names, quotes);
      if (!speaker && BACK_REFERENCE.test(article.text.slice(sentence.start, sentence.end))) {
        speaker = lastSpeakerBefore(events, sentence.start);
      }
      if (speaker) events.push({ at: sentence.start, speaker });
      addUnits(units, article, sentence, { speaker, kind: "reported", confidence: null, cue: words[cueAt]!.folded });
    }
  }
}

/** The speaker named by full name or unambiguous surname among the words before the reporting verb. */
function namedSpeaker(words: readonly string[], names: SpeakerNames, quotes: readonly Quotation[]): string | null {
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(4, words.length - i); n >= 2; n--) {
      const hit = names.full.get(words.slice(i, i + n).join(" "));
      if (hit) return hit;
    }
    const candidates = names.surname.get(words[i]!);
    if (!candidates) continue;
    if (candidates.size === 1) return [...candidates][0]!;
    // Two people share the surname: take the one quoted in this article, if exactly one is.
    const local = [...candidates].filter((c) => quotes.some((q) => q.speaker === c));
    if (local.length === 1) return local[0]!;
  }
  return null;
}

function lastSpeakerBefore(events: ReadonlyArray<{ at: number; speaker: string }>, at: number): string | null {
  let best: { at: number; speaker: string } | null = null;
  for (const e of events) if (e.at < at && (!best || e.at > best.at)) best = e;
  return best?.speaker ?? null;
}
