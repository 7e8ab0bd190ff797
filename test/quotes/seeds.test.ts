import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Corpus } from "../../src/corpus/types.js";
import { buildQuoteBook, type CorpusQuoteBook } from "../../src/quotes/book.js";
import { quotationRecords } from "../../src/quotes/records.js";

interface Expected {
  doc: string;
  start?: number;
  end?: number;
  text: string;
  speaker: string;
  kind: string;
}

const fixture = JSON.parse(readFileSync("test/fixtures/seed-quotes.json", "utf8")) as {
  quotes: Expected[];
  aliases: Record<string, string[]>;
};
const spans = fixture.quotes.filter((q) => q.start !== undefined);

describe("quotations of the sample corpus (seed-quotes.json)", () => {
  let corpus: Corpus;
  let book: CorpusQuoteBook;
  beforeAll(async () => {
    corpus = await loadCorpus("seeds");
    book = buildQuoteBook(corpus);
  });

  it("has 31 hand-checked quotations to compare against", () => {
    expect(spans).toHaveLength(31);
  });

  it.each(spans.map((q) => [`${q.doc} ${q.start}`, q] as const))("finds %s with its exact span, speaker and kind", (_, expected) => {
    const found = book.quotations.find((q) => q.doc === expected.doc && q.start === expected.start);
    expect(found, `no quotation at ${expected.start}`).toBeDefined();
    expect({ end: found!.end, text: found!.text, speaker: found!.speaker, kind: found!.kind }).toEqual({
      end: expected.end,
      text: expected.text,
      speaker: expected.speaker,
      kind: expected.kind,
    });
  });

  it("finds nothing else outside the transcript (no titles, nicknames or scare quotes)", () => {
    const extra = book.quotations.filter((q) => q.kind !== "transcript" && !spans.some((e) => e.doc === q.doc && e.start === q.start && e.end === q.end));
    expect(extra.map((q) => `${q.doc} ${q.start} ${q.text}`)).toEqual([]);
  });

  it("reads seed 001 as Sergey Lavrov's transcript: every paragraph after the title line", () => {
    const transcript = fixture.quotes.find((q) => q.kind === "transcript")!;
    const article = corpus.articles.find((a) => a.id === transcript.doc)!;
    const body = article.paragraphs.filter((p) => p.role === "body");
    const quotes = book.quotations.filter((q) => q.doc === transcript.doc);
    expect(body.length).toBeGreaterThan(10);
    expect(quotes.map((q) => q.paragraph)).toEqual(body.map((p) => p.n));
    expect(article.paragraphs[0]!.role).toBe("headline");
    for (const q of quotes) {
      expect(q.kind).toBe("transcript");
      expect(q.speaker).toBe("Sergey Lavrov");
      expect(article.text.slice(q.start, q.end)).toBe(q.text);
    }
    expect(quotes[0]!.text).toBe("Madam President,");
  });

  it("keeps every quotation verbatim: text is the slice of its document at start..end", () => {
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    for (const q of book.quotations) {
      expect(byId.get(q.doc)!.text.slice(q.start, q.end)).toBe(q.text);
      expect(q.id.startsWith(`${q.doc}#q`)).toBe(true);
    }
  });

  it("records attribution evidence and lowers confidence for pronouns and continuations", () => {
    const named = book.quotations.find((q) => q.text.startsWith("We expect the ICRC to go ahead"))!;
    const pronoun = book.quotations.find((q) => q.text.startsWith("I would like to draw your attention once again"))!;
    const continued = book.quotations.find((q) => q.text.startsWith("We can, we will not allow"))!;
    expect(named).toMatchObject({ cue: "said", mention: "Lavrov" });
    expect(pronoun).toMatchObject({ cue: "said", mention: "he" });
    expect(pronoun.evidence).toContain("Sergey Lavrov");
    expect(pronoun.confidence).toBeLessThan(named.confidence);
    expect(continued.confidence).toBeLessThan(named.confidence);
    const role = book.quotations.find((q) => q.text === "made significant amendments")!;
    expect(role).toMatchObject({ cue: "noted", mention: "The diplomat" });
  });

  it("exports every quotation for `dateline quotes --json`, in corpus order", () => {
    const records = quotationRecords(book);
    expect(records).toHaveLength(book.quotations.length);
    expect(Object.keys(records[0]!).sort()).toEqual(["confidence", "cue", "doc", "end", "hearsay", "kind", "mention", "speaker", "start", "text"]);
    const order = corpus.articles.map((a) => a.id);
    const positions = records.map((r) => [order.indexOf(r.doc), r.start] as const);
    const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(positions).toEqual(sorted);
  });

  it("knows every speaker of the fixture under its canonical name and its aliases", () => {
    for (const [name, aliases] of Object.entries(fixture.aliases)) {
      expect(book.speakers.resolve(name)?.name, name).toBe(name);
      for (const alias of aliases) expect(book.speakers.resolve(alias)?.name, alias).toBe(name);
    }
    const lavrov = book.speakers.resolve("Lavrov")!;
    expect(lavrov).toMatchObject({ kind: "person", gender: "male" });
    expect(lavrov.aliases).toContain("Sergei Lavrov");
    expect(lavrov.quotes).toBe(book.quotations.filter((q) => q.speaker === "Sergey Lavrov").length);
    expect(book.speakers.resolve("Russian Defense Ministry")?.kind).toBe("organisation");
  });
});
