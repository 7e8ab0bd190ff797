/**
 * Small text helpers for quotation work: word scanning with offsets, sentence bounds, and name keys that fold
 * case, diacritics and transliteration variants (Sergei = Sergey, Spoljarić = Spoljaric).
 */
import { analysisData } from "../search/analysis-data.js";
import { foldText } from "../search/analysis.js";

export interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Words (letters, digits, inner apostrophes, hyphens and dots as in "U.S." or "Secretary-General"). UTF-8 read as
 * Latin-1 ("PeÃ±a" for "Peña") keeps the byte after Ã or Â inside the word, so the name stays whole.
 */
const LETTER = String.raw`(?:[\p{L}\p{M}\p{N}]|(?<=[ÂÃ]|A[\u0302\u0303])[\u0080-\u00BF])`; // Ã may be decomposed (A + U+0303)
const WORD = new RegExp(String.raw`(?:\p{Lu}\.){2,}|${LETTER}+(?:['’‘\-.]${LETTER}+)*`, "gu");

export function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Folded key of one name token: "Spoljarić’s" -> "spoljaric", "Sergei" -> "sergey". */
export function nameKey(token: string): string {
  let folded = foldText(token).replace(/[’‘]/g, "'");
  folded = folded.replace(/'s$/, "").replace(/\.$/, "");
  return analysisData().variants.get(folded) ?? folded;
}

/** Folded key of a whole name: tokens keyed and joined by one space. */
export function fullNameKey(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map(nameKey)
    .join(" ");
}

/** Strips a possessive ending: "Russia’s" -> "Russia". */
export function stripPossessive(token: string): { base: string; possessive: boolean } {
  const m = /^(.*?)['’]s?$/u.exec(token);
  if (m && m[1] && (token.endsWith("’s") || token.endsWith("'s") || /s['’]$/.test(token))) {
    return { base: m[1], possessive: true };
  }
  return { base: token, possessive: false };
}

/** Damerau-Levenshtein (optimal string alignment) distance, capped: returns cap+1 once past it. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > cap) return cap + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many typos a name token of this length may carry and still match. */
export function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Two name tokens match when their keys are equal or differ by a small typo. */
export function nameTokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const allowance = Math.min(typoAllowance(a.length), typoAllowance(b.length));
  if (allowance === 0) return false;
  return editDistance(a, b, allowance) <= allowance;
}
