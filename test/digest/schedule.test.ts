import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelPoster } from "../../src/core/bot.js";
import { memoryLogger } from "../../src/core/log.js";
import { LEDGER_FILE, openLedger } from "../../src/digest/ledger.js";
import { createDigestScheduler, lastDue, type DigestScheduler } from "../../src/digest/schedule.js";
import { openSubscriptions } from "../../src/digest/subscriptions.js";
import { clock, echoCompose, echoed, fakePoster, MINUTE, tempDir, type Clock, type Post } from "./helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

function scheduler(c: Clock, posters: ChannelPoster[], log = memoryLogger()): DigestScheduler {
  return createDigestScheduler({ dataDir: dir, posters, compose: echoCompose, now: c.now, log });
}

async function subscribe(c: Clock, platform: "slack" | "discord", channel: string, time: string, zone: string) {
  await openSubscriptions(dir, memoryLogger()).subscribe({ platform, channel, time, zone }, c.now());
}

/** Ticks every `step` from the clock's time up to `untilIso` (inclusive). */
async function tickThrough(s: DigestScheduler, c: Clock, untilIso: string, step = 5 * MINUTE): Promise<void> {
  const until = Date.parse(untilIso);
  while (c.now().getTime() <= until) {
    await s.tick();
    c.advance(step);
  }
}

