import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { digestForCli, newArticles, type DigestSource } from "../../src/digest/for-newsroom.js";
import { buildStatements } from "../../src/statements/group.js";
import { fixtureQuotations, ICRC, POW, seedArticles, UNSC } from "./seed-data.js";

let source: DigestSource;
let seen: Record<string, string>;
beforeAll(async () => {
  const articles: Article[] = await seedArticles();
  const quotations = fixtureQuotations(articles);
  // 000-002 arrived yesterday morning, 003 and 004 this morning.
  seen = {
    [ICRC[0]!]: "2024-05-01T06:00:00.000Z",
    [ICRC[1]!]: "2024-05-01T06:10:00.000Z",
    [ICRC[2]!]: "2024-05-01T06:20:00.000Z",
    [UNSC]: "2024-05-02T05:00:00.000Z",
    [POW]: "2024-05-02T05:30:00.000Z",
  };
  source = {
    articles: () => articles,
    quotes: { quotations },
    statements: () => buildStatements(articles, quotations),
    firstSeen: (doc) => seen[doc] ?? null,
  };
});

const now = new Date("2024-05-02T07:00:00Z");

describe("the digest of a newsroom's new articles", () => {
  it("takes the articles first seen in the period", () => {
    expect(newArticles(source, new Date("2024-05-01T07:00:00Z"), now).map((a) => a.id).sort()).toEqual([UNSC, POW]);
    expect(newArticles(source, new Date("2024-04-30T07:00:00Z"), now)).toHaveLength(5);
  });

  it("gives `dateline digest --json` and a text for the terminal", () => {
    const { json, text } = digestForCli(source, new Date(now.getTime() - 3 * 3_600_000), now);
    expect(json.from).toBe("2024-05-02T04:00:00.000Z");
    expect(json.stories.map((s) => s.docs)).toEqual(expect.arrayContaining([[UNSC], [POW]]));
    expect(json.stories).toHaveLength(2);
    expect(json.speakers.map((s) => s.name)).toContain("Antony Blinken");
    expect(text).toContain("2 new articles in 2 stories");
  });

  it("shows every story on the command line", () => {
    const { json, text } = digestForCli(source, new Date("2024-04-30T07:00:00Z"), now, {});
    for (const story of json.stories) expect(text).toContain(story.title);
    expect(text).not.toContain("not shown");
  });
});

describe("digestComposer", () => {
  it("composes the public digest for a subscription, dates in its zone", async () => {
    const { digestComposer } = await import("../../src/digest/for-newsroom.js");
    const compose = digestComposer(source);
    const sub = { platform: "slack" as const, channel: "C1", time: "07:30", zone: "Europe/Paris", createdAt: now.toISOString() };
    const reply = await compose(new Date("2024-05-01T07:00:00Z"), now, true, sub);
    expect(reply.visibility).toBe("public");
    expect(reply.text).toContain("2 new articles in 2 stories since 1 May 2024, 09:00 CEST.");
    expect(reply.text).toContain("Posted late");
  });
});
