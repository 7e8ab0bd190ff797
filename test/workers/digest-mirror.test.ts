/**
 * The digest worker's copy of the corpus (src/workers/digests.ts) takes a changed file without holding up the
 * digests asked meanwhile: the change's long part (its story terms) is made in the analysis pool, held here on
 * purpose; a digest asked then is answered from the mirror as it was, saying what is still being read; once the
 * change is in, a digest has the new article, composed as this thread composes it.
 */
import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { composeDigest } from "../../src/digest/compose.js";
import { digestReply } from "../../src/digest/render.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { offThreadComposer, offThreadDigests, type OffThreadDigests } from "../../src/workers/digests.js";
import { createWorkerPool } from "../../src/workers/pool.js";
import { heldPool } from "../helpers/held-pool.js";
import { tempDir } from "../digest/helpers.js";
import { root } from "../digest/seed-data.js";

const FEATURE = "harbour-feature.txt";
const BRIEF = "election-brief.txt";
const paragraph = (i: number) =>
  `“The ferries to Zanzibar will run again from the northern quay,” harbour master Amina Mwinyi said of section ${i}. ` +
  `Repairs to the Zanzibar quay took a month, and the port authority said traffic would resume on Monday.\n\n`;

let newsroom: OpenedNewsroom;
let analysis: ReturnType<typeof heldPool>;
let digestPool: ReturnType<typeof heldPool>;
let digests: OffThreadDigests;
let corpusDir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const dir = await tempDir("dateline-digest-mirror-");
  cleanup = dir.cleanup;
  corpusDir = dir.dir;
  await cp(join(root, "seeds"), corpusDir, { recursive: true });
  const log = memoryLogger();
  analysis = heldPool(createWorkerPool({ size: 1, log }), "storyTerms");
  digestPool = heldPool(createWorkerPool({ size: 1, log }), "composeDigest");
  newsroom = await openNewsroom(corpusDir, { dataDir: null, log, workers: analysis.pool });
  digests = offThreadDigests(newsroom, { log, pool: digestPool.pool, analysis: analysis.pool });
  digests.prepare();
});

afterAll(async () => {
  await digests?.close();
  await analysis?.pool.close();
  await cleanup?.();
});

describe("the digest worker's mirror takes a change without holding up digests", () => {
  it("answers a digest asked while the change is analysed, then includes the new article once it is in", async () => {
    const from = new Date(Date.now() - 3_600_000);
    const period = () => [from, new Date(Date.now() + 3_600_000)] as const;
    // Nothing new yet (the seeds are the corpus found at the first start): answered at once, no worker needed.
    const quiet = digests.compose(...period(), false, () => null);
    expect(quiet.ready).toBe(true);
    expect(await quiet.digest).toMatchObject({ articles: 0, stories: [] });
    expect(digestPool.jobs).not.toContain("composeDigest");

    // A short new article first: in the mirror once its change is settled.
    await writeFile(join(corpusDir, BRIEF), "Polls close in the port city\n\n“Turnout was high in every district,” the electoral commission said on Sunday.\n");
    await expect(newsroom.refreshFile(BRIEF)).resolves.toBe("added");
    await digests.settled();
    expect((await digests.compose(...period(), false, () => null).digest).articles).toBe(1);

    const held = analysis.hold();
    await writeFile(join(corpusDir, FEATURE), "Zanzibar harbour reopens\n\n" + Array.from({ length: 400 }, (_, i) => paragraph(i)).join(""));
    await expect(newsroom.refreshFile(FEATURE)).resolves.toBe("added");
    await held.reached;
    // The change's analysis is held: the mirror has not taken it.
    let settled = false;
    void digests.settled().then(() => (settled = true));
    // A scheduled post leaves nothing out: it waits for the change.
    let posted = false;
    const subscription = { platform: "slack" as const, channel: "C1", time: "07:00", zone: "UTC", createdAt: new Date().toISOString() };
    const post = Promise.resolve(offThreadComposer(newsroom, digests)(...period(), false, subscription)).then((reply) => {
      posted = true;
      return reply;
    });

    const composedBefore = digestPool.jobs.filter((job) => job === "composeDigest").length;
    const during = await digests.compose(...period(), false, () => null).digest;
    // Composed in the digest worker, while the change was still on its way to it.
    expect(digestPool.jobs.filter((job) => job === "composeDigest").length).toBe(composedBefore + 1);
    expect(settled).toBe(false);
    expect(posted).toBe(false);
    expect(during.articles).toBe(1);
    expect(during.reading).toBe(1);
    expect(Object.keys(during.documents)).toEqual([BRIEF]);
    expect(digestReply(during).text).toMatch(/1 more new article is still being read: not in this digest yet/);

    held.release();
    await digests.settled();
    const after = await digests.compose(...period(), false, () => null).digest;
    expect(after.reading).toBeUndefined();
    expect(after.articles).toBe(2);
    expect(after.stories.flatMap((s) => s.docs).sort()).toEqual([BRIEF, FEATURE]);
    expect(after.stories.find((s) => s.docs.includes(FEATURE))!.quotes.length).toBeGreaterThan(0);
    // The same digest as this thread composes over the newsroom's articles (the terms made elsewhere are exact).
    const here = composeDigest({
      articles: [newsroom.article(BRIEF)!, newsroom.article(FEATURE)!],
      quotations: newsroom.quotes.quotations.filter((q) => q.doc === FEATURE || q.doc === BRIEF),
      statements: null,
      from: new Date(after.from),
      to: new Date(after.to),
      background: newsroom.articles(),
    });
    expect({ ...after, documents: { ...after.documents } }).toEqual({ ...here, documents: { ...here.documents } });
    expect(analysis.jobs).toContain("storyTerms");

    const reply = await post;
    expect(JSON.stringify(reply.blocks)).toMatch(/Zanzibar harbour reopens/);
    expect(reply.text).not.toMatch(/still being read/);
  });

  it("leaves a changed article out while its new text is analysed, and counts it as being read", async () => {
    const period = () => [new Date(Date.now() - 3_600_000), new Date(Date.now() + 3_600_000)] as const;
    const held = analysis.hold();
    await writeFile(join(corpusDir, FEATURE), "Zanzibar harbour reopens\n\n" + Array.from({ length: 50 }, (_, i) => paragraph(i + 1000)).join(""));
    await expect(newsroom.refreshFile(FEATURE)).resolves.toBe("changed");
    await held.reached;
    // The mirror still has the old text: the article is left out rather than shown with the new text's quotations.
    const during = await digests.compose(...period(), false, () => null).digest;
    expect(Object.keys(during.documents)).toEqual([BRIEF]);
    expect(during.reading).toBe(1);
    held.release();
    await digests.settled();
    const after = await digests.compose(...period(), false, () => null).digest;
    expect(Object.keys(after.documents).sort()).toEqual([BRIEF, FEATURE]);
    expect(after.reading).toBeUndefined();
  });
});


describe("a digest that leaves articles out while they are read", () => {
  it("says so instead of saying nothing is new", () => {
    const empty = composeDigest({ articles: [], quotations: [], statements: null, from: new Date("2026-12-01T06:00:00Z"), to: new Date("2026-12-02T06:00:00Z") });
    expect(digestReply(empty).text).toMatch(/^Nothing new in the corpus since/);
    const text = digestReply({ ...empty, reading: 2 }).text;
    expect(text).toMatch(/^Nothing new read yet since .*: 2 new articles are still being read\. Ask again in a moment\.$/);
    expect(text).not.toMatch(/Nothing new in the corpus/);
  });
});
