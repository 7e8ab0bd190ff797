/** The digest over a day of a real wire archive (skipped when ../shared is absent). */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { composeDigest, digestReply, type Digest } from "../../src/digest/compose.js";
import { root } from "./seed-data.js";

const reuters = join(root, "../shared/corpora/reuters");

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
    const docs = digest.stories.flatMap((s) => s.docs);
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

  it("is cut to fit with a count of what was left out", () => {
    const reply = digestReply(digest);
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    expect(reply.text).toMatch(new RegExp(`… and ${digest.stories.length - 5} more stories \\(\\d+ articles\\) not shown`));
  });
});
