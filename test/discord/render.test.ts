import { describe, expect, test } from "vitest";
import { encodeAction } from "../../src/core/actions.js";
import type { Block, Citation, Reply } from "../../src/core/reply.js";
import { parseCustomId, resolveButton } from "../../src/adapters/discord/buttons.js";
import { QUOTE_COLOR, SOURCE_COLOR, embedLength, renderDiscord } from "../../src/adapters/discord/render.js";
import { visibleText } from "./visible.js";

const Z = "\u200b";

function cite(over: Partial<Citation> = {}): Citation {
  return {
    doc: "daily/quote.txt",
    title: "Minister on the *harbour*",
    outlet: "The Daily",
    published: "2024-03-03T10:00:00Z",
    url: "https://news.example/q",
    paragraph: 2,
    start: 10,
    end: 42,
    ...over,
  };
}

const reply = (blocks: Block[], visibility: Reply["visibility"] = "private"): Reply => ({ visibility, text: "plain", blocks });

const source = (excerpt: string, over: Partial<Citation> = {}): Block => ({
  type: "source",
  excerpt,
  cutStart: false,
  cutEnd: false,
  citation: cite(over),
});

describe("renderDiscord: quotations", () => {
  test("quotation in the description, speaker and cue as author, title and link, citation footer", () => {
    const out = renderDiscord(
      reply([
        {
          type: "quote",
          text: "The harbour ceasefire must hold,",
          speaker: "Maria Ostrova",
          cue: "told reporters",
          confidence: 0.95,
          kind: "direct",
          citation: cite(),
          marks: [[4, 11]],
        },
      ]),
    );
    expect(out).toEqual({
      content: "",
      embeds: [
        {
          author: { name: "Maria Ostrova · told reporters" },
          title: "Minister on the \\*harbour\\*",
          url: "https://news.example/q",
          description: "“The **harbour** ceasefire must hold,”",
          color: QUOTE_COLOR,
          footer: { text: "The Daily · ¶2 · 2024-03-03" },
        },
      ],
      components: [],
      allowedMentions: { parse: [] },
    });
  });

  test("low confidence and a note go into the footer; an unknown speaker, a bad url and a missing title are handled", () => {
    const out = renderDiscord(
      reply([
        {
          type: "quote",
          text: "officials",
          speaker: null,
          cue: null,
          confidence: 0.4,
          kind: "partial",
          citation: cite({ title: null, outlet: null, published: null, url: "javascript:alert(1)" }),
          note: "3 outlets · 2 wordings",
        },
      ]),
    );
    expect(out.embeds).toEqual([
      {
        author: { name: "Unattributed" },
        title: "daily/quote.txt",
        description: "“officials”",
        color: QUOTE_COLOR,
        footer: { text: "daily/quote.txt · ¶2 · uncertain attribution · 3 outlets · 2 wordings" },
      },
    ]);
  });

  test("a mention in a speaker name or cue is broken in the author line", () => {
    const out = renderDiscord(
      reply([
        {
          type: "quote",
          text: "hello",
          speaker: "Ivan <@123> Petrov",
          cue: "told @everyone",
          confidence: 1,
          kind: "direct",
          citation: cite(),
        },
      ]),
    );
    expect(out.embeds[0]!.author).toEqual({ name: `Ivan <${Z}@123> Petrov · told @${Z}everyone` });
  });
});

