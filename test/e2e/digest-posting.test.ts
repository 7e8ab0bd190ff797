/**
 * The daily digest through the real adapters: the scheduler posts the seeds' digest to a Slack channel
 * (chat.postMessage) and a Discord channel (a channel message), each at its own time, with the same stories; ten
 * stories a post, and the rest behind its "More stories" button.
 */
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { isCorpusFile } from "../../src/corpus/watch.js";
import { digestComposer, digestForNewsroom } from "../../src/digest/for-newsroom.js";
import { createDigestScheduler } from "../../src/digest/schedule.js";
import { openSubscriptions } from "../../src/digest/subscriptions.js";
import { openNewsroom, prepareStatements, type OpenedNewsroom } from "../../src/open-newsroom.js";
import { CHANNEL_ID } from "../discord/fake-discord.js";
import { discordAnswer, discordOver, slackOver, type DiscordSide, type SlackSide } from "./harness.js";
import { slackVisibleText, type SlackBlockLike } from "./shown.js";

const MINUTE = 60_000;
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe("digest posted through Slack and Discord", () => {
  let slack: SlackSide;
  let discord: DiscordSide;
  let dataDir: string;

  let corpusDir: string;
  let newsroom: OpenedNewsroom;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "dateline-digest-e2e-"));
    corpusDir = await mkdtemp(join(tmpdir(), "dateline-digest-e2e-corpus-"));
    // Dateline starts on an empty folder (an empty baseline); the seeds and a busy morning's briefs come in after.
    newsroom = await openNewsroom(corpusDir, { dataDir, log: memoryLogger() });
    await cp("seeds", corpusDir, { recursive: true });
    for (const [i, brief] of BRIEFS.entries()) await writeFile(join(corpusDir, `brief-${i}.txt`), brief);
    for (const file of await readdir(corpusDir)) if (isCorpusFile(file)) await newsroom.refreshFile(file);
    prepareStatements(newsroom, { background: false });
    const bot = botFor(() => newsroom, memoryLogger());
    slack = await slackOver(bot);
    discord = await discordOver(bot);
  });

  afterAll(async () => {
    await slack?.stop();
    await discord?.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    await rm(corpusDir, { recursive: true, force: true });
  });

  it("posts once in each channel at its own time, with the same stories on both", async () => {
    // Ten past the next hour: the seeds, first seen just now, fall inside the day the digest covers.
    let now = new Date(Math.ceil(Date.now() / (60 * MINUTE)) * 60 * MINUTE + 10 * MINUTE);
    const subscriptions = openSubscriptions(dataDir, memoryLogger());
    await subscriptions.subscribe({ platform: "slack", channel: "C0NEWSDESK", time: hhmm(new Date(now.getTime() + 2 * MINUTE)), zone: "UTC" }, now);
    await subscriptions.subscribe({ platform: "discord", channel: CHANNEL_ID, time: hhmm(new Date(now.getTime() + 4 * MINUTE)), zone: "UTC" }, now);
    const scheduler = createDigestScheduler({
      dataDir,
      posters: [slack.handle, discord.handle],
      compose: digestComposer(newsroom),
      now: () => now,
      log: memoryLogger(),
      subscriptions,
    });

    await scheduler.tick();
    expect(slack.fake.callsTo("chat.postMessage")).toHaveLength(0);
    now = new Date(now.getTime() + 3 * MINUTE);
    await scheduler.tick();
    await scheduler.tick();
    const slackPosts = slack.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0NEWSDESK");
    expect(slackPosts).toHaveLength(1);
    expect(discord.fake.messages.filter((m) => m.channel_id === CHANNEL_ID && m.token === "")).toHaveLength(0);

    now = new Date(now.getTime() + 2 * MINUTE);
    await scheduler.tick();
    await scheduler.tick();
    const discordPosts = discord.fake.messages.filter((m) => m.channel_id === CHANNEL_ID && m.token === "");
    expect(discordPosts).toHaveLength(1);
    expect(slack.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0NEWSDESK")).toHaveLength(1);

    const onSlack = slackVisibleText(blocksOf(slackPosts[0]!.body.blocks));
    const post = discordPosts[0]!;
    const onDiscord = [post.content, ...post.embeds.map((e: { title?: string; description?: string; author?: { name?: string } }) => [e.title, e.author?.name, e.description].join("\n"))].join("\n");
    for (const shown of [onSlack, onDiscord]) {
      expect(shown).toContain("Secretary of State Blinken and Russia’s Lavrov face off at UN");
      expect(shown).toContain("The Kremlin released a video accusing Ukraine of executing dozens of POWs.");
      for (const speaker of ["Mirjana Spoljaric", "Sergey Lavrov", "Antony Blinken", "Marija Zakharova"]) expect(shown).toContain(speaker);
    }
    await scheduler.stop();

    // Ten stories in the post; the rest behind "More stories", through the real Bolt and discord.js.
    const stories = digestForNewsroom(newsroom, new Date(now.getTime() - 86_400_000), now).stories;
    expect(stories.length).toBeGreaterThan(10);
    const slackBlocks = blocksOf(slackPosts[0]!.body.blocks);
    const more = slackBlocks.flatMap((b) => (b.type === "actions" ? (b as unknown as { elements: Array<{ action_id: string; value: string; text: { text: string } }> }).elements : []));
    const button = more.find((e) => e.text.text === "More stories")!;
    expect(button.action_id).toBe("dateline_more");
    const before = slack.fake.responses.length;
    await slack.click(button.action_id, button.value, "U0READER", "C0NEWSDESK");
    await expect.poll(() => slack.fake.responses.length, { timeout: 10_000 }).toBeGreaterThan(before);
    const rest = JSON.stringify(slack.fake.responses.at(-1)!.body);
    const onDiscordMore = discordPosts[0]!.components.flatMap((row: { components: Array<{ label: string; custom_id: string }> }) => row.components).find((c: { label: string }) => c.label === "More stories")!;
    const token = discord.fake.click(discordPosts[0]!, onDiscordMore.custom_id);
    const answer = await discordAnswer(discord.fake, token);
    const restOnDiscord = JSON.stringify([answer.message.content, answer.message.embeds]);
    const titleShown = (title: string) => JSON.stringify(title).slice(1, -1);
    for (const story of stories.slice(10, 20)) {
      expect(rest).toContain(titleShown(story.title).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
      expect(restOnDiscord).toContain(story.title.split(" ")[0]!);
    }
    for (const story of stories.slice(0, 10)) expect(rest).not.toContain(titleShown(story.title));
  });
});

