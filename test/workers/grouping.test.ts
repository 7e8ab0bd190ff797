/**
 * Statement grouping in the grouping worker (src/workers/grouping.ts): its statements are the statements grouped
 * in this thread, on the seeds and on a larger sample with syndicated copies; its copy of the articles follows a
 * change; a copy out of step is refused rather than shown.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rareWords, replicateArticle, replicateArticles, withId } from "../../bench/replicate.js";
import { memoryLogger } from "../../src/core/log.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import type { QuoteBook } from "../../src/quotes/quote-book.js";
import { MirrorOutOfStep } from "../../src/statements/encoded.js";
import { buildStatements } from "../../src/statements/group.js";
import type { StatementIndex } from "../../src/statements/types.js";
import type { GroupedQuotation } from "../../src/statements/units.js";
import { offThreadGrouping, type OffThreadGrouping } from "../../src/workers/grouping.js";
import { createWorkerPool } from "../../src/workers/pool.js";
import { fixtureQuotations, variantGroups } from "../statements/seed-data.js";

const SEEDS = fileURLToPath(new URL("../../seeds", import.meta.url));

/** Everything a caller can read from the index, as text: equal text means the same statements in the same order. */
function observable(index: StatementIndex, probes: readonly string[]): string {
  return JSON.stringify({
    statements: index.statements,
    duplicates: index.duplicates,
    found: probes.map((q) => index.statements.indexOf(index.find(q)!)),
    speakerFound: probes.map((q) => index.statements.indexOf(index.find(q, { speaker: index.statements[0]?.speaker ?? null })!)),
    containing: index.statements.slice(0, 30).map((s) => {
      const r = s.renderings[0]!;
      return index.statements.indexOf(index.containing(r.doc, r.start, r.end)!);
    }),
  });
}

/** The book's accessor over plain quotations (what `groupingFields` answers). */
const bookOf = (quotations: readonly GroupedQuotation[]): Pick<QuoteBook, "quotationCount" | "groupingFields"> => ({
  quotationCount: quotations.length,
  groupingFields: (from, to) => quotations.slice(from, to) as ReturnType<QuoteBook["groupingFields"]>,
});

const signal = () => new AbortController().signal;

describe("statements grouped in the grouping worker", () => {
  let seeds: Article[];
  let fingerprint: string;
  let grouping: OffThreadGrouping;

  beforeAll(async () => {
    const corpus = await loadCorpus(SEEDS);
    seeds = corpus.articles;
    fingerprint = corpus.fingerprint;
    // The corpus the newsroom read: the worker reads it too.
    grouping = offThreadGrouping(
      { location: SEEDS, readOptions: {}, fingerprint, given: false, articles: () => seeds },
      { pool: createWorkerPool({ size: 1, log: memoryLogger() }), log: memoryLogger() },
    );
  });
  afterAll(() => grouping.close());

  const probes = () => variantGroups.map((g) => g.renderings[0]!.text);

  it("are the statements grouped here, on the seeds with the hand-checked quotations", async () => {
    const quotations = fixtureQuotations(seeds);
    const here = buildStatements(seeds, quotations);
    const there = await grouping.statements(seeds, bookOf(quotations), { signal: signal(), sliceMs: 0 });
    expect(there.statements.length).toBeGreaterThan(0);
    expect(observable(there, probes())).toBe(observable(here, probes()));
  });

  it("are the statements grouped here, on the seeds with the quote book's own quotations (read through its accessor)", async () => {
    const book = buildQuoteBook({ articles: seeds });
    const here = buildStatements(seeds, book.quotations);
    const there = await grouping.statements(seeds, book, { signal: signal() });
    expect(there.statements.length).toBeGreaterThan(0);
    expect(observable(there, probes())).toBe(observable(here, probes()));
  });

  it("follow a corpus change sent to the worker's copy", async () => {
    // An article of the seeds in a new wording (every rare word respelled) and a new copy of another.
    const changed = withId(replicateArticle(seeds[2]!, 1, rareWords(seeds)), seeds[2]!.id);
    const copy = withId(seeds[1]!, "900_syndicated.txt");
    const now = [...seeds.filter((a) => a.id !== seeds[0]!.id), copy].map((a) => (a.id === changed.id ? changed : a));
    grouping.changed({ removed: [seeds[0]!.id], upserted: [changed, copy] });
    const quotations = buildQuoteBook({ articles: now }).quotations;
    const here = buildStatements(now, quotations);
    const there = await grouping.statements(now, bookOf(quotations), { signal: signal() });
    expect(here.duplicates.some((g) => g.includes("900_syndicated.txt"))).toBe(true);
    expect(observable(there, probes())).toBe(observable(here, probes()));
    // Back to the seeds, for the tests after this one.
    grouping.changed({ removed: [copy.id], upserted: [seeds[0]!, seeds[2]!] });
  });

  it("are refused when the worker's copy of an article is not this thread's (never a text it did not group)", async () => {
    const quotations = fixtureQuotations(seeds);
    // The same articles with a word put in front of their text (not sent to the worker): every offset moves.
    const shifted = seeds.map((a) => ({ ...a, text: `Updated ${a.text}` }));
    await expect(grouping.statements(shifted, bookOf(quotations), { signal: signal() })).rejects.toBeInstanceOf(MirrorOutOfStep);
    // Filled afresh (from this thread) before the next grouping: the seeds group as here again.
    const here = buildStatements(seeds, quotations);
    expect(observable(await grouping.statements(seeds, bookOf(quotations), { signal: signal() }), probes())).toBe(observable(here, probes()));
  });

  it("stop when their signal aborts", async () => {
    const controller = new AbortController();
    const running = grouping.statements(seeds, bookOf(fixtureQuotations(seeds)), { signal: controller.signal, sliceMs: 0 });
    const reason = new Error("corpus changed");
    controller.abort(reason);
    await expect(running).rejects.toBe(reason);
  });
});

describe("statements grouped in the grouping worker, on a larger sample with other wordings and syndicated copies", () => {
  it("are the statements grouped here (the worker's copy sent from this thread: a given corpus)", async () => {
    const seeds = (await loadCorpus(SEEDS)).articles;
    const replicas = replicateArticles(seeds, 3000);
    const articles = [...replicas, ...replicas.slice(0, 40).map((a) => withId(a, `${a.id}~syndicated`))];
    const book = buildQuoteBook({ articles });
    const here = buildStatements(articles, book.quotations);
    expect(here.duplicates.length).toBeGreaterThan(0);
    const grouping = offThreadGrouping(
      { location: SEEDS, readOptions: {}, fingerprint: "given", given: true, articles: () => articles },
      { pool: createWorkerPool({ size: 1, log: memoryLogger() }), log: memoryLogger() },
    );
    try {
      const there = await grouping.statements(articles, book, { signal: signal(), sliceMs: 1 });
      const probes = here.statements.slice(0, 20).map((s) => s.renderings[0]!.text);
      expect(observable(there, probes)).toBe(observable(here, probes));
    } finally {
      await grouping.close();
    }
  }, 120_000);
});
