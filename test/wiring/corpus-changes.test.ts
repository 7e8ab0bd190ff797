/**
 * CorpusChanges: a change reaches the articles held, the passage index, the quote book, the statements, first-seen
 * times and the listeners, one change at a time; what equals the articles held is skipped.
 */
import { describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { loadFirstSeen } from "../../src/corpus/first-seen.js";
import type { Article, CorpusProblem } from "../../src/corpus/types.js";
import { quoteArticle } from "../../src/quotes/article-quotes.js";
import { buildQuoteBook, type CorpusQuoteBook } from "../../src/quotes/book.js";
import { PassageIndex } from "../../src/search/source-index.js";
import { CorpusChanges, type ChangeTargets } from "../../src/wiring/corpus-changes.js";
import { HeldArticles } from "../../src/wiring/held-articles.js";
import { makeArticle } from "../helpers/articles.js";

const harbour = makeArticle("harbour.txt", [
  "The council met on Tuesday to discuss the flooded harbour and the repairs it needs before winter.",
  '"We will rebuild the harbour wall before the storms come," said Mayor Jane Okafor.',
]);
const lighthouse = makeArticle("lighthouse.txt", [
  "The old lighthouse on the northern cape will reopen to visitors next spring after a long restoration.",
  '"The lamp will shine again over the cape," said Tom Reyes, who led the restoration.',
]);
const find = (index: PassageIndex, word: string) => index.search({ words: [word], phrases: [] }, { offset: 0, limit: 10 }).hits.map((h) => h.doc);

async function newsroomParts(articles: Article[], options: { bookOpen?: boolean; workers?: ChangeTargets["workers"] } = {}) {
  const held = new HeldArticles({ articles, problems: [{ file: "old.txt", severity: "warning", message: "re-decoded" }] });
  const index = PassageIndex.build(articles);
  const quoteBook: CorpusQuoteBook | null = options.bookOpen ? buildQuoteBook({ articles }) : null;
  const calls: string[] = [];
  const book = { opened: quoteBook, corpusChanged: () => void calls.push("book stale") };
  const statements = { corpusChanged: () => void calls.push("statements stale") };
  const firstSeen = await loadFirstSeen(null, memoryLogger());
  let saves = 0;
  const changes = new CorpusChanges(held, {
    index,
    book,
    statements,
    firstSeen,
    saveFirstSeen: async () => void saves++,
    workers: options.workers,
    now: () => new Date("2026-12-01T08:00:00Z"),
  });
  return { held, index, quoteBook, calls, firstSeen, changes, saves: () => saves };
}

describe("CorpusChanges", () => {
  it("applies an upsert and a removal to every part, then tells the listeners", async () => {
    const parts = await newsroomParts([harbour], { bookOpen: true });
    const heard: Array<{ removed: string[]; upserted: string[] }> = [];
    parts.changes.onArticlesChanged(({ removed, upserted }) => heard.push({ removed, upserted: upserted.map((a) => a.id) }));

    const applied = await parts.changes.apply({ removed: ["harbour.txt"], upserted: [lighthouse] });

    expect(applied.removed).toEqual(["harbour.txt"]);
    expect(applied.upserted.map((a) => a.id)).toEqual(["lighthouse.txt"]);
    expect(parts.held.list().map((a) => a.id)).toEqual(["lighthouse.txt"]);
    expect(find(parts.index, "harbour")).toEqual([]);
    expect(find(parts.index, "lighthouse")).toEqual(["lighthouse.txt"]);
    expect(parts.quoteBook!.quotations.map((q) => q.doc)).toEqual(["lighthouse.txt"]);
    expect(parts.firstSeen.get("lighthouse.txt")?.at).toBe("2026-12-01T08:00:00.000Z");
    expect(parts.calls).toEqual(["book stale", "statements stale"]);
    expect(heard).toEqual([{ removed: ["harbour.txt"], upserted: ["lighthouse.txt"] }]);
    expect(parts.saves()).toBe(1);
  });

  it("skips articles equal to those held and removals of articles not held, telling no one", async () => {
    const parts = await newsroomParts([harbour]);
    let heard = 0;
    parts.changes.onArticlesChanged(() => heard++);

    const applied = await parts.changes.apply({ removed: ["nowhere.txt"], upserted: [{ ...harbour }] });

    expect(applied).toEqual({ removed: [], upserted: [] });
    expect(heard).toBe(0);
    expect(parts.calls).toEqual([]);
    expect(parts.saves()).toBe(0);
  });

  it("replaces the problems of the files a change names, even when no article changed", async () => {
    const parts = await newsroomParts([harbour]);
    const problem: CorpusProblem = { file: "new.txt", severity: "error", message: "cannot decode" };

    await parts.changes.apply({ removed: [], upserted: [], problems: [{ file: "old.txt", problems: [] }, { file: "new.txt", problems: [problem] }] });

    expect(parts.held.problems()).toEqual([problem]);
  });

  it("applies a change only once the one under way is done, and goes on after one that failed", async () => {
    const order: string[] = [];
    let release!: () => void;
    const slowQuotes = new Promise<void>((resolve) => (release = resolve));
    // A worker pool that extracts on this thread, the first article's quotations held back until released.
    const workers = {
      run: (async (_job: "quoteArticle", article: Article) => {
        order.push(`extract ${article.id}`);
        if (article.id === "harbour.txt") await slowQuotes;
        return quoteArticle(article);
      }) as unknown as NonNullable<ChangeTargets["workers"]>["run"],
    };
    const parts = await newsroomParts([], { bookOpen: true, workers });
    parts.changes.onArticlesChanged(({ upserted }) => order.push(`applied ${upserted.map((a) => a.id).join()}`));

    const first = parts.changes.apply({ removed: [], upserted: [harbour] });
    const second = parts.changes.apply({ removed: [], upserted: [lighthouse] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Both extractions started at once; the second change waits for the first.
    expect(order).toEqual(["extract harbour.txt", "extract lighthouse.txt"]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["extract harbour.txt", "extract lighthouse.txt", "applied harbour.txt", "applied lighthouse.txt"]);
    expect(parts.quoteBook!.quotations.map((q) => q.doc).sort()).toEqual(["harbour.txt", "lighthouse.txt"]);

    parts.changes.onArticlesChanged(({ upserted }) => {
      if (upserted.some((a) => a.id === "broken.txt")) throw new Error("listener failed");
    });
    const broken = makeArticle("broken.txt", ["A short note about the ferry timetable for the winter months ahead."]);
    await expect(parts.changes.apply({ removed: [], upserted: [broken] })).rejects.toThrow("listener failed");
    await parts.changes.apply({ removed: ["broken.txt"], upserted: [] });
    expect(parts.held.has("broken.txt")).toBe(false);
    expect(find(parts.index, "ferry")).toEqual([]);
  });
});
