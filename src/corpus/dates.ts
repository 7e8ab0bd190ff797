/**
 * Dates as news pages write them: "Tuesday, November 29, 2022", "January 20, 2023", "20 January 2023",
 * "2023-01-20", and the bare "January 20" of a dateline (no year).
 */
import { table } from "../core/table.js";

const MONTHS = table<number>({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
});

const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
const WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\\.?,?\\s+";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d{2})";

/** "January 20, 2023", "January 20 2023", "January 20" (year optional). */
const MONTH_FIRST = `${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?`;
/** "20 January 2023", "20 January" (year optional). */
const DAY_FIRST = `${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?`;
const ISO = "((?:19|20)\\d{2})-(\\d{2})-(\\d{2})";

export interface DateMention {
  /** Offset of the match in the searched string. */
  index: number;
  /** The matched text. */
  text: string;
  year: number | null;
  month: number;
  day: number;
}

function daysIn(year: number | null, month: number): number {
  if (month === 2) return year !== null && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0)) ? 28 : 29;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function mention(index: number, text: string, year: number | null, month: number, day: number): DateMention | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { index, text, year, month, day };
}

const DATE_PATTERN = new RegExp(`\\b(?:${ISO}|${MONTH_FIRST}|${DAY_FIRST})(?!\\d)`, "g");

/** Every date written in `text`, in order of appearance. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(text); m !== null; m = DATE_PATTERN.exec(text)) {
    const [whole, isoYear, isoMonth, isoDay, month1, day1, year1, day2, month2, year2] = m;
    let date: DateMention | null = null;
    if (isoYear && isoMonth && isoDay) {
      date = mention(m.index, whole, Number(isoYear), Number(isoMonth), Number(isoDay));
    } else if (month1 && day1) {
      date = mention(m.index, whole, year1 ? Number(year1) : null, MONTHS[month1.toLowerCase()] ?? 0, Number(day1));
    } else if (month2 && day2) {
      date = mention(m.index, whole, year2 ? Number(year2) : null, MONTHS[month2.toLowerCase()] ?? 0, Number(day2));
    }
    if (date) found.push(date);
  }
  return found;
}

/** "YYYY-MM-DD" for a date with a year, else null. */
export function isoDate(date: Pick<DateMention, "year" | "month" | "day">): string | null {
  if (date.year === null) return null;
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/** True when the whole line is one date, possibly with its weekday: "Tuesday, November 29, 2022". */
export function isDateLine(line: string): boolean {
  const text = line.trim().replace(new RegExp(`^${WEEKDAY}`, "i"), "");
  const dates = findDates(text);
  return dates.length === 1 && dates[0]?.index === 0 && dates[0].text.length === text.replace(/[.,]$/, "").length;
}

/**
 * A publication date given as metadata (front matter, JSON record): ISO dates and date-times are kept as
 * given (date-times normalized through Date), written dates become "YYYY-MM-DD"; anything else is null.
 */
export function normalizePublished(value: string): string | null {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return findDates(text)[0] ? text : null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) {
    const time = new Date(text.replace(" ", "T"));
    return Number.isNaN(time.getTime()) ? null : text;
  }
  const date = findDates(text)[0];
  return date ? isoDate(date) : null;
}
