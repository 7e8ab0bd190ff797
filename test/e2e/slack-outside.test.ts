/**
 * Checked from outside: the built bot, started as `node dist/src/cli.js start` (what `npm start` runs) with only
 * its environment, answers a real request from a fake Slack or a fake Discord on 127.0.0.1, refuses an unsigned
 * Slack request, and on SIGTERM finishes the answer in flight and exits 0. A token the platform refuses ends
 * start-up with a non-zero exit and the reason, instead of a process left hanging.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { FakeDiscord, TOKEN, isEphemeral } from "../discord/fake-discord.js";
import { FakeSlack, heldSignedPost, signedPost, slashCommandBody } from "../slack/fake-slack.js";
import { discordAnswer } from "./harness.js";
import { SEEDS, expectedFirst, seedQuery } from "./seed-truth.js";
import { ensureBuilt, freePort, startService, waitUntilListening, waitUntilRunning, type Service } from "./service.js";
import { firstOnDiscord, firstOnSlack, type SlackBlockLike } from "./shown.js";

const SECRET = "outside-signing-secret-0123456789";
/** Generous: the machine may be busy; what is asserted is that it exits cleanly, not how fast. */
const EXIT_WITHIN_MS = 20_000;
const SPOLJARIC = seedQuery("/quote Spoljaric neutrality");

let dataDir: string;
let articles: Article[];
const services: Service[] = [];

beforeAll(async () => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), "dateline-e2e-"));
  articles = (await loadCorpus(SEEDS)).articles;
}, 180_000);

afterAll(async () => {
  await Promise.all(services.map((s) => s.kill()));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>): Service {
  const service = startService({ DATELINE_DATA_DIR: dataDir, DATELINE_CORPUS: "seeds", LOG_LEVEL: "info", ...env });
  services.push(service);
  return service;
}

describe("Slack over HTTP, from outside", () => {
  let fake: FakeSlack;
  let service: Service;
  let events: string;

  beforeAll(async () => {
    fake = await FakeSlack.start();
    const port = await freePort();
    service = start({
      SLACK_BOT_TOKEN: "xoxb-outside",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    });
    await waitUntilListening(service, port);
    // Listening from the start, it answers "Dateline is starting…" until the corpus is open.
    await waitUntilRunning(service);
    events = `http://127.0.0.1:${port}/slack/events`;
  }, 90_000);

  afterAll(async () => {
    await service?.kill();
    await fake?.stop();
  });

  test("checks its token against SLACK_API_URL", async () => {
    const call = await fake.waitForCall("auth.test");
    expect(call.headers.authorization).toBe("Bearer xoxb-outside");
  });

  test("refuses an unsigned and a wrongly signed request with 401, and answers neither", async () => {
    const body = slashCommandBody({ command: "/quote", text: "Spoljaric neutrality", responseUrl: fake.responseUrl("unsigned") });
    expect((await signedPost(events, body, null)).status).toBe(401);
    expect((await signedPost(events, body, "not-the-secret")).status).toBe(401);
    expect(fake.responses.some((r) => r.id === "unsigned")).toBe(false);
  });

  test("answers a signed /quote Spoljaric neutrality privately, quoting Spoljaric from seed 002; exits 0 on SIGTERM", async () => {
    const body = slashCommandBody({ command: "/quote", text: "Spoljaric neutrality", responseUrl: fake.responseUrl("spoljaric") });
    const http = await signedPost(events, body, SECRET);
    expect(http.status).toBe(200);
    // The command was acknowledged; its answer may still be on its way: stopping now must not lose it.
    const exit = service.terminate(EXIT_WITHIN_MS);
    const answer = await fake.waitForResponse("spoljaric");
    expect(answer.body.response_type).toBe("ephemeral");
    expect(Array.isArray(answer.body.blocks)).toBe(true);
    const shown = firstOnSlack(answer.body.blocks as SlackBlockLike[]);
    expect(shown.text.startsWith("I also reassure you")).toBe(true);
    expect(shown).toMatchObject(expectedFirst(SPOLJARIC, shown, articles));
    expect(await exit, service.output()).toEqual({ code: 0, signal: null });
  });
});

describe("SIGTERM with ten requests received, from outside", () => {
  test("every one is acknowledged and answered, then the bot exits 0", async () => {
    const fake = await FakeSlack.start();
    const port = await freePort();
    const service = start({ SLACK_BOT_TOKEN: "xoxb-outside", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) });
    try {
      await waitUntilListening(service, port);
      await waitUntilRunning(service);
      const events = `http://127.0.0.1:${port}/slack/events`;
      const ids = Array.from({ length: 10 }, (_, i) => `term${i}`);
      // Received (the bot has their headers), their bodies still to come when the signal arrives.
      const held = ids.map((id) =>
        heldSignedPost(events, slashCommandBody({ command: "/sources", text: "neutrality", responseUrl: fake.responseUrl(id) }), SECRET),
      );
      await Promise.all(held.map((h) => h.received));
      const exit = service.terminate(EXIT_WITHIN_MS);
      expect(await Promise.all(held.map((h) => h.finish()))).toEqual(ids.map(() => 200));
      const answers = await Promise.all(ids.map((id) => fake.waitForResponse(id)));
      expect(answers.every((a) => a.body.response_type === "ephemeral" && Array.isArray(a.body.blocks))).toBe(true);
      expect(await exit, service.output()).toEqual({ code: 0, signal: null });
    } finally {
      await service.kill();
      await fake.stop();
    }
  }, 90_000);
});

