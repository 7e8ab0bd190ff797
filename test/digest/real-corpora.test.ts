/** The digest over a day of a real wire archive (skipped when ../shared is absent). */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { blockTextLength } from "../../src/adapters/slack/blocks.js";
import { renderSlack } from "../../src/adapters/slack/render.js";
import { embedLength, renderDiscord } from "../../src/adapters/discord/render.js";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { composeDigest, digestReply, type Digest } from "../../src/digest/compose.js";
import { root } from "./seed-data.js";

// DATELINE_CORPORA points elsewhere than ../shared/corpora (a git worktree has no ../shared beside it).
const reuters = join(process.env.DATELINE_CORPORA ?? join(root, "../shared/corpora"), "reuters");

describe.skipIf(!existsSync(reuters))("digest of a busy Reuters day", () => {
  let day: Article[];
  let digest: Digest;
  beforeAll(async () => {
    const corpus = await loadCorpus(reuters);
    day = corpus.articles.filter((a) => a.published?.startsWith("1987-04-07"));
    digest = composeDigest({
      articles: day,
      quotations: [],
      statements: null,
      from: new Date("1987-04-07T00:00:00Z"),
      to: new Date("1987-04-08T00:00:00Z"),
      background: corpus.articles,
    });
  }, 120_000);

  it("puts every article in exactly one story", () => {
    expect(day.length).toBeGreaterThan(500);
    const docs = [...digest.stories.flatMap((s) => s.docs), ...digest.templated.flatMap((k) => k.items.flatMap((i) => i.docs))];
    expect(docs.length).toBe(day.length);
    expect(new Set(docs).size).toBe(day.length);
    // A busy wire day is many stories, some of several reports.
    expect(digest.stories.length).toBeGreaterThan(50);
    expect(digest.stories.length).toBeLessThan(day.length);
    expect(digest.stories[0]!.docs.length).toBeGreaterThan(2);
  });

  it("keeps reports under the same headline together", () => {
    const storyOf = new Map<string, number>();
    digest.stories.forEach((s, i) => s.docs.forEach((d) => storyOf.set(d, i)));
    const byTitle = new Map<string, string[]>();
    for (const a of day) {
      if (!a.title || a.title.length < 20) continue;
      byTitle.set(a.title, [...(byTitle.get(a.title) ?? []), a.id]);
    }
    const repeated = [...byTitle.values()].filter((docs) => docs.length > 1);
    expect(repeated.length).toBeGreaterThan(3);
    const together = repeated.filter((docs) => new Set(docs.map((d) => storyOf.get(d))).size === 1).length;
    expect(together / repeated.length).toBeGreaterThan(0.8);
  });

  it("posts within Slack's and Discord's limits, every one of its ten stories shown", () => {
    const reply = digestReply(digest);
    const slack = renderSlack(reply);
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    const slackText = JSON.stringify(slack.blocks);
    expect(slack.blocks.reduce((n, b) => n + blockTextLength(b), 0)).toBeLessThanOrEqual(12_000);
    const discord = renderDiscord(reply);
    expect(discord.content.length).toBeLessThanOrEqual(2000);
    expect(discord.embeds.length).toBeLessThanOrEqual(10);
    expect(discord.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    for (const story of digest.stories.slice(0, 10)) {
      const words = story.title.split(/\s+/).slice(0, 2).join(" ");
      expect(slackText).toContain(words.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
      expect(discord.content).toContain(words.replace(/[\\*_~`|<>#-]/g, (c) => `\\${c}`).slice(0, 4));
    }
    expect(reply.text).toMatch(new RegExp(`… and ${digest.stories.length - 10} more stories \\(\\d+ articles\\)`));
    expect(reply.blocks.some((b) => b.type === "actions" && b.actions.some((a) => a.label === "More stories"))).toBe(true);
  });

  it("gathers company results into one line, and no story mixes two companies' results", async () => {
    const topics = await earnTopics(join(reuters, "articles.jsonl"));
    const results = digest.templated.find((k) => k.label === "Company results");
    expect(results).toBeDefined();
    expect(reply().text).toContain(`Company results: ${results!.articles}`);
    for (const story of digest.stories) {
      const companies = new Set(
        story.docs
          .filter((d) => topics.has(d))
          .map((d) => day.find((a) => a.id === d)!.title ?? "")
          .filter((t) => /\b(NET|LOSS|PROFIT)\b/.test(t))
          .map((t) => (/<([A-Z.]+)>/.exec(t)?.[1] ?? t.split(/\s+/).slice(0, 2).join(" "))),
      );
      expect(companies.size, story.title).toBeLessThanOrEqual(1);
    }
  });

  const reply = () => digestReply(digest);
});

/** Ids of the Reuters articles labelled with the "earn" topic (results and dividends). */
async function earnTopics(file: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { id: string; topics?: string[] };
    if (record.topics?.includes("earn")) ids.add(record.id);
  }
  return ids;
}
