/**
 * The real discord.js Client against a local fake of Discord (REST + gateway on 127.0.0.1). Assertions are on
 * what the fake received, turned into the text a person would see.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDiscord, type DiscordHandle } from "../../src/adapters/discord/client.js";
import { registerDiscordCommands } from "../../src/adapters/discord/register.js";
import { memoryLogger } from "../../src/core/log.js";
import { APP_ID, BOT_ID, CHANNEL_ID, FakeDiscord, GUILD_ID, TOKEN, USER, isEphemeral, type FakeMessage } from "./fake-discord.js";
import { MARKDOWN_PARAGRAPH, gate, testBot } from "./test-bot.js";
import { visibleText } from "./visible.js";

const LOADING = 128;
let fake: FakeDiscord;
let handle: DiscordHandle;
const bot = testBot();

beforeAll(async () => {
  // Short enough to see heartbeats in a test, long enough that a busy machine still acknowledges each in time.
  fake = await FakeDiscord.start({ heartbeatInterval: 400 });
  handle = await startDiscord({ bot, token: TOKEN, applicationId: APP_ID, apiUrl: `${fake.apiUrl}/v10/`, log: bot.log });
});

afterAll(async () => {
  await handle?.stop();
  await fake?.close();
});

/** The messages an interaction left visible once it has answered (deleted ones and "thinking…" excluded). */
async function answers(token: string, count = 1): Promise<FakeMessage[]> {
  return fake.waitFor(() => {
    const shown = fake.messagesFor(token).filter((m) => !m.deleted && (m.flags & LOADING) === 0);
    return shown.length >= count ? shown : undefined;
  }, `answer to ${token}`);
}

async function answer(token: string): Promise<{ message: FakeMessage; text: string; ephemeral: boolean }> {
  const [message] = await answers(token);
  return { message: message!, text: visibleText(message!), ephemeral: isEphemeral(message!) };
}

function deferral(token: string) {
  return fake.requestsFor(token).find((r) => r.route.endsWith("/callback"));
}

function button(message: FakeMessage, label: string): string {
  const ids = message.components.flatMap((row) => row.components as Array<{ label: string; custom_id: string }>);
  const found = ids.find((b) => b.label === label);
  if (!found) throw new Error(`no button ${label}: ${JSON.stringify(ids)}`);
  return found.custom_id;
}

describe("gateway", () => {
  test("identifies with the Guilds intent only, using the gateway address from the API's /gateway/bot", async () => {
    expect(fake.requests[0]).toMatchObject({ method: "GET", route: "/gateway/bot", auth: `Bot ${TOKEN}` });
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: TOKEN, intents: 1 });
  });

  test("a rejected token fails start-up with a log line, and leaves nothing running", async () => {
    const log = memoryLogger();
    await expect(startDiscord({ bot, token: "wrong", apiUrl: fake.apiUrl, log })).rejects.toThrow(/token/i);
    expect(log.lines.find((l) => l.msg === "discord login failed")).toMatchObject({ platform: "discord" });
    expect(fake.identifies).toHaveLength(1);
  });

  test("heartbeats are sent and acknowledged", async () => {
    await fake.waitFor(() => fake.heartbeats >= 2, "two heartbeats");
    // Each heartbeat after the first is only sent when the previous one was acknowledged (else: resume).
    expect(fake.resumes).toBe(0);
    expect(fake.identifies).toHaveLength(1);
    expect(bot.log.lines.filter((l) => l.msg === "discord gateway closed")).toEqual([]);
  });
});

