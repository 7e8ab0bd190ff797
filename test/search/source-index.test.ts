import { describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { PassageIndex } from "../../src/search/source-index.js";
import type { SourceHit, SourceQuery } from "../../src/search/types.js";
import { makeArticle } from "../helpers/articles.js";

const page = { offset: 0, limit: 10 };
const q = (words: string, extra: Partial<SourceQuery> = {}): SourceQuery => ({
  words: words.split(/\s+/).filter(Boolean),
  phrases: [],
  ...extra,
});

function expectVerbatim(hits: SourceHit[], articles: Article[]) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const hit of hits) {
    const article = byId.get(hit.doc)!;
    expect(article.text.slice(hit.start, hit.end)).toBe(hit.excerpt);
    for (const [s, e] of hit.marks) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(e).toBeLessThanOrEqual(hit.excerpt.length);
      expect(e).toBeGreaterThan(s);
    }
    const paragraph = article.paragraphs.find((p) => p.n === hit.paragraph)!;
    expect(paragraph.role).toBe("body");
    expect(hit.start).toBeGreaterThanOrEqual(paragraph.start);
    expect(hit.end).toBeLessThanOrEqual(paragraph.end);
  }
}

const long = (topic: string) =>
  `Officials met for hours on Tuesday. ${"The talks went on and on without any result that anyone could report. ".repeat(4)}` +
  `Then the ${topic} came up, and the delegates argued about it at length. ${"Nobody expected an agreement soon, observers said afterwards. ".repeat(4)}`;

const corpus: Article[] = [
  makeArticle(
    "tass.txt",
    [
      { text: "All news", role: "furniture" },
      { text: "Lavrov meets ICRC head", role: "headline" },
      "MOSCOW. Sergey Lavrov met Mirjana Spoljarić of the International Committee of the Red Cross (ICRC) in Moscow.",
      "He spoke about prisoners of war held in Kiev and about the Minsk agreements.",
      { text: "Must Read: Belarus hosts troops, says Minsk", role: "furniture" },
    ],
    { outlet: "TASS", published: "2023-01-20", title: "Lavrov meets ICRC head", url: "https://tass.example/1" },
  ),
  makeArticle(
    "aa.txt",
    ["Anadolu reports that the ICRC president visited Moscow.", "Donbas has been subjected to daily bombardments, he said."],
    { outlet: "Anadolu Ajansı", published: "2023-01-21", title: "Spoljaric in Moscow" },
  ),
  makeArticle("undated.txt", ["The Kyiv regime denied the video showed Ukrainian POWs being shot."], { outlet: "Seznam Zprávy" }),
  makeArticle("long.txt", [long("shelling of Donetsk")], { outlet: "Reuters", published: "2022-06-01" }),
];

