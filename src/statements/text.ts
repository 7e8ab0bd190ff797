/**
 * Offset-preserving word tokens for statement matching (its sentences and clauses: src/text/sentences.ts). Every
 * token keeps `start`/`end` offsets into the text it was cut from, so renderings can always be sliced verbatim.
 */

import { foldAccentsAndCase } from "../text/fold.js";
import type { Range } from "../text/sentences.js";
import { WORD_PATTERNS } from "../text/words.js";

export type Span = Range;

export interface Token extends Span {
  /** Lower case, diacritics removed, apostrophes dropped ("west’s" -> "wests" is avoided: possessive cut). */
  folded: string;
}

// Numbers keep their inner separators ("2,000", "3.5"); words keep inner apostrophes ("don't", "West’s").
const TOKEN = new RegExp(WORD_PATTERNS.statements);

/** Word and number tokens of `text[from, to)`, offsets into `text`. */
export function tokens(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    // Possessive and contracted forms: "west’s" -> "west", "don’t" -> "dont".
    const word = foldAccentsAndCase(text.slice(m.index, end))
      .replace(/['’]s$/, "")
      .replace(/['’]/g, "");
    out.push({ start: m.index, end, folded: word });
  }
  return out;
}
