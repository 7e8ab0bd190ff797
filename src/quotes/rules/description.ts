/**
 * Rule "description": "the Dutchman", "the 47-year-old", "the Glasgow Kelvin MP", "the American" stand for someone
 * named earlier. Resolved to that person when the article supports it — a nationality, an age or a place named
 * beside them, or their office — else to the person the story is about, with a confidence low enough to be shown
 * as uncertain.
 */
import { CONFIDENCE } from "./confidence.js";
import type { Range } from "../../text/sentences.js";

/** The description matches what the article says of the person. */
export const DESCRIPTION_SUPPORTED_CONFIDENCE = CONFIDENCE.descriptionSupported;
/** Nothing in the article ties the description to anyone: the latest person talked about, flagged uncertain. */
export const DESCRIPTION_GUESSED_CONFIDENCE = CONFIDENCE.descriptionGuessed;

/** Nationality nouns and the words that say so beside a name. */
const NATIONALITIES: Record<string, string[]> = {
  dutchman: ["dutch", "netherlands", "holland"],
  dutchwoman: ["dutch", "netherlands", "holland"],
  irishman: ["irish", "ireland"],
  irishwoman: ["irish", "ireland"],
  frenchman: ["french", "france"],
  frenchwoman: ["french", "france"],
  englishman: ["english", "england"],
  scotsman: ["scottish", "scotland", "scot"],
  welshman: ["welsh", "wales"],
  scot: ["scottish", "scotland"],
  briton: ["british", "britain"],
  american: ["american", "united states", "america"],
  german: ["german", "germany"],
  italian: ["italian", "italy"],
  spaniard: ["spanish", "spain"],
  australian: ["australian", "australia"],
  canadian: ["canadian", "canada"],
  russian: ["russian", "russia"],
  argentine: ["argentine", "argentina"],
  brazilian: ["brazilian", "brazil"],
  swede: ["swedish", "sweden"],
  // People of a US state ("the Texan" for the former Texas governor).
  texan: ["texas", "tex."],
  californian: ["california", "calif."],
  floridian: ["florida", "fla."],
  ohioan: ["ohio"],
  iowan: ["iowa"],
  georgian: ["georgia", "ga."],
  virginian: ["virginia", "va."],
  arizonan: ["arizona", "ariz."],
  kansan: ["kansas", "kan."],
  vermonter: ["vermont", "vt."],
};
const FEMALE = /woman$/;
const MALE = /man$/;

const HEADS = Object.keys(NATIONALITIES).map((k) => k.charAt(0).toUpperCase() + k.slice(1));
const DESCRIPTION = new RegExp(String.raw`\b[Tt]he\s+(?:(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})\s+)?(\d{1,3}-year-old|MP|${HEADS.join("|")})\b`, "gu");
/** "the American embassy": a nationality adjective before a noun is no person; before a verb it is. */
const ADJECTIVE_HEAD = /^(?:American|German|Italian|Australian|Canadian|Russian|Argentine|Brazilian)$/;
const VERB_AFTER = /^\s+(?:said|says|added|told|insisted|explained|admitted|replied|warned|argued|who|has|had|was|is|will|would)\b/;

export interface DescriptionPhrase {
  start: number;
  end: number;
  /** "dutchman", "47-year-old", "mp" */
  head: string;
  /** Capitalised words before the head: a place or a party ("Glasgow Kelvin", "Vermont"). */
  modifier: string;
}

export function descriptionPhrases(text: string, sentence: Range, masked: ReadonlyArray<{ start: number; end: number }>): DescriptionPhrase[] {
  const slice = text.slice(sentence.start, sentence.end);
  const out: DescriptionPhrase[] = [];
  for (const m of slice.matchAll(DESCRIPTION)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (masked.some((q) => start < q.end && end > q.start)) continue;
    if (ADJECTIVE_HEAD.test(m[2]!) && /^\s+\p{L}/u.test(text.slice(end, end + 3)) && !VERB_AFTER.test(text.slice(end, end + 20))) continue;
    out.push({ start, end, head: m[2]!.toLowerCase(), modifier: m[1] ?? "" });
  }
  return out;
}

export function descriptionGender(head: string): "male" | "female" | null {
  return FEMALE.test(head) ? "female" : MALE.test(head) ? "male" : null;
}

export interface Candidate<E> {
  entity: E;
  /** Text before and after each naming of the candidate, quotations blanked, lower-cased. */
  contexts: Array<{ before: string; after: string }>;
  /** Title words the article gives them ("mp", "senator"). */
  descriptors: ReadonlySet<string>;
}

function attachedBefore(raw: string): string {
  // The full stop of a title ("gov. rick perry") does not end the phrase.
  const before = raw.replace(/\b(gov|sen|rep|gen|dr|mr|mrs|ms|lt|col|st|prof|rev|atty|pres|u\.s)\. /g, "$1  ");
  const cut = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(". "), before.lastIndexOf(" and "), before.lastIndexOf("“"), before.lastIndexOf('"'));
  return before.slice(cut + 1);
}

function attachedAfter(after: string): string {
  const apposition = /^\s*(?:\(|,)([^,;()]*)/.exec(after);
  return apposition ? apposition[1]! : "";
}

/** Whether what the article says of a candidate supports the description. */
export function supports<E>(phrase: DescriptionPhrase, candidate: Candidate<E>): boolean {
  // What is said of them in the same noun phrase: the title words before the name ("former Texas Gov. Rick
  // Perry") and an apposition after it ("Rick Perry, the former Texas governor,"), not a neighbour's words ("the
  // Texas senator and Donald Trump").
  const near = candidate.contexts.map((c) => `${attachedBefore(c.before)} ${attachedAfter(c.after)}`).join(" ");
  // An age right beside the name: "Ellen Cho, 61," or "the 61-year-old Ellen Cho".
  const age = /^(\d+)-year-old$/.exec(phrase.head)?.[1];
  if (age) return candidate.contexts.some((c) => new RegExp(String.raw`^\W{0,3}${age}\b`).test(c.after) || new RegExp(String.raw`\b${age}-year-old\s+(?:\S+\s+){0,2}$`).test(c.before));
  if (phrase.head === "mp" && !candidate.descriptors.has("mp") && !/\bmp\b/.test(near)) return false;
  const nationality = NATIONALITIES[phrase.head];
  if (nationality && !nationality.some((w) => new RegExp(String.raw`(?:^|[^\p{L}])${w.replace(".", "\\.")}(?:[^\p{L}]|$)`, "u").test(near))) return false;
  if (phrase.modifier && !phrase.modifier.toLowerCase().split(/\s+/).some((w) => near.includes(w))) return false;
  return true;
}
