/** The fake Discord refuses what Discord refuses: the rules it applies, then one refusal over its REST API. */
import { describe, expect, it } from "vitest";
import { discordCommandsPayload } from "../../src/adapters/discord/register.js";
import { commands } from "../../commands/index.js";
import { commandsRefusal, discordRefusal, interactionCallbackRefusal } from "./discord-payload-rules.js";
import { CHANNEL_ID, FakeDiscord, TOKEN } from "./fake-discord.js";

const embed = (description: string) => ({ title: "Sources", description, color: 0x2f6fde });
const row = (...ids: string[]) => ({ type: 1, components: ids.map((id) => ({ type: 2, style: 2, label: "More", custom_id: id })) });

describe("Discord's rules for a message", () => {
  it("accepts a message made of what Dateline sends", () => {
    expect(discordRefusal({ content: "", embeds: [embed("d".repeat(4096))], components: [row("more:1", "share:1")], flags: 64 })).toBeNull();
  });

  it.each([
    ["content over 2,000 characters", { content: "c".repeat(2001) }],
    ["an embed description over 4,096", { embeds: [embed("d".repeat(4097))] }],
    ["11 embeds", { embeds: Array.from({ length: 11 }, () => embed("d")) }],
    ["over 6,000 characters in all embeds", { embeds: [embed("d".repeat(4000)), embed("d".repeat(2100))] }],
    ["a field value over 1,024", { embeds: [{ title: "t", fields: [{ name: "n", value: "v".repeat(1025) }] }] }],
    ["a field without a name", { embeds: [{ title: "t", fields: [{ name: "", value: "v" }] }] }],
    ["26 fields", { embeds: [{ title: "t", fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }] }],
    ["an embed URL that is not http(s)", { embeds: [{ ...embed("d"), url: "javascript:alert(1)" }] }],
    ["6 action rows", { content: "x", components: Array.from({ length: 6 }, (_, i) => row(`b${i}`)) }],
    ["6 buttons in a row", { content: "x", components: [row("1", "2", "3", "4", "5", "6")] }],
    ["a repeated custom_id", { content: "x", components: [row("same", "same")] }],
    ["a label over 80 characters", { content: "x", components: [{ type: 1, components: [{ type: 2, style: 1, label: "l".repeat(81), custom_id: "x" }] }] }],
    ["a link button without a URL", { content: "x", components: [{ type: 1, components: [{ type: 2, style: 5, label: "Open" }] }] }],
    ["a flag a bot cannot set", { content: "x", flags: 128 }],
    ["an unknown kind of mention to allow", { content: "x", allowed_mentions: { parse: ["channels"] } }],
    ["users allowed both by kind and by list", { content: "x", allowed_mentions: { parse: ["users"], users: ["1"] } }],
    ["101 users allowed", { content: "x", allowed_mentions: { users: Array.from({ length: 101 }, (_, i) => String(i + 1)) } }],
  ])("refuses %s (50035 Invalid Form Body)", (_, body) => {
    expect(discordRefusal(body)?.code).toBe(50035);
  });

  it("refuses an empty new message (50006) but not an edit that changes only its buttons", () => {
    expect(discordRefusal({ content: "  ", embeds: [] })?.code).toBe(50006);
    expect(discordRefusal({ components: [] }, true)).toBeNull();
  });
});

describe("Discord's rules for an interaction callback", () => {
  const choices = (n: number, name = "Port Gazette", value: unknown = "Port Gazette") => ({ type: 8, data: { choices: Array.from({ length: n }, () => ({ name, value })) } });

  it("accepts what Dateline answers: a message, a deferral, an update, 25 autocomplete choices", () => {
    expect(interactionCallbackRefusal({ type: 4, data: { content: "x", flags: 64, allowed_mentions: { parse: [] } } })).toBeNull();
    expect(interactionCallbackRefusal({ type: 5, data: { flags: 64 } })).toBeNull();
    expect(interactionCallbackRefusal({ type: 7, data: { components: [] } })).toBeNull();
    expect(interactionCallbackRefusal(choices(25, "n".repeat(100), "v".repeat(100)))).toBeNull();
  });

  it.each([
    ["an unknown callback type", { type: 3 }],
    ["26 autocomplete choices", choices(26)],
    ["a choice name over 100 characters", choices(1, "n".repeat(101))],
    ["a choice value over 100 characters", choices(1, "n", "v".repeat(101))],
    ["an empty choice name", choices(1, "")],
    ["a message over 2,000 characters", { type: 4, data: { content: "c".repeat(2001) } }],
  ])("refuses %s (50035)", (_, body) => {
    expect(interactionCallbackRefusal(body)?.code).toBe(50035);
  });
});

describe("Discord's rules for application commands", () => {
  const option = (over: Record<string, unknown> = {}) => ({ type: 3, name: "topic", description: "What to look for", required: true, ...over });
  const command = (over: Record<string, unknown> = {}) => ({ type: 1, name: "sources", description: "Find sources.", options: [option()], ...over });

  it("accepts Dateline's commands as it registers them", () => {
    expect(commandsRefusal(discordCommandsPayload(commands))).toBeNull();
  });

  it.each([
    ["an upper-case name", [command({ name: "Sources" })]],
    ["a name over 32 characters", [command({ name: "s".repeat(33) })]],
    ["a description over 100 characters", [command({ description: "d".repeat(101) })]],
    ["an empty option description", [command({ options: [option({ description: "" })] })]],
    ["26 options", [command({ options: Array.from({ length: 26 }, (_, i) => option({ name: `o${i}`, required: false })) })]],
    ["a required option after an optional one", [command({ options: [option({ name: "a", required: false }), option({ name: "b" })] })]],
    ["a max_length over 6,000", [command({ options: [option({ max_length: 6001 })] })]],
    ["two commands of one name", [command(), command()]],
    ["over 4,000 characters in one command", [command({ options: Array.from({ length: 25 }, (_, i) => option({ name: `o${i}`, description: "d".repeat(100), required: false, choices: [{ name: "c".repeat(100), value: "v".repeat(100) }] })) })]],
  ])("refuses %s (50035)", (_, body) => {
    expect(commandsRefusal(body)?.code).toBe(50035);
  });
});

describe("the fake Discord applies them", () => {
  it("answers 400 with code 50035 and the field at fault, and keeps no message", async () => {
    const fake = await FakeDiscord.start();
    try {
      const post = (body: unknown) =>
        fetch(`${fake.apiUrl}/v10/channels/${CHANNEL_ID}/messages`, {
          method: "POST",
          headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const refused = await post({ content: "c".repeat(2001) });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 50035, message: "Invalid Form Body", errors: ["content: 2001 characters (max 2000)"] });
      expect(fake.messages).toEqual([]);
      expect((await post({ content: "fine" })).status).toBe(200);
      expect(fake.messages.map((m) => m.content)).toEqual(["fine"]);
      const callback = await fetch(`${fake.apiUrl}/v10/interactions/1/token-1/callback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: 8, data: { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) } }),
      });
      expect(callback.status).toBe(400);
      expect(await callback.json()).toMatchObject({ code: 50035, errors: ["data/choices: 26 (max 25)"] });
      const registered = await fetch(`${fake.apiUrl}/v10/applications/1/commands`, {
        method: "PUT",
        headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify([{ type: 1, name: "Sources", description: "Find sources." }]),
      });
      expect(registered.status).toBe(400);
    } finally {
      await fake.close();
    }
  });
});
