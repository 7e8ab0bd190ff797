/** Words that name Object.prototype members ("constructor", "__proto__") are ordinary words everywhere. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseArgs } from "../../src/core/args.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import { normalizeTerm } from "../../src/text/analysis.js";
import { openNewsroom } from "../../src/open-newsroom.js";

const words = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];

describe("prototype-named words", () => {
  it("normalise to strings or nothing", () => {
    for (const w of words) {
      const term = normalizeTerm(w);
      expect(term === null || typeof term === "string").toBe(true);
    }
  });

  it("are indexed, searched and quoted like any other word", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dateline-proto-"));
    writeFileSync(
      join(dir, "a.txt"),
      'Builder hires constructor\n\nThe constructor said: "The toString valueOf hasOwnProperty plan is sound," Mr Constructor said.\n',
    );
    const newsroom = await openNewsroom(dir, { dataDir: null, log: memoryLogger() });
    const dispatcher = createDispatcher(commands);
    const ask = (input: string) =>
      dispatcher.dispatch(input, { services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date() });
    const sources = await ask("/sources constructor");
    expect(sources.ok).toBe(true);
    expect(sources.results).toHaveLength(1);
    const quote = await ask("/quote toString plan");
    expect(quote.ok).toBe(true);
    expect(quote.results.length).toBeGreaterThan(0);
  });

  it("are unknown filters when typed as filters", async () => {
    expect(parseArgs("constructor:y toString:z").filters).toEqual({ constructor: "y", tostring: "z" });
    expect(parseArgs("hasOwnProperty").filters.hasOwnProperty).toBeUndefined();
    const newsroom = await openNewsroom("seeds", { dataDir: null, log: memoryLogger() });
    const out = await createDispatcher(commands).dispatch("/sources Kyiv constructor:y", {
      services: newsroom, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(),
    });
    expect(out).toMatchObject({ ok: false, error: "usage" });
    expect(out.reply.text).toContain("constructor");
  });
});
