/**
 * The analysed words of the speakers' names and aliases: a misspelt topic word is never read as one of them
 * (book.ts `respelled`). Made in steps (statements/steps.ts), for a running bot to make them in time slices
 * before a query needs them.
 */
import { normalizeTerm, tokenize } from "../text/analysis.js";
import type { Steps } from "../statements/steps.js";
import type { Speaker } from "./types.js";

/** Speakers handled between two pauses. */
const SPEAKERS_PER_STEP = 2000;

const SPACE = /\s+/;

/**
 * The same words as analysing each name whole: no word token spans white space (analysis.ts `tokenize`), so each
 * run of non-space characters is analysed once however many names and aliases share it ("Maria", "Zakharova",
 * "Ms Zakharova").
 */
export function* nameWordSteps(speakers: readonly Speaker[]): Steps<Set<string>> {
  const words = new Set<string>();
  const seen = new Set<string>();
  const addPieces = (name: string) => {
    for (const piece of name.split(SPACE)) {
      if (piece === "" || seen.has(piece)) continue;
      seen.add(piece);
      for (const token of tokenize(piece)) {
        const term = normalizeTerm(token.term);
        if (term !== null) words.add(term);
      }
    }
  };
  for (let i = 0; i < speakers.length; i++) {
    const speaker = speakers[i]!;
    addPieces(speaker.name);
    for (const alias of speaker.aliases) addPieces(alias);
    if (i % SPEAKERS_PER_STEP === SPEAKERS_PER_STEP - 1) yield;
  }
  return words;
}
