import { beforeAll, describe, expect, it } from "vitest";
import { encodeAction } from "../../src/core/actions.js";
import type { QuoteBlock } from "../../src/core/reply.js";
import type { Article } from "../../src/corpus/types.js";
import { composeDigest, digestJson, digestReply, type Digest } from "../../src/digest/compose.js";
import type { Quotation } from "../../src/quotes/types.js";
import { buildStatements } from "../../src/statements/group.js";
import { fixtureQuotations, ICRC, POW, seedArticles, UNSC } from "./seed-data.js";

let articles: Article[];
let quotations: Quotation[];
let digest: Digest;
const from = new Date("2024-05-01T07:30:00Z");
const to = new Date("2024-05-02T07:30:00Z");

beforeAll(async () => {
  articles = await seedArticles();
  quotations = fixtureQuotations(articles);
  const statements = buildStatements(articles, quotations).statements;
  digest = composeDigest({ articles, quotations, statements, from, to });
});

const text = (doc: string) => articles.find((a) => a.id === doc)!.text;

describe("composeDigest over the seeds", () => {
  it("groups the seeds into their three stories", () => {
    const groups = digest.stories.map((s) => [...s.docs].sort());
    expect(groups).toHaveLength(3);
    expect(groups[0]).toEqual(ICRC);
    expect(groups.slice(1)).toEqual(expect.arrayContaining([[UNSC], [POW]]));
  });

  it("titles each story with the headline of one of its articles, and names its outlets", () => {
    for (const story of digest.stories) {
      const own = articles.filter((a) => story.docs.includes(a.id));
      expect(own.map((a) => a.title)).toContain(story.title);
      const outlets = [...new Set(own.map((a) => a.outlet).filter((o): o is string => !!o))];
      expect([...story.outlets].sort()).toEqual(outlets.sort());
    }
    expect(digest.stories[0]!.title).toMatch(/Lavrov|ICRC|Spoljaric/);
  });

  it("quotes Spoljaric and Lavrov on the ICRC meeting, Blinken and Lavrov at the UN, Zakharova on the POW video", () => {
    const speakers = (doc: string) => digest.stories.find((s) => s.docs.includes(doc))!.quotes.map((q) => q.speaker);
    expect(speakers(ICRC[0]!)).toEqual(expect.arrayContaining(["Sergey Lavrov", "Mirjana Spoljaric"]));
    expect(speakers(UNSC)).toEqual(expect.arrayContaining(["Antony Blinken", "Sergey Lavrov"]));
    expect(speakers(POW)).toEqual(expect.arrayContaining(["Marija Zakharova"]));
  });

  it("puts first the speakers a story's headline names", () => {
    const unsc = digest.stories.find((s) => s.docs.includes(UNSC))!;
    expect(unsc.quotes.slice(0, 2).map((q) => q.speaker).sort()).toEqual(["Antony Blinken", "Sergey Lavrov"]);
  });

  it("puts one quotation per speaker first", () => {
    for (const story of digest.stories) {
      const speakerCount = new Set(story.quotes.map((q) => q.speaker)).size;
      const firsts = story.quotes.slice(0, speakerCount).map((q) => q.speaker);
      expect(new Set(firsts).size).toBe(speakerCount);
    }
  });

  it("cites every quotation verbatim", () => {
    const all = digest.stories.flatMap((s) => s.quotes);
    expect(all.length).toBeGreaterThan(6);
    for (const q of all) expect(text(q.doc).slice(q.start, q.end)).toBe(q.text);
    for (const v of digest.stories.flatMap((s) => s.variants)) {
      for (const r of v.renderings) expect(text(r.doc).slice(r.start, r.end)).toBe(r.text);
    }
  });

  it("counts the most quoted speakers, Lavrov first", () => {
    expect(digest.speakers[0]).toEqual({
      name: "Sergey Lavrov",
      quotes: quotations.filter((q) => q.speaker === "Sergey Lavrov").length,
    });
    const total = digest.speakers.reduce((n, s) => n + s.quotes, 0);
    expect(total).toBe(quotations.length);
  });

  it("finds a statement of the ICRC story worded differently by different outlets", () => {
    const variant = digest.stories[0]!.variants[0];
    expect(variant).toBeDefined();
    expect(variant!.speaker).toBe("Sergey Lavrov");
    expect(variant!.wordings).toBeGreaterThanOrEqual(2);
    expect(new Set(variant!.renderings.map((r) => r.doc)).size).toBeGreaterThanOrEqual(2);
  });

  it("composes the same digest from a structured clone of its input (it can run in a worker)", () => {
    const input = { articles, quotations, statements: buildStatements(articles, quotations).statements, from, to };
    expect(composeDigest(structuredClone(input))).toEqual(composeDigest(input));
  });

  it("gives the `dateline digest --json` shape", () => {
    const json = digestJson(digest);
    expect(Object.keys(json).sort()).toEqual(["from", "speakers", "stories", "to"]);
    expect(json.from).toBe(from.toISOString());
    for (const story of json.stories) {
      expect(Object.keys(story).sort()).toEqual(["docs", "outlets", "quotes", "title"]);
      for (const q of story.quotes) expect(Object.keys(q).sort()).toEqual(["doc", "end", "speaker", "start"]);
    }
    expect(Object.keys(json.speakers[0]!).sort()).toEqual(["name", "quotes"]);
  });
});

