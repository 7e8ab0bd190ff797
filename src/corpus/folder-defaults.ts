/**
 * A corpus folder's own defaults, declared in `dateline.yml` at its root: the outlet, language and publication
 * date of the files that do not say, and how to read the dates they write. A file's own metadata (front matter,
 * record fields, a credit line) always wins; the defaults only fill what is missing.
 *
 *   outlet: BBC News
 *   language: en
 *   dates:
 *     order: day-first     # 03/04/2005 is 3 April (month-first: 4 March); unset, such dates are not read
 *     from-path: true      # a date in the file's path (2005/04/03/…, 2005-04-03-…) when the file gives none
 *     default: 2005-01-01  # the date of files that give none at all (an archive of one period)
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { findDates, isoDate } from "./dates.js";
import type { Article, FolderDefaults } from "./types.js";

export type { FolderDefaults } from "./types.js";

export const FOLDER_DEFAULTS_FILE = "dateline.yml";

const text = z.string().trim().min(1, "must not be empty");

const isoDay = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && findDates(value).length === 1, "must be a date written YYYY-MM-DD");

export const FolderDefaultsSchema = z
  .object({
    outlet: text.optional(),
    language: text.optional(),
    dates: z
      .object({
        order: z.enum(["day-first", "month-first"]).optional(),
        "from-path": z.boolean().optional(),
        default: isoDay.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();


export const NO_DEFAULTS: FolderDefaults = { outlet: null, language: null, dateOrder: null, datesFromPath: false, published: null };

/** The defaults written in a `dateline.yml`, or the problem that makes it unusable (then none apply). */
export function parseFolderDefaults(yamlText: string): { defaults: FolderDefaults } | { problem: string } {
  let value: unknown;
  try {
    value = parseYaml(yamlText) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: `not valid YAML (${message.split("\n")[0] ?? message})` };
  }
  const parsed = FolderDefaultsSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "the file"}: ${i.message}`).join("; ");
    return { problem: `invalid folder defaults (${issues})` };
  }
  const d = parsed.data;
  return {
    defaults: {
      outlet: d.outlet ?? null,
      language: d.language ?? null,
      dateOrder: d.dates?.order ?? null,
      datesFromPath: d.dates?.["from-path"] ?? false,
      published: d.dates?.default ?? null,
    },
  };
}

/** "03/04/2005" or "3.4.2005" read in the folder's order; null for anything else. */
export function numericDate(value: string, order: FolderDefaults["dateOrder"]): string | null {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})$/.exec(value.trim());
  if (!m || !order) return null;
  const [first, second] = [Number(m[1]), Number(m[2])];
  const [day, month] = order === "day-first" ? [first, second] : [second, first];
  const date = findDates(isoDate({ year: Number(m[3]), month, day }) ?? "")[0];
  return date ? isoDate(date) : null;
}

/** A date in a file's path: "2005/04/03/story.txt", "2005-04-03-story.md", "archive/20050403.txt". */
export function pathDate(relPath: string): string | null {
  const m = /(?:^|[/_-])((?:19|20)\d{2})(?:[/_-]?)(\d{2})(?:[/_-]?)(\d{2})(?=$|[/_.-])/.exec(relPath);
  if (!m) return null;
  const date = findDates(`${m[1]}-${m[2]}-${m[3]}`)[0];
  return date ? isoDate(date) : null;
}

/** Fills what the article leaves unknown from the folder's defaults (`relPath`: the file it was read from). */
export function applyFolderDefaults(article: Article, defaults: FolderDefaults, relPath: string): Article {
  const published = article.published ?? (defaults.datesFromPath ? pathDate(relPath) : null) ?? defaults.published;
  return {
    ...article,
    outlet: article.outlet ?? defaults.outlet,
    language: article.language ?? defaults.language,
    published,
  };
}
