/** When an outlet or date filter leaves nothing, the answer says why in the corpus's terms. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { filterExplanation } from "../../src/corpus/filter-explanation.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { commands } from "../../commands/index.js";
import { makeArticle } from "../helpers/articles.js";
import { editorArticles } from "../quotes/editor-fixtures.js";
import { quoteNewsroom } from "../quotes/newsroom.js";
import { ROOT, ensureBuilt } from "../e2e/service.js";

const plain = [makeArticle("politics/1.txt", ["Minister speaks"]), makeArticle("politics/2.txt", ["Another story"])];
const dated = [
  makeArticle("a", ["One"], { outlet: "Harbour Gazette", published: "2004-03-17" }),
  makeArticle("b", ["Two"], { outlet: "Harbour Gazette", published: "2004-05-02" }),
  makeArticle("c", ["Three"], { outlet: "Wirefeed", published: "2004-04-01" }),
];

describe("filterExplanation", () => {
  it("says the corpus names no outlet and gives no date, pointing at dateline.yml", () => {
    expect(filterExplanation(plain, { outlet: "BBC" })).toMatch(/No article in this corpus names its outlet .*dateline\.yml/);
    expect(filterExplanation(plain, { after: "2004-01-01" })).toMatch(/No article in this corpus has a publication date .*dateline\.yml/);
  });

  it("lists the outlets the corpus has, most articles first, when none is called what was typed", () => {
    expect(filterExplanation(dated, { outlet: "Reuters" })).toBe("No outlet is called “Reuters”; the corpus has Harbour Gazette, Wirefeed.");
  });

  it("gives the corpus's dates when the filter lies outside them", () => {
    expect(filterExplanation(dated, { after: "2005-01-01" })).toBe("The corpus's articles are dated 2004-03-17 to 2004-05-02.");
    expect(filterExplanation(dated, { before: "2003-12-31" })).toBe("The corpus's articles are dated 2004-03-17 to 2004-05-02.");
  });

  it("says nothing when the filters are not the reason: an outlet matched as the filter matches it, dates inside", () => {
    expect(filterExplanation(dated, { outlet: "harbour" })).toBeNull();
    expect(filterExplanation(dated, { after: "2004-04-01" })).toBeNull();
    expect(filterExplanation(dated, {})).toBeNull();
  });
});

describe("/quote and /sources with filters that leave nothing", () => {
  const dispatcher = createDispatcher(commands);
  const context = { platform: "cli" as const, user: null, channel: null, log: memoryLogger(), now: () => new Date(), page: 0, limit: 10 };

  it("/quote names the outlets the corpus has", async () => {
    const newsroom = quoteNewsroom(editorArticles());
    const outcome = await dispatcher.dispatch("/quote Hale budget outlet:Nowhere", { ...context, services: newsroom });
    expect(outcome.reply.text).toContain("No outlet is called “Nowhere”; the corpus has");
    expect(outcome.reply.text).toContain("Wirefeed");
  });

  describe("through the command line, over a folder without outlets or dates", () => {
    let dir: string;
    beforeAll(async () => {
      ensureBuilt();
      dir = await mkdtemp(path.join(tmpdir(), "dateline-filters-"));
      await writeFile(path.join(dir, "1.txt"), "Harbour reopens after storm\n\nThe harbour at Kellwick reopened on Tuesday, the port authority said.\n");
      return () => rm(dir, { recursive: true, force: true });
    }, 180_000);

    it("/sources says why the filter matched nothing", () => {
      const run = spawnSync(process.execPath, ["dist/src/cli.js", "ask", "/sources harbour outlet:BBC after:2004", "--corpus", dir], {
        cwd: ROOT,
        env: { ...process.env, DATELINE_DATA_DIR: "", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "" },
        encoding: "utf8",
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain("1 article matches without the outlet or date filters");
      expect(run.stdout).toContain("No article in this corpus names its outlet");
      expect(run.stdout).toContain("No article in this corpus has a publication date");
    });
  });
});
