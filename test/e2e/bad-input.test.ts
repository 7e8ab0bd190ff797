/**
 * Bad input through both chat adapters with the real commands, over a small corpus written here whose article is
 * full of markup (`<`, `&`, `*`, `_`, backticks, `>`) and mention strings. Whatever is asked, the answer is a
 * message the platform accepts (shape and limits), it pings no one, and the corpus text is shown verbatim.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import type { Article } from "../../src/corpus/types.js";
import { openNewsroom, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { USER, isEphemeral } from "../discord/fake-discord.js";
import { visibleText } from "../discord/visible.js";
import { discordAnswer, discordOptions, discordOver, slackOver, type DiscordAnswer, type DiscordSide, type SlackSide } from "./harness.js";
import { discordMentions, discordProblems, slackMentions, slackProblems } from "./limits.js";
import { firstOnDiscord, firstOnSlack, slackVisibleText, type Shown, type SlackBlockLike } from "./shown.js";

/** Written for this test (not taken from any corpus): every character that means something to Slack or Discord. */
const QUOTATION = "Harbour tariffs < 5% & *never* _again_ `rm -rf` > all <!channel> <@U123> @everyone <@123> <!here>,";
const ARTICLE = `---
title: "Port <tariffs> & *stars*: the _fine_ print"
outlet: "Wire_Service & <Co>"
published: 2024-03-02
---
PORTSMOUTH — The port authority raised harbour fees by 5% < 7% & more, citing *urgent* _repairs_ at \`dock-7\` > all other works.

"${QUOTATION}" said Jane Doe, the harbour minister.

> Readers wrote in: harbour tariffs are **too** high & <#C123> should know.
`;
const MARKUP = ["<", "&", "*", "_", "`", ">"];

/** `words` repeated to exactly `length` characters, ending on a letter. */
function fill(words: string, length: number): string {
  const text = `${words} `.repeat(Math.ceil(length / (words.length + 1))).slice(0, length);
  return text.endsWith(" ") ? `${text.slice(0, -1)}x` : text;
}

interface Case {
  label: string;
  command: "sources" | "quote";
  text: string;
  /** Text the answer must show literally (it echoes the query). */
  shows?: string;
}

const CASES: Case[] = [
  { label: "empty /sources", command: "sources", text: "" },
  { label: "empty /quote", command: "quote", text: "" },
  { label: "4,000 characters to /sources", command: "sources", text: fill("harbour tariffs", 4000) },
  { label: "4,000 characters to /quote", command: "quote", text: fill("Doe tariffs", 4000) },
  { label: "6,000 characters to /sources", command: "sources", text: fill("<!channel> tariffs", 6000) },
  { label: "6,000 characters to /quote", command: "quote", text: fill("Doe <@123> tariffs", 6000) },
  { label: "<!channel> in /sources", command: "sources", text: "<!channel> tariffs", shows: "<!channel>" },
  { label: "<@U123> in /quote", command: "quote", text: "<@U123> tariffs", shows: "<@U123>" },
  { label: "@everyone in /sources", command: "sources", text: "@everyone tariffs", shows: "@everyone" },
  { label: "<@123> in /quote", command: "quote", text: "<@123> tariffs", shows: "<@123>" },
  { label: "<!here> and <#C123> in /sources", command: "sources", text: "<!here> <#C123> tariffs", shows: "<!here> <#C123>" },
  {
    label: "a long query made of mention strings (accepted, echoed, cut)",
    command: "sources",
    text: `${"<!channel> <@U123> @everyone <@123> ".repeat(25)}tariffs`,
  },
];

let corpusDir: string;
let newsroom: OpenedNewsroom;
let article: Article;
let slack: SlackSide;
let discord: DiscordSide;

beforeAll(async () => {
  corpusDir = mkdtempSync(join(tmpdir(), "dateline-bad-input-"));
  writeFileSync(join(corpusDir, "harbour.md"), ARTICLE);
  const log = memoryLogger("warn");
  newsroom = await openNewsroom(corpusDir, { dataDir: null, log });
  article = newsroom.articles()[0]!;
  const bot = botFor(() => newsroom, log);
  [slack, discord] = await Promise.all([slackOver(bot), discordOver(bot)]);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([slack?.stop(), discord?.stop()]);
  rmSync(corpusDir, { recursive: true, force: true });
});

function expectSlackSafe(body: Record<string, unknown>): void {
  expect(slackProblems(body)).toEqual([]);
  expect(slackMentions(body)).toEqual([]);
}

/** `mentions`: the ones Dateline itself writes (the sharer's), which render as a name and, like all, ping no one. */
function expectDiscordSafe({ message, request }: DiscordAnswer, mentions: string[] = []): void {
  expect(request.body.allowed_mentions).toEqual({ parse: [] });
  expect(discordProblems(request.body)).toEqual([]);
  expect(discordMentions(request.body)).toEqual(mentions);
  expect(discordProblems(message)).toEqual([]);
}

