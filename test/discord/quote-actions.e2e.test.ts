/** A quotation's Context and Copy citation buttons, through the real discord.js Client against the fake Discord. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDiscord, type DiscordHandle } from "../../src/adapters/discord/client.js";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { editorArticles } from "../quotes/editor-fixtures.js";
import { quoteNewsroom } from "../quotes/newsroom.js";
import { APP_ID, FakeDiscord, TOKEN, isEphemeral, type FakeMessage } from "./fake-discord.js";
import { visibleText } from "./visible.js";

const LOADING = 128;
let fake: FakeDiscord;
let handle: DiscordHandle;

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatInterval: 400 });
  const log = memoryLogger("debug");
  const newsroom = quoteNewsroom(editorArticles());
  handle = await startDiscord({ bot: botFor(() => newsroom, log), token: TOKEN, applicationId: APP_ID, apiUrl: `${fake.apiUrl}/v10/`, log });
});

afterAll(async () => {
  await handle?.stop();
  await fake?.close();
});

async function answer(token: string): Promise<FakeMessage> {
  return fake.waitFor(() => fake.messagesFor(token).find((m) => !m.deleted && (m.flags & LOADING) === 0), `answer to ${token}`);
}

function button(message: FakeMessage, label: string): string {
  const all = message.components.flatMap((row) => row.components as Array<{ label: string; custom_id: string }>);
  const found = all.find((b) => b.label === label);
  if (!found) throw new Error(`no button ${label}: ${JSON.stringify(all)}`);
  return found.custom_id;
}

describe("a quotation's own buttons on Discord", () => {
  test("Context and Copy citation answer privately with the attribution sentence and a paste-ready line", async () => {
    const first = await answer(fake.command("quote", [{ name: "speaker", value: "Rowan Pike" }, { name: "topic", value: "subsidy" }]));
    expect(visibleText(first)).toContain("We will not cut the rail subsidy");

    const context = await answer(fake.click(first, button(first, "Context 1")));
    expect(isEphemeral(context)).toBe(true);
    expect(visibleText(context)).toContain("Mr Pike said.");
    expect(visibleText(context)).toContain("The sentence that attributes it:");

    const cite = await answer(fake.click(first, button(first, "Copy citation 1")));
    expect(isEphemeral(cite)).toBe(true);
    expect(visibleText(cite)).toContain("Rowan Pike, “We will not cut the rail subsidy”, Daily Ledger, “Pike meets unions”, 2004-05-02");
  });
});
