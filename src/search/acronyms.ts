/**
 * Acronyms the corpus defines itself: "International Committee of the Red Cross (ICRC)" and
 * "IHL (international humanitarian law)". A pair is kept only when the acronym's letters are the initials of
 * the long form's words (stop words may be skipped or may give a letter: "Bank of England (BoE)").
 */
import { analysisData } from "../text/analysis-data.js";
import { foldText } from "../text/fold.js";

export interface LearnedAcronym {
  acronym: string;
  expansion: string;
}

const ACRONYM = String.raw`\p{Lu}[\p{L}&]{0,8}`;
const LONG_THEN_SHORT = new RegExp(String.raw`\(\s*(${ACRONYM})\s*\)`, "gu");
const SHORT_THEN_LONG = new RegExp(String.raw`(?<![\p{L}\p{N}])(${ACRONYM})\s*\(([^()\n]{3,120})\)`, "gu");

export function learnAcronyms(text: string): LearnedAcronym[] {
  const found: LearnedAcronym[] = [];
  for (const match of text.matchAll(LONG_THEN_SHORT)) {
    const letters = acronymLetters(match[1]!);
    if (!letters) continue;
    const before = words(text.slice(Math.max(0, match.index - 200), match.index));
    const maxWords = letters.length * 2 + 2;
    // The shortest run of words just before the parenthesis that spells the acronym.
    for (let from = before.length - 1; from >= Math.max(0, before.length - maxWords); from--) {
      const candidate = before.slice(from);
      if (spells(candidate, letters)) {
        found.push({ acronym: match[1]!, expansion: candidate.join(" ") });
        break;
      }
    }
  }
  for (const match of text.matchAll(SHORT_THEN_LONG)) {
    const letters = acronymLetters(match[1]!);
    if (!letters) continue;
    const inside = words(match[2]!);
    if (spells(inside, letters)) found.push({ acronym: match[1]!, expansion: inside.join(" ") });
  }
  return found;
}

/** The letters an acronym stands for, lower-cased ("POWs" -> "pow"), or null when it is not an acronym. */
function acronymLetters(acronym: string): string | null {
  const single = /^\p{Lu}[\p{L}&]*\p{Lu}s$/u.test(acronym) ? acronym.slice(0, -1) : acronym;
  const letters = single.replace(/&/g, "");
  if (letters.length < 2 || letters.length > 8) return null;
  if ((letters.match(/\p{Lu}/gu) ?? []).length < 2) return null;
  return foldText(letters);
}

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
}

/** Whether the words spell the letters by their initials (hyphenated words may give one letter per part). */
function spells(list: readonly string[], letters: string): boolean {
  const { stopWords } = analysisData();
  const first = list[0];
  if (!first || stopWords.has(foldText(first)) || foldText(first)[0] !== letters[0]) return false;
  const fits = (w: number, l: number): boolean => {
    if (w === list.length) return l === letters.length;
    const word = list[w]!;
    const folded = foldText(word);
    if (stopWords.has(folded) && w > 0 && fits(w + 1, l)) return true;
    if (l < letters.length && folded[0] === letters[l] && fits(w + 1, l + 1)) return true;
    const parts = folded.split("-").filter(Boolean);
    if (parts.length > 1 && l + parts.length <= letters.length) {
      const initials = parts.map((p) => p[0]).join("");
      if (initials === letters.slice(l, l + parts.length) && fits(w + 1, l + parts.length)) return true;
    }
    return false;
  };
  return fits(0, 0);
}
