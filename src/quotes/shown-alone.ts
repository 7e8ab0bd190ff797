/**
 * Which quotations /quote shows as quotations of their own. Extraction keeps every span of speech it finds (the
 * evaluations count them, and a transcript keeps every paragraph), but an editor asking for someone's words wants
 * whole stretches of speech, not the reporter's sentence with a word or two in quotation marks, nor a greeting.
 *
 * - A word or two woven into the reporter's sentence ("prematurely", "severe", a bond's or programme's name) is a
 *   scare quote or a label, not a quotation to cite on its own. A short quotation that is a whole utterance stays:
 *   it stands at the start of its sentence and ends with its own punctuation ("No," he said. / "Never." she replied).
 * - A form of address ("Madam President,", "Colleagues,", "Ladies and gentlemen,") says nothing.
 */
import { words } from "../text/words.js";
import type { Quotation } from "./types.js";

/** Quotations of this many words or fewer are shown only when they are a whole utterance. */
export const SHORT_QUOTATION_WORDS = 2;

/** The words a form of address is made of, lower case. */
const ADDRESS_WORDS = new Set(
  `madam madame mister mr mrs ms miss sir president vice chair chairman chairwoman chairperson speaker secretary
  general secretary-general director-general vice-president minister prime ambassador director colleagues colleague friends friend comrades comrade ladies gentlemen
  dear my our and distinguished honourable honorable delegates members guests participants excellency
  excellencies your majesty highness honour honor lord lords lordships fellow citizens everyone all`.split(/\s+/),
);
/** Words that may follow "fellow" ("My fellow Americans,") or close an address ("Dear friends and partners,"). */
const ADDRESS_AFTER_FELLOW = /^\p{L}+$/u;
const MAX_ADDRESS_WORDS = 6;

/** Whether /quote may show this quotation as one of its own. */
export function shownAlone(q: Pick<Quotation, "text" | "kind">): boolean {
  const ws = words(q.text);
  if (isFormOfAddress(q.text, ws)) return false;
  if (ws.length > SHORT_QUOTATION_WORDS || q.kind === "transcript") return true;
  // A whole utterance: a sentence of its own (extraction's "direct") that ends with its own punctuation.
  return q.kind === "direct" && /[.!?,;:…—–-]$/u.test(q.text.trimEnd());
}

/** "Madam President,", "Colleagues,", "Ladies and gentlemen,", "My fellow Americans,": greeting, no statement. */
export function isFormOfAddress(text: string, ws: ReadonlyArray<{ text: string }> = words(text)): boolean {
  if (ws.length === 0 || ws.length > MAX_ADDRESS_WORDS) return false;
  // A greeting ends on a comma, a colon or an exclamation mark (or stands alone, as a transcript paragraph).
  if (!/[\p{L},:!]$/u.test(text.trimEnd())) return false;
  return ws.every((w, i) => {
    const word = w.text.toLowerCase().replace(/\.$/, "");
    if (ADDRESS_WORDS.has(word)) return true;
    return i > 0 && ws[i - 1]!.text.toLowerCase() === "fellow" && ADDRESS_AFTER_FELLOW.test(w.text);
  });
}
