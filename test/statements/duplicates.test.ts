import { describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import type { Quotation } from "../../src/quotes/types.js";
import { findDuplicates } from "../../src/statements/duplicates.js";
import { buildStatements } from "../../src/statements/group.js";
import { statementNote } from "../../src/statements/summary.js";

const WIRE = [
  "BRUSSELS, March 3 (Wire) - European Union finance ministers agreed on Tuesday to delay a vote on the new budget rules until the summer, officials said.",
  "“We need more time to reach a compromise that every member state can accept without reservations,” Finance Commissioner Anna Keller told reporters after the meeting.",
  "The proposal would cap annual deficits and set a common timetable for reducing public debt over the next decade.",
  "Several governments have objected to the timetable, arguing that it leaves too little room for investment in defence and energy.",
].join("\n\n");

function article(id: string, outlet: string, published: string, headline: string, body: string): Article {
  const text = `${headline}\n\n${body}`;
  const paragraphs: Article["paragraphs"] = [];
  let at = 0;
  for (const block of text.split("\n\n")) {
    const start = text.indexOf(block, at);
    paragraphs.push({ id: `${id}#p${paragraphs.length + 1}`, n: paragraphs.length + 1, start, end: start + block.length, role: paragraphs.length === 0 ? "headline" : "body" });
    at = start + block.length;
  }
  return { id, text, title: headline, outlet, url: null, published, author: null, language: "en", dateline: null, paragraphs, source: id };
}

function quotation(a: Article, text: string, n: number): Quotation {
  const start = a.text.indexOf(text);
  if (start < 0) throw new Error(`not in ${a.id}: ${text}`);
  const paragraph = a.paragraphs.find((p) => p.start <= start && start < p.end)!.n;
  return { id: `${a.id}#q${n}`, doc: a.id, start, end: start + text.length, text, speaker: "Anna Keller", kind: "direct", cue: "told", mention: "Keller", confidence: 0.9, paragraph, evidence: "test" };
}

const original = article("wire.txt", "Wire Service", "2024-03-03", "EU delays vote on budget rules", WIRE);
const copy = article("daily.txt", "The Daily", "2024-03-04", "Budget vote postponed", WIRE + "\n\nRead more: our coverage of the budget talks.");
const rewrite = article(
  "herald.txt",
  "The Herald",
  "2024-03-03",
  "Ministers put off budget decision",
  "Ministers decided to wait until summer. “We need more time to find a compromise that all member states can accept without reservations,” Keller said on Tuesday.",
);
const unrelated = article("other.txt", "The Daily", "2024-03-02", "Rain expected", "Heavy rain is expected across the north of the country on Thursday, forecasters said, with flooding possible in low-lying areas near the coast.");

const KELLER = "We need more time to reach a compromise that every member state can accept without reservations";
const KELLER_REWRITE = "We need more time to find a compromise that all member states can accept without reservations";

describe("duplicate articles", () => {
  it("recognises the same wire text in two outlets, earliest first, and nothing else", () => {
    expect(findDuplicates([rewrite, copy, unrelated, original])).toEqual([["wire.txt", "daily.txt"]]);
  });

  it("does not take two stories on one topic for a copy", () => {
    expect(findDuplicates([original, rewrite])).toEqual([]);
  });

  it("collapses the copy's rendering: listed after its original, not a wording or a statement of its own", () => {
    const articles = [original, copy, rewrite, unrelated];
    const quotes = [quotation(original, KELLER, 1), quotation(copy, KELLER, 1), quotation(rewrite, KELLER_REWRITE, 1)];
    const index = buildStatements(articles, quotes);
    expect(index.duplicates).toEqual([["wire.txt", "daily.txt"]]);
    expect(index.statements).toHaveLength(1);
    const statement = index.statements[0]!;
    expect(statement.renderings.map((r) => [r.doc, r.copyOf ?? null])).toEqual([
      ["herald.txt", null],
      ["wire.txt", null],
      ["daily.txt", "wire.txt"],
    ]);
    expect(statement.wordings).toBe(2);
    expect(statementNote(statement)).toBe("3 outlets · 2 wordings");
    for (const r of statement.renderings) {
      const a = articles.find((x) => x.id === r.doc)!;
      expect(a.text.slice(r.start, r.end)).toBe(r.text);
    }
    // The copy's own quotation maps to the statement too (for collapsing /quote results).
    const q = quotes[1]!;
    expect(index.containing(q.doc, q.start, q.end)).toBe(statement);
  });

  it("makes no statement out of a wire text and its copy alone", () => {
    const index = buildStatements([original, copy], [quotation(original, KELLER, 1), quotation(copy, KELLER, 1)]);
    expect(index.duplicates).toEqual([["wire.txt", "daily.txt"]]);
    expect(index.statements).toEqual([]);
  });
});
