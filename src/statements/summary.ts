/**
 * Small read-outs of a statement shared by /compare, /quote and the digest, and the records of
 * `dateline statements --json`.
 */
import type { Statement, StatementIndex } from "./types.js";

/** Distinct outlets carrying the statement. A document without a known outlet is no outlet ("politics/364.txt"). */
export function outletCount(statement: Statement): number {
  const outlets = new Set<string>();
  for (const r of statement.renderings) if (r.outlet) outlets.add(r.outlet.trim().toLowerCase());
  return outlets.size;
}

/**
 * "3 outlets · 2 wordings", or "4 reports · 2 outlets · 3 wordings" when some reports share an outlet or name none:
 * the note for a statement shown once instead of once per outlet.
 */
export function statementNote(statement: Statement): string {
  const outlets = outletCount(statement);
  const reports = new Set(statement.renderings.map((r) => r.doc)).size;
  const wordings = statement.wordings;
  const parts = [];
  if (reports !== outlets) parts.push(plural(reports, "report"));
  if (outlets > 0) parts.push(plural(outlets, "outlet"));
  parts.push(plural(wordings, "wording"));
  return parts.join(" · ");
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/** The rendering the others are compared with: the primary source, else the first rendering. */
export function referenceRendering(statement: Statement): Statement["renderings"][number] {
  return statement.renderings.find((r) => r.primary) ?? statement.renderings[0]!;
}

export interface StatementRecord {
  speaker: string | null;
  renderings: Array<{ doc: string; start: number; end: number; text: string; primary: boolean }>;
}

/** One record per statement for `dateline statements --json` (print each with JSON.stringify, one per line). */
export function statementRecords(index: StatementIndex): StatementRecord[] {
  return index.statements.map((s) => ({
    speaker: s.speaker,
    renderings: s.renderings.map((r) => ({ doc: r.doc, start: r.start, end: r.end, text: r.text, primary: r.primary })),
  }));
}
