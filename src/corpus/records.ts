/**
 * JSON and JSON Lines article records: `{id, title, body, url?, outlet?, published?, author?, language?}`.
 * Other fields (topics, ...) are allowed and ignored. A bad record is reported with its place and skipped.
 */
import { z } from "zod";

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value && value.trim() !== "" ? value.trim() : null));

export const ArticleRecordSchema = z.object({
  id: z.union([z.string().trim().min(1, "id must not be empty"), z.number()]).transform(String),
  title: optionalText,
  body: z.string(),
  url: optionalText,
  outlet: optionalText,
  published: optionalText,
  author: optionalText,
  language: optionalText,
});

export type ArticleRecord = z.output<typeof ArticleRecordSchema>;

export interface RecordAt {
  record: ArticleRecord;
  /** 1-based line in a JSON Lines file. */
  line?: number;
  /** 0-based position in a JSON array. */
  index?: number;
}

export interface RecordProblem {
  line?: number;
  index?: number;
  message: string;
}

export interface ParsedRecords {
  records: RecordAt[];
  problems: RecordProblem[];
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

function validate(value: unknown): { record: ArticleRecord } | { message: string } {
  const parsed = ArticleRecordSchema.safeParse(value);
  return parsed.success ? { record: parsed.data } : { message: `invalid record (${describeIssues(parsed.error)})` };
}

/** A .jsonl / .ndjson file: one record per non-blank line. */
export function parseJsonLines(text: string): ParsedRecords {
  const records: RecordAt[] = [];
  const problems: RecordProblem[] = [];
  const lines = text.split(/\r?\n/);
  const lastNonBlank = lines.findLastIndex((line) => line.trim() !== "");
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === "") continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const truncated = i === lastNonBlank && !/\r?\n\s*$/.test(text);
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ line, message: truncated ? `truncated last line (${reason})` : `not valid JSON (${reason})` });
      continue;
    }
    const checked = validate(value);
    if ("record" in checked) records.push({ record: checked.record, line });
    else problems.push({ line, message: checked.message });
  }
  return { records, problems };
}

/** A .json file: an array of records or a single record. A file that is not JSON at all is one problem. */
export function parseJsonDocument(text: string): ParsedRecords {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { records: [], problems: [{ message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
  if (!Array.isArray(value)) {
    const checked = validate(value);
    return "record" in checked
      ? { records: [{ record: checked.record }], problems: [] }
      : { records: [], problems: [{ message: checked.message }] };
  }
  const records: RecordAt[] = [];
  const problems: RecordProblem[] = [];
  for (const [index, item] of value.entries()) {
    const checked = validate(item);
    if ("record" in checked) records.push({ record: checked.record, index });
    else problems.push({ index, message: checked.message });
  }
  return { records, problems };
}