describe("PassageIndex", () => {
  const index = PassageIndex.build(corpus);

  it("counts body passages only", () => {
    expect(index.passageCount).toBe(6);
  });

  it("returns one hit per article with verbatim excerpts", () => {
    const result = index.search(q("Moscow"), page);
    expect(result.hits.map((h) => h.doc).sort()).toEqual(["aa.txt", "tass.txt"]);
    expect(result.total).toBe(2);
    expectVerbatim(result.hits, corpus);
  });

  it("finds transliteration variants and diacritic-free spellings", () => {
    expect(index.search(q("Kyiv"), page).hits.map((h) => h.doc).sort()).toEqual(["tass.txt", "undated.txt"]);
    expect(index.search(q("Spoljaric"), page).hits.map((h) => h.doc)).toContain("tass.txt");
  });

  it("marks the matched words, acronym expansions included", () => {
    const hit = index.search(q("POW"), page).hits.find((h) => h.doc === "tass.txt")!;
    expect(hit.marks.map(([s, e]) => hit.excerpt.slice(s, e))).toEqual(["prisoners of war"]);
    const other = index.search(q("POW"), page).hits.find((h) => h.doc === "undated.txt")!;
    expect(other.marks.map(([s, e]) => other.excerpt.slice(s, e))).toEqual(["POWs"]);
  });

  it("finds the Red Cross by its acronym and the other way round", () => {
    expect(index.search(q("Red Cross"), page).hits.map((h) => h.doc).sort()).toEqual(["aa.txt", "tass.txt"]);
    expect(index.search(q("ICRC"), page).hits.map((h) => h.doc).sort()).toEqual(["aa.txt", "tass.txt"]);
  });

  it("never indexes furniture", () => {
    expect(index.search(q("Belarus"), page).hits).toEqual([]);
    const minsk = index.search(q("Minsk"), page).hits;
    expect(minsk.map((h) => h.doc)).toEqual(["tass.txt"]);
    expect(minsk[0]!.paragraph).toBe(4);
  });

  it("trims a long passage around the matched words, at word boundaries", () => {
    const [hit] = index.search(q("shelling Donetsk"), page).hits;
    expect(hit!.doc).toBe("long.txt");
    expect(hit!.excerpt.length).toBeLessThanOrEqual(320);
    expect(hit!.excerpt).toContain("shelling of Donetsk");
    expect(hit!.cutStart || hit!.cutEnd).toBe(true);
    expect(hit!.excerpt).toMatch(/^\S/);
    expect(hit!.excerpt).toMatch(/\S$/);
    const article = corpus.find((a) => a.id === "long.txt")!;
    const before = article.text[hit!.start - 1];
    const after = article.text[hit!.end];
    expect(before === undefined || /\s/.test(before)).toBe(true);
    expect(after === undefined || /[\s.,]/.test(after)).toBe(true);
    expectVerbatim([hit!], corpus);
  });

  it("filters by outlet, folded", () => {
    expect(index.search(q("Moscow", { outlet: "anadolu ajansi" }), page).hits.map((h) => h.doc)).toEqual(["aa.txt"]);
    expect(index.search(q("Moscow", { outlet: "tass" }), page).hits.map((h) => h.doc)).toEqual(["tass.txt"]);
  });

  it("filters by date, inclusive, leaving undated articles out", () => {
    const docs = (query: SourceQuery) => index.search(query, page).hits.map((h) => h.doc).sort();
    expect(docs(q("Moscow", { after: "2023-01-21" }))).toEqual(["aa.txt"]);
    expect(docs(q("Moscow", { before: "2023-01-20" }))).toEqual(["tass.txt"]);
    expect(docs(q("Kyiv", { after: "2000-01-01" }))).toEqual(["tass.txt"]);
  });

  it("says when filters hid every match", () => {
    const result = index.search(q("Moscow", { outlet: "BBC" }), page);
    expect(result.hits).toEqual([]);
    expect(result.hint).toMatch(/2 articles match without/);
  });

  it("requires exact phrases, folded, in the passage", () => {
    const found = index.search({ words: [], phrases: ["PRISONERS  of war"] }, page).hits;
    expect(found.map((h) => h.doc)).toEqual(["tass.txt"]);
    expect(found[0]!.marks.map(([s, e]) => found[0]!.excerpt.slice(s, e))).toContain("prisoners of war");
    expect(index.search({ words: [], phrases: ["war prisoners"] }, page).hits).toEqual([]);
    expect(index.search({ words: ["Lavrov"], phrases: ["Minsk agreements"] }, page).hits.map((h) => h.doc)).toEqual(["tass.txt"]);
  });

  it("ranks articles matching more of the words first", () => {
    const hits = index.search(q("Donbas bombardments Moscow"), page).hits;
    expect(hits[0]!.doc).toBe("aa.txt");
  });

  it("finds a misspelled name, and suggests a spelling when nothing matches", () => {
    const fuzzy = index.search(q("Lavorv"), page).hits;
    expect(fuzzy.map((h) => h.doc)).toEqual(["tass.txt"]);
    const none = index.search(q("Spoljarc"), page);
    expect(none.hits.map((h) => h.doc).sort()).toEqual(["aa.txt", "tass.txt"]);
    const nothing = index.search(q("Zxqv"), page);
    expect(nothing.hits).toEqual([]);
    expect(nothing.hint).toBeTruthy();
    const near = index.search(q("Mscwo"), page);
    expect(near.hits).toEqual([]);
    expect(near.hint).toContain("moscow");
  });

  it("answers a query of stop words with a hint, not an error", () => {
    const result = index.search(q("the of and"), page);
    expect(result.hits).toEqual([]);
    expect(result.hint).toMatch(/too common/);
  });

  it("pages results", () => {
    const first = index.search(q("Moscow"), { offset: 0, limit: 1 });
    const second = index.search(q("Moscow"), { offset: 1, limit: 1 });
    expect(first.total).toBe(2);
    expect(first.hits).toHaveLength(1);
    expect(second.hits).toHaveLength(1);
    expect(second.hits[0]!.doc).not.toBe(first.hits[0]!.doc);
  });
});

