/** Durations as typed on the command line: "24h", "90m", "2d", "1h30m". */
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

export const DEFAULT_SINCE = "24h";

/** `--since DURATION` -> the start of the period. Throws a RangeError with a one-line message on bad input. */
export function sinceFlag(value: string | undefined, now: Date): Date {
  const text = value ?? DEFAULT_SINCE;
  const ms = parseDuration(text);
  if (ms === null) throw new RangeError(`--since takes a duration such as 24h, 90m or 2d, not "${text}"`);
  return new Date(now.getTime() - ms);
}

