/**
 * Rule "plural opener": a capitalised plural noun opening a sentence, its reporting verb in the plural — "Pollsters
 * agree: …", "Forecasters warn that …" — is a group of people, not someone named "Pollsters". A surname takes the
 * singular ("Spoljaric says", "Spoljaric said"), so the plural verb tells the two apart.
 */

/** Irregular past forms: they agree with any subject ("Jones told", "Pollsters told"). */
const PAST = new Set(["said", "told", "wrote", "spoke", "thought", "felt", "put"]);

/** Whether `word` opening a sentence is a plural noun, by the reporting verb `verb` that follows it. */
export function isPluralOpener(word: string, verb: string): boolean {
  const l = verb.toLowerCase();
  if (!/^\p{Lu}\p{Ll}+s$/u.test(word) || /(?:ss|us|is)$/.test(word)) return false;
  // The verb's plain present: not "-s", "-ed", "-ing", nor an irregular past.
  return !/(?:s|ed|ing)$/.test(l) && !PAST.has(l);
}
