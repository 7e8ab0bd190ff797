/**
 * YAML front matter at the top of a .md or .txt file, between two `---` lines. It is metadata, not story:
 * the caller marks its block as furniture, and offsets still count it (they point into the whole file).
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const field = z
  .union([z.string(), z.number(), z.date()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
    const text = String(value).trim();
    return text === "" ? null : text;
  });

export const FrontMatterSchema = z.object({
  title: field,
  outlet: field,
  url: field,
  published: field,
  author: field,
  language: field,
});

export type FrontMatter = z.output<typeof FrontMatterSchema>;

export interface FrontMatterBlock {
  /** Offsets of the whole front matter, both `---` lines included. */
  start: number;
  end: number;
  /** The metadata, or null when the YAML is invalid (see `problem`). */
  data: FrontMatter | null;
  problem?: string;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/** Finds and parses the front matter; null when the text has none. */
export function readFrontMatter(text: string): FrontMatterBlock | null {
  const opening = OPENING.exec(text);
  if (!opening) return null;
  const bodyStart = opening[0].length;
  const closing = CLOSING.exec(text.slice(bodyStart));
  if (!closing) return null;
  const yamlText = text.slice(bodyStart, bodyStart + closing.index);
  const end = bodyStart + closing.index + closing[0].length;
  let value: unknown;
  try {
    value = parseYaml(yamlText) ?? {};
  } catch (error) {
    return { start: 0, end, data: null, problem: `invalid front matter (${firstLine(error)})` };
  }
  // "---" lines around prose (a rule, not metadata) parse as a plain string: that is no front matter.
  if (typeof value !== "object" || Array.isArray(value)) return null;
  const parsed = FrontMatterSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "front matter"}: ${i.message}`).join("; ");
    return { start: 0, end, data: null, problem: `invalid front matter (${issues})` };
  }
  return { start: 0, end, data: parsed.data };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
