import { describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import type { Quotation } from "../../src/quotes/types.js";
import { buildStatements } from "../../src/statements/group.js";

function article(id: string, outlet: string | null, url: string | null, text: string): Article {
  return {
    id, text, title: null, outlet, url, published: null, author: null, language: "en", dateline: null, source: id,
    paragraphs: [{ id: `${id}#p1`, n: 1, start: 0, end: text.length, role: "body" }],
  };
}

function quotation(a: Article, text: string): Quotation {
  const start = a.text.indexOf(text);
  return { id: `${a.id}#q1`, doc: a.id, start, end: start + text.length, text, speaker: "Anna Keller", kind: "direct", cue: "said", mention: "Keller", confidence: 0.9, paragraph: 1, evidence: "test" };
}

const REPORT = "We will publish the full audit of the fisheries fund before the end of the month";
const OWN = "We will publish the complete audit of the fisheries fund before the month is out";
const organisations = { "Anna Keller": ["European Commission", "ec.europa.eu"] };

describe("the primary source", () => {
  it("is the document published by the speaker's own organisation, listed first", () => {
    const report = article("a-report.txt", "Daily Courier", null, `“${REPORT},” Keller said.`);
    const own = article("z-press.txt", "European Commission", null, `“${OWN},” Commissioner Keller said.`);
    const index = buildStatements([report, own], [quotation(report, REPORT), quotation(own, OWN)], { organisations });
    expect(index.statements).toHaveLength(1);
    expect(index.statements[0]!.renderings.map((r) => [r.doc, r.primary])).toEqual([
      ["z-press.txt", true],
      ["a-report.txt", false],
    ]);
  });

  it("is recognised by the organisation's web address too", () => {
    const report = article("a-report.txt", "Daily Courier", "https://courier.example/news/1", `“${REPORT},” Keller said.`);
    const own = article("z-press.txt", null, "https://ec.europa.eu/commission/presscorner/1", `“${OWN},” Keller said.`);
    const index = buildStatements([report, own], [quotation(report, REPORT), quotation(own, OWN)], { organisations });
    expect(index.statements[0]!.renderings[0]).toMatchObject({ doc: "z-press.txt", primary: true });
  });

  it("is absent when no document is the speaker's own", () => {
    const report = article("a-report.txt", "Daily Courier", null, `“${REPORT},” Keller said.`);
    const other = article("z-other.txt", "Evening Post", null, `“${OWN},” Keller said.`);
    const index = buildStatements([report, other], [quotation(report, REPORT), quotation(other, OWN)], { organisations });
    expect(index.statements[0]!.renderings.map((r) => r.primary)).toEqual([false, false]);
  });
});
