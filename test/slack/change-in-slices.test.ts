/**
 * A corpus change reaches the quote book in time slices, seen from Slack through the real Bolt app over HTTP
 * against the fake Slack: while the speaker registry is being rebuilt (held on purpose, step after step, until
 * the test lets it finish), slash commands are acknowledged and answered from the book as it was; once the change
 * is in, /quote finds the new article's speaker.
 */
import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSlack, type SlackHandle } from "../../src/adapters/slack/app.js";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { createWorkerPool, type WorkerPool } from "../../src/workers/pool.js";
import { tempDir } from "../digest/helpers.js";
import { root } from "../digest/seed-data.js";
import { FakeSlack, signedPost, slashCommandBody } from "./fake-slack.js";

/** The registry rebuild, held: once armed, its steps pause (without finishing) until released. */
const hold = vi.hoisted(() => {
  const state = { armed: false, released: false, reached: false };
  return state;
});

vi.mock("../../src/quotes/registry.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/quotes/registry.js")>();
  return {
    ...original,
    *speakerRegistrySteps(inputs: Parameters<typeof original.speakerRegistrySteps>[0]) {
      if (hold.armed) {
        hold.reached = true;
        while (!hold.released) yield;
      }
      return yield* original.speakerRegistrySteps(inputs);
    },
  };
});

const SECRET = "change-in-slices-secret";

let fake: FakeSlack;
let slack: SlackHandle;
let newsroom: OpenedNewsroom;
let workers: WorkerPool;
let corpusDir: string;
let cleanup: () => Promise<void>;
let sequence = 0;

beforeAll(async () => {
  const corpus = await tempDir("dateline-change-slices-");
  cleanup = corpus.cleanup;
  corpusDir = corpus.dir;
  await cp(join(root, "seeds"), corpusDir, { recursive: true });
  const log = memoryLogger();
  workers = createWorkerPool({ size: 1, log });
  newsroom = await openNewsroom(corpusDir, { dataDir: null, log, workers });
  newsroom.statements();
  fake = await FakeSlack.start();
  slack = await startSlack({
    bot: botFor(() => newsroom, log),
    botToken: "xoxb-test",
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: "127.0.0.1",
    log,
  });
});

afterAll(async () => {
  hold.released = true;
  await slack?.stop();
  await fake?.stop();
  await workers?.close();
  await cleanup?.();
});

async function command(name: string, text: string) {
  const id = `c${++sequence}`;
  const http = await signedPost(`http://127.0.0.1:${slack.port}/slack/events`, slashCommandBody({ command: `/${name}`, text, responseUrl: fake.responseUrl(id) }), SECRET);
  return { id, http, answer: async () => JSON.stringify((await fake.waitForResponse(id)).body) };
}

describe("a corpus change taken in time slices, seen from Slack", () => {
  it("acknowledges and answers commands while the speaker registry is rebuilt, then answers with the new speaker", async () => {
    const before = await command("quote", "Ingrid Tamsalu");
    expect(before.http.status).toBe(200);
    expect(await before.answer()).not.toMatch(/lamp will burn/);

    hold.armed = true;
    await writeFile(
      join(corpusDir, "lighthouse.txt"),
      "Lighthouse lit again\n\n“The lamp will burn every night from now on,” said Ingrid Tamsalu, the keeper of the lighthouse.\n\n" +
        "“We waited two winters for the parts,” Ms Tamsalu said.\n",
    );
    let settled = false;
    const refreshed = newsroom.refreshFile("lighthouse.txt").finally(() => (settled = true));
    await expect.poll(() => hold.reached, { timeout: 20_000 }).toBe(true);

    // The rebuild is under way and held: commands are acknowledged and answered from the book as it was.
    const during = await command("quote", "Ingrid Tamsalu");
    expect(during.http.status).toBe(200);
    expect(await during.answer()).not.toMatch(/lamp will burn/);
    const sources = await command("sources", "neutrality");
    expect(sources.http.status).toBe(200);
    expect(await sources.answer()).toMatch(/neutrality/i);
    expect(settled).toBe(false);

    hold.released = true;
    await expect(refreshed).resolves.toBe("added");
    const after = await command("quote", "Ingrid Tamsalu");
    expect(after.http.status).toBe(200);
    const answer = await after.answer();
    expect(answer).toMatch(/lamp will burn every night/);
    expect(answer).toMatch(/Ingrid Tamsalu/);
  });
});
