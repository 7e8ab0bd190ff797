/**
 * Rule "not speech": quotation marks around words nobody is quoted saying — a slogan or a title ("a slogan of
 * “Say no to Europe”", "a show entitled “…”"), a reporter's scare quotes ("films with “medium” budgets"), a
 * salutation ("Madam President,"). They get no speaker and are not offered by /quote. Someone's own word for a
 * thing ("Reid called Trump a “con artist”") or any quotation in a sentence that reports speech stays speech.
 */
import { SPEECH_VERBS } from "../lexicon.js";
import { namingVerb } from "../naming.js";
import { words } from "../../text/words.js";

/** At most this many words, with no reporting verb in the sentence: the reporter's own quotation marks. */
export const SCARE_QUOTE_MAX_WORDS = 3;

/** Nouns and participles that introduce a name, a title or a slogan rather than someone's words. */
const NAMES_A_THING = /\b(?:slogan|motto|title|headline|entitled|titled|so-called|so called|dubbed|nicknamed|the word|the words|the phrase|the term|hashtag|banner|placard)\s+(?:of\s+)?(?:the\s+)?$/i;

/** A salutation: "Madam President,", "Colleagues,", "Ladies and gentlemen,". */
const SALUTATION = /^(?:\p{Lu}[\p{L}.]*|and|gentlemen)(?:\s+(?:\p{Lu}[\p{L}.]*|and|gentlemen)){0,2},$/u;

export interface SpeechCheck {
  text: string;
  /** The quotation's content and opening mark. */
  start: number;
  end: number;
  open: number;
  /** Its sentence's start and end. */
  sentenceStart: number;
  sentenceEnd: number;
  kind: "direct" | "partial";
  /** Whether the sentence, quotations left out, holds a reporting verb. */
  reports: boolean;
}

/** Why the quotation marks are not speech, or null when they are. */
export function notSpeech(q: SpeechCheck): string | null {
  const content = q.text.slice(q.start, q.end);
  if (!q.reports && SALUTATION.test(content)) return "a salutation";
  const lead = q.text.slice(q.sentenceStart, q.open);
  if (namingVerb(q.text, q.sentenceStart, q.open) !== null) return null;
  if (NAMES_A_THING.test(lead)) return "a name, title or slogan";
  // "users can get more by asking: “What is this?”": words anyone might say, quoted by no one.
  if (/\b(?:users|people|viewers|listeners|readers|customers|drivers|anyone|you)\b[^.;]*\bby\s+(?:asking|saying|typing|shouting)\s*[:,]?\s*$/i.test(lead)) return "an example of what anyone might say";
  if (q.kind === "partial" && !q.reports && words(q.text, q.start, q.end).length <= SCARE_QUOTE_MAX_WORDS && !/[:]\s*$/.test(lead)) {
    return "the reporter's own quotation marks";
  }
  return null;
}

/** Whether words outside the quotations of a sentence report speech. */
export function reportsSpeech(text: string, from: number, to: number, quoted: ReadonlyArray<{ start: number; end: number }>): boolean {
  const outside = (w: { start: number; end: number }) => !quoted.some((q) => w.start >= q.start && w.end <= q.end);
  const ws = words(text, from, to).filter(outside);
  // "According to …" reports someone's words as well.
  return ws.some((w, i) => SPEECH_VERBS.has(w.text.toLowerCase()) || (w.text.toLowerCase() === "according" && ws[i + 1]?.text.toLowerCase() === "to"));
}
