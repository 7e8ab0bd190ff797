/**
 * Candidate units for statement grouping: the sentences of every quotation (direct, partial, transcript) and
 * the reported-speech sentences of body paragraphs ("Lavrov said Russia appreciates ..."), each cut into
 * clauses with their content terms. Offsets point into `article.text`.
 */
import type { Article } from "../corpus/types.js";
import type { Quotation } from "../quotes/types.js";
import { pacer, runToEnd, type Steps } from "./steps.js";
import { contentTerms, type Term } from "./terms.js";
import { clauses, trimmedSentences, trimSpan } from "../text/sentences.js";
import { tokens, type Span, type Token } from "./text.js";

export type UnitKind = "direct" | "partial" | "transcript" | "reported";

/**
 * The fields of a quotation that grouping reads (what a worker thread is sent, statements/encoded.ts); `cue`,
 * when given, is kept on the units and read nowhere else.
 */
export type GroupedQuotation = Pick<Quotation, "doc" | "start" | "end" | "text" | "speaker" | "kind" | "confidence"> & { cue?: string | null };

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

/** Items of a light loop handled between pauses. */
const CHEAP_PACE = 1024;

/** A unit needs this many content terms to say anything checkable. */
const MIN_TERMS = 3;

/** Reporting verbs that make a sentence without quotation marks reported speech. */
const CUES = new Set(
  (
    "said says say told tells added adds noted notes stressed stresses urged urges warned warns insisted insists " +
    "argued argues claimed claims accused accuses praised praises reiterated reiterating promised promises " +
    "pointed declared declares announced announces explained explains emphasized emphasised emphasizing " +
    "emphasising stated states expressed called calls according vowed vows denied denies " +
    "confirmed confirms assured reassured acknowledged admitted suggested described demanded condemned"
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
  /** First words of the full names, to skip the lookup for most words. */
  firstWords: Set<string>;
  /** Folded surname -> canonicals. */
  surname: Map<string, Set<string>>;
}

function* speakerNames(quotations: readonly GroupedQuotation[]): Steps<SpeakerNames> {
  const full = new Map<string, string>();
  const firstWords = new Set<string>();
  const surname = new Map<string, Set<string>>();
  const pace = pacer(CHEAP_PACE);
  for (const q of quotations) {
    if (pace.tick()) yield;
    if (!q.speaker) continue;
    const words = tokens(q.speaker).map((t) => t.folded);
    if (full.has(words.join(" "))) continue;
    full.set(words.join(" "), q.speaker);
    if (words[0]) firstWords.add(words[0]);
    const last = words[words.length - 1];
    if (words.length >= 2 && words.length <= 3 && last && last.length >= 3 && !ORGANISATION_WORDS.has(last)) {
      const set = surname.get(last) ?? new Set<string>();
      set.add(q.speaker);
      surname.set(last, set);
    }
  }
  return { full, firstWords, surname };
}

/** Builds the units of every article, in document order; articles in `skip` (syndicated copies) are left out. */
export function buildUnits(
  articles: readonly Article[],
  quotations: readonly GroupedQuotation[],
  skip: ReadonlySet<string> = new Set(),
): Unit[] {
  return runToEnd(unitSteps(articles, quotations, skip));
}


/** `buildUnits` as steps (see steps.ts), pausing every few articles. */
export function* unitSteps(
  articles: readonly Article[],
  quotations: readonly GroupedQuotation[],
  skip: ReadonlySet<string> = new Set(),
): Steps<Unit[]> {
  const cheap = pacer(CHEAP_PACE);
  const byDoc = new Map<string, GroupedQuotation[]>();
  for (const q of quotations) {
    const list = byDoc.get(q.doc) ?? [];
    list.push(q);
    byDoc.set(q.doc, list);
    if (cheap.tick()) yield;
  }
  const names = yield* speakerNames(quotations);
  const units: Unit[] = [];
  for (const article of articles) {
    if (skip.has(article.id)) continue;
    const quotes = [...(byDoc.get(article.id) ?? [])].sort((a, b) => a.start - b.start);
    for (const q of quotes) {
      if (article.text.slice(q.start, q.end) !== q.text) continue; // never trust a span that does not slice
      addUnits(units, article, q, { speaker: q.speaker, kind: q.kind, confidence: q.confidence, cue: q.cue ?? null });
    }
    addReportedSpeech(units, article, quotes, names);
    yield;
  }
  return units;
}

function addUnits(
  units: Unit[],
  article: Article,
  span: Span,
  who: Pick<Unit, "speaker" | "kind" | "confidence" | "cue">,
): void {
  for (const sentence of trimmedSentences(article.text, span.start, span.end)) {
    const parts = clauses(article.text, sentence).map((c) => ({
      ...c,
      terms: contentTerms(article.text, c.start, c.end),
    }));
    const count = parts.reduce((n, c) => n + c.terms.length, 0);
    if (count < MIN_TERMS) continue;
    units.push({ index: units.length, doc: article.id, ...sentence, clauses: parts, ...who });
  }
}

/** Body sentences outside quotation marks that report what a speaker said: their reported content is a unit. */
function addReportedSpeech(units: Unit[], article: Article, quotes: readonly GroupedQuotation[], names: SpeakerNames): void {
  const body = article.paragraphs.filter((p) => p.role === "body");
  const events: Array<{ at: number; speaker: string }> = quotes
    .filter((q) => q.speaker)
    .map((q) => ({ at: q.start, speaker: q.speaker! }));
  for (const paragraph of body) {
    for (const sentence of trimmedSentences(article.text, paragraph.start, paragraph.end)) {
      // Quotation marks inside: the quotation itself is the unit (a partial one when it is a fragment).
      if (quotes.some((q) => q.start < sentence.end && q.end > sentence.start)) continue;
      if (/["“”«»„]/.test(article.text.slice(sentence.start, sentence.end))) continue;
      const words = tokens(article.text, sentence.start, sentence.end);
      const report = reportedContent(article.text, sentence, words, names, quotes);
      if (!report) continue;
      const speaker = report.speaker ?? (report.backReference ? lastSpeakerBefore(events, sentence.start) : null);
      if (speaker) events.push({ at: sentence.start, speaker });
      const span = trimSpan(article.text, report.start, report.end);
      if (!span) continue;
      addUnits(units, article, span, { speaker, kind: "reported", confidence: null, cue: report.cue });
    }
  }
}

interface Mention {
  speaker: string | null;
  /** Token index range [at, at + length). */
  at: number;
  length: number;
}

interface Report {
  speaker: string | null;
  /** The subject refers back ("He said", "The minister urged") rather than naming the speaker. */
  backReference: boolean;
  cue: string;
  start: number;
  end: number;
}

const PASSIVE = new Set("is was were are be been being".split(" "));
/** Words allowed between the speaker and the verb: "Mr Straw has also said". */
const MAX_GAP = 3;

/**
 * Where a sentence reports speech, the reported content and who said it: "Lavrov said (that) CONTENT",
 * "CONTENT, Michael Howard said", "CONTENT, said Mr Howard", "According to X, CONTENT". Null when the
 * sentence names no speaker next to a reporting verb (narrative: "Ebbers, who is accused of ...").
 */
function reportedContent(
  text: string,
  sentence: Span,
  words: readonly Token[],
  names: SpeakerNames,
  quotes: readonly GroupedQuotation[],
): Report | null {
  const folded = words.map((w) => w.folded);
  const mentions = speakerMentions(folded, names, quotes);
  const back = BACK_REFERENCE.exec(text.slice(sentence.start, sentence.end));
  if (back) mentions.unshift({ speaker: null, at: 0, length: back[0].split(/\s+/).length });
  const after = (i: number) => (i < words.length ? words[i]!.start : sentence.end);
  const before = (i: number) => (i > 0 ? words[i - 1]!.end : sentence.start);

  for (let c = 0; c < words.length; c++) {
    const cue = folded[c]!;
    if (!CUES.has(cue) || PASSIVE.has(folded[c - 1] ?? "")) continue;
    const report = (m: Mention, start: number, end: number): Report => ({
      speaker: m.speaker,
      backReference: m.speaker === null,
      cue,
      start,
      end,
    });
    if (cue === "according") {
      const m = mentions.find((x) => x.at === c + 2 && folded[c + 1] === "to");
      if (!m) continue;
      return c === 0 ? report(m, after(m.at + m.length), sentence.end) : report(m, sentence.start, before(c));
    }
    // Speaker, then verb: "Lavrov said ...", "..., Michael Howard said."
    const subject = mentions.find((m) => c - (m.at + m.length) >= 0 && c - (m.at + m.length) <= MAX_GAP);
    if (subject) {
      const first = folded[c + 1] === "that" ? c + 2 : c + 1;
      if (words.length - first >= MIN_TERMS) return report(subject, after(first), sentence.end);
      return report(subject, sentence.start, before(subject.at));
    }
    // Verb, then speaker at the end: "..., said Mr Howard."
    const inverted = mentions.find((m) => m.at > c && m.at - c <= 2 && m.at + m.length >= words.length - 1);
    if (inverted) return report(inverted, sentence.start, before(c));
  }
  return null;
}

/** Every mention of a known speaker by full name or unambiguous surname. */
function speakerMentions(words: readonly string[], names: SpeakerNames, quotes: readonly GroupedQuotation[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    let found: Mention | null = null;
    for (let n = names.firstWords.has(words[i]!) ? Math.min(4, words.length - i) : 0; n >= 2 && !found; n--) {
      const hit = names.full.get(words.slice(i, i + n).join(" "));
      if (hit) found = { speaker: hit, at: i, length: n };
    }
    const candidates = found ? null : names.surname.get(words[i]!);
    if (candidates) {
      // Two people share the surname: take the one quoted in this article, if exactly one is.
      const local = candidates.size === 1 ? [...candidates] : [...candidates].filter((c) => quotes.some((q) => q.speaker === c));
      if (local.length === 1) found = { speaker: local[0]!, at: i, length: 1 };
    }
    if (found) {
      out.push(found);
      i += found.length - 1;
    }
  }
  return out;
}

function lastSpeakerBefore(events: ReadonlyArray<{ at: number; speaker: string }>, at: number): string | null {
  let best: { at: number; speaker: string } | null = null;
  for (const e of events) if (e.at < at && (!best || e.at > best.at)) best = e;
  return best?.speaker ?? null;
}
