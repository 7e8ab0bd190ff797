/**
 * Rule "words of another": the person whose words are quoted is named as their owner, not as the sentence's
 * speaker. "Pence blamed the media for Donald Trump’s claim that Obama “founded ISIS”", "Fitton called Clinton’s
 * assertion of a “claim of right” disturbing", "Reyes attacked Grant for saying “…”": the quotation is Trump’s,
 * Clinton’s, Grant’s — the subject of the reporting verb is the one blasting, praising or answering them.
 */
import type { Discourse, Mention } from "../discourse.js";
import type { QuoteSpan } from "../quote-span.js";
import type { Range } from "../../text/sentences.js";
import type { Attribution } from "./clause-reading.js";
import { CONFIDENCE } from "./confidence.js";

/** The owner of the words is named as such: 'Trump’s claim that …'. */
export const WORDS_OF_ANOTHER_CONFIDENCE = CONFIDENCE.wordsOfAnother;

/** Nouns for someone's words. */
const WORDS_NOUN =
  "claims?|assertions?|remarks?|comments?|words|statements?|descriptions?|pledges?|promises?|vows?|charges?|accusations?|insistence|suggestions?|boasts?|declarations?|characteri[sz]ations?|quips?|warnings?|tweets?|slogans?|calls?|description|retort|response|reply|answer|contention|argument|admission|denial|prediction|phrase|line|label|nickname|jibe|jab|taunt|dismissal|rhetoric|talk";

/**
 * "<owner>’s [adjective] claim [that …]" right before the opening quotation mark, the quotation going on with the
 * claim ("Trump’s claim that Obama “founded ISIS”", "Trump’s reply: “…”"); not words judging the claim ("Trump’s remarks as “hurtful”",
 * "Rubio's claim that Cruz is soft was “simply not true”", "Ginsburg’s comments “show bias”").
 */
const OWNED_WORDS = new RegExp(String.raw`([’']s?)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:${WORDS_NOUN})(?:\s+that\b(?:(?!\s(?:is|was|were|are|be|been|has|have|had|will|would|did|does)\b)[^“”"\n]){0,80}|\s*:)\s*$`, "u");

/** "for saying", "over calling it": the object of the verb before is the one who said the words. */
const FOR_SAYING = /\b(?:for|over|after)\s+(?:saying|calling|describing|declaring|claiming|suggesting|tweeting|writing)\b[^“”"\n]{0,60}$/u;

/** Verbs of answering someone's words: their object is who spoke. */
const ANSWERING = /^(?:blasted|attacked|criticized|criticised|slammed|mocked|praised|thanked|rebuked|chided|scolded|ridiculed|denounced|condemned|lambasted|faulted|knocked|hit|derided|applauded|commended|congratulated|blamed|accused|taunted|needled|skewered)$/i;

export function wordsOfAnother(d: Discourse, span: QuoteSpan, sentence: Range): Attribution | null {
  const text = d.article.text;
  const lead = text.slice(sentence.start, span.open);
  const owned = OWNED_WORDS.exec(lead);
  if (owned) {
    const ownerEnd = sentence.start + owned.index;
    const owner = personAt(d, sentence, (m) => m.end === ownerEnd || m.end === ownerEnd + owned[1]!.length);
    if (owner) return attribution(owner, `the words of ${owner.entity!.name}: '${text.slice(owner.start, span.open).trim().slice(0, 60)}'`);
    return null;
  }
  const saying = FOR_SAYING.exec(lead);
  if (saying) {
    const at = sentence.start + saying.index;
    // The person named right before "for saying", object of a verb of answering ("Reyes attacked Grant").
    const object = personAt(d, sentence, (m) => m.end <= at && /^[\s,]*$/.test(text.slice(m.end, at)) && ANSWERING.test(lastWord(text.slice(sentence.start, m.start))));
    if (object) return attribution(object, `the words of ${object.entity!.name}, the one answered: '${text.slice(object.start, span.open).trim().slice(0, 60)}'`);
  }
  return null;
}

function personAt(d: Discourse, sentence: Range, where: (m: Mention) => boolean): Mention | null {
  return d.mentions.find((m) => m.type === "name" && m.sentence.start === sentence.start && m.entity?.kind === "person" && !m.entity.place && where(m)) ?? null;
}

/** The last lower-case word, past a title before the name ("attacked Mayor "). */
function lastWord(s: string): string {
  return /(\p{Ll}+)(?:\s+\p{Lu}[\p{L}.]*)*\s*$/u.exec(s)?.[1] ?? "";
}

function attribution(m: Mention, evidence: string): Attribution {
  return { entity: m.entity, cue: null, mention: m.text, confidence: WORDS_OF_ANOTHER_CONFIDENCE, evidence };
}
