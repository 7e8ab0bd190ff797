/**
 * A small BotCore for the Discord tests: the real createBot over the real dispatcher, with three test commands
 * over a tiny synthetic corpus (written for these tests, not taken from any real corpus).
 */
import { z } from "zod";
import { createBot, type BotCore } from "../../src/core/bot.js";
import { defineCommand, type ParsedArgs } from "../../src/core/command.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { UserError } from "../../src/core/errors.js";
import { memoryLogger } from "../../src/core/log.js";
import type { Block, Citation, SourceBlock } from "../../src/core/reply.js";

export interface TestArticle {
  doc: string;
  title: string;
  outlet: string;
  published: string;
  url: string | null;
  text: string;
}

export const MARKDOWN_PARAGRAPH =
  "**Breaking**: _officials_ say `rm -rf` worked > all ~~good~~ ||spoiler|| [click](https://evil.example) @everyone <@123>";

const filler = (n: number) =>
  `Item ${n}. The harbour ceasefire held overnight, the port authority said in its morning bulletin number ${n}.`;

export const ARTICLES: TestArticle[] = [
  {
    doc: "wire/markdown.txt",
    title: "Harbour *talks* resume",
    outlet: "Wire_Service",
    published: "2024-03-02",
    url: "https://news.example/harbour-talks",
    text: `Harbour talks resume\n\n${MARKDOWN_PARAGRAPH} The harbour ceasefire is holding.\n\n# Not a header > not a quote`,
  },
  {
    doc: "daily/quote.txt",
    title: "Minister on the harbour",
    outlet: "The Daily",
    published: "2024-03-03T10:00:00Z",
    url: "not a url",
    text: 'Minister on the harbour\n\n"The harbour ceasefire must hold," Maria Ostrova told reporters on Sunday.',
  },
  ...Array.from({ length: 12 }, (_, i) => ({
    doc: `bulletins/${String(i + 1).padStart(2, "0")}.txt`,
    title: `Port bulletin ${i + 1}`,
    outlet: i % 2 === 0 ? "Port Gazette" : "Harbour Times",
    published: `2024-04-${String(i + 1).padStart(2, "0")}`,
    url: `https://news.example/bulletin-${i + 1}`,
    text: `Port bulletin ${i + 1}\n\n${filler(i + 1)}`,
  })),
];

export const QUOTES = [
  {
    doc: "daily/quote.txt",
    speaker: "Maria Ostrova",
    text: "The harbour ceasefire must hold,",
    cue: "told reporters",
    confidence: 0.95,
  },
  {
    doc: "wire/markdown.txt",
    speaker: "Ivan <@123> Petrov",
    text: "officials",
    cue: null,
    confidence: 0.4,
  },
];

export const SPEAKERS = ["Maria Ostrova", "Ivan Petrov", "Marek Ostrowski", "Maria Ostrova-Lind"];
export const OUTLETS = ["Port Gazette", "Harbour Times", "The Daily", "Wire_Service"];

interface Services {
  articles: TestArticle[];
}

const argsSchema = z.custom<ParsedArgs>();

function citation(a: TestArticle, start: number, end: number): Citation {
  const paragraph = a.text.slice(0, start).split("\n\n").length;
  return { doc: a.doc, title: a.title, outlet: a.outlet, published: a.published, url: a.url, paragraph, start, end };
}

