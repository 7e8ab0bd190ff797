/**
 * Rule "one organisation": an article names a body in full and then short — "Football Association" and "FA",
 * "Rugby Football Union" and "RFU", "Merrill Lynch" and "Merrill", "Cairn Energy" and "Cairn". They are one
 * speaker, shown by the full name. Acronyms are read from the full name's initials or from the newsroom glossary
 * (data/acronyms.tsv). Across articles the registry joins them the same way (registry.ts `acronymExpansionSteps`).
 */
import { analysisData } from "../../text/analysis-data.js";
import { foldText } from "../../text/fold.js";

export interface NamedBody {
  kind: "person" | "organisation" | "role";
  name: string;
  /** Named with a title or a known first name: surely a person, never a body. */
  sure: boolean;
}

/** Words that do not count in initials: "Organisation of the Petroleum Exporting Countries" -> OPEC. */
const SMALL_WORDS = new Set(["of", "the", "and", "for", "de", "du", "&"]);

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}

function isAcronym(name: string): boolean {
  return /^\p{Lu}{2,6}$/u.test(name);
}

/** Could be a body: an organisation, or a name we could not tell to be a person ("Cairn Energy"). */
function bodyLike(e: NamedBody): boolean {
  return e.kind === "organisation" || (e.kind === "person" && !e.sure);
}

let glossary: Map<string, Set<string>> | null = null;

function expansions(acronym: string): ReadonlySet<string> {
  glossary ??= new Map(analysisData().glossary.map((g) => [g.acronym, new Set(g.expansions.map((x) => foldText(x)))]));
  return glossary.get(acronym) ?? new Set();
}

/** Whether `short` and `full` name one body: an acronym of it, or its first word. */
function shortFor(short: string, full: string): boolean {
  const words = full.split(/\s+/);
  if (words.length < 2) return false;
  if (isAcronym(short)) return initials(full) === short || expansions(short).has(foldText(full));
  return !short.includes(" ") && foldText(words[0]!) === foldText(short);
}

/** Whether `acronym` ("FA", "RFU") abbreviates the body named `full` ("Football Association"). */
export function abbreviates(acronym: string, full: string): boolean {
  return isAcronym(acronym) && full.split(/\s+/).length >= 2 && (initials(full) === acronym || expansions(acronym).has(foldText(full)));
}

/** Whether a body's name is an acronym ("FA", "NATO"). */
export function isAcronymName(name: string): boolean {
  return isAcronym(name);
}

/** Whether a body named `name` (of kind `kind`, surely a person or not) is the entity `e` named before. */
export function sameOrganisation(e: NamedBody, name: string, kind: NamedBody["kind"], sure: boolean): boolean {
  const named: NamedBody = { kind, name, sure };
  if (!bodyLike(e) || !bodyLike(named)) return false;
  return shortFor(name, e.name) || shortFor(e.name, name);
}
