import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article, Corpus, ParagraphRole } from "../../src/corpus/types.js";

const seeds = path.resolve(import.meta.dirname, "../../seeds");

interface Expected {
  title: string;
  outlet: string | null;
  dateline: string | null;
  published: string | null;
  /** Paragraph numbers that are furniture / the headline; all others must be body. */
  furniture: number[];
  headline: number[];
}

const expected: Record<string, Expected> = {
  "000_4e94b34866221704.txt": {
    title: "Lavrov briefs ICRC head on Kiev’s outrageous human rights abuses",
    outlet: "TASS",
    dateline: "MOSCOW",
    published: null, // "January 20" and no year anywhere in the page
    furniture: [1],
    headline: [2],
  },
  "001_761dc06b5ae562a2.txt": {
    title:
      "Foreign Minister Sergey Lavrov’s opening remarks during talks with ICRC President Mirjana Spoljaric, Moscow, January 20, 2023",
    outlet: null,
    dateline: null,
    published: "2023-01-20",
    furniture: [],
    headline: [1],
  },
  "002_653e994c7cb6127d.txt": {
    title: "Lavrov, Spoljaric in Moscow discuss humanitarian aspects of conflicts in Ukraine, other regions",
    outlet: null,
    dateline: "MOSCOW",
    published: null,
    furniture: [2],
    headline: [1],
  },
  "003_3727432a8d63f8b2.txt": {
    title: "Secretary of State Blinken and Russia’s Lavrov face off at UN",
    outlet: null,
    dateline: "NEW YORK",
    published: null,
    furniture: [1, 12, 13, 22, 23, 24, 25],
    headline: [2],
  },
  "004_1d59ece23a73440c.txt": {
    title: "The Kremlin released a video accusing Ukraine of executing dozens of POWs.",
    outlet: "Seznam Zpravy",
    dateline: null,
    published: "2022-11-29",
    furniture: [1, 2, 3, 5, 14, 16, 17, 18, 19, 20],
    headline: [4],
  },
};

const textOf = (article: Article, n: number) => {
  const p = article.paragraphs.find((q) => q.n === n);
  if (!p) throw new Error(`${article.id} has no paragraph ${n}`);
  return article.text.slice(p.start, p.end);
};

const numbersWith = (article: Article, role: ParagraphRole) =>
  article.paragraphs.filter((p) => p.role === role).map((p) => p.n);

describe("the seed corpus", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(seeds);
  });

  it("reads the five seeds, sorted by id, with no problems", () => {
    expect(corpus.articles.map((a) => a.id)).toEqual(Object.keys(expected).sort());
    expect(corpus.problems).toEqual([]);
    expect(corpus.location).toBe(seeds);
    expect(corpus.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  for (const [id, want] of Object.entries(expected)) {
    describe(id, () => {
      const article = () => {
        const found = corpus.articles.find((a) => a.id === id);
        if (!found) throw new Error(`missing ${id}`);
        return found;
      };

      it("has the expected metadata", () => {
        const a = article();
        expect({ title: a.title, outlet: a.outlet, dateline: a.dateline, published: a.published }).toEqual({
          title: want.title,
          outlet: want.outlet,
          dateline: want.dateline,
          published: want.published,
        });
        expect(a.source).toBe(id);
        expect([a.url, a.author, a.language]).toEqual([null, null, null]);
      });

      it("gives every paragraph its role", () => {
        const a = article();
        expect(numbersWith(a, "furniture")).toEqual(want.furniture);
        expect(numbersWith(a, "headline")).toEqual(want.headline);
        const body = numbersWith(a, "body");
        expect(body.length).toBe(a.paragraphs.length - want.furniture.length - want.headline.length);
        expect(body.length).toBeGreaterThan(5);
      });

      it("numbers paragraphs 1.. with stable ids and offsets of trimmed, non-empty text", () => {
        const a = article();
        a.paragraphs.forEach((p, i) => {
          expect(p.n).toBe(i + 1);
          expect(p.id).toBe(`${id}#p${i + 1}`);
          const text = a.text.slice(p.start, p.end);
          expect(text.length).toBeGreaterThan(0);
          expect(text).toBe(text.trim());
          if (i > 0) expect(p.start).toBeGreaterThan(a.paragraphs[i - 1]?.end ?? Infinity);
        });
        // Every non-blank line of these files is a paragraph of its own.
        const lines = a.text.split("\n").filter((line) => line.trim() !== "");
        expect(a.paragraphs.map((p) => a.text.slice(p.start, p.end))).toEqual(lines.map((l) => l.trim()));
      });
    });
  }

  it("keeps Minsk in 003 only in furniture (a Must Read link to another story)", () => {
    const a = corpus.articles.find((x) => x.id.startsWith("003"));
    const minsk = a?.paragraphs.filter((p) => a.text.slice(p.start, p.end).includes("Minsk")) ?? [];
    expect(minsk.map((p) => p.role)).toEqual(["furniture"]);
    expect(a && textOf(a, 13)).toBe("First Russian soldiers arrive in Belarus for joint force: Minsk | Military News");
  });

  it("keeps the transcript's forms of address as body in 001", () => {
    const a = corpus.articles.find((x) => x.id.startsWith("001"));
    if (!a) throw new Error("missing 001");
    expect([textOf(a, 2), textOf(a, 3)]).toEqual(["Madam President,", "Colleagues,"]);
    expect(a.paragraphs.slice(1, 3).map((p) => p.role)).toEqual(["body", "body"]);
  });

  it("marks 004's related-story link and its credit line, and keeps the paragraph after Must read", () => {
    const a = corpus.articles.find((x) => x.id.startsWith("004"));
    if (!a) throw new Error("missing 004");
    expect(textOf(a, 14)).toBe("Russians torture Ukrainian civilians");
    expect(textOf(a, 16)).toBe("Source: Seznam Zpravy");
    expect(textOf(a, 6)).toMatch(/^The Russian Ministry of Defense shared a video/);
    expect(a.paragraphs[5]?.role).toBe("body");
  });
});
