/**
 * Name keys for quotation work: keys that fold case, diacritics and transliteration variants (Sergei = Sergey,
 * Spoljarić = Spoljaric), and how far two name tokens may differ (words: src/text/words.ts).
 */
import { analysisData } from "../text/analysis-data.js";
import { editDistance } from "../text/edit-distance.js";
import { foldText } from "../text/fold.js";

/** Folded key of one name token: "Spoljarić’s" -> "spoljaric", "Sergei" -> "sergey". */
export function nameKey(token: string): string {
  let key = nameKeys.get(token);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEY_CACHE_LIMIT) nameKeys.clear();
    key = computeNameKey(token);
    nameKeys.set(token, key);
  }
  return key;
}

/** nameKey is asked about the same few thousand names over and over: remembered (the data files never change). */
const nameKeys = new Map<string, string>();
const NAME_KEY_CACHE_LIMIT = 100_000;

function computeNameKey(token: string): string {
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