describe("digest scheduler", () => {
  it("posts once when the hour comes, and again the next day", async () => {
    const c = clock("2024-03-12T06:00:00Z");
    const posts: Post[] = [];
    const s = scheduler(c, [fakePoster("slack", posts, c.now)]);
    await subscribe(c, "slack", "C1", "07:30", "Europe/Paris"); // 06:30 UTC in March (CET)

    c.set("2024-03-12T06:29:00Z");
    await s.tick();
    expect(posts).toHaveLength(0);

    c.set("2024-03-12T06:30:00Z");
    await s.tick();
    c.set("2024-03-12T06:31:00Z");
    await s.tick();
    await tickThrough(s, c, "2024-03-12T23:59:00Z", 30 * MINUTE);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.at).toBe("2024-03-12T06:30:00.000Z");
    expect(posts[0]!.reply.visibility).toBe("public");
    expect(echoed(posts[0]!).late).toBe(false);
    // First digest: the last 24 hours.
    expect(echoed(posts[0]!).from).toBe("2024-03-11T06:30:00.000Z");

    c.set("2024-03-13T06:30:00Z");
    await s.tick();
    await s.tick();
    expect(posts).toHaveLength(2);
    // The next one covers the time since the previous digest.
    expect(echoed(posts[1]!).from).toBe("2024-03-12T06:30:00.000Z");
    expect(echoed(posts[1]!).to).toBe("2024-03-13T06:30:00.000Z");
  });

  it("posts once across a restart", async () => {
    const c = clock("2024-03-12T06:00:00Z");
    const posts: Post[] = [];
    await subscribe(c, "slack", "C1", "07:30", "Europe/Paris");
    const first = scheduler(c, [fakePoster("slack", posts, c.now)]);
    await first.tick();
    c.set("2024-03-12T06:30:00Z");
    await first.tick();
    expect(posts).toHaveLength(1);
    await first.stop();

    c.set("2024-03-12T06:34:00Z");
    const second = scheduler(c, [fakePoster("slack", posts, c.now)]);
    await second.start();
    await second.tick();
    await second.stop();
    expect(posts).toHaveLength(1);
  });

  it("does not post again after a crash between sending and recording", async () => {
    const c = clock("2024-03-12T06:30:00Z");
    const posts: Post[] = [];
    await subscribe(c, "slack", "C1", "07:30", "Europe/Paris");
    // The platform receives the post, then the process dies before the outcome is written.
    const dying: ChannelPoster = {
      platform: "slack",
      post: (channel, reply) => {
        posts.push({ platform: "slack", channel, reply, at: c.now().toISOString() });
        return new Promise<void>(() => undefined);
      },
    };
    void scheduler(c, [dying]).tick();
    await expect.poll(() => posts.length).toBe(1);
    const ledgerText = await readFile(join(dir, LEDGER_FILE), "utf8");
    expect(ledgerText).toContain('"status":"sending"');

    c.set("2024-03-12T06:40:00Z");
    const restarted = scheduler(c, [fakePoster("slack", posts, c.now)]);
    await restarted.tick();
    c.set("2024-03-12T12:00:00Z");
    await restarted.tick();
    expect(posts).toHaveLength(1);
  });

  it("posts a missed digest once, marked late, when the bot comes back", async () => {
    const c = clock("2024-03-12T05:00:00Z");
    await subscribe(c, "discord", "D1", "07:30", "Europe/Paris");
    // Down from 05:00 to 09:10 UTC: the 06:30 UTC digest was missed.
    c.set("2024-03-12T09:10:00Z");
    const posts: Post[] = [];
    const s = scheduler(c, [fakePoster("discord", posts, c.now)]);
    await s.start();
    await s.tick();
    await s.stop();
    expect(posts).toHaveLength(1);
    expect(echoed(posts[0]!).late).toBe(true);

    const again = scheduler(c, [fakePoster("discord", posts, c.now)]);
    await tickThrough(again, c, "2024-03-12T23:00:00Z", 60 * MINUTE);
    expect(posts).toHaveLength(1);
  });

  it("does not owe a digest whose time passed before the channel subscribed", async () => {
    const c = clock("2024-03-12T10:00:00Z");
    await subscribe(c, "slack", "C1", "07:30", "Europe/Paris");
    const posts: Post[] = [];
    const s = scheduler(c, [fakePoster("slack", posts, c.now)]);
    await tickThrough(s, c, "2024-03-13T06:29:00Z", 30 * MINUTE);
    expect(posts).toHaveLength(0);
    c.set("2024-03-13T06:30:00Z");
    await s.tick();
    expect(posts).toHaveLength(1);
    expect(echoed(posts[0]!).late).toBe(false);
  });

  it("posts each channel at its own hour in its own time zone", async () => {
    const c = clock("2024-03-12T00:00:00Z");
    await subscribe(c, "slack", "paris", "07:30", "Europe/Paris"); // CET: 06:30 UTC
    await subscribe(c, "discord", "new-york", "07:30", "America/New_York"); // EDT since 10 March: 11:30 UTC
    await subscribe(c, "slack", "tokyo", "18:05", "Asia/Tokyo"); // 09:05 UTC
    const posts: Post[] = [];
    const s = scheduler(c, [fakePoster("slack", posts, c.now), fakePoster("discord", posts, c.now)]);
    await tickThrough(s, c, "2024-03-12T23:59:00Z", 5 * MINUTE);
    const at = Object.fromEntries(posts.map((p) => [p.channel, p.at]));
    expect(posts).toHaveLength(3);
    expect(at).toEqual({
      paris: "2024-03-12T06:30:00.000Z",
      tokyo: "2024-03-12T09:05:00.000Z",
      "new-york": "2024-03-12T11:30:00.000Z",
    });
    expect(posts.every((p) => !echoed(p).late)).toBe(true);
  });

  it("keeps the local hour across daylight-saving changes, once a day", async () => {
    const c = clock("2024-03-30T00:00:00Z");
    await subscribe(c, "slack", "paris", "07:30", "Europe/Paris");
    // 02:30 does not exist in Paris on 31 March 2024 (02:00 -> 03:00).
    await subscribe(c, "slack", "paris-night", "02:30", "Europe/Paris");
    const posts: Post[] = [];
    const s = scheduler(c, [fakePoster("slack", posts, c.now)]);
    await tickThrough(s, c, "2024-04-01T23:59:00Z", 5 * MINUTE);
    const times = (channel: string) => posts.filter((p) => p.channel === channel).map((p) => p.at);
    expect(times("paris")).toEqual([
      "2024-03-30T06:30:00.000Z", // 07:30 CET
      "2024-03-31T05:30:00.000Z", // 07:30 CEST, the day clocks change
      "2024-04-01T05:30:00.000Z",
    ]);
    // One each local day, the missing 02:30 included.
    expect(times("paris-night")).toHaveLength(3);
  });

  it("posts once on the night New York's clocks go back, though 01:30 happens twice", async () => {
    const c = clock("2024-11-02T12:00:00Z");
    await subscribe(c, "discord", "ny", "01:30", "America/New_York");
    const posts: Post[] = [];
    const s = scheduler(c, [fakePoster("discord", posts, c.now)]);
    await tickThrough(s, c, "2024-11-04T12:00:00Z", 5 * MINUTE);
    // 3 Nov: 01:30 EDT (05:30 UTC) and again 01:30 EST (06:30 UTC); 4 Nov: 01:30 EST.
    expect(posts.map((p) => p.at)).toEqual(["2024-11-03T05:30:00.000Z", "2024-11-04T06:30:00.000Z"]);
    expect(posts.every((p) => !echoed(p).late)).toBe(true);
  });

  it("reports a failing channel, skips it, and still posts to the others", async () => {
    const c = clock("2024-03-12T06:30:00Z");
    await subscribe(c, "slack", "gone", "07:30", "Europe/Paris");
    await subscribe(c, "slack", "ok", "07:30", "Europe/Paris");
    await subscribe(c, "discord", "locked", "07:30", "Europe/Paris");
    await subscribe(c, "discord", "fine", "07:30", "Europe/Paris");
    const posts: Post[] = [];
    const log = memoryLogger();
    const s = scheduler(
      c,
      [
        fakePoster("slack", posts, c.now, new Map([["gone", "An API error occurred: not_in_channel"]])),
        fakePoster("discord", posts, c.now, new Map([["locked", "Missing Access"]])),
      ],
      log,
    );
    const outcomes = await s.tick();
    expect(posts.map((p) => p.channel).sort()).toEqual(["fine", "ok"]);
    expect(outcomes.filter((o) => o.status === "failed").map((o) => o.channel).sort()).toEqual(["gone", "locked"]);
    const warned = log.lines.filter((l) => l.level === "warn" && /could not be posted/.test(String(l.msg)));
    expect(warned.map((l) => l.channel).sort()).toEqual(["gone", "locked"]);

    // Skipped for the day, not retried every minute.
    c.advance(MINUTE);
    await s.tick();
    expect(posts).toHaveLength(2);
  });

  it("gives up on a platform that does not answer, without posting again", async () => {
    const c = clock("2024-03-12T06:30:00Z");
    await subscribe(c, "slack", "slow", "07:30", "Europe/Paris");
    const hanging: ChannelPoster = { platform: "slack", post: () => new Promise<void>(() => undefined) };
    const log = memoryLogger();
    const s = createDigestScheduler({ dataDir: dir, posters: [hanging], compose: echoCompose, now: c.now, log, postTimeoutMs: 50 });
    const outcomes = await s.tick();
    expect(outcomes.map((o) => o.status)).toEqual(["failed"]);
    expect(log.lines.some((l) => l.level === "warn" && /no answer from the platform/.test(JSON.stringify(l.err)))).toBe(true);
    const posts: Post[] = [];
    c.advance(MINUTE);
    await scheduler(c, [fakePoster("slack", posts, c.now)]).tick();
    expect(posts).toHaveLength(0);
  });

  it("reports a digest that could not be composed once, and still serves the other channels", async () => {
    const c = clock("2024-03-12T06:30:00Z");
    await subscribe(c, "slack", "C1", "07:30", "Europe/Paris");
    await subscribe(c, "slack", "C2", "15:30", "Asia/Tokyo"); // 06:30 UTC too
    const posts: Post[] = [];
    const log = memoryLogger();
    let calls = 0;
    const s = createDigestScheduler({
      dataDir: dir,
      posters: [fakePoster("slack", posts, c.now)],
      compose: (from, to, late, sub) => {
        calls++;
        if (sub.channel === "C1") throw new Error("index not ready");
        return echoCompose(from, to, late, sub);
      },
      now: c.now,
      log,
    });
    await s.tick();
    c.advance(MINUTE);
    await s.tick();
    expect(calls).toBe(2);
    expect(posts.map((p) => p.channel)).toEqual(["C2"]);
    expect(log.lines.filter((l) => l.level === "error" && /could not be composed/.test(String(l.msg)))).toHaveLength(1);
  });

  it("sends nothing while its intent cannot be written, and posts once the ledger is writable again", async () => {
    const c = clock("2024-03-12T06:00:00Z");
    await subscribe(c, "slack", "C1", "07:30", "Europe/Paris");
    const posts: Post[] = [];
    const log = memoryLogger();
    const s = scheduler(c, [fakePoster("slack", posts, c.now)], log);
    await s.tick();
    // A folder where the ledger file should go: every write of the ledger fails.
    await mkdir(join(dir, LEDGER_FILE));
    c.set("2024-03-12T06:30:00Z");
    await s.tick();
    expect(posts).toHaveLength(0);
    expect(log.lines.some((l) => l.level === "error" && l.msg === "digest failed")).toBe(true);

    await rm(join(dir, LEDGER_FILE), { recursive: true });
    c.set("2024-03-12T06:31:00Z");
    await s.tick();
    await s.tick();
    expect(posts).toHaveLength(1);
  });

  it("waits for a platform that is not running, without recording anything", async () => {
    const c = clock("2024-03-12T06:30:00Z");
    await subscribe(c, "discord", "D1", "07:30", "Europe/Paris");
    const posts: Post[] = [];
    await scheduler(c, [fakePoster("slack", posts, c.now)]).tick();
    expect(posts).toHaveLength(0);
    // Discord comes back later that day: the digest is posted then, late.
    c.set("2024-03-12T08:00:00Z");
    await scheduler(c, [fakePoster("discord", posts, c.now)]).tick();
    expect(posts).toHaveLength(1);
    expect(echoed(posts[0]!).late).toBe(true);
  });
});