describe("a token the platform refuses, from outside", () => {
  let slackFake: FakeSlack;
  let discordFake: FakeDiscord;

  beforeAll(async () => {
    slackFake = await FakeSlack.start();
    slackFake.onApi("auth.test", () => ({ body: { ok: false, error: "invalid_auth" } }));
    discordFake = await FakeDiscord.start();
  });

  afterAll(async () => {
    await slackFake?.stop();
    await discordFake?.close();
  });

  /** Start-up fails: the bot says why and exits non-zero instead of hanging on what it had already opened. */
  async function expectRefused(service: Service, why: RegExp): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running ${EXIT_WITHIN_MS} ms after the token was refused:\n${service.output()}`)), EXIT_WITHIN_MS);
    });
    const exit = await Promise.race([service.exited, hung]).finally(() => clearTimeout(timer));
    expect(exit.code, service.output()).not.toBe(0);
    expect(exit.signal).toBeNull();
    expect(service.output()).toMatch(why);
  }

  test("Slack: exits non-zero with the reason", async () => {
    const port = await freePort();
    const service = start({ SLACK_BOT_TOKEN: "xoxb-revoked", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackFake.apiUrl, PORT: String(port) });
    await expectRefused(service, /invalid_auth/);
  }, 60_000);

  test("Discord: exits non-zero with the reason", async () => {
    const service = start({ DISCORD_TOKEN: "not-the-token", DISCORD_API_URL: discordFake.apiUrl });
    await expectRefused(service, /"msg":"discord login failed".*invalid token/);
  }, 60_000);
});

describe("Discord, from outside", () => {
  let fake: FakeDiscord;
  let service: Service;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    service = start({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl });
    await Promise.race([
      fake.waitFor(() => fake.identifies.length > 0, "the bot to identify", 60_000),
      service.exited.then((exit) => {
        throw new Error(`the bot exited (${JSON.stringify(exit)}) before connecting:\n${service.output()}`);
      }),
    ]);
    // Connected from the start, it answers "Dateline is starting…" until the corpus is open.
    await waitUntilRunning(service);
  }, 90_000);

  afterAll(async () => {
    await service?.kill();
    await fake?.close();
  });

  test("identifies with its token through the gateway named by DISCORD_API_URL's /gateway/bot", () => {
    expect(fake.requests[0]).toMatchObject({ method: "GET", route: "/gateway/bot", auth: `Bot ${TOKEN}` });
    expect(fake.identifies[0]).toMatchObject({ token: TOKEN });
  });

  test("answers /quote speaker:Spoljaric topic:neutrality by editing its deferred reply; exits 0 on SIGTERM", async () => {
    const token = fake.command("quote", [
      { name: "speaker", value: "Spoljaric" },
      { name: "topic", value: "neutrality" },
    ]);
    // Deferred: the answer is in flight. Stopping now must still deliver it.
    await fake.waitFor(() => fake.requestsFor(token).some((r) => r.route.endsWith("/callback")), "the deferral", 30_000);
    const exit = service.terminate(EXIT_WITHIN_MS);
    const { message, request } = await discordAnswer(fake, token).catch((error: Error) => {
      const { exitCode, signalCode } = service.child;
      throw new Error(`${error.message}\nrequests: ${fake.timeline.join(", ")}\nexit: ${exitCode} ${signalCode}\nbot output:\n${service.output()}`);
    });
    expect(request.method).toBe("PATCH");
    expect(request.body.allowed_mentions).toEqual({ parse: [] });
    expect(isEphemeral(message)).toBe(true);
    const shown = firstOnDiscord(message.embeds);
    expect(shown.text.startsWith("I also reassure you")).toBe(true);
    expect(shown).toMatchObject(expectedFirst(SPOLJARIC, shown, articles));
    expect(await exit, service.output()).toEqual({ code: 0, signal: null });
  });
});
