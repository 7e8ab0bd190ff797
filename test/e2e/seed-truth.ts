/**
 * The hand-checked answers of test/fixtures/seed-queries.json, turned into what a correct first result must show:
 * the words, the speaker, and the citation of the document it comes from (read from the corpus itself).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Article } from "../../src/corpus/types.js";
import type { Shown } from "./shown.js";

export const SEEDS = fileURLToPath(new URL("../../seeds", import.meta.url));

interface QuoteRef {
  doc: string;
  starts: string;
}

export interface SeedQuery {
  ask: string;
  best?: string;
  relevant?: string[];
  best_quote?: QuoteRef;
  relevant_quotes?: QuoteRef[];
  speaker?: string;
}

export function seedQuery(ask: string): SeedQuery {
  const path = fileURLToPath(new URL("../fixtures/seed-queries.json", import.meta.url));
  const { queries } = JSON.parse(readFileSync(path, "utf8")) as { queries: SeedQuery[] };
  const found = queries.find((q) => q.ask === ask);
  if (!found) throw new Error(`${ask} is not in seed-queries.json`);
  return found;
}

/**
 * What the first result for `query` must show, given the words `shown` on screen: those words must be verbatim
 * from an expected document (and start like the expected quotation); the speaker is the fixture's, and the outlet,
 * title, date and paragraph are those of that document, read from the corpus. Throws when the words are wrong.
 */
export function expectedFirst(query: SeedQuery, shown: Pick<Shown, "text">, articles: readonly Article[]): Omit<Shown, "cue"> {
  const candidates: QuoteRef[] = query.best_quote
    ? [query.best_quote]
    : (query.relevant_quotes ?? (query.best ? [{ doc: query.best, starts: "" }] : []));
  const ref = candidates.find((c) => shown.text.startsWith(c.starts) && articles.some((a) => a.id === c.doc && a.text.includes(shown.text)));
  if (!ref) throw new Error(`${query.ask}: “${shown.text.slice(0, 80)}…” is not verbatim from ${JSON.stringify(candidates)}`);
  const article = articles.find((a) => a.id === ref.doc)!;
  const at = article.text.indexOf(shown.text);
  return {
    text: article.text.slice(at, at + shown.text.length),
    speaker: query.speaker ?? null,
    outlet: article.outlet ?? article.id,
    title: article.title,
    date: article.published?.slice(0, 10) ?? null,
    paragraph: article.paragraphs.find((p) => p.start <= at && at < p.end)?.n ?? -1,
  };
}
