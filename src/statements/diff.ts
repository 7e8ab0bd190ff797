/**
 * Word-by-word differences between two renderings of one statement (a longest common subsequence over folded
 * words, spelling variants unified), and the differences that change what was said: a number, a negation, a
 * hedge, a different subject.
 */
import { table } from "../core/table.js";
import type { Marks } from "../core/reply.js";
import { analysisData } from "../text/analysis-data.js";
import { termKey } from "./terms.js";
import { tokens, type Token } from "./text.js";

export type MaterialKind = "number" | "negation" | "hedge" | "subject";

export interface MaterialDifference {
  kind: MaterialKind;
  /** Plain text for a context line: "number differs: 10 vs 11". */
  detail: string;
}

export interface RenderingDiff {
  /** Ranges inside the other rendering's text whose words the reference does not have. */
  added: Marks;
  /** Ranges inside the reference's text whose words the other rendering does not have. */
  removed: Marks;
  /** Words in common, in order. */
  common: number;
  /** True when the two have exactly the same words (case, accents and punctuation aside). */
  identical: boolean;
  material: MaterialDifference[];
}

/** Longer texts are compared by their first words only: LCS is quadratic. */
const MAX_TOKENS = 400;

function comparable(text: string): Token[] {
  const { variants } = analysisData();
  return tokens(text)
    .slice(0, MAX_TOKENS)
    .map((t) => ({ ...t, folded: variants.get(t.folded) ?? t.folded }));
}

/** Compares `other` against `reference` (the primary source). */
export function diffRenderings(reference: string, other: string): RenderingDiff {
  const a = comparable(reference);
  const b = comparable(other);
  const { inA, inB, length } = lcs(a, b);
  return {
    added: ranges(b, inB),
    removed: ranges(a, inA),
    common: length,
    identical: length === a.length && length === b.length,
    material: materialDifferences(reference, other),
  };
}

/** Which tokens of each side belong to one longest common subsequence. */
function lcs(a: readonly Token[], b: readonly Token[]): { inA: boolean[]; inB: boolean[]; length: number } {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] =
        a[i]!.folded === b[j]!.folded ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const inA = new Array<boolean>(n).fill(false);
  const inB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.folded === b[j]!.folded) {
      inA[i++] = true;
      inB[j++] = true;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return { inA, inB, length: table[0]![0]! };
}

/** Runs of unmatched tokens as [start, end) ranges (a run spans the spaces between its words). */
function ranges(list: readonly Token[], matched: readonly boolean[]): Marks {
  const out: Array<[number, number]> = [];
  list.forEach((t, i) => {
    if (matched[i]) return;
    const last = out[out.length - 1];
    if (last && i > 0 && !matched[i - 1]) last[1] = t.end;
    else out.push([t.start, t.end]);
  });
  return out;
}

const NEGATIONS = new Set(
  "not no never neither nor without none nobody nothing nowhere cannot dont doesnt didnt isnt wasnt arent werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt aint".split(
    " ",
  ),
);

const HEDGES = new Set(
  "may might could reportedly allegedly alleged apparently possibly perhaps probably likely about some around approximately roughly nearly almost unconfirmed believed suggest suggests suggested seem seems seemed appear appears appeared estimated".split(
    " ",
  ),
);

const NUMBER_WORDS = table<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, dozen: 12, dozens: 12,
});

export function materialDifferences(reference: string, other: string): MaterialDifference[] {
  const a = tokens(reference);
  const b = tokens(other);
  const out: MaterialDifference[] = [];

  const numbersA = numbersOf(a);
  const numbersB = numbersOf(b);
  const onlyA = multisetMinus(numbersA, numbersB);
  const onlyB = multisetMinus(numbersB, numbersA);
  if (onlyA.length || onlyB.length) {
    out.push({ kind: "number", detail: `number differs: ${onlyA.join(", ") || "none"} vs ${onlyB.join(", ") || "none"}` });
  }

  const negA = a.filter((t) => NEGATIONS.has(t.folded)).map((t) => t.folded);
  const negB = b.filter((t) => NEGATIONS.has(t.folded)).map((t) => t.folded);
  if (negA.length !== negB.length) {
    const [more, where] = negA.length > negB.length ? [multisetMinus(negA, negB), "primary"] : [multisetMinus(negB, negA), "this rendering"];
    out.push({ kind: "negation", detail: `negation: “${more.join("”, “")}” only in ${where}` });
  }

  const hedgeA = new Set(a.filter((t) => HEDGES.has(t.folded)).map((t) => t.folded));
  const hedgeB = new Set(b.filter((t) => HEDGES.has(t.folded)).map((t) => t.folded));
  const hedgeOnlyA = [...hedgeA].filter((h) => !hedgeB.has(h));
  const hedgeOnlyB = [...hedgeB].filter((h) => !hedgeA.has(h));
  if (hedgeOnlyA.length) out.push({ kind: "hedge", detail: `hedge: “${hedgeOnlyA.join("”, “")}” only in primary` });
  if (hedgeOnlyB.length) out.push({ kind: "hedge", detail: `hedge: “${hedgeOnlyB.join("”, “")}” only in this rendering` });

  const subjectA = subjectOf(reference);
  const subjectB = subjectOf(other);
  if (subjectA && subjectB && differentSubjects(subjectA, subjectB, a, b)) {
    out.push({ kind: "subject", detail: `different subject: “${subjectA.text}” vs “${subjectB.text}”` });
  }
  return out;
}

