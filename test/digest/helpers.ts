/** Shared pieces of the digest tests: a temp data folder, a settable clock, fake channel posters. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChannelPoster } from "../../src/core/bot.js";
import type { Platform } from "../../src/core/command.js";
import type { Reply } from "../../src/core/reply.js";
import type { ComposeDigest } from "../../src/digest/schedule.js";

export async function tempDir(prefix = "dateline-digest-"): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // Retried: a file may still be being written into the folder (a snapshot saved in the background).
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }) };
}

export interface Clock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function clock(iso: string): Clock {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface Post {
  platform: Platform;
  channel: string;
  reply: Reply;
  at: string;
}

/** A poster that keeps what it posts; channels in `failing` reject like a platform would. */
export function fakePoster(
  platform: Platform,
  posts: Post[],
  now: () => Date,
  failing: ReadonlyMap<string, string> = new Map(),
): ChannelPoster {
  return {
    platform,
    async post(channel, reply) {
      const error = failing.get(channel);
      if (error) throw new Error(error);
      posts.push({ platform, channel, reply, at: now().toISOString() });
    },
  };
}

/** A compose function that says what it was asked for, so tests can read the period and the late flag. */
export const echoCompose: ComposeDigest = (from, to, late, subscription) => ({
  visibility: "private",
  text: JSON.stringify({ from: from.toISOString(), to: to.toISOString(), late, zone: subscription.zone }),
  blocks: [],
});

export function echoed(post: Post): { from: string; to: string; late: boolean; zone: string } {
  return JSON.parse(post.reply.text) as { from: string; to: string; late: boolean; zone: string };
}

export const MINUTE = 60_000;