/** The citation a correct rendering shows for a verbatim piece of the article. */
function citationOf(text: string): Omit<Shown, "speaker" | "cue"> {
  const at = article.text.indexOf(text);
  expect(at, `“${text}” is not verbatim from the article`).toBeGreaterThanOrEqual(0);
  return {
    text,
    outlet: article.outlet!,
    title: article.title,
    date: article.published,
    paragraph: article.paragraphs.find((p) => p.start <= at && at < p.end)!.n,
  };
}

describe("the test corpus", () => {
  test("reads the markup-laden article with its metadata as written", () => {
    expect(article).toMatchObject({ title: "Port <tariffs> & *stars*: the _fine_ print", outlet: "Wire_Service & <Co>", published: "2024-03-02" });
  });
});

describe.each(CASES)("$label", ({ command, text, shows }) => {
  test("Slack: a private, valid answer that pings no one", async () => {
    const answer = await slack.ask(command, text);
    expect(answer.body.response_type).toBe("ephemeral");
    expectSlackSafe(answer.body);
    if (shows) expect(slackVisibleText(answer.body.blocks as SlackBlockLike[])).toContain(shows);
  });

  test("Discord: a private, valid answer that pings no one", async () => {
    const answer = await discord.ask(command, discordOptions(command, text));
    expect(isEphemeral(answer.message)).toBe(true);
    expectDiscordSafe(answer);
    if (shows) expect(visibleText(answer.message)).toContain(shows);
  });
});

describe("corpus text full of markup and mentions", () => {
  const asked: Array<{ command: "sources" | "quote"; text: string; starts: string; speaker: string | null }> = [
    { command: "quote", text: "Doe tariffs", starts: QUOTATION, speaker: "Jane Doe" },
    { command: "sources", text: "harbour minister", starts: `"${QUOTATION}"`, speaker: null },
    // A paragraph that starts with ">" must not become a block quote, nor its "**" bold.
    { command: "sources", text: "readers wrote", starts: "> Readers wrote in: harbour tariffs are **too** high & <#C123>", speaker: null },
  ];

  describe.each(asked)("/$command $text", ({ command, text, starts, speaker }) => {
    test("Slack shows it verbatim, cited, pinging no one", async () => {
      const answer = await slack.ask(command, text);
      expectSlackSafe(answer.body);
      const shown = firstOnSlack(answer.body.blocks as SlackBlockLike[]);
      expect(shown.text.startsWith(starts)).toBe(true);
      expect(shown).toMatchObject({ ...citationOf(shown.text), speaker });
    });

    test("Discord shows it verbatim, cited, pinging no one", async () => {
      const answer = await discord.ask(command, discordOptions(command, text));
      expectDiscordSafe(answer);
      const shown = firstOnDiscord(answer.message.embeds);
      expect(shown.text.startsWith(starts)).toBe(true);
      expect(shown).toMatchObject({ ...citationOf(shown.text), speaker });
    });
  });

  test("the quotation carries every markup character", () => {
    for (const c of MARKUP) expect(QUOTATION).toContain(c);
  });

  test("Slack: 'Share in channel' posts it publicly, and the only mention is the sharer's", async () => {
    const answer = await slack.ask("quote", "Doe tariffs");
    const share = (answer.body.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>)
      .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))
      .find((e) => e.action_id === "dateline_share");
    expect(share?.value).toBeDefined();
    await slack.click("dateline_share", share!.value!, "U0SHARER", "C0PUBLIC");
    const post = await slack.fake.waitForCall("chat.postMessage", (r) => r.body.channel === "C0PUBLIC");
    expect(slackProblems(post.body)).toEqual([]);
    expect(slackMentions(post.body)).toEqual(["<@U0SHARER>"]);
    const shown = firstOnSlack(post.body.blocks as SlackBlockLike[]);
    expect(shown).toMatchObject({ ...citationOf(shown.text), speaker: "Jane Doe" });
    expect(shown.text.startsWith(QUOTATION)).toBe(true);
  });

  test("Discord: 'Share in channel' posts it publicly, with allowed_mentions parse []", async () => {
    const { message } = await discord.ask("quote", discordOptions("quote", "Doe tariffs"));
    const share = message.components
      .flatMap((row) => row.components as Array<{ label: string; custom_id: string }>)
      .find((b) => b.label === "Share in channel");
    expect(share).toBeDefined();
    const shared = await discordAnswer(discord.fake, discord.fake.click(message, share!.custom_id));
    expect(isEphemeral(shared.message)).toBe(false);
    expectDiscordSafe(shared, [`<@${USER.id}>`]);
    const shown = firstOnDiscord(shared.message.embeds);
    expect(shown).toMatchObject({ ...citationOf(shown.text), speaker: "Jane Doe" });
    expect(shown.text.startsWith(QUOTATION)).toBe(true);
  });

  test("Discord: an interaction for an unknown command gets a valid private answer", async () => {
    const answer = await discordAnswer(discord.fake, discord.fake.command("nope", [{ name: "x", value: "<@123> @everyone" }]));
    expect(isEphemeral(answer.message)).toBe(true);
    expectDiscordSafe(answer);
    expect(visibleText(answer.message)).toMatch(/no command \/nope/);
  });
});
