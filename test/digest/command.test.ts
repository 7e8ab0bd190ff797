import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { digestCommand, type DigestCommandServices } from "../../commands/digest.js";
import type { Platform } from "../../src/core/command.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { Article } from "../../src/corpus/types.js";
import { openLedger } from "../../src/digest/ledger.js";
import { createDigestServices } from "../../src/digest/services.js";
import type { Quotation } from "../../src/quotes/types.js";
import { buildStatements } from "../../src/statements/group.js";
import { clock, tempDir } from "./helpers.js";
import { fixtureQuotations, seedArticles } from "./seed-data.js";

let dir: string;
let cleanup: () => Promise<void>;
let articles: Article[];
let quotations: Quotation[];
beforeAll(async () => {
  articles = await seedArticles();
  quotations = fixtureQuotations(articles);
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

const c = clock("2024-05-01T10:00:00Z");
const SEEN = "2024-05-01T06:00:00.000Z";

function services(withDigest = true): DigestCommandServices {
  return {
    articles: () => articles,
    quotes: { quotations },
    statements: () => buildStatements(articles, quotations),
    firstSeen: () => SEEN,
    digest: withDigest ? createDigestServices({ dataDir: dir, log: memoryLogger(), platforms: ["slack"] }) : undefined,
  };
}

const dispatcher = createDispatcher([digestCommand]);
function run(text: string, where: { platform?: Platform; channel?: string | null; withDigest?: boolean } = {}) {
  return dispatcher.dispatch(text, {
    services: services(where.withDigest ?? true),
    platform: where.platform ?? "slack",
    user: { id: "U1" },
    channel: where.channel === undefined ? "C1" : where.channel,
    log: memoryLogger(),
    now: c.now,
  });
}

describe("/digest", () => {
  it("shows the digest now, privately, with the seeds' stories", async () => {
    const out = await run("/digest");
    expect(out.ok).toBe(true);
    expect(out.reply.visibility).toBe("private");
    const json = out.results[0] as { stories: Array<{ docs: string[] }> };
    expect(json.stories).toHaveLength(3);
    expect(out.reply.text).toContain("5 new articles in 3 stories");
  });

  it("says nothing is new when the channel's last digest came after the articles", async () => {
    const ledger = await openLedger(dir, memoryLogger(), c.now);
    await ledger.record({
      platform: "slack",
      channel: "C1",
      day: "2024-05-01",
      zone: "UTC",
      due: "2024-05-01T07:00:00.000Z",
      from: "2024-04-30T07:00:00.000Z",
      to: "2024-05-01T07:00:00.000Z",
      late: false,
      status: "sent",
      intentAt: "2024-05-01T07:00:00.000Z",
      postedAt: "2024-05-01T07:00:01.000Z",
    });
    const out = await run("/digest");
    expect(out.reply.text).toBe("Nothing new in the corpus since 1 May 2024, 07:00 UTC.");
  });

  it("subscribes the channel, shows the status, and unsubscribes", async () => {
    const sub = await run("/digest subscribe 07:30 Europe/Paris");
    expect(sub.ok).toBe(true);
    expect(sub.reply.visibility).toBe("private");
    expect(sub.reply.text).toContain("every day at 07:30 (Europe/Paris)");
    expect(sub.reply.text).toContain("Next: 2 May 2024, 07:30 CEST");

    const status = await run("/digest status");
    expect(status.reply.text).toContain("Every day at: 07:30 (Europe/Paris)");
    expect(status.reply.text).toContain("Next: 2 May 2024, 07:30 CEST");
    expect(status.reply.text).toContain("Last posted: not yet");

    const off = await run("/digest unsubscribe");
    expect(off.reply.text).toContain("no longer");
    expect((await run("/digest status")).reply.text).toContain("has no daily digest");
  });

  it("defaults to UTC", async () => {
    const sub = await run("/digest subscribe 6:00");
    expect(sub.reply.text).toContain("06:00 (UTC)");
  });

  it("answers bad input privately and clearly", async () => {
    const cases: Array<[string, RegExp]> = [
      ["/digest subscribe 25:00", /“25:00” is not a time of day.*HH:MM/],
      ["/digest subscribe 07:30 Mars/Olympus", /“Mars\/Olympus” is not a time zone I know.*Europe\/Paris/],
      ["/digest subscribe 07:30 Europe/Pariss", /Did you mean Europe\/Paris/],
      ["/digest subscribe", /Say when/],
      ["/digest weekly", /“weekly” is not a \/digest option/],
      ["/digest status now", /takes nothing after it/],
    ];
    for (const [input, message] of cases) {
      const out = await run(input);
      expect(out.ok, input).toBe(false);
      expect(out.reply.visibility).toBe("private");
      expect(out.reply.text, input).toMatch(message);
    }
  });

  it("refuses EST and other abbreviations, naming the IANA zones they may mean, and subscribes nothing", async () => {
    const cases: Array<[string, string[]]> = [
      ["EST", ["America/New_York", "America/Toronto"]],
      ["pst", ["America/Los_Angeles"]],
      ["IST", ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]],
      ["CET", ["Europe/Paris", "Europe/Berlin"]],
      ["GMT", ["UTC", "Europe/London"]],
    ];
    for (const [zone, meant] of cases) {
      const out = await run(`/digest subscribe 07:30 ${zone}`);
      expect(out.ok, zone).toBe(false);
      expect(out.reply.text, zone).toContain(`“${zone}” is an abbreviation`);
      for (const name of meant) expect(out.reply.text, zone).toContain(name);
    }
    // A name Intl knows but that is no Area/City (a legacy alias) is refused too; UTC and Area/City names are taken.
    expect((await run("/digest subscribe 07:30 Japan")).reply.text).toMatch(/not an IANA time zone name/);
    expect((await run("/digest status")).reply.text).toMatch(/has no daily digest/);
    expect((await run("/digest subscribe 07:30 utc")).ok).toBe(true);
    expect((await run("/digest subscribe 07:30 America/New_York")).ok).toBe(true);
  });

  it("needs a channel and the digest stores to subscribe", async () => {
    const noChannel = await run("/digest subscribe 07:30", { channel: null });
    expect(noChannel.ok).toBe(false);
    expect(noChannel.reply.text).toMatch(/belong to a channel/);
    const noStores = await run("/digest subscribe 07:30", { withDigest: false });
    expect(noStores.ok).toBe(false);
    expect(noStores.reply.text).toMatch(/not set up/);
    // Showing the digest needs neither.
    expect((await run("/digest", { channel: null, withDigest: false })).ok).toBe(true);
  });

  it("warns when the platform has no scheduler running", async () => {
    const sub = await run("/digest subscribe 07:30", { platform: "discord" });
    expect(sub.reply.text).toContain("not being posted on this platform");
  });
});
