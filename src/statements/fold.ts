/** Folding answers: one statement reported by several outlets, or one syndicated article, is shown once. */
import type { QuoteHit } from "../quotes/types.js";
import type { Statement, StatementIndex } from "./types.js";

/**
 * The statement (rendered in two or more documents) each hit belongs to; every hit after the first of a statement
 * is hidden from the chat answer. The machine-readable results keep every quotation.
 */
export function foldStatements(
  hits: readonly QuoteHit[],
  statements: StatementIndex | null,
): Map<QuoteHit, { statement: Statement; hidden: boolean }> {
  const groups = new Map<QuoteHit, { statement: Statement; hidden: boolean }>();
  const shown = new Set<Statement>();
  // Not computed yet on a large corpus that is still warming up: answer now, without folding.
  if (!statements) return groups;
  for (const hit of hits) {
    const statement = statementOf(hit, statements);
    if (!statement) continue;
    groups.set(hit, { statement, hidden: shown.has(statement) });
    shown.add(statement);
  }
  return groups;
}

/**
 * A long quotation may hold several statements: take the one whose wording holds the matched topic words, else
 * the one it overlaps most. Only statements rendered in two or more documents count.
 */
function statementOf(hit: QuoteHit, statements: StatementIndex): Statement | null {
  const q = hit.quotation;
  // A quotation repeated in its article (a sub-headline and the body) may carry the statement's rendering in
  // its other occurrence: a rendering whose words stand in the quotation counts too.
  const candidates = statements
    .overlapping(q.doc, 0, Number.MAX_SAFE_INTEGER)
    .filter(({ rendering: r }) => Math.min(q.end, r.end) > Math.max(q.start, r.start) || q.text.includes(r.text))
    .filter(({ statement }) => new Set(statement.renderings.map((r) => r.doc)).size >= 2);
  const matched = (r: { start: number; end: number }) =>
    hit.marks.filter(([s, e]) => q.start + s >= r.start && q.start + e <= r.end).length;
  let best = candidates[0] ?? null;
  for (const c of candidates) if (matched(c.rendering) > (best ? matched(best.rendering) : 0)) best = c;
  return best?.statement ?? null;
}

/**
 * Articles on this page that are the same text (a syndicated wire story in two outlets): the first shown keeps
 * the others' names, the others are hidden from the chat answer (the machine-readable results keep them all).
 * Known once the statements across outlets are computed; until then every article is shown.
 */
export function foldCopies(
  docs: readonly string[],
  statements: StatementIndex | null,
): Map<string, { hidden: boolean; others: string[] }> {
  const copies = new Map<string, { hidden: boolean; others: string[] }>();
  const duplicates = statements?.duplicates;
  if (!duplicates || duplicates.length === 0) return copies;
  const groupOf = new Map<string, readonly string[]>();
  for (const group of duplicates) for (const doc of group) groupOf.set(doc, group);
  const onPage = new Set(docs);
  const shown = new Set<readonly string[]>();
  for (const doc of docs) {
    const group = groupOf.get(doc);
    if (!group) continue;
    const others = group.filter((other) => other !== doc && onPage.has(other));
    copies.set(doc, { hidden: shown.has(group), others });
    shown.add(group);
  }
  return copies;
}
