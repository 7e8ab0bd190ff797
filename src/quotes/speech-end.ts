/**
 * Where the speech between quotation marks ends, when the marks do not say it (issue 21, class 4: a quotation
 * shown by /quote starts and ends where the speech does, never running on into the reporter's words). Wire and
 * web copy loses or mistypes marks in a few recurring ways; each is read here, from the quoted text alone:
 *
 * - A reporting clause inside an unclosed quotation (“Rates will stay weak, she said. The index fell…): the
 *   closing mark was lost before it, and what follows is the reporter's. The speech ends at the clause's comma.
 * - A reporting clause typed inside the closing mark (“…a dividend again, he said.”): the same, at the end.
 * - A reporting clause between two sentences of one closed quotation (“We will not sell, she said. The offer was
 *   too low.”): both marks around the clause were lost. Two stretches of speech, the clause between them.
 * - A double mark closed by a single one (“mark-to-market', figures showed…): the speech ends at the single mark.
 * - A sentence of the reporter's inside an unclosed quotation ("…for the victims. He said the fund…"): a new
 *   sentence whose subject is someone spoken of, with a reporting verb, is not the speaker's.
 */
import { SENTENCE_ABBREVIATIONS } from "../text/abbreviations.js";
import { sentenceRanges } from "../text/sentences.js";

/** A reporting verb of the clauses read here (said, added, told…), as a pattern. */
const VERB = String.raw`(?:said|says|added|adds|told|tells|explained|argued|insisted|warned|stressed|noted|declared|continued|concluded)`;
/** A word of a description ("the company spokeswoman", "a senior official"): no pronoun, no verb of being. */
const DESCRIPTION_WORD = String.raw`(?!(?:I|we|you|they|he|she|it|that|which|what|who|whom|is|was|are|were|be|been|has|had|have|not)\b)[\p{L}.-]+`;
/** "the company spokeswoman", "a senior official", "the U.S. Treasury": an article and up to three words. */
const DESCRIPTION = String.raw`(?:the|a|an)\s+(?:${DESCRIPTION_WORD}\s+){0,2}${DESCRIPTION_WORD}`;
/** A name: one to four capitalised words. */
const NAME = String.raw`(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*`;
/** Who a reporting clause names: a pronoun or a name (a description only when the clause ends at the verb). */
const SUBJECT = String.raw`(?:he|she|they|it|we|I|${NAME})`;
/** A capitalised word that is no pronoun of the first or second person ("Then I said" names no one). */
const NAME_WORD = String.raw`(?!(?:I|We|You|They)\b)\p{Lu}[\p{L}.'’-]*`;
/** A name of someone spoken of: one to three capitalised words, none of them I, We, You or They. */
const THIRD_PERSON_NAME = String.raw`(?:${NAME_WORD}\s+){0,2}${NAME_WORD}`;
/** A clause that names someone spoken of, in the reporter's voice: no first or second person. */
const THIRD_PERSON_SUBJECT = String.raw`(?:he|she|it|${THIRD_PERSON_NAME}|${DESCRIPTION})`;

/**
 * ", he said." / ", Lyng added" / ", said Robert Murphy" / ", the spokeswoman said.": a reporting clause inside an
 * unclosed quotation (the subject then the verb, or the verb then a capitalised name; a description only as a whole
 * clause: ", the conference stressed the need" is speech). The speech ends at its comma.
 */
const REPORTING_CLAUSE = new RegExp(
  String.raw`,(?=\s+(?:${SUBJECT}\s+${VERB}\b|${DESCRIPTION}\s+(?:said|says|added|adds)\s*(?:[.,;]|$)|(?:said|added|says)\s+\p{Lu}))`,
  "u",
);

/** The end of the speech in an unclosed quotation [s, e) holding a reporting clause, else `e`. */
export function beforeReportingClause(text: string, s: number, e: number): number {
  const found = REPORTING_CLAUSE.exec(text.slice(s, e));
  return found ? s + found.index + 1 : e;
}

/**
 * "… a dividend to our common stockholders, he said.": a closing mark typed after the reporting clause instead of
 * before it. The clause ends the quoted text, so the speech ends at its comma.
 */
const TRAILING_CLAUSE = new RegExp(
  String.raw`,\s+(?:(?:he|she|they|we|I|(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s+(?:said|says|added|adds)|(?:said|says|added|adds)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s*\.?$`,
  "u",
);

/** The end of the speech in a closed quotation [s, e) whose last words are a reporting clause, else `e`. */
export function beforeTrailingClause(text: string, s: number, e: number): number {
  const found = TRAILING_CLAUSE.exec(text.slice(s, e));
  return found ? s + found.index + 1 : e;
}

/**
 * ", he said. " / ", said Ann Hale. " between two sentences of a closed quotation: the reporter's clause ends a
 * sentence and the speech goes on after it. A clause that goes on (", he said, adding…", ", he said of…") is not
 * read: only a subject and a verb, or a verb and a name, then the full stop.
 */
