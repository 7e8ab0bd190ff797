/**
 * The seeds as digest input: the real corpus reader, and the hand-checked quotations of
 * test/fixtures/seed-quotes.json as Quotation objects (so the digest is tested apart from quotation finding).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import type { Quotation, QuotationKind } from "../../src/quotes/types.js";

export const root = resolve(import.meta.dirname, "../..");

export async function seedArticles(): Promise<Article[]> {
  return (await loadCorpus(join(root, "seeds"))).articles;
}

interface FixtureQuote {
  doc: string;
  start: number;
  end: number;
  text: string;
  speaker: string;
  kind: QuotationKind;
}

export function fixtureQuotations(articles: readonly Article[]): Quotation[] {
  const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/seed-quotes.json"), "utf8")) as {
    quotes: FixtureQuote[];
  };
  return fixture.quotes.map((q, i): Quotation => {
    const article = articles.find((a) => a.id === q.doc)!;
    const paragraph = article.paragraphs.find((p) => p.start <= q.start && q.start < p.end)?.n ?? 1;
    return {
      id: `${q.doc}#q${i}`,
      doc: q.doc,
      start: q.start,
      end: q.end,
      text: q.text,
      speaker: q.speaker,
      kind: q.kind,
      cue: null,
      mention: null,
      confidence: 0.9,
      paragraph,
      evidence: "fixture",
    };
  });
}

export const ICRC = ["000_4e94b34866221704.txt", "001_761dc06b5ae562a2.txt", "002_653e994c7cb6127d.txt"];
export const UNSC = "003_3727432a8d63f8b2.txt";
export const POW = "004_1d59ece23a73440c.txt";
