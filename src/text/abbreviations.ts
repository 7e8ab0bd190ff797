/**
 * The one list of abbreviations written with a full stop ("Sen.", "Inc.", "Sept."), in groups. A full stop after
 * any of them does not end a sentence (`SENTENCE_ABBREVIATIONS`, both sentence splitters); the titles also join
 * the name after them ("Sen. Bernie Sanders", quotes/names.ts). Lower case, without the final full stop.
 * Single initials ("W.") are told by their shape, not listed; the attribution splitter also takes any word with
 * inner full stops for an abbreviation, the statements' splitter only those listed here.
 */

/** Titles written abbreviated before a name. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  "mr mrs ms dr gov sen rep gen lt col sgt prof rev st pres amb adm capt maj cmdr supt insp det hon atty sens reps".split(" "),
);

/** After a name: "Jr.", "Sr."; before names, but plural: "Messrs." (not a title of one name). */
const AROUND_NAMES = ["jr", "sr", "messrs"];
const COMPANIES = ["inc", "ltd", "co", "corp"];
const MONTHS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];
const OTHERS = ["no", "vs", "etc", "fig", "mt", "ft", "approx", "est", "dept", "univ"];
const DOTTED = ["u.s", "u.k", "u.n", "e.g", "i.e"];

/** Every abbreviation after which a full stop does not end a sentence. */
export const SENTENCE_ABBREVIATIONS: ReadonlySet<string> = new Set([...TITLE_ABBREVIATIONS, ...AROUND_NAMES, ...COMPANIES, ...MONTHS, ...OTHERS, ...DOTTED]);
