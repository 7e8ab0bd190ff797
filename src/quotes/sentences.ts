/**
 * Sentence bounds inside one paragraph, computed with quotation contents masked out so that a full stop inside
 * a quotation does not end the reporting sentence around it ("“…,” he said." is one sentence).
 */

export interface Range {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr st jr sr gen gov sen rep lt col sgt prof rev vs no inc ltd co corp jan feb mar apr aug sept sep oct
  nov dec fig mt ft approx est dept univ messrs capt cmdr adm maj supt insp det`
    .split(/\s+/)
    .filter(Boolean),
);

const CLOSERS = `"”’'»)]`;
const OPENERS = `"“‘'«(`;

/**
 * Sentence ranges covering [from, to). `quotes` are content ranges (marks excluded) to mask: their text does
 * not split sentences, except that a quotation ending in . ! ? followed by a new sentence still ends one.
 */
export function sentenceRanges(text: string, from: number, to: number, quotes: readonly Range[]): Range[] {
  // Keep the quotation's last character visible: "… war." ends a sentence, "… war," does not. (Asked only at
  // . ! ? characters: a paragraph has few quotations, and a mask array per paragraph cost more.)
  const masked = (i: number) => quotes.some((q) => q.start <= i && i < Math.min(q.end, to) - 1);
  const out: Range[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f) continue; // . ! ?
    if (masked(i)) continue;
    const ch = text[i]!;
    let j = i + 1;
    while (j < to && CLOSERS.includes(text[j]!)) j++;
    if (j >= to) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < to && /\s/.test(text[k]!)) k++;
    if (k >= to) break;
    const next = text[k]!;
    if (!(/[\p{Lu}\p{N}]/u.test(next) || OPENERS.includes(next))) continue;
    if (ch === "." && isAbbreviation(text, from, i) && !(endsDottedAbbreviation(text, from, i) && OPENING_WORDS.has(firstWord(text, k, to)))) continue;
    out.push({ start, end: j });
    start = k;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

/**
 * Words that open a sentence and never follow "U.S." or "D.C." inside one: "… from entering the U.S. While
 * Clinton …" ends a sentence there. (After a title or an initial — "Mr. While", "W. Bush" — they do not count.)
 */
const OPENING_WORDS = new Set(
  "The While But And However He She They We It I In On At As After Before When If This That These Those Still Yet So Meanwhile".split(" "),
);

function firstWord(text: string, at: number, to: number): string {
  return /^[\p{L}]+/u.exec(text.slice(at, Math.min(to, at + 20)))?.[0] ?? "";
}

/** "U.S.", "D.C.": letters and full stops, two full stops at least. */
function endsDottedAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  return /^(?:\p{Lu}\.)+\p{Lu}$/u.test(text.slice(s, dot));
}

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  // The end of a longer word with digits or a hyphen ("over-65s.", "1990s."), not an initial or an abbreviation.
  if (s > from && /[\p{N}-]/u.test(text[s - 1]!)) return false;
  if (word.length === 1) return true; // an initial: "George W. Bush"
  if (word.includes(".")) return true; // "U.S." mid-sentence
  return ABBREVIATIONS.has(word);
}

/** The range containing `at`, or the last one before it. */
export function rangeAt(ranges: readonly Range[], at: number): Range | undefined {
  let found: Range | undefined;
  for (const r of ranges) {
    if (r.start <= at) found = r;
    else break;
  }
  return found;
}
