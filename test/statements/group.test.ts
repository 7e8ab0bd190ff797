import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import type { Quotation } from "../../src/quotes/types.js";
import { buildStatements, foldedText } from "../../src/statements/group.js";
import { statementRecords } from "../../src/statements/summary.js";
import type { Rendering, Statement, StatementIndex } from "../../src/statements/types.js";
import { fixtureQuotations, seedArticles, variantGroups, type FixtureVariantGroup } from "./seed-data.js";

const TRANSCRIPT = "001_761dc06b5ae562a2.txt";

type FixtureRendering = FixtureVariantGroup["renderings"][number];

const overlaps = (r: Rendering, f: FixtureRendering) =>
  r.doc === f.doc && r.start < f.start + f.text.length && f.start < r.end;

/** The statements that hold a rendering overlapping the fixture rendering. */
const statementsFor = (index: StatementIndex, f: FixtureRendering) =>
  index.statements.filter((s) => s.renderings.some((r) => overlaps(r, f)));

let articles: Article[];

beforeAll(async () => {
  articles = await seedArticles();
});

// The grouping is checked twice: on the hand-checked quotations (this module alone) and on the quotations the
// real extractor finds (the pipeline as the bot runs it).
describe.each([
  ["fixture quotations", (a: Article[]): readonly Quotation[] => fixtureQuotations(a)],
  ["extracted quotations", (a: Article[]): readonly Quotation[] => buildQuoteBook({ articles: a }).quotations],
])("statements of the seeds from %s", (_name, quotationsOf) => {
  let index: StatementIndex;

  beforeAll(() => {
    index = buildStatements(articles, quotationsOf(articles));
  });

  it.each(variantGroups.map((g) => [g.topic, g] as const))("finds “%s” as one group with all its renderings", (_topic, group) => {
    const candidates = statementsFor(index, group.renderings[0]!);
    const statement = candidates.find((s) => group.renderings.every((f) => s.renderings.some((r) => overlaps(r, f))));
    expect(statement, `no statement holds every rendering of “${group.topic}”`).toBeDefined();
    expect(statement!.speaker).toBe(group.speaker);
    // One rendering per document, and no document beyond the fixture's.
    expect(new Set(statement!.renderings.map((r) => r.doc)).size).toBe(statement!.renderings.length);
    expect(statement!.renderings.map((r) => r.doc).sort()).toEqual(group.renderings.map((f) => f.doc).sort());
  });

  it("never merges two of the nine groups", () => {
    for (const statement of index.statements) {
      const matched = variantGroups.filter((g) => g.renderings.some((f) => statement.renderings.some((r) => overlaps(r, f))));
      expect(matched.length, statement.renderings.map((r) => r.text).join(" | ")).toBeLessThanOrEqual(1);
    }
  });

  it("puts the transcript first as the primary source, and only it", () => {
    for (const statement of index.statements) {
      const primaries = statement.renderings.filter((r) => r.primary);
      if (statement.renderings.some((r) => r.doc === TRANSCRIPT)) {
        expect(statement.renderings[0]!.doc).toBe(TRANSCRIPT);
        expect(primaries.map((r) => r.doc)).toEqual([TRANSCRIPT]);
        expect(statement.renderings[0]!.kind).toBe("transcript");
      } else {
        expect(primaries).toEqual([]);
      }
    }
  });

  it("groups no two speakers and nothing from the articles whose quotations appear once (003, 004)", () => {
    // In the seeds only Lavrov's remarks at the ICRC meeting are reported by several documents: Blinken's,
    // Guterres', Khan's, the Russian ministries' and the UN officials' words each stand in one article.
    for (const statement of index.statements) {
      expect(statement.speaker).toBe("Sergey Lavrov");
      for (const r of statement.renderings) {
        expect(r.doc).toMatch(/^00[012]_/);
        expect(r.speaker).toBe("Sergey Lavrov");
      }
    }
  });

  it("keeps Lavrov's different remarks apart: at most one rendering per document and statement", () => {
    for (const statement of index.statements) {
      const docs = statement.renderings.map((r) => r.doc);
      expect(new Set(docs).size).toBe(docs.length);
      expect(docs.length).toBeGreaterThanOrEqual(2);
    }
    // The nine hand-checked groups are nine different statements.
    const found = new Set(variantGroups.map((g) => statementsFor(index, g.renderings[0]!)[0]));
    expect(found.size).toBe(variantGroups.length);
  });

  it("gives every rendering verbatim offsets and its paragraph", () => {
    for (const statement of index.statements) {
      for (const r of statement.renderings) {
        const article = articles.find((a) => a.id === r.doc)!;
        expect(article.text.slice(r.start, r.end)).toBe(r.text);
        const paragraph = article.paragraphs.find((p) => p.start <= r.start && r.start < p.end)!;
        expect(r.paragraph).toBe(paragraph.n);
        expect(r.end).toBeLessThanOrEqual(paragraph.end);
      }
    }
  });

  it("aligns renderings to the matching clause, not the whole sentence", () => {
    const video = variantGroups.find((g) => g.topic.includes("infamous video"))!;
    const statement = statementsFor(index, video.renderings[0]!)[0]!;
    for (const r of statement.renderings) expect(r.text.startsWith("including the infamous video")).toBe(true);
  });

  it("counts distinct wordings", () => {
    for (const statement of index.statements) {
      expect(statement.wordings).toBe(new Set(statement.renderings.map((r) => foldedText(r.text))).size);
    }
  });

  it("finds the statement for topic words, a speaker with a topic, and a quotation", () => {
    const video = index.find("infamous video");
    expect(video?.renderings[0]?.doc).toBe(TRANSCRIPT);
    expect(video?.renderings.map((r) => r.text).join(" ")).toContain("unarmed prisoners");

    const minsk = index.find("Lavrov Minsk agreements");
    expect(minsk?.renderings.some((r) => r.text.includes("Minsk agreements"))).toBe(true);

    const quoted = index.find("Many of them are subjected to torture and other inhumane methods of influence");
    expect(quoted?.renderings.some((r) => r.text.includes("torturing"))).toBe(true);

    expect(index.find("zebra crossing referendum")).toBeNull();
    expect(index.find("Lavrov")).toBeNull();
  });

  it("tells which statement a quotation belongs to", () => {
    const video = index.find("infamous video")!;
    const r = video.renderings.find((x) => x.doc.startsWith("000_"))!;
    expect(index.containing(r.doc, r.start - 40, r.start + 10)).toBe(video);
    // Blinken's words are reported once: no statement.
    const blinken = articles.find((a) => a.id.startsWith("003_"))!;
    const at = blinken.text.indexOf("Wherever the Russian tide recedes");
    expect(index.containing(blinken.id, at, at + 30)).toBeNull();
  });

  it("exports one record per statement for `dateline statements --json`", () => {
    const records = statementRecords(index);
    expect(records).toHaveLength(index.statements.length);
    const first = records[0]!;
    expect(Object.keys(first).sort()).toEqual(["renderings", "speaker"]);
    expect(Object.keys(first.renderings[0]!).sort()).toEqual(["doc", "end", "primary", "start", "text"]);
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
  });
});

describe("statements without a speaker", () => {
  it("does not pair two unattributed reported-speech sentences", async () => {
    const base = (await seedArticles())[0]!;
    const make = (id: string, text: string): Article => ({
      ...base,
      id,
      text,
      outlet: id,
      paragraphs: [{ id: `${id}#p1`, n: 1, start: 0, end: text.length, role: "body" }],
    });
    const a = make("a.txt", "Officials said the new bridge over the river will open to traffic next spring after long delays.");
    const b = make("b.txt", "Officials said the new bridge over the river would open to traffic next spring after long delays.");
    const index = buildStatements([a, b], []);
    expect(index.statements).toEqual<Statement[]>([]);
  });
});
