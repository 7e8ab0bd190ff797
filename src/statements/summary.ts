/**
 * Small read-outs of a statement shared by /compare, /quote and the digest, and the records of
 * `dateline statements --json`.
 */
import type { Statement, StatementIndex } from "./types.js";

/** Distinct outlets carrying the statement (a document without a known outlet counts as its own). */
export function outletCount(statement: Statement): number {
  return new Set(statement.renderings.map((r) => r.outlet ?? `doc:${r.doc}`)).size;
}

/** "3 outlets · 2 wordings": the note for a statement shown once instead of once per outlet. */
export function statementNote(statement: Statement): string {
  const outlets = outletCount(statement);
  const wordings = statement.wordings;
  return `${outlets} ${outlets === 1 ? "outlet" : "outlets"} · ${wordings} ${wordings === 1 ? "wording" : "wordings"}`;
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