describe("PassageIndex.upsert and remove", () => {
  it("adds, replaces and removes one article without a rebuild", () => {
    const index = PassageIndex.build(corpus.slice(0, 2));
    expect(index.search(q("Zaporizhzhia"), page).hits).toEqual([]);

    const added = makeArticle("new.txt", ["Shelling near the Zaporozhye nuclear plant worried the IAEA."], { outlet: "BBC" });
    index.upsert(added);
    expect(index.passageCount).toBe(5);
    const found = index.search(q("Zaporizhzhia"), page).hits;
    expect(found.map((h) => h.doc)).toEqual(["new.txt"]);
    expectVerbatim(found, [added]);

    const changed = makeArticle("new.txt", ["Talks about grain exports from Odesa resumed.", "A second paragraph."], { outlet: "BBC" });
    index.upsert(changed);
    expect(index.passageCount).toBe(6);
    expect(index.search(q("Zaporizhzhia"), page).hits).toEqual([]);
    const odessa = index.search(q("Odessa"), page).hits;
    expect(odessa.map((h) => h.doc)).toEqual(["new.txt"]);
    expectVerbatim(odessa, [changed]);

    index.remove("new.txt");
    expect(index.passageCount).toBe(4);
    expect(index.search(q("Odesa"), page).hits).toEqual([]);
    expect(index.search(q("Moscow"), page).total).toBe(2);
    index.remove("missing.txt");
  });

  it("learns an acronym from an added article", () => {
    const index = PassageIndex.build(corpus.slice(0, 1));
    index.upsert(makeArticle("ocha.txt", ["The Office for the Coordination of Humanitarian Affairs (OCHA) warned of hunger."]));
    expect(index.search(q("OCHA"), page).hits.map((h) => h.doc)).toEqual(["ocha.txt"]);
    index.upsert(makeArticle("later.txt", ["The Office for the Coordination of Humanitarian Affairs sent trucks."]));
    expect(index.search(q("OCHA"), page).hits.map((h) => h.doc).sort()).toEqual(["later.txt", "ocha.txt"]);
  });
});

describe("did you mean, as the corpus changes", () => {
  it("suggests a word once an article brings it, and no more once the article is gone", () => {
    const index = PassageIndex.build([makeArticle("a.txt", ["Lavrov met the Red Cross in Moscow."])]);
    // Two letters swapped in a short word: too far for the fuzzy search, close enough for a suggestion.
    const ask = () => index.search({ words: ["Zroka"], phrases: [] }, { offset: 0, limit: 10 });
    expect(ask().hint ?? "").not.toContain("for “Zroka”");
    index.upsert(makeArticle("b.txt", ["Zorka said the plant was shelled."]));
    expect(ask().total).toBe(0);
    expect(ask().hint).toContain("for “Zroka”");
    index.remove("b.txt");
    expect(ask().hint ?? "").not.toContain("for “Zroka”");
  });
});

describe("PassageIndex pages", () => {
  // Twenty articles holding one of the query's five words, five of them three (a coverage cut kept those alone).
  const words = ["harbour", "ferry", "timetable", "strike", "dockers"];
  const spread = Array.from({ length: 20 }, (_, i) =>
    makeArticle(`spread-${String(i).padStart(2, "0")}.txt`, [
      `The council discussed the ${words[i % 5]} on Monday${i % 4 === 0 ? `, the ${words[(i + 1) % 5]} and the ${words[(i + 2) % 5]}` : ""}.`,
      "Other business was deferred to the next meeting.",
    ]),
  );
  const filler = Array.from({ length: 30 }, (_, i) => makeArticle(`other-${i}.txt`, ["Nothing of note happened at the council today."]));
  const index = PassageIndex.build([...spread, ...filler]);

  it("fills the page when the query's words are spread over many articles", () => {
    for (const planning of [{ fullSearchPostings: 0, fullSearchShare: 0 }, { fullSearchPostings: Number.MAX_SAFE_INTEGER, fullSearchShare: 0 }]) {
      index.planning = planning;
      const result = index.search(q(words.join(" ")), page);
      expect(result.total).toBe(20);
      expect(result.hits).toHaveLength(10);
      // The articles holding three of the words come first.
      expect(result.hits.slice(0, 5).map((h) => h.doc).sort()).toEqual(["spread-00.txt", "spread-04.txt", "spread-08.txt", "spread-12.txt", "spread-16.txt"]);
      const rest = index.search(q(words.join(" ")), { offset: 10, limit: 10 });
      expect(rest.hits).toHaveLength(10);
      expectVerbatim([...result.hits, ...rest.hits], spread);
    }
  });
});

describe("scoring units", () => {
  it("runs body paragraphs together until long enough and ending a sentence, each unit found from its start", async () => {
    const { scoringUnits, unitAt } = await import("../../src/search/units.js");
    const words = (n: number, end = ".") => Array.from({ length: n }, (_, i) => `word${i}`).join(" ") + end;
    const article = makeArticle("units.txt", [
      { text: "Headline of the story", role: "headline" },
      words(30),
      words(30, ","),
      words(50),
      { text: "Advertisement", role: "furniture" },
      words(120),
      words(10),
    ]);
    const units = scoringUnits(article, 100).map((u) => u.map((p) => p.n));
    // 30 + 30 (ends mid-sentence) + 50 = 110 words; then 120; then the last 10 alone.
    expect(units).toEqual([[2, 3, 4], [6], [7]]);
    for (const unit of scoringUnits(article, 100)) {
      expect(unitAt(article, article.paragraphs.indexOf(unit[0]!), 100)).toEqual(unit);
    }
  });
});
