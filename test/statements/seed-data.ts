/**
 * The seed corpus with its hand-checked quotations (test/fixtures/seed-quotes.json), for the statement tests.
 * The transcript entry of the fixture ("every paragraph after the title line" of 001) becomes one transcript
 * quotation per body paragraph.
 */
import { readFileSync } from "node:fs";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import type { Quotation } from "../../src/quotes/types.js";

interface FixtureQuote {
  doc: string;
  start?: number;
  end?: number;
  text: string;
  speaker: string | null;
  kind: Quotation["kind"];
}

export interface FixtureVariantGroup {
  topic: string;
  speaker: string;
  renderings: Array<{ doc: string; text: string; start: number }>;
}

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));

export const variantGroups = (fixture("seed-variants.json") as { groups: FixtureVariantGroup[] }).groups;

export async function seedArticles(): Promise<Article[]> {
  const corpus = await loadCorpus(new URL("../../seeds", import.meta.url).pathname);
  return corpus.articles;
}

export function fixtureQuotations(articles: readonly Article[]): Quotation[] {
  const quotes = (fixture("seed-quotes.json") as { quotes: FixtureQuote[] }).quotes;
  const out: Quotation[] = [];
  const add = (q: Omit<Quotation, "id" | "cue" | "mention" | "confidence" | "evidence" | "paragraph">, paragraph: number) =>
    out.push({ ...q, id: `${q.doc}#q${out.length}`, cue: null, mention: null, confidence: 1, evidence: "fixture", paragraph });
  for (const q of quotes) {
    const article = articles.find((a) => a.id === q.doc);
    if (!article) throw new Error(`fixture names a missing seed: ${q.doc}`);
    if (q.start !== undefined && q.end !== undefined) {
      const paragraph = article.paragraphs.find((p) => p.start <= q.start! && q.start! < p.end)?.n ?? 1;
      add({ doc: q.doc, start: q.start, end: q.end, text: q.text, speaker: q.speaker, kind: q.kind }, paragraph);
      continue;
    }
    // The transcript: every body paragraph of the document.
    for (const p of article.paragraphs.filter((x) => x.role === "body")) {
      add({ doc: q.doc, start: p.start, end: p.end, text: article.text.slice(p.start, p.end), speaker: q.speaker, kind: q.kind }, p.n);
    }
  }
  return out;
}