/** Thirteen unrelated briefs: more stories than a post shows. */
const BRIEFS = [
  ["Ferry to Zanzibar resumes", "The ferry between Dar es Salaam and Zanzibar resumed on Monday after engine repairs, the operator Azam Marine said."],
  ["Lighthouse keeper retires in Cornwall", "The last lighthouse keeper at Lizard Point, Cornwall, retired on Friday after forty years of service."],
  ["Glacier museum opens in Iceland", "A museum about the Vatnajokull glacier opened in Hofn, Iceland, with exhibits on meltwater and moraines."],
  ["Jazz festival returns to Montreux", "The Montreux Jazz Festival announced its lineup, with saxophonist Kamasi Washington headlining the lakeside stage."],
  ["Tram line extended in Bordeaux", "Bordeaux opened a tram extension to Merignac airport, cutting the journey to twenty minutes, the Keolis network said."],
  ["Coffee harvest falls in Minas Gerais", "Arabica growers in Minas Gerais expect a smaller harvest after frost damaged coffee trees in the Sul de Minas region."],
  ["Chess olympiad moves to Chennai", "FIDE confirmed that Chennai will host the chess olympiad, with grandmaster Viswanathan Anand as patron."],
  ["Bridge inspection closes Danube crossing", "Engineers closed the Elisabeth bridge over the Danube in Budapest for a week of cable inspections."],
  ["Marathon record in Valencia", "Kenyan runner Kelvin Kiptum set a course record at the Valencia marathon, finishing in two hours and one minute."],
  ["Salmon farms inspected in Tasmania", "Regulators in Hobart, Tasmania, inspected salmon pens in Macquarie Harbour after oxygen levels fell."],
  ["Wildfire contained near Canberra", "Firefighters contained a bushfire in Namadgi National Park south of Canberra, the ACT Rural Fire Service said."],
  ["Observatory spots comet over Atacama", "Astronomers at the Paranal observatory in the Atacama desert photographed a green comet passing Earth."],
  ["Library digitises Timbuktu manuscripts", "Archivists in Bamako finished scanning ten thousand Timbuktu manuscripts on astronomy, law and medicine."],
].map(([title, body]) => `${title}\n\n${body}\n`);

/** chat.postMessage may carry its blocks as JSON text (form-encoded) or as an array (JSON body). */
function blocksOf(blocks: unknown): SlackBlockLike[] {
  return (typeof blocks === "string" ? JSON.parse(blocks) : blocks) as SlackBlockLike[];
}
