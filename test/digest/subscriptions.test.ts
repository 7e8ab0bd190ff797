import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { parseDuration } from "../../src/digest/duration.js";
import {
  canonicalTimeZone,
  openSubscriptions,
  SUBSCRIPTIONS_FILE,
  suggestTimeZones,
} from "../../src/digest/subscriptions.js";
import { tempDir } from "./helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

const now = new Date("2024-05-01T10:00:00Z");

describe("subscription store", () => {
  it("stores one subscription per channel, replaced when subscribing again", async () => {
    const store = openSubscriptions(dir, memoryLogger());
    await store.subscribe({ platform: "slack", channel: "C1", time: "7:30", zone: "europe/paris" }, now);
    await store.subscribe({ platform: "discord", channel: "C1", time: "08:00", zone: "UTC" }, now);
    await store.subscribe({ platform: "slack", channel: "C1", time: "09:15", zone: "Asia/Tokyo" }, now);
    const reopened = openSubscriptions(dir, memoryLogger());
    expect((await reopened.list()).map((s) => `${s.platform}/${s.channel} ${s.time} ${s.zone}`).sort()).toEqual([
      "discord/C1 08:00 UTC",
      "slack/C1 09:15 Asia/Tokyo",
    ]);
    expect(await reopened.unsubscribe("slack", "C1")).toBe(true);
    expect(await reopened.unsubscribe("slack", "C1")).toBe(false);
    expect(await store.get("slack", "C1")).toBeNull();
  });

  it("normalises the time and the zone name", async () => {
    const store = openSubscriptions(dir, memoryLogger());
    const s = await store.subscribe({ platform: "slack", channel: "C1", time: "7:05", zone: "america/new_york" }, now);
    expect(s.time).toBe("07:05");
    expect(s.zone).toBe("America/New_York");
  });

  it("refuses 25:00, 24:00, 7:60 and unknown zones", async () => {
    const store = openSubscriptions(dir, memoryLogger());
    for (const time of ["25:00", "24:00", "7:60", "0730", "7"]) {
      await expect(store.subscribe({ platform: "slack", channel: "C1", time, zone: "UTC" }, now)).rejects.toThrow(/HH:MM/);
    }
    await expect(
      store.subscribe({ platform: "slack", channel: "C1", time: "07:00", zone: "Mars/Olympus" }, now),
    ).rejects.toThrow(/not a time zone I know.*Europe\/Paris/);
    expect(await store.list()).toEqual([]);
  });

  it("skips invalid entries and survives an unreadable file", async () => {
    await writeFile(
      join(dir, SUBSCRIPTIONS_FILE),
      JSON.stringify({
        version: 1,
        subscriptions: [
          { platform: "slack", channel: "C1", time: "07:00", zone: "UTC", createdAt: now.toISOString() },
          { platform: "slack", channel: "C2", time: "25:00", zone: "UTC", createdAt: now.toISOString() },
        ],
      }),
    );
    const log = memoryLogger();
    expect((await openSubscriptions(dir, log).list()).map((s) => s.channel)).toEqual(["C1"]);
    expect(log.lines.some((l) => l.level === "warn")).toBe(true);

    await writeFile(join(dir, SUBSCRIPTIONS_FILE), "{not json");
    expect(await openSubscriptions(dir, log).list()).toEqual([]);
    expect(log.lines.some((l) => l.level === "error")).toBe(true);
  });
});

describe("a damaged subscriptions file", () => {
  it("keeps every entry that can still be read, sets the damaged file aside and writes the salvage", async () => {
    const store = openSubscriptions(dir, memoryLogger());
    for (let i = 0; i < 40; i++) {
      await store.subscribe({ platform: "slack", channel: `C${i}`, time: "07:00", zone: "Europe/Paris" }, now);
    }
    const path = join(dir, SUBSCRIPTIONS_FILE);
    const text = await readFile(path, "utf8");
    // Cut in the middle of the 31st entry, as a crash of a writer that did not write atomically would leave it.
    const cut = text.indexOf('"C30"');
    await writeFile(path, text.slice(0, cut + 2));
    const log = memoryLogger();
    const reopened = openSubscriptions(dir, log);
    const kept = (await reopened.list()).map((s) => s.channel);
    expect(kept).toEqual(Array.from({ length: 30 }, (_, i) => `C${i}`));
    expect(log.lines.filter((l) => l.level === "error" && l.recovered === 30)).toHaveLength(1);
    expect((await readdir(dir)).some((name) => name.startsWith(`${SUBSCRIPTIONS_FILE}.corrupt-`))).toBe(true);
    // The salvage is on disk: a third store reads it whole, without another error.
    const again = memoryLogger();
    expect(await openSubscriptions(dir, again).list()).toHaveLength(30);
    expect(again.lines.filter((l) => l.level === "error")).toEqual([]);
  });
});

describe("time zones", () => {
  it("knows IANA names and suggests close ones", () => {
    expect(canonicalTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
    expect(canonicalTimeZone("../etc/passwd")).toBeNull();
    expect(suggestTimeZones("Europe/Pariss")).toContain("Europe/Paris");
    expect(suggestTimeZones("Mars/Olympus")).toEqual([]);
  });
});

describe("parseDuration", () => {
  it("reads minutes, hours and days", () => {
    expect(parseDuration("24h")).toBe(24 * 3_600_000);
    expect(parseDuration("90m")).toBe(90 * 60_000);
    expect(parseDuration("2d")).toBe(2 * 86_400_000);
    expect(parseDuration("1h30m")).toBe(90 * 60_000);
    for (const bad of ["", "0h", "h", "-1h", "1.5h", "24", "1w"]) expect(parseDuration(bad)).toBeNull();
  });
});

describe("--since (parseSince, periodStart)", () => {
  it("defaults to 24 hours and refuses what is not a duration", async () => {
    const { parseSince, periodStart } = await import("../../src/digest/duration.js");
    const sinceFlag = (value: string | undefined, end: Date) => periodStart(parseSince(value), end);
    const now = new Date("2024-05-02T12:00:00Z");
    expect(sinceFlag(undefined, now).toISOString()).toBe("2024-05-01T12:00:00.000Z");
    expect(sinceFlag("90m", now).toISOString()).toBe("2024-05-02T10:30:00.000Z");
    expect(sinceFlag("2022-09-01", now).toISOString()).toBe("2022-09-01T00:00:00.000Z");
    expect(sinceFlag("2026-12-01T06:00Z", now).toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(sinceFlag("2026-12-01T06:00+02:00", now).toISOString()).toBe("2026-12-01T04:00:00.000Z");
    for (const bad of ["yesterday", "2022-13-45", "2022-09", "01/09/2022"]) {
      expect(() => sinceFlag(bad, now)).toThrow(/--since takes a duration \(24h, 90m, 2d\) or a date/);
    }
  });
});