function numbersOf(list: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of list) {
    if (/^\d/.test(t.folded)) {
      const m = /^(\d+(?:[.,]\d+)*)(.*)$/.exec(t.folded)!;
      // "2,000" and "2000" are one number; a unit ("10%", "5bn") stays part of it.
      out.push(m[1]!.replace(/,(?=\d{3}\b)/g, "") + m[2]!);
    } else if (t.folded in NUMBER_WORDS) out.push(String(NUMBER_WORDS[t.folded]));
  }
  return out;
}

function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/** Sentence openers that stand before the subject ("Instead, ...", "Once again, ...", "In many ways, ..."). */
const OPENERS = new Set(
  "in on at once instead meanwhile however also still now then for over after before during since as while according with of finally first moreover indeed again later earlier yesterday today".split(
    " ",
  ),
);
/** Starts with no subject of their own: fragments, relative and infinitive clauses. */
const NO_SUBJECT = new Set(
  "to including and or but which who whom whose where when that because if although though so of by for from with in on at as than into about".split(
    " ",
  ),
);
const PRONOUNS = table<string>({
  i: "i", me: "i", we: "we", us: "we", you: "you", he: "he", him: "he", she: "she", her: "she", it: "it",
  they: "they", them: "they", what: "what", this: "this",
});
const DETERMINERS = new Set("the a an this these those its their our his her your my many some all most several".split(" "));
/** Words that end a subject noun phrase: auxiliaries and common reporting verbs. */
const VERB_STARTS = new Set(
  "is are was were be been being has have had will would can could may might must shall should do does did said says faced face get got".split(
    " ",
  ),
);

interface Subject {
  key: string;
  text: string;
  pronoun: boolean;
}

/**
 * "We" against "they" is a different subject; a pronoun against a noun phrase is usually a paraphrase's
 * restructuring ("We are certain that the policy ..." / "a balanced line ..."), and a subject that the other
 * rendering names as the agent ("... by the Ukrainian regime") is a change of voice: neither is flagged.
 */
function differentSubjects(a: Subject, b: Subject, tokensA: readonly Token[], tokensB: readonly Token[]): boolean {
  if (a.key === b.key || a.pronoun !== b.pronoun) return false;
  if (a.pronoun) return true;
  const mentions = (key: string, list: readonly Token[]) => list.some((t) => termKey(t.folded) === key);
  return !isAgent(a.key, tokensB) && !isAgent(b.key, tokensA) && !mentions(a.key, tokensB) && !mentions(b.key, tokensA);
}

/** The grammatical subject, roughly: a leading pronoun, or the head of the first noun phrase. Null when unclear. */
export function subjectOf(text: string): Subject | null {
  let words = tokens(text);
  const first = words[0];
  if (!first) return null;
  // Skip an opening adverbial that ends at a comma within the first few words ("In many ways, what ...").
  if (OPENERS.has(first.folded)) {
    const comma = words.findIndex((w, i) => i > 0 && i < 6 && text.slice(words[i - 1]!.end, w.start).includes(","));
    if (comma > 0) words = words.slice(comma);
  }
  const head = words[0];
  if (!head || NO_SUBJECT.has(head.folded)) return null;
  // "Many of them" -> "them".
  const third = words[2];
  if (DETERMINERS.has(head.folded) && words[1]?.folded === "of" && third && third.folded in PRONOUNS) {
    return { key: PRONOUNS[third.folded]!, text: third.folded, pronoun: true };
  }
  if (head.folded in PRONOUNS) return { key: PRONOUNS[head.folded]!, text: head.folded, pronoun: true };
  const window = words.slice(0, 6);
  const phrase: Token[] = [];
  for (const [i, w] of window.entries()) {
    // A past-tense verb ("shelled", "denied") ends the phrase, though not as its first word.
    const pastTense = i > 0 && w.folded.length > 4 && w.folded.endsWith("ed");
    if (VERB_STARTS.has(w.folded) || NO_SUBJECT.has(w.folded) || pastTense) break;
    phrase.push(w);
  }
  // No verb in sight: not a clause whose subject we can name.
  if (phrase.length === window.length) return null;
  const content = phrase.filter((w) => !DETERMINERS.has(w.folded));
  const last = content[content.length - 1];
  const key = last ? termKey(last.folded) : null;
  return key ? { key, text: content.map((w) => w.folded).join(" "), pronoun: false } : null;
}

/** A passive agent: "... by the Ukrainian regime" names the other rendering's subject. */
function isAgent(subjectKey: string, list: readonly Token[]): boolean {
  const byAt = list.findIndex((t) => t.folded === "by");
  if (byAt < 0) return false;
  return list.slice(byAt + 1, byAt + 5).some((t) => termKey(t.folded) === subjectKey || PRONOUNS[t.folded] === subjectKey);
}