describe("renderDiscord: sources and escaping", () => {
  const markdown =
    "**Breaking**: _officials_ say `rm -rf` > all ~~good~~ ||spoiler|| [click](https://evil.example) @everyone <@123>\n\n" +
    "# head\n\n> quote\n\n- item\n\n1. one\n\n-# small";

  test("a corpus excerpt full of markdown renders literally, with marks bold and ellipses where cut", () => {
    const out = renderDiscord(
      reply([{ type: "source", excerpt: markdown, cutStart: true, cutEnd: false, marks: [[15, 24]], citation: cite() }]),
    );
    expect(out.embeds).toEqual([
      {
        title: "Minister on the \\*harbour\\*",
        url: "https://news.example/q",
        description:
          "…\\*\\*Breaking\\*\\*: \\_**officials**\\_ say \\`rm -rf\\` > all \\~\\~good\\~\\~ \\|\\|spoiler\\|\\| " +
          `\\[click](https://evil.example) @${Z}everyone <${Z}@123>\n` +
          "\\# head\n\\> quote\n\\- item\n1\\. one\n-\\# small",
        color: SOURCE_COLOR,
        footer: { text: "The Daily · ¶2 · 2024-03-03" },
      },
    ]);
    // What a reader sees is the excerpt itself, its paragraph breaks shown as line breaks.
    expect(visibleText(out)).toContain(`…${markdown.replace(/\n\n/g, "\n")}`);
  });

  test("URLs in corpus text are left unescaped, so they stay links and show no backslashes", () => {
    const out = renderDiscord(reply([source("See https://x.example/a_b*c (or _this_).")]));
    expect(out.embeds[0]!.description).toBe("See https://x.example/a_b*c (or \\_this\\_).");
  });

  test("an excerpt cut at its end gets a trailing ellipsis", () => {
    const out = renderDiscord(reply([{ ...(source("the port") as object), cutEnd: true } as Block]));
    expect(out.embeds[0]!.description).toBe("the port…");
  });

  test("headings, paragraphs and context lines go into the content; user text in them is escaped", () => {
    const out = renderDiscord(
      reply([
        { type: "heading", text: "Sources for “*x* <@123>”" },
        { type: "paragraph", text: "Found **2** results for `ports` ~~x~~ [a](b)\n# no\n> no @here" },
        { type: "context", text: "Page 1 · 2_sources" },
      ]),
    );
    expect(out.content).toBe(
      [
        `**Sources for “\\*x\\* <${Z}@123>”**`,
        `Found **2** results for \`ports\` \\~\\~x\\~\\~ \\[a](b)\n\\# no\n\\> no @${Z}here`,
        "-# Page 1 · 2\\_sources",
      ].join("\n"),
    );
  });

  test("a reply with no blocks shows its text; fields become an embed", () => {
    expect(renderDiscord(reply([])).content).toBe("plain");
    expect(renderDiscord({ visibility: "private", text: " ", blocks: [] }).content).toBe("…");
    const out = renderDiscord(reply([{ type: "fields", fields: [{ label: "Outlet", value: "" }, { label: "Docs", value: "5" }] }]));
    expect(out.embeds).toEqual([{ fields: [{ name: "Outlet", value: Z }, { name: "Docs", value: "5" }] }]);
  });
});

