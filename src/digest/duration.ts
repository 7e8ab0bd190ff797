/**
 * `--since` as typed on the command line: a duration back from the end of the period ("24h", "90m", "2d",
 * "1h30m"), or a date or date-time it starts at ("2022-09-01", "2026-12-01T06:00Z"; UTC unless a zone is given).
 */
import { table } from "../core/table.js";

const UNIT_MS = table<number>({ m: 60_000, h: 3_600_000, d: 86_400_000 });

/** Milliseconds, or null when the text is not a positive duration. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(?:\d+\s*[mhd]\s*)+$/.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)\s*([mhd])/g)) total += Number(amount) * UNIT_MS[unit!]!;
  return total > 0 && Number.isSafeInteger(total) ? total : null;
}

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A date (midnight UTC) or date-time (UTC unless it gives a zone), or null. */
export function parseInstant(text: string): Date | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, day, time, zone] = match;
  const iso = time ? `${day}T${time}${zone ? zone.toUpperCase() : "Z"}` : `${day}T00:00:00Z`;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

export const DEFAULT_SINCE = "24h";

/** The start of a period: `{ ms }` before its end, or `{ at }` a given instant. */
export type Since = { ms: number } | { at: Date };

/** Reads `--since`. Throws a RangeError with a one-line message on bad input. */
export function parseSince(value: string | undefined): Since {
  const text = value ?? DEFAULT_SINCE;
  const ms = parseDuration(text);
  if (ms !== null) return { ms };
  const at = parseInstant(text);
  if (at) return { at };
  throw new RangeError(`--since takes a duration (24h, 90m, 2d) or a date or date-time (2022-09-01, 2026-12-01T06:00Z), not "${text}"`);
}

export function periodStart(since: Since, end: Date): Date {
  return "at" in since ? since.at : new Date(end.getTime() - since.ms);
}
