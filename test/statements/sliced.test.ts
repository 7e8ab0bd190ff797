/**
 * The statements computed in time slices (a running bot) are exactly the statements computed at once (CLI,
 * tests), and the event loop gets turns while they are computed.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { replicateArticles, withId } from "../../bench/replicate.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import type { Quotation } from "../../src/quotes/types.js";
import { buildStatements, buildStatementsInSlices } from "../../src/statements/group.js";
import type { StatementIndex } from "../../src/statements/types.js";
import { turnCounter } from "../helpers/turns.js";
import { fixtureQuotations, seedArticles, variantGroups } from "./seed-data.js";

const BBC = fileURLToPath(new URL("../../../shared/corpora/bbc", import.meta.url));

/** Everything a caller can read from the index, as text: equal text means the same statements in the same order. */
function observable(index: StatementIndex, probes: readonly string[]): string {
  return JSON.stringify({
    statements: index.statements,
    duplicates: index.duplicates,
    found: probes.map((q) => index.statements.indexOf(index.find(q)!)),
  });
}

describe("statements computed in slices", () => {
  let seeds: Article[];

  beforeAll(async () => {
    seeds = await seedArticles();
  });

  describe.each([
    ["fixture quotations", (a: Article[]): readonly Quotation[] => fixtureQuotations(a)],
    ["extracted quotations", (a: Article[]): readonly Quotation[] => buildQuoteBook({ articles: a }).quotations],
  ])("on the seeds, from %s", (_name, quotationsOf) => {
    it.each([0, 5, 1000])("are the statements computed at once (slices of %i ms)", async (sliceMs) => {
      const quotations = quotationsOf(seeds);
      const probes = variantGroups.map((g) => g.renderings[0]!.text);
      const atOnce = buildStatements(seeds, quotations);
      const sliced = await buildStatementsInSlices(seeds, quotations, {}, { sliceMs });
      expect(sliced.statements.length).toBeGreaterThan(0);
      expect(observable(sliced, probes)).toBe(observable(atOnce, probes));
    });
  });

  it("let the event loop run between slices", async () => {
    const counter = turnCounter();
    const index = await buildStatementsInSlices(seeds, fixtureQuotations(seeds), {}, { sliceMs: 0 });
    const turns = counter.stop();
    expect(index.statements.length).toBeGreaterThan(0);
    // Slices of 0 ms: one step each, and the counter runs between every two of them.
    expect(turns).toBeGreaterThan(10);
  });

  it("let a timer fire before they are done", async () => {
    let fired = false;
    const timer = setTimeout(() => (fired = true), 0);
    let firedBeforeDone = false;
    await buildStatementsInSlices(seeds, fixtureQuotations(seeds), {}, { sliceMs: 0 }).then(
      () => (firedBeforeDone = fired),
    );
    clearTimeout(timer);
    expect(firedBeforeDone).toBe(true);
  });

  it("stop when their signal aborts, rejecting with its reason", async () => {
    const controller = new AbortController();
    const running = buildStatementsInSlices(seeds, fixtureQuotations(seeds), {}, { sliceMs: 0, signal: controller.signal });
    const reason = new Error("corpus changed");
    controller.abort(reason);
    await expect(running).rejects.toBe(reason);
  });

  it("are the statements computed at once on a larger sample with other wordings and syndicated copies", async () => {
    // The seeds replicated with respelled rare words (other wordings of the same statements), a few hundred
    // articles, and word-for-word copies of some under other ids (syndication: duplicate groups).
    const replicas = replicateArticles(seeds, 3000);
    const articles = [...replicas, ...replicas.slice(0, 40).map((a) => withId(a, `${a.id}~syndicated`))];
    expect(articles.length).toBeGreaterThan(100);
    const quotations = buildQuoteBook({ articles }).quotations;
    const atOnce = buildStatements(articles, quotations);
    const sliced = await buildStatementsInSlices(articles, quotations, {}, { sliceMs: 1 });
    expect(atOnce.statements.length).toBeGreaterThan(0);
    expect(atOnce.duplicates.length).toBeGreaterThan(0);
    const probes = atOnce.statements.slice(0, 20).map((s) => s.renderings[0]!.text);
    expect(observable(sliced, probes)).toBe(observable(atOnce, probes));
  }, 120_000);
});

// Research corpus, absent from a user's clone: skipped then.
describe.skipIf(!existsSync(BBC))("statements computed in slices over the BBC corpus", () => {
  it("are the statements computed at once", async () => {
    const corpus = await loadCorpus(BBC);
    const quotations = buildQuoteBook(corpus).quotations;
    const atOnce = buildStatements(corpus.articles, quotations);
    const sliced = await buildStatementsInSlices(corpus.articles, quotations);
    expect(atOnce.statements.length).toBeGreaterThan(0);
    const probes = atOnce.statements.slice(0, 50).map((s) => s.renderings[0]!.text);
    expect(observable(sliced, probes)).toBe(observable(atOnce, probes));
  }, 300_000);
});