describe("digestReply", () => {
  it("is public, names the stories and shows verbatim quotations with citations", () => {
    const reply = digestReply(digest);
    expect(reply.visibility).toBe("public");
    for (const story of digest.stories) expect(reply.text).toContain(story.title);
    const quotes = reply.blocks.filter((b): b is QuoteBlock => b.type === "quote");
    expect(quotes.length).toBeGreaterThan(3);
    for (const q of quotes) expect(text(q.citation.doc).slice(q.citation.start, q.citation.end)).toBe(q.text);
    expect(reply.text).toMatch(/Sergey Lavrov’s statement is worded \d ways in \d (outlets|reports)\./);
    expect(reply.text).toContain("Speakers of the day: Sergey Lavrov");
    const quoted = new Set(quotes.map((q) => q.speaker));
    for (const name of ["Mirjana Spoljaric", "Sergey Lavrov", "Antony Blinken"]) expect(quoted).toContain(name);
    // Each story shows its best two; the speakers of the day name everyone quoted.
    expect(reply.text).toMatch(/Speakers of the day: .*Marija Zakharova \(\d+\)/);
  });

  it("can be private (the /digest command)", () => {
    expect(digestReply(digest, { visibility: "private" }).visibility).toBe("private");
  });

  it("cuts a busy day to a page and offers the rest behind a More stories button", () => {
    const reply = digestReply(digest, { maxStories: 1 });
    expect(reply.text).toContain(digest.stories[0]!.title);
    expect(reply.text).not.toContain(digest.stories[1]!.title);
    expect(reply.text).toContain("… and 2 more stories (2 articles).");
    const actions = reply.blocks.flatMap((b) => (b.type === "actions" ? b.actions : []));
    expect(actions).toEqual([{ kind: "more", label: "More stories", value: encodeAction({ c: "digest", t: `from:${digest.from} to:${digest.to}`, p: 1 }) }]);
    const next = digestReply(digest, { maxStories: 1, page: 1 });
    expect(next.text).toContain(digest.stories[1]!.title);
    expect(next.text).not.toContain(digest.stories[0]!.title);
    const last = digestReply(digest, { maxStories: 1, page: 2 });
    expect(last.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("shows at most two quotations a story and ten in all", () => {
    const reply = digestReply(digest);
    const quotes = reply.blocks.filter((b): b is QuoteBlock => b.type === "quote");
    expect(quotes.length).toBeLessThanOrEqual(10);
    for (const story of digest.stories) {
      expect(quotes.filter((q) => story.docs.includes(q.citation.doc)).length).toBeLessThanOrEqual(2);
    }
  });

  it("says so on a quiet day instead of staying silent", () => {
    const quiet = composeDigest({ articles: [], quotations, statements: null, from, to });
    expect(quiet.stories).toEqual([]);
    const reply = digestReply(quiet, { zone: "Europe/Paris" });
    expect(reply.text).toBe("Nothing new in the corpus since 1 May 2024, 09:30 CEST.");
    expect(reply.blocks.length).toBeGreaterThan(0);
  });

  it("marks a late digest", () => {
    const late = composeDigest({ articles, quotations, statements: null, from, to, late: true });
    expect(digestReply(late).text).toContain("Posted late");
  });
});