const sources = defineCommand<Services, ParsedArgs>({
  name: "sources",
  summary: "Find articles about a topic, with a verbatim excerpt from each.",
  usage: "/sources <topic> [outlet:NAME]",
  examples: ["/sources harbour ceasefire"],
  visibility: "private",
  params: [
    { name: "topic", description: "What to look for", required: true, maxLength: 1000 },
    { name: "outlet", description: "Only this outlet", required: false, filter: "outlet", autocomplete: "outlet" },
  ],
  schema: argsSchema.refine((a) => a.terms.length > 0, { message: "Say what to look for, e.g. `/sources harbour`." }),
  run(args, ctx) {
    const terms = args.terms.map((t) => t.text.toLowerCase());
    const outlet = args.filters.outlet?.toLowerCase();
    const hits: SourceBlock[] = [];
    for (const a of ctx.services.articles) {
      if (outlet && a.outlet.toLowerCase() !== outlet) continue;
      let start = 0;
      for (const para of a.text.split("\n\n")) {
        const lower = para.toLowerCase();
        if (terms.every((t) => lower.includes(t))) {
          const marks = terms.map((t): [number, number] => [lower.indexOf(t), lower.indexOf(t) + t.length]);
          hits.push({ type: "source", excerpt: para, cutStart: false, cutEnd: false, marks, citation: citation(a, start, start + para.length) });
          break;
        }
        start += para.length + 2;
      }
    }
    if (hits.length === 0) throw new UserError(`Nothing found for “${args.raw}”.`, "no-results");
    const page = hits.slice(ctx.page * ctx.limit, (ctx.page + 1) * ctx.limit);
    const blocks: Block[] = [
      { type: "heading", text: `Sources for “${args.raw}”` },
      ...page,
      { type: "context", text: `Page ${ctx.page + 1} · ${hits.length} sources` },
    ];
    return {
      reply: { visibility: "private", text: `${hits.length} sources for ${args.raw}`, blocks },
      results: page.map((b) => b.citation),
      hasMore: (ctx.page + 1) * ctx.limit < hits.length,
    };
  },
});

const quote = defineCommand<Services, ParsedArgs>({
  name: "quote",
  summary: "Find what a person said about a topic, verbatim and cited.",
  usage: "/quote <speaker> [topic]",
  examples: ["/quote Maria Ostrova harbour"],
  visibility: "public",
  params: [
    { name: "speaker", description: "Who said it", required: true, autocomplete: "speaker" },
    { name: "topic", description: "About what", required: false },
  ],
  schema: argsSchema.refine((a) => a.words.length > 0, { message: "Name a speaker, e.g. `/quote Maria Ostrova`." }),
  run(args, ctx) {
    const said = args.raw.toLowerCase();
    const q = QUOTES.find((x) => said.startsWith(x.speaker.toLowerCase()));
    if (!q) throw new UserError(`No quotations found for “${args.raw}”.`, "no-results");
    const article = ctx.services.articles.find((a) => a.doc === q.doc)!;
    const start = article.text.indexOf(q.text);
    const block: Block = {
      type: "quote",
      text: q.text,
      speaker: q.speaker,
      cue: q.cue,
      confidence: q.confidence,
      kind: "direct",
      citation: citation(article, start, start + q.text.length),
      marks: [[4, 11]],
    };
    return { reply: { visibility: "public", text: `${q.speaker}: “${q.text}”`, blocks: [block] }, results: [q] };
  },
});

const boom = defineCommand<Services, ParsedArgs>({
  name: "boom",
  summary: "Always fails.",
  usage: "/boom",
  examples: [],
  visibility: "public",
  params: [],
  schema: argsSchema,
  run() {
    throw new Error("kaput");
  },
});

/** A gate the hidden /slow command waits on, so a test can hold an answer in flight. */
export const gate = (() => {
  let open!: () => void;
  let opened = new Promise<void>((resolve) => (open = resolve));
  return {
    wait: () => opened,
    open: () => open(),
    reset: () => {
      opened = new Promise<void>((resolve) => (open = resolve));
    },
  };
})();

const slow = defineCommand<Services, ParsedArgs>({
  name: "slow",
  summary: "Answers when the test opens the gate.",
  usage: "/slow",
  examples: [],
  visibility: "private",
  hidden: true,
  params: [],
  schema: argsSchema,
  async run(_args, ctx) {
    await ctx.notify?.("Working on it… the answer follows.");
    await gate.wait();
    return { reply: { visibility: "private", text: "done", blocks: [{ type: "paragraph", text: "Finally done." }] }, results: [] };
  },
});

export function testBot(): BotCore & { log: ReturnType<typeof memoryLogger> } {
  const log = memoryLogger("debug");
  const bot = createBot<Services>({
    dispatcher: createDispatcher<Services>([sources, quote, boom, slow]),
    services: () => ({ articles: ARTICLES }),
    complete: (kind, prefix, limit) =>
      (kind === "speaker" ? SPEAKERS : OUTLETS).filter((s) => s.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, limit),
    log,
  });
  return Object.assign(bot, { log });
}