describe("a damaged ledger", () => {
  async function postedToday(c: Clock, posts: Post[]) {
    await subscribe(c, "slack", "C1", "07:30", "Europe/Paris");
    await subscribe(c, "slack", "C2", "07:30", "Europe/Paris");
    c.set("2024-03-12T06:30:00Z");
    await scheduler(c, [fakePoster("slack", posts, c.now)]).tick();
    expect(posts).toHaveLength(2);
  }

  it("is reported, rebuilt from its readable entries, and posts nothing twice", async () => {
    const c = clock("2024-03-12T06:00:00Z");
    const posts: Post[] = [];
    await postedToday(c, posts);
    const path = join(dir, LEDGER_FILE);
    const lines = (await readFile(path, "utf8")).split("\n");
    // Damage the file: a torn line in the middle, the closing bracket lost.
    await writeFile(path, [lines[0], lines[1], '{"platform":"slack","chan', lines[2]].join("\n"));

    c.set("2024-03-12T07:00:00Z");
    const log = memoryLogger();
    const s = scheduler(c, [fakePoster("slack", posts, c.now)], log);
    await s.tick();
    expect(posts).toHaveLength(2);
    expect(log.lines.some((l) => l.level === "error" && /ledger was damaged/.test(String(l.msg)))).toBe(true);
    const rebuilt = JSON.parse(await readFile(path, "utf8")) as { entries: Array<{ channel: string; status: string }> };
    expect(rebuilt.entries.map((e) => `${e.channel}:${e.status}`).sort()).toEqual(["C1:sent", "C2:sent"]);

    // Tomorrow goes on as usual.
    c.set("2024-03-13T06:30:00Z");
    await s.tick();
    expect(posts).toHaveLength(4);
  });

  it("that cannot be read at all does not lead to a second post today", async () => {
    const c = clock("2024-03-12T06:00:00Z");
    const posts: Post[] = [];
    await postedToday(c, posts);
    await writeFile(join(dir, LEDGER_FILE), "\u0000\u0000garbage{");

    c.set("2024-03-12T09:00:00Z");
    const log = memoryLogger();
    const s = scheduler(c, [fakePoster("slack", posts, c.now)], log);
    await s.tick();
    await s.tick();
    expect(posts).toHaveLength(2);
    expect(log.lines.some((l) => l.level === "error" && /ledger was damaged/.test(String(l.msg)))).toBe(true);
    const ledger = await openLedger(dir, memoryLogger(), c.now);
    expect(ledger.wasDamaged).toBe(false);
    expect(ledger.entries.map((e) => e.status)).toEqual(["presumed", "presumed"]);

    c.set("2024-03-13T06:30:00Z");
    await s.tick();
    expect(posts).toHaveLength(4);
  });
});

describe("lastDue", () => {
  it("is the latest scheduled time at or before now, in the subscription's zone", () => {
    const sub = { time: "07:30", zone: "Asia/Kolkata" }; // UTC+05:30 -> 02:00 UTC
    expect(lastDue(sub, new Date("2024-06-10T01:59:00Z"))?.toISOString()).toBe("2024-06-09T02:00:00.000Z");
    expect(lastDue(sub, new Date("2024-06-10T02:00:00Z"))?.toISOString()).toBe("2024-06-10T02:00:00.000Z");
  });
});
