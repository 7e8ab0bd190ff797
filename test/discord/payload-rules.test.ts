/** The fake Discord refuses what Discord refuses: the rules it applies, then one refusal over its REST API. */
import { describe, expect, it } from "vitest";
import { discordRefusal } from "./discord-payload-rules.js";
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
  ])("refuses %s (50035 Invalid Form Body)", (_, body) => {
    expect(discordRefusal(body)?.code).toBe(50035);
  });

  it("refuses an empty new message (50006) but not an edit that changes only its buttons", () => {
    expect(discordRefusal({ content: "  ", embeds: [] })?.code).toBe(50006);
    expect(discordRefusal({ components: [] }, true)).toBeNull();
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
    } finally {
      await fake.close();
    }
  });
});