describe("renderDiscord: limits", () => {
  test("more than 10 results: 10 embeds and '… and N more'", () => {
    const out = renderDiscord(reply(Array.from({ length: 12 }, (_, i) => source(`excerpt ${i}`))));
    expect(out.embeds).toHaveLength(10);
    expect(out.content).toBe("… and 2 more");
  });

  test("6,000 characters over all embeds: the last one that fits is cut, the rest counted", () => {
    const long = "word ".repeat(500).trim(); // 2,499 characters
    const out = renderDiscord(reply([source(long), source(long), source(long), source(long)]));
    const total = out.embeds.reduce((n, e) => n + embedLength(e), 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(out.embeds).toHaveLength(3);
    expect(out.embeds[2]!.description!.endsWith("word…")).toBe(true);
    expect(out.content).toBe("… and 1 more");
  });

  test("once a result is left out, the smaller ones after it are too (results are ranked)", () => {
    const long = "word ".repeat(1100).trim();
    const out = renderDiscord(reply([source(long), source(long), source(long), source("tiny")]));
    expect(out.embeds).toHaveLength(2);
    expect(out.embeds.some((e) => e.description === "tiny")).toBe(false);
    expect(out.content).toBe("… and 2 more");
  });

  test("a quotation longer than 4,096 characters is cut inside its quotation marks", () => {
    const out = renderDiscord(
      reply([
        { type: "quote", text: "a b ".repeat(1500), speaker: "X", cue: null, confidence: 1, kind: "direct", citation: cite() },
      ]),
    );
    const d = out.embeds[0]!.description!;
    expect(d.length).toBeLessThanOrEqual(4096);
    expect(d.startsWith("“a b a")).toBe(true);
    expect(d.endsWith("…”")).toBe(true);
  });

  test("more than 25 fields: 24 and '… and N more'", () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const out = renderDiscord(reply([{ type: "fields", fields }]));
    expect(out.embeds[0]!.fields).toHaveLength(25);
    expect(out.embeds[0]!.fields![23]).toEqual({ name: "L23", value: "v23" });
    expect(out.embeds[0]!.fields![24]).toEqual({ name: "…", value: "and 6 more" });
  });

  test("content over 2,000 characters is cut with '…'; titles over 256 too", () => {
    const out = renderDiscord(reply([{ type: "paragraph", text: "word ".repeat(500) }, source("x", { title: "T".repeat(300) })]));
    expect(out.content).toBe(`${"word ".repeat(399)}word…`);
    expect(out.embeds[0]!.title).toBe(`${"T".repeat(255)}…`);
  });

  test("a cut never splits an escape or leaves bold open", () => {
    const out = renderDiscord(reply([{ type: "heading", text: "*".repeat(1500) }]));
    expect(out.content).toBe(`**${"\\*".repeat(997)}…**`);
  });

  test("limits hold for a reply that hits all of them at once", () => {
    const blocks: Block[] = [
      { type: "heading", text: "<@1> ".repeat(600) },
      ...Array.from({ length: 15 }, () => source("|".repeat(3000), { title: "_".repeat(400), outlet: "@everyone ".repeat(300) })),
    ];
    const out = renderDiscord(reply(blocks));
    expect(out.content.length).toBeLessThanOrEqual(2000);
    expect(out.embeds.length).toBeLessThanOrEqual(10);
    expect(out.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    for (const e of out.embeds) {
      expect(e.title!.length).toBeLessThanOrEqual(256);
      expect(e.description!.length).toBeLessThanOrEqual(4096);
      expect(e.footer!.text.length).toBeLessThanOrEqual(2048);
    }
    expect(out.content).toMatch(/… and \d+ more$/);
    expect(JSON.stringify(out)).not.toMatch(/<@1>|@everyone/);
  });
});

describe("renderDiscord: buttons", () => {
  const actions = (t: string): Block => ({
    type: "actions",
    actions: [
      { kind: "share", label: "Share in channel", value: encodeAction({ c: "sources", t, p: 0 }) },
      { kind: "more", label: "More results", value: encodeAction({ c: "sources", t, p: 1 }) },
    ],
  });

  test("short command texts travel in the button id", () => {
    const out = renderDiscord(reply([source("x"), actions("harbour outlet:\"Port Gazette\"")]));
    expect(out.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 1, label: "Share in channel", custom_id: 'dl:share:0:sources:=harbour outlet:"Port Gazette"' },
          { type: 2, style: 2, label: "More results", custom_id: 'dl:more:1:sources:=harbour outlet:"Port Gazette"' },
        ],
      },
    ]);
    expect(out.embeds).toHaveLength(1);
    const ref = parseCustomId(out.components[0]!.components[1]!.custom_id)!;
    expect(resolveButton(ref, [])).toEqual({ c: "sources", t: 'harbour outlet:"Port Gazette"', p: 1 });
  });

  test("a long command text is kept in an 'Asked:' footer and checked by hash when clicked", () => {
    const t = "harbour ceasefire ".repeat(60).trim(); // about 1,080 characters
    const out = renderDiscord(reply([source("x"), actions(t)]));
    const ids = out.components[0]!.components.map((b) => b.custom_id);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(ids[1]).toMatch(/^dl:more:1:sources:#[0-9a-f]{20}$/);
    expect(out.embeds.at(-1)).toEqual({ footer: { text: `Asked: /sources ${t}` } });
    const footers = out.embeds.map((e) => e.footer?.text);
    expect(resolveButton(parseCustomId(ids[1]!)!, footers)).toEqual({ c: "sources", t, p: 1 });
    expect(resolveButton(parseCustomId(ids[0]!)!, footers)).toEqual({ c: "sources", t, p: 0 });
    // A footer that does not match the hash (edited, or another message) is refused.
    expect(resolveButton(parseCustomId(ids[1]!)!, [`Asked: /sources ${t} extra`])).toBeNull();
    expect(resolveButton(parseCustomId(ids[1]!)!, [])).toBeNull();
  });

  test("ids that are not ours are not parsed", () => {
    expect(parseCustomId("other:thing")).toBeNull();
    expect(parseCustomId("dl:delete:0:sources:=x")).toBeNull();
  });

  test("shared answers say who shared them with a mention that pings no one", () => {
    const out = renderDiscord(reply([source("x")], "public"), { sharedBy: { id: "42", name: "Rita" } });
    expect(out.content).toBe("-# Shared by <@42>");
    expect(out.allowedMentions).toEqual({ parse: [] });
  });
});
