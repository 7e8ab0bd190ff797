import { describe, expect, test } from "vitest";
import type { CommandMeta } from "../../src/core/command.js";
import { discordRestBase } from "../../src/adapters/discord/api.js";
import { chatText, quoteValue } from "../../src/adapters/discord/chat-text.js";
import { discordCommandsPayload } from "../../src/adapters/discord/register.js";

const meta = (over: Partial<CommandMeta>): CommandMeta => ({
  name: "sources",
  summary: "Find sources.",
  usage: "/sources <topic>",
  examples: [],
  visibility: "private",
  params: [],
  ...over,
});

describe("discordCommandsPayload", () => {
  test("string options from params: required first, autocomplete and max_length carried, descriptions cut to 100", () => {
    const payload = discordCommandsPayload([
      meta({
        summary: "x".repeat(150),
        params: [
          { name: "outlet", description: "Only this outlet", required: false, filter: "outlet", autocomplete: "outlet" },
          { name: "topic", description: "What to look for", required: true, maxLength: 9000 },
          { name: "Since", description: "", required: false, maxLength: 20 },
        ],
      }),
      meta({ name: "secret", hidden: true }),
    ]);
    expect(payload).toEqual([
      {
        type: 1,
        name: "sources",
        description: `${"x".repeat(99)}…`,
        options: [
          { type: 3, name: "topic", description: "What to look for", required: true, max_length: 6000 },
          { type: 3, name: "outlet", description: "Only this outlet", required: false, autocomplete: true },
          { type: 3, name: "since", description: "Since", required: false, max_length: 20 },
        ],
      },
    ]);
  });
});

describe("chatText", () => {
  const params = [
    { name: "speaker" },
    { name: "outlet", filter: "outlet" },
    { name: "topic" },
  ];

  test("positional values in parameter order, filters quoted at the end, empty ones left out", () => {
    const values: Record<string, string> = { topic: "Minsk  talks", outlet: "The Daily", speaker: " Maria Ostrova " };
    expect(chatText("quote", params, (n) => values[n])).toBe('/quote Maria Ostrova Minsk talks outlet:"The Daily"');
    expect(chatText("quote", params, (n) => (n === "speaker" ? "" : null))).toBe("/quote");
  });

  test("filter values are quoted with marks they do not contain", () => {
    expect(quoteValue("The Daily")).toBe('"The Daily"');
    expect(quoteValue('The "Daily"')).toBe('“The "Daily"”');
    expect(quoteValue('A "b” c')).toBe('«A "b” c»');
    expect(quoteValue('A "b” c»')).toBe("\"A 'b” c»\"");
  });
});

describe("discordRestBase", () => {
  test("accepts the base with or without /v10 and trailing slashes", () => {
    expect(discordRestBase("https://discord.com/api")).toBe("https://discord.com/api");
    expect(discordRestBase("http://127.0.0.1:9999/api/v10/")).toBe("http://127.0.0.1:9999/api");
    expect(discordRestBase(" http://proxy.local/discord/api/ ")).toBe("http://proxy.local/discord/api");
  });
});