const CLAUSE_BETWEEN_SENTENCES = new RegExp(
  String.raw`,\s+(?:${THIRD_PERSON_SUBJECT}\s+${VERB}|${VERB}\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\.\s+(?=[\p{Lu}\p{N}])`,
  "u",
);

/**
 * The two stretches of speech of a closed quotation [s, e) that the reporter's clause cuts in two ("We will not
 * sell, she said. The offer was too low."): the first ends at the clause's comma, the second starts after its full
 * stop. Null when no such clause stands between two sentences of the quotation.
 */
export function clauseBetweenSentences(text: string, s: number, e: number): { firstEnd: number; secondStart: number } | null {
  const found = CLAUSE_BETWEEN_SENTENCES.exec(text.slice(s, e));
  if (!found) return null;
  return { firstEnd: s + found.index + 1, secondStart: s + found.index + found[0].length };
}

/** Words of a quotation before which a single mark may close a double one without punctuation ("'intelligent' coin"). */
const MAX_WORDS_BEFORE_BARE_SINGLE_CLOSE = 4;

/**
 * A double mark answered by a single one: "mark-to-market', figures showed…" / "…in a short time,' Azpurua said".
 * In an unclosed quotation [s, e) opened by a double mark, the first single mark (' or ’) that closes no single
 * mark opened inside it and stands after punctuation (,' .') or, within the first few words, after a word with
 * space or punctuation after it (not after an s: the players' union). Its offset, or -1. An apostrophe inside a word (it's) or a nested 'quotation'
 * is never read so.
 */
export function singleMarkClosing(text: string, s: number, e: number): number {
  let nested = 0;
  let wordsBefore = 0;
  let inWord = false;
  for (let i = s; i < e; i++) {
    const ch = text[i]!;
    const letter = /[\p{L}\p{N}]/u.test(ch);
    if (letter && !inWord) wordsBefore++;
    inWord = letter || (inWord && /[-'’]/u.test(ch) && i + 1 < e && /[\p{L}\p{N}]/u.test(text[i + 1]!));
    if (ch === "‘") {
      nested++;
      continue;
    }
    if (ch !== "'" && ch !== "’") continue;
    const before = i > s ? text[i - 1]! : " ";
    const after = i + 1 < e ? text[i + 1]! : " ";
    const afterIsEnd = /[\s,.;:!?)\]—–]/u.test(after) || i + 1 >= e;
    if (/[\s([{—–-]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) {
      nested++;
      continue;
    }
    if (!afterIsEnd) continue;
    if (nested > 0) {
      nested--;
      continue;
    }
    if (/[,.!?]/u.test(before)) return i;
    // After a word ending in s the mark is as likely a plural's apostrophe (the players' union).
    if (/[\p{L}\p{N}]/u.test(before) && !/s/iu.test(before) && wordsBefore <= MAX_WORDS_BEFORE_BARE_SINGLE_CLOSE) return i;
  }
  return -1;
}

/**
 * ". He said the fund…" / ". All the companies said they…" / ". The firm added…": a sentence of an unclosed
 * quotation whose subject, in the third person, is followed by said, added or told. The reporter speaks again:
 * the speech ends before it. A sentence with the speaker in it ("He said to me", "Somebody told us") is speech.
 */
const REPORTER_SENTENCE = new RegExp(
  String.raw`[.!?]\s+(?=(?:He|She|It|(?:The|A|An|All|Both|Some|Other|Several|Many)\s+(?:${DESCRIPTION_WORD}\s+){0,2}${DESCRIPTION_WORD}|${THIRD_PERSON_NAME})\s+(?:said|says|added|adds|told|tells)\b)`,
  "gu",
);
/** The speaker's own words in a sentence: it is theirs, not the reporter's. */
const FIRST_PERSON = /\b(?:I|me|my|mine|we|us|our|ours)\b/iu;

/** The end of the speech in an unclosed quotation [s, e) in which the reporter speaks again, else `e`. */
export function beforeReporterSentence(text: string, s: number, e: number): number {
  const content = text.slice(s, e);
  for (const m of content.matchAll(REPORTER_SENTENCE)) {
    // "Mr. Putin said", "George W. Bush said": the full stop ends an abbreviation, not a sentence.
    const word = /([\p{L}.]+)[.!?]$/u.exec(content.slice(Math.max(0, m.index - 12), m.index + 1))?.[1]?.toLowerCase() ?? "";
    if (word.length === 1 || SENTENCE_ABBREVIATIONS.has(word) || word.includes(".")) continue;
    const sentence = sentenceRanges(content, m.index + m[0].length, content.length)[0]!;
    if (FIRST_PERSON.test(content.slice(sentence.start, sentence.end))) continue;
    return s + m.index + 1;
  }
  return e;
}
