import { describe, expect, it } from "vitest";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { createIndexedRegistry as createRegistry } from "../../src/quotes/speaker-lookup.js";
import type { Speaker } from "../../src/quotes/types.js";
import { article } from "./helpers.js";

const speakers: Speaker[] = [
  { name: "Sergey Lavrov", aliases: ["Lavrov", "Sergei Lavrov", "Mr Lavrov"], kind: "person", gender: "male", quotes: 12 },
  { name: "Marija Zakharova", aliases: ["Zakharova"], kind: "person", gender: "female", quotes: 3 },
  { name: "Mirjana Spoljaric", aliases: ["Spoljaric"], kind: "person", gender: "female", quotes: 4 },
  { name: "Theresa May", aliases: ["May", "Mrs May"], kind: "person", gender: "female", quotes: 2 },
  { name: "Russian Defense Ministry", aliases: ["Defense Ministry"], kind: "organisation", gender: null, quotes: 2 },
];

describe("speaker registry lookups", () => {
  const registry = createRegistry(speakers);

  it("resolves names and aliases folding case, diacritics and transliterations", () => {
    expect(registry.resolve("sergei lavrov")?.name).toBe("Sergey Lavrov");
    expect(registry.resolve("Mirjana Spoljarić")?.name).toBe("Mirjana Spoljaric");
    expect(registry.resolve("Maria Zakharova")?.name).toBe("Marija Zakharova");
    expect(registry.resolve("Russian Foreign Minister Sergey Lavrov")?.name).toBe("Sergey Lavrov");
    expect(registry.resolve("Russian Defence Ministry")?.name).toBe("Russian Defense Ministry");
    expect(registry.resolve("Boris Johnson")).toBeNull();
  });

  it("matches the longest run of leading words, forgiving small typos", () => {
    expect(registry.matchLeading(["Maria", "Zakharova", "investigation"])).toEqual({ speaker: speakers[1], consumed: 2 });
    expect(registry.matchLeading(["Zaharova", "investigation"])).toEqual({ speaker: speakers[1], consumed: 1 });
    expect(registry.matchLeading(["Sergei", "Lavrov", "Western", "sponsors"])).toEqual({ speaker: speakers[0], consumed: 2 });
    expect(registry.matchLeading(["Foreign", "Minister", "Lavrov", "Minsk"])).toEqual({ speaker: speakers[0], consumed: 3 });
    expect(registry.matchLeading(["neutrality"])).toBeNull();
    expect(registry.matchLeading([])).toBeNull();
  });

  it("reads a title word typed as a word, not as a misspelt name", () => {
    // "minister" is two edits from "ministry", as "Zaharova" is one from "Zakharova": a title word is spelled right.
    const withMinistry = createRegistry([...speakers, { name: "Foreign Ministry", aliases: ["Ministry"], kind: "organisation", gender: null, quotes: 9 }]);
    expect(withMinistry.matchLeading(["minister", "government"])).toBeNull();
    expect(withMinistry.matchLeading(["ministry", "government"])?.speaker.name).toBe("Foreign Ministry");
    expect(withMinistry.matchLeading(["Zaharova", "ministry"])?.speaker.name).toBe("Marija Zakharova");
  });

  it("suggests close names and completes prefixes, best first", () => {
    expect(registry.suggest("Zakh", 5).map((s) => s.name)).toEqual(["Marija Zakharova"]);
    expect(registry.suggest("lav", 5)[0]?.name).toBe("Sergey Lavrov");
    expect(registry.suggest("Spoljarich", 5)[0]?.name).toBe("Mirjana Spoljaric");
    expect(registry.suggest("", 2).map((s) => s.name)).toEqual(["Sergey Lavrov", "Marija Zakharova"]);
  });
});

describe("building the registry from a corpus", () => {
  const book = buildQuoteBook({
    articles: [
      article("a.txt", ["Prime Minister Tony Blair spoke in Leeds.", "“We will win the election,” said Mr Blair."]),
      article("b.txt", ["“The economy is strong,” Tony Blair said on Monday."]),
      article("c.txt", ["“The economy is weak,” Blair said.", "Antonio Guterres said the plan was “a violation of the charter”."]),
      article("d.txt", ["“Peace needs patience,” said UN Secretary-General António Guterres."]),
    ],
  });

  it("merges spellings of one person under the most frequent full name", () => {
    const guterres = book.speakers.resolve("Guterres")!;
    expect(guterres.quotes).toBe(2);
    expect([guterres.name, ...guterres.aliases]).toEqual(expect.arrayContaining(["Antonio Guterres", "António Guterres"]));
  });

  it("gives a surname alone to the person of that name, with honorific aliases", () => {
    const blair = book.speakers.resolve("Mr Blair")!;
    expect(blair).toMatchObject({ name: "Tony Blair", kind: "person", gender: "male", quotes: 3 });
    expect(book.quotations.filter((q) => q.speaker === "Tony Blair")).toHaveLength(3);
    expect(blair.aliases).toEqual(expect.arrayContaining(["Blair", "Mr Blair"]));
  });

  it("follows the corpus when an article changes or goes", () => {
    book.upsert(article("b.txt", ["“The economy is strong,” Gordon Brown said on Monday."]));
    expect(book.speakers.resolve("Tony Blair")?.quotes).toBe(2);
    expect(book.speakers.resolve("Gordon Brown")?.quotes).toBe(1);
    book.remove("b.txt");
    expect(book.speakers.resolve("Gordon Brown")).toBeNull();
    expect(book.quotations.some((q) => q.doc === "b.txt")).toBe(false);
    expect(book.search({ speaker: null, words: ["economy"], phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => h.quotation.doc)).toEqual(["c.txt"]);
  });
});

/** Issue 15, class 3: a body's acronym and its full name are one speaker across the corpus, shown in full. */
describe("acronyms across articles", () => {
  it("joins an acronym to the body the corpus names beside it, shown by the full name", () => {
    const book = buildQuoteBook({
      articles: [
        article("a.txt", ["The Harbour Workers Union met on Monday. “We will strike,” the HWU said."]),
        article("b.txt", ["“Pay must rise,” the Harbour Workers Union said in a statement."]),
        article("c.txt", ["“Talks have failed,” the HWU said."]),
      ],
    });
    const c = book.quotations.find((q) => q.doc === "c.txt")!;
    expect(c.speaker).toBe("Harbour Workers Union");
    expect(book.speakers.resolve("HWU")?.name).toBe("Harbour Workers Union");
  });

  it("leaves an acronym alone where one story alone spells it out, or two bodies share it", () => {
    const book = buildQuoteBook({
      articles: [
        article("a.txt", ["The Kent Rowing Club met. “We are ready,” the KRC said."]),
        article("b.txt", ["“Prices will rise,” the KRC said."]),
        article("c.txt", ["The Press Bureau met. “We agree,” the PB said. “Yes,” the Press Bureau said."]),
        article("d.txt", ["The Port Board met. “We disagree,” the PB said. “No,” the Port Board said."]),
        article("e.txt", ["“Maybe,” the PB said."]),
      ],
    });
    expect(book.quotations.find((q) => q.doc === "b.txt")!.speaker).toBe("KRC");
    expect(book.quotations.find((q) => q.doc === "e.txt")!.speaker).toBe("PB");
  });
});