describe("slash commands", () => {
  test("a private command defers ephemerally and edits in the verbatim, cited excerpt", async () => {
    const token = fake.command("sources", [{ name: "topic", value: "officials say" }]);
    const { text, ephemeral, message } = await answer(token);
    expect(deferral(token)!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(ephemeral).toBe(true);
    // The markdown-laden paragraph appears exactly as written, and nothing in it is a live mention.
    expect(text).toContain(MARKDOWN_PARAGRAPH);
    expect(text).toContain("Sources for “officials say”");
    expect(text).toContain("Wire_Service · ¶2 · 2024-03-02");
    expect(text).toContain("[Share in channel]");
    expect(JSON.stringify(message)).not.toMatch(/@everyone|<@123>/);
    expect(message.embeds[0].url).toBe("https://news.example/harbour-talks");
  });

  test("a public command defers publicly; the quotation shows speaker, cue and citation", async () => {
    const token = fake.command("quote", [
      { name: "speaker", value: "Maria Ostrova" },
      { name: "topic", value: "harbour" },
    ]);
    const { text, ephemeral, message } = await answer(token);
    expect(deferral(token)!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(ephemeral).toBe(false);
    expect(text).toBe(
      ["Maria Ostrova · told reporters", "Minister on the harbour", "“The harbour ceasefire must hold,”", "The Daily · ¶2 · 2024-03-03"].join(
        "\n",
      ),
    );
    // "not a url" in the corpus metadata is left out rather than making Discord reject the message.
    expect(message.embeds[0].url).toBeUndefined();
  });

  test("options become chat text: positional in order, filters as key:\"value\"", async () => {
    const token = fake.command("sources", [
      { name: "outlet", value: "The Daily" },
      { name: "topic", value: "ceasefire must" },
    ]);
    const { text } = await answer(token);
    expect(text).toContain("Sources for “ceasefire must outlet:\"The Daily\"”");
    expect(text).toContain("The Daily · ¶2");
    expect(text).not.toContain("Port Gazette");
  });

  test("a failed public command replaces its public deferral with a private error", async () => {
    const token = fake.command("quote", [{ name: "speaker", value: "Nobody Known" }]);
    const { text, ephemeral } = await answer(token);
    expect(deferral(token)!.body.data.flags).toBe(0);
    const calls = fake.requestsFor(token).map((r) => `${r.method} ${r.route.replace(/\/\d+\/tok_\d+/, "")}`);
    expect(calls).toEqual(["POST /interactions/callback", "DELETE /webhooks/messages/@original", "POST /webhooks"]);
    expect(ephemeral).toBe(true);
    expect(text).toBe("No quotations found for “Nobody Known”.");
  });

  test("a crashing command gives a private 'something went wrong' with a reference", async () => {
    const token = fake.command("boom", []);
    const { text, ephemeral } = await answer(token);
    expect(ephemeral).toBe(true);
    expect(text).toMatch(/^Something went wrong \(ref [0-9a-f]{8}\)\. The error has been logged\.$/);
    expect(fake.messagesFor(token)[0]!.deleted).toBe(true);
  });

  test("an empty option gets the usage, privately", async () => {
    const token = fake.command("sources", [{ name: "topic", value: "" }]);
    const { text, ephemeral } = await answer(token);
    expect(ephemeral).toBe(true);
    expect(text).toBe("Say what to look for, e.g. /sources harbour.\nUsage: /sources <topic> [outlet:NAME]");
  });

  test("a 6,000-character option is refused politely", async () => {
    const token = fake.command("sources", [{ name: "topic", value: "x".repeat(6000) }]);
    const { text, ephemeral } = await answer(token);
    expect(ephemeral).toBe(true);
    expect(text).toBe("That is 6,000 characters; /sources takes at most 1,000. Try a few distinctive words.");
  });

  test("mention strings in options are shown, not pinged", async () => {
    const token = fake.command("quote", [{ name: "speaker", value: "@everyone <@123> <@&456> @here" }]);
    const { text, message } = await answer(token);
    expect(text).toBe("No quotations found for “@everyone <@123> <@&456> @here”.");
    expect(message.content).not.toMatch(/@everyone|@here|<@123>|<@&456>/);
  });

  test("an unknown command is answered privately", async () => {
    const token = fake.command("nope", [{ name: "x", value: "y" }]);
    const { text, ephemeral } = await answer(token);
    expect(ephemeral).toBe(true);
    expect(deferral(token)!.body.data.flags).toBe(64);
    expect(text).toBe("There is no command /nope. Commands: /sources, /quote, /boom. Type /help for more.");
  });
});

describe("autocomplete", () => {
  async function choices(token: string) {
    const r = await fake.waitFor(() => deferral(token), `autocomplete ${token}`);
    expect(r.body.type).toBe(8);
    return (r.body.data.choices as Array<{ name: string; value: string }>).map((c) => c.value);
  }

  test("speaker names for /quote", async () => {
    const token = fake.autocomplete("quote", [{ name: "speaker", value: "mar", focused: true }]);
    expect(await choices(token)).toEqual(["Maria Ostrova", "Marek Ostrowski", "Maria Ostrova-Lind"]);
  });

  test("outlets for the outlet filter, nothing for a parameter without autocomplete", async () => {
    const outlets = fake.autocomplete("sources", [
      { name: "topic", value: "harbour" },
      { name: "outlet", value: "harb", focused: true },
    ]);
    expect(await choices(outlets)).toEqual(["Harbour Times"]);
    const none = fake.autocomplete("sources", [{ name: "topic", value: "har", focused: true }]);
    expect(await choices(none)).toEqual([]);
  });

  test("a 6,000-character partial value still gets an answer", async () => {
    const token = fake.autocomplete("quote", [{ name: "speaker", value: "m".repeat(6000), focused: true }]);
    expect(await choices(token)).toEqual([]);
  });
});

describe("buttons", () => {
  let first: FakeMessage;

  test("More results answers privately with the next page", async () => {
    const token = fake.command("sources", [{ name: "topic", value: "ceasefire" }]);
    first = (await answer(token)).message;
    expect(visibleText(first)).toContain("Page 1 · 14 sources");
    const click = fake.click(first, button(first, "More results"));
    const { text, ephemeral } = await answer(click);
    expect(ephemeral).toBe(true);
    expect(text).toContain("Page 2 · 14 sources");
    expect(text).toContain("Port bulletin 4");
    expect(text).not.toContain("Port bulletin 3\n");
  });

  test("Share in channel posts the answer publicly, says who shared it, and pings no one", async () => {
    const click = fake.click(first, button(first, "Share in channel"));
    const { text, ephemeral, message } = await answer(click);
    expect(deferral(click)!.body.data.flags).toBe(0);
    expect(ephemeral).toBe(false);
    expect(message.content.startsWith(`-# Shared by <@${USER.id}>`)).toBe(true);
    expect(text).toContain("Page 1 · 14 sources");
    expect(text).toContain("[More results]");
    expect(text).not.toContain("[Share in channel]");
    expect(fake.requestsFor(click).find((r) => r.method === "PATCH")!.body.allowed_mentions).toEqual({ parse: [] });
  });

  test("a command text too long for a button id is read back from the message", async () => {
    const topic = `ceasefire ${"held overnight ".repeat(8)}`.trim();
    const token = fake.command("sources", [{ name: "topic", value: topic }]);
    const { message } = await answer(token);
    const id = button(message, "Share in channel");
    expect(id).toMatch(/^dl:share:0:sources:#/);
    expect(visibleText(message)).toContain(`Asked: /sources ${topic}`);
    const click = fake.click(message, id);
    const shared = await answer(click);
    expect(shared.ephemeral).toBe(false);
    expect(shared.text).toContain(`Sources for “${topic}”`);
    // Page 2 carries the text along, so its own "More results" works the same way.
    const page2 = await answer(fake.click(message, button(message, "More results")));
    expect(page2.text).toContain("Page 2 · 12 sources");
    const page3 = await answer(fake.click(page2.message, button(page2.message, "More results")));
    expect(page3.text).toContain("Page 3 · 12 sources");
  });

  test("a button whose message lost its command text says so privately", async () => {
    const token = fake.command("sources", [{ name: "topic", value: `ceasefire ${"held overnight ".repeat(8)}`.trim() }]);
    const { message } = await answer(token);
    const tampered: FakeMessage = { ...message, embeds: message.embeds.slice(0, -1) };
    const click = fake.click(tampered, button(message, "More results"));
    const { text, ephemeral } = await answer(click);
    expect(ephemeral).toBe(true);
    expect(text).toBe("This button no longer works. Please run the command again.");
  });

  test("stop() finishes the answers in flight before disconnecting; buttons keep working after a restart", async () => {
    const slow = fake.command("slow", []);
    await fake.waitFor(() => deferral(slow), "deferral of /slow");
    const stopping = handle.stop();
    // Give a broken stop() every chance to disconnect first; a correct one waits for the answer whatever the delay.
    await new Promise((resolve) => setTimeout(resolve, 100));
    gate.open();
    await stopping;
    // The note that the answer is coming edits the deferred reply first; the answer edits it again.
    expect(fake.timeline.filter((e) => e.startsWith("PATCH") && e.includes(slow))).toHaveLength(2);
    const answered = fake.timeline.findLastIndex((e) => e.startsWith("PATCH") && e.includes(slow));
    expect(answered).toBeGreaterThan(-1);
    expect(fake.timeline.indexOf("gateway closed")).toBeGreaterThan(answered);
    expect(visibleText(fake.messagesFor(slow)[0]!)).toBe("Finally done.");

    handle = await startDiscord({ bot, token: TOKEN, apiUrl: fake.apiUrl, log: bot.log });
    expect(fake.identifies).toHaveLength(2);
    const click = fake.click(first, button(first, "More results"));
    const { text } = await answer(click);
    expect(text).toContain("Page 2 · 14 sources");
  });

  test("stop() waits for answers in flight only so long, and logs what it leaves unanswered", async () => {
    await handle.stop();
    handle = await startDiscord({ bot, token: TOKEN, apiUrl: fake.apiUrl, log: bot.log, drainMs: 50 });
    gate.reset();
    const slow = fake.command("slow", []);
    await fake.waitFor(() => deferral(slow), "deferral of /slow");
    await handle.stop();
    expect(bot.log.lines.filter((l) => l.msg === "discord stopped with answers still in flight" && l.unanswered === 1)).toHaveLength(1);
    gate.open();
    handle = await startDiscord({ bot, token: TOKEN, apiUrl: fake.apiUrl, log: bot.log });
  });
});

describe("platform errors", () => {
  test("Discord refusing the edit is logged with platform discord and the user is told privately", async () => {
    fake.failNext("PATCH", /@original$/, 400, 50035, "Invalid Form Body");
    const token = fake.command("sources", [{ name: "topic", value: "harbour" }]);
    const followUp = await fake.waitFor(
      () => fake.messagesFor(token).find((m) => isEphemeral(m) && (m.flags & LOADING) === 0),
      "error follow-up",
    );
    expect(visibleText(followUp)).toBe("Discord would not accept this answer (error 50035). It has been logged; please try again.");
    const line = bot.log.lines.find((l) => l.msg === "discord interaction failed" && l.code === 50035);
    expect(line).toMatchObject({ platform: "discord", status: 400 });
  });

  test("an expired interaction is logged, and nothing more is sent for it", async () => {
    fake.failNext("POST", /\/callback$/, 404, 10062, "Unknown interaction");
    const token = fake.command("sources", [{ name: "topic", value: "harbour" }]);
    await fake.waitFor(() => bot.log.lines.find((l) => l.msg === "discord interaction failed" && l.code === 10062), "log line");
    expect(fake.requestsFor(token).map((r) => r.method)).toEqual(["POST"]);
  });

  test("post() sends a channel message; a channel without access rejects with Discord's error", async () => {
    await handle.post(CHANNEL_ID, {
      visibility: "public",
      text: "Digest",
      blocks: [{ type: "heading", text: "Daily digest @everyone" }],
    });
    const sent = fake.requests.find((r) => r.route === `/channels/${CHANNEL_ID}/messages`)!;
    expect(sent.auth).toBe(`Bot ${TOKEN}`);
    expect(visibleText(sent.body)).toBe("Daily digest @everyone");
    expect(sent.body.content).not.toContain("@everyone");
    fake.forbiddenChannels.add("999");
    await expect(handle.post("999", { visibility: "public", text: "x", blocks: [] })).rejects.toMatchObject({ code: 50001 });
    expect(bot.log.lines.find((l) => l.msg === "discord post failed")).toMatchObject({ platform: "discord", code: 50001 });
  });
});

describe("registration", () => {
  test("bulk-overwrites guild commands, or global ones without a guild", async () => {
    const log = memoryLogger();
    const guild = await registerDiscordCommands({
      token: TOKEN,
      applicationId: APP_ID,
      apiUrl: fake.apiUrl,
      guildId: GUILD_ID,
      commands: bot.commands,
      log,
    });
    expect(guild.registered).toEqual(["sources", "quote", "boom"]);
    const put = fake.requests.filter((r) => r.method === "PUT");
    expect(put[0]!.route).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put[0]!.body[1]).toEqual({
      type: 1,
      name: "quote",
      description: "Find what a person said about a topic, verbatim and cited.",
      options: [
        { type: 3, name: "speaker", description: "Who said it", required: true, autocomplete: true },
        { type: 3, name: "topic", description: "About what", required: false },
      ],
    });
    await registerDiscordCommands({ token: TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl, commands: bot.commands, log });
    expect(fake.requests.filter((r) => r.method === "PUT")[1]!.route).toBe(`/applications/${APP_ID}/commands`);
  });
});

describe("every message", () => {
  test("carries allowed_mentions {parse: []}", () => {
    const bodies = fake.requests
      .map((r) => (r.route.endsWith("/callback") ? r.body?.data : r.body))
      .filter((b) => b && (typeof b.content === "string" || Array.isArray(b.embeds)));
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(BOT_ID).toBeTruthy();
  });
});
