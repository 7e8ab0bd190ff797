/**
 * "EST", "CET", "IST": what people type for a time zone, and not one zone each. Intl accepts some of them as fixed
 * offsets (EST is UTC-5 all year, so a 07:30 EST digest would come at 08:30 New York time all summer) and others
 * not at all; "IST" is India, Ireland or Israel. A digest schedule asks for the IANA zone instead, naming the ones
 * the abbreviation may mean. (Subscriptions stored before this rule keep their zone.)
 */
import { z } from "zod";
import { zoneSchema } from "./subscriptions.js";

const MEANINGS: Record<string, readonly string[]> = {
  "EST EDT ET EST5EDT": ["America/New_York", "America/Toronto", "America/Detroit"],
  "CST CDT CT CST6CDT": ["America/Chicago", "America/Mexico_City", "Asia/Shanghai", "America/Havana"],
  "MST MDT MT MST7MDT": ["America/Denver", "America/Phoenix", "America/Edmonton"],
  "PST PDT PT PST8PDT": ["America/Los_Angeles", "America/Vancouver", "Asia/Manila"],
  "AKST AKDT": ["America/Anchorage"],
  "HST HAST": ["Pacific/Honolulu"],
  "AST ADT": ["America/Halifax", "America/Puerto_Rico", "Asia/Riyadh"],
  "NST NDT": ["America/St_Johns"],
  "GMT UT Z ZULU GREENWICH UNIVERSAL UCT": ["UTC", "Europe/London"],
  "BST": ["Europe/London", "Asia/Dhaka"],
  "IST": ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"],
  "WET WEST": ["Europe/Lisbon", "Atlantic/Canary"],
  "CET CEST MET MEST": ["Europe/Paris", "Europe/Berlin", "Europe/Rome", "Europe/Madrid"],
  "EET EEST": ["Europe/Athens", "Europe/Kyiv", "Europe/Helsinki", "Africa/Cairo"],
  "MSK": ["Europe/Moscow"],
  "WAT": ["Africa/Lagos"],
  "CAT": ["Africa/Maputo", "Africa/Johannesburg"],
  "EAT": ["Africa/Nairobi"],
  "SAST": ["Africa/Johannesburg"],
  "PKT": ["Asia/Karachi"],
  "ICT": ["Asia/Bangkok", "Asia/Ho_Chi_Minh"],
  "WIB": ["Asia/Jakarta"],
  "SGT": ["Asia/Singapore"],
  "HKT": ["Asia/Hong_Kong"],
  "JST": ["Asia/Tokyo"],
  "KST": ["Asia/Seoul"],
  "AEST AEDT": ["Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane"],
  "ACST ACDT": ["Australia/Adelaide", "Australia/Darwin"],
  "AWST": ["Australia/Perth"],
  "NZST NZDT": ["Pacific/Auckland"],
  "BRT": ["America/Sao_Paulo"],
  "ART": ["America/Argentina/Buenos_Aires"],
};

const BY_ABBREVIATION = new Map(
  Object.entries(MEANINGS).flatMap(([names, zones]) => names.split(" ").map((name) => [name, zones] as const)),
);

/**
 * Why a zone typed by a user is refused although Intl may know it: an abbreviation or another name without an
 * Area/City (only UTC is taken as is). Null for an IANA Area/City name (which zoneSchema then checks).
 */
export function abbreviationProblem(zone: string): string | null {
  if (zone.includes("/") || zone.toUpperCase() === "UTC") return null;
  const meant = BY_ABBREVIATION.get(zone.toUpperCase());
  if (meant) {
    return `“${zone}” is an abbreviation, not a time zone: it may mean ${meant.join(", ")}. Give the IANA name (Area/City), which also follows summer time.`;
  }
  return `“${zone}” is not an IANA time zone name (Area/City, or UTC). Try for example Europe/Paris, America/New_York, Asia/Tokyo.`;
}

/** A zone as a user types it for a new subscription: an abbreviation is refused, then as zoneSchema. */
export const typedZoneSchema = z.string().superRefine((zone, ctx) => {
  const problem = abbreviationProblem(zone);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}).pipe(zoneSchema);
