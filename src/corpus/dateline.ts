/**
 * The dateline that opens a wire story: "MOSCOW, January 20. /TASS/.", "NEW YORK —", "LONDON (Reuters) -".
 */

/** An all-caps place at the start of a paragraph: "MOSCOW", "NEW YORK", "ST. PETERSBURG". */
const CITY = "(\\p{Lu}[\\p{Lu}'’.\\-]*(?: \\p{Lu}[\\p{Lu}'’.\\-]*){0,3})";
const DATE_TEXT = "((?:[A-Z][a-z]{2,8}\\.? \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2} [A-Z][a-z]{2,8})(?:,? \\d{4})?)";
/** The agency between slashes or parentheses: "/TASS/", "(Reuters)". */
const AGENCY = "(?:\\/([\\p{L}][\\p{L}\\d .&-]{0,24})\\/|\\(([\\p{L}][\\p{L}\\d .&-]{0,24})\\))";
const DATELINE = new RegExp(
  `^${CITY}(?:,\\s*${DATE_TEXT})?\\.?\\s*(?:${AGENCY}\\.?)?\\s*([—–]|--|(?<=\\)\\s*)-)?\\s`,
  "u",
);

export interface Dateline {
  city: string;
  /** The date as written, when the dateline has one. */
  date: string | null;
  agency: string | null;
}

/** The dateline at the start of a story paragraph, if any. It needs a date, an agency or a dash. */
export function readDateline(paragraph: string): Dateline | null {
  const m = DATELINE.exec(paragraph.trim());
  if (!m) return null;
  const [, city, date, slashAgency, parenAgency, dash] = m;
  if (!city || city.replace(/[^\p{Lu}]/gu, "").length < 2) return null;
  const agency = (slashAgency ?? parenAgency)?.trim() ?? null;
  if (!date && !agency && !dash) return null;
  return { city: city.replace(/[.,]$/, ""), date: date ?? null, agency };
}

