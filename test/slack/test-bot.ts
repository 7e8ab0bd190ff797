/**
 * A BotCore over small test commands (the real commands are tested elsewhere): answers made of nasty corpus-like
 * text, pages, a public command, a slow one held by a gate, and one that crashes.
 */
import { z } from "zod";
import { createBot, type BotCore } from "../../src/core/bot.js";
import { defineCommand, type CommandContext } from "../../src/core/command.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import type { Logger } from "../../src/core/log.js";
import { startSlack, type SlackHandle } from "../../src/adapters/slack/app.js";
import type { FakeSlack } from "./fake-slack.js";
import type { Citation } from "../../src/core/reply.js";

/** Corpus text that tries everything: mentions, a link, escapes and mrkdwn. */
export const NASTY_EXCERPT = "Officials said <!channel> & <@U123> were *not* told <https://evil.example|here> > 5 times_";

export interface TestServices {
  /** Every run: the text the command received and where from. */
  runs: Array<{ command: string; query: string; page: number; user: string | null; channel: string | null }>;
  /** The slow command waits for this. */
  gate: Promise<void>;
  slowFinished: boolean;
}

const citation: Citation = {
  doc: "002-neutrality.txt",
  title: "Austria & <neutrality>",
  outlet: "ORF",
  published: "2023-01-20",
  url: "https://orf.example/002",
  paragraph: 3,
  start: 10,
  end: 10 + NASTY_EXCERPT.length,
};

const query = z
  .object({ raw: z.string() })
  .transform((a) => a.raw)
  .pipe(z.string().min(1, "Tell me what to look for."));

function record(ctx: CommandContext<TestServices>, command: string, q: string): void {
  ctx.services.runs.push({ command, query: q, page: ctx.page, user: ctx.user?.id ?? null, channel: ctx.channel });
}

const sources = defineCommand<TestServices, string>({
  name: "sources",
  summary: "Articles about a topic, with their best passage",
  usage: "/sources <topic> [outlet:NAME]",
  examples: ["/sources neutrality"],
  visibility: "private",
  params: [{ name: "topic", description: "What to look for", required: true }],
  schema: query,
  run: (q, ctx) => {
    record(ctx, "sources", q);
    return {
      reply: {
        visibility: "private",
        text: `Sources for ${q} (page ${ctx.page + 1}): ${NASTY_EXCERPT}`,
        blocks: [
          { type: "heading", text: `Sources for ${q}` },
          {
            type: "source",
            excerpt: NASTY_EXCERPT,
            cutStart: false,
            cutEnd: true,
            marks: [[NASTY_EXCERPT.indexOf("told"), NASTY_EXCERPT.indexOf("told") + 4]],
            citation,
          },
          { type: "context", text: `Page ${ctx.page + 1}` },
        ],
      },
      results: [{ doc: citation.doc, page: ctx.page }],
      hasMore: ctx.page < 2,
    };
  },
});

const quote = defineCommand<TestServices, string>({
  name: "quote",
  summary: "What a speaker said about a topic, verbatim and cited",
  usage: "/quote <speaker> <topic>",
  examples: ["/quote Spoljaric neutrality"],
  visibility: "private",
  params: [
    { name: "speaker", description: "Who", required: true, autocomplete: "speaker" },
    { name: "topic", description: "About what", required: true },
  ],
  schema: query,
  run: (q, ctx) => {
    record(ctx, "quote", q);
    return {
      reply: {
        visibility: "private",
        text: `Spoljaric: ${NASTY_EXCERPT}`,
        blocks: [
          {
            type: "quote",
            text: NASTY_EXCERPT,
            speaker: "Juraj Spoljaric",
            cue: "said",
            confidence: 0.5,
            kind: "direct",
            citation,
          },
        ],
      },
      results: [],
    };
  },
});

const announce = defineCommand<TestServices, string>({
  name: "announce",
  summary: "A public answer",
  usage: "/announce <text>",
  examples: [],
  visibility: "public",
  params: [],
  schema: query,
  run: (q, ctx) => {
    record(ctx, "announce", q);
    return { reply: { visibility: "public", text: q, blocks: [{ type: "paragraph", text: `**Announced:** ${q}` }] }, results: [] };
  },
});

const slow = defineCommand<TestServices, string>({
  name: "slow",
  summary: "Waits for the test's gate",
  usage: "/slow",
  examples: [],
  visibility: "private",
  params: [],
  schema: z.object({ raw: z.string() }).transform((a) => a.raw),
  run: async (q, ctx) => {
    record(ctx, "slow", q);
    await ctx.services.gate;
    ctx.services.slowFinished = true;
    return { reply: { visibility: "private", text: "done", blocks: [{ type: "paragraph", text: "Finally done." }] }, results: [] };
  },
});

const crash = defineCommand<TestServices, string>({
  name: "crash",
  summary: "Throws",
  usage: "/crash",
  examples: [],
  visibility: "private",
  params: [],
  schema: z.object({ raw: z.string() }).transform((a) => a.raw),
  run: () => {
    throw new Error("boom");
  },
});

const secret = defineCommand<TestServices, string>({
  name: "secret",
  summary: "A hidden command: works, but is not registered",
  usage: "/secret",
  examples: [],
  visibility: "private",
  hidden: true,
  params: [],
  schema: z.object({ raw: z.string() }).transform((a) => a.raw),
  run: (q, ctx) => {
    record(ctx, "secret", q);
    return { reply: { visibility: "private", text: "psst", blocks: [{ type: "paragraph", text: "psst" }] }, results: [] };
  },
});

export function testBot(log: Logger, services: TestServices): BotCore {
  return createBot({
    dispatcher: createDispatcher<TestServices>([sources, quote, announce, slow, crash, secret]),
    services: () => services,
    complete: () => [],
    log,
  });
}

export function testServices(): TestServices & { openGate(): void } {
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  return { runs: [], gate, slowFinished: false, openGate };
}

/** The real Slack adapter over HTTP on 127.0.0.1 (a free port), with the test bot, against the fake Slack. */
export function startHttpSlack(fake: FakeSlack, signingSecret: string, services: TestServices, log: Logger): Promise<SlackHandle> {
  return startSlack({
    bot: testBot(log, services),
    botToken: "xoxb-test-token",
    signingSecret,
    apiUrl: fake.apiUrl,
    port: 0,
    host: "127.0.0.1",
    log,
  });
}
