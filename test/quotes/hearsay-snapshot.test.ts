import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { openQuoteBook } from "../../src/quotes/snapshot.js";
import { editorArticles } from "./editor-fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "dateline-hearsay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

describe("the quotations' snapshot", () => {
  it("keeps which quotations are second-hand, alleged or denied", async () => {
    const articles = editorArticles();
    const options = { dataDir: dir, fingerprint: "editor-fixtures", log: memoryLogger() };
    const fresh = openQuoteBook(articles, options);
    await fresh.saved;
    const loaded = openQuoteBook(articles, options);
    expect(loaded.fromSnapshot).toBe(true);
    const marked = loaded.book.quotations.filter((q) => q.hearsay);
    expect(marked.map((q) => q.hearsay!.kind)).toContain("alleged");
    expect(loaded.book.quotations).toEqual(fresh.book.quotations);
  });
});
