/**
 * Folding: the one place where accents and case are taken out of text for comparing it. Three strengths:
 *
 * - `withoutAccents`: accents dropped, case kept ("Spoljarić" -> "Spoljaric"), for spellings a user may type
 *   (the registry's aliases).
 * - `foldAccentsAndCase`: accents and case ("Ángela" -> "angela"), for matching what a user types against a
 *   name, and for the statements' tokens and the analysis word lists.
 * - `foldText`: the search analysis's folding (index terms, name keys, phrase keys): lower case first, then
 *   accents, then the letters that do not decompose spelt out ("Straße" -> "strasse", "Łódź" -> "lodz").
 *
 * All three decompose with NFKD and drop the combining marks. `foldText` lowers the case before decomposing and
 * `foldAccentsAndCase` after: the two differ only on compatibility characters (ℂ, ᴬ, ϒ: `foldText` keeps the
 * capital a decomposition yields). `foldText` stays as it is because index terms depend on it (a change is an
 * `ANALYSIS_VERSION` bump and rebuilds every passage index); the other callers keep what they always had.
 */
import { table } from "../core/table.js";

/** Letters that NFKD does not decompose into a base letter plus a mark. */
const SPECIAL_LETTERS = table<string>({
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ŀ: "l",
});

const NON_ASCII = /[\u0080-\uffff]/;

/** Accents dropped, case kept: "Spoljarić" -> "Spoljaric". */
export function withoutAccents(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "");
}

/** Accents and case: "Ángela Merkel" -> "angela merkel". */
export function foldAccentsAndCase(text: string): string {
  // ASCII has no decompositions and no marks: lower case is all its folding (and most words are ASCII).
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return withoutAccents(text).toLowerCase();
}

/** Case and diacritic folding of the search analysis: "Spoljarić" -> "spoljaric", "Straße" -> "strasse". Length may change. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßæœøłđðþıŀ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}
