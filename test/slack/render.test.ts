import { describe, expect, it } from "vitest";
import type { Block, Citation, Reply } from "../../src/core/reply.js";
import { encodeAction } from "../../src/core/actions.js";
import { blockTextLength, SLACK_LIMITS } from "../../src/adapters/slack/blocks.js";
import { renderSlack, type SlackBlock } from "../../src/adapters/slack/render.js";

const Z = "\u200B";

const citation: Citation = {
  doc: "002-neutrality.txt",
  title: "Austria & the <EU>",
  outlet: "ORF",
  published: "2023-01-20T10:00:00Z",
  url: "https://example.org/a?b=1&c=2",
  paragraph: 4,
  start: 120,
  end: 180,
};

function reply(blocks: Block[], text = "plain text"): Reply {
  return { visibility: "private", text, blocks };
}

function mrkdwn(text: string) {
  return { type: "mrkdwn", text, verbatim: true };
}

/** Every string Slack would read as markup, across the whole message. */
function allText(blocks: SlackBlock[]): string {
  return JSON.stringify(blocks);
}

describe("renderSlack: blocks", () => {
  it("renders a heading as a header", () => {
    expect(renderSlack(reply([{ type: "heading", text: "Sources for Kyiv" }])).blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Sources for Kyiv" } },
    ]);
  });

  it("renders a heading that needs escaping as a bold section", () => {
    expect(renderSlack(reply([{ type: "heading", text: "Sources for <!channel> & co" }])).blocks).toEqual([
      { type: "section", text: mrkdwn("*Sources for &lt;!channel&gt; &amp; co*") },
    ]);
  });

  it("cuts a long heading to Slack's 150 characters", () => {
    const [header] = renderSlack(reply([{ type: "heading", text: "word ".repeat(60) }])).blocks;
    expect(header?.type).toBe("header");
    const text = header?.type === "header" ? header.text.text : "";
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith("word…")).toBe(true);
  });

  it("translates the paragraph markdown subset and escapes the rest", () => {
    const text = "Found **3** sources for _Kyiv_ in `a<b>&c`. <@U123> & <!here> * star";
    expect(renderSlack(reply([{ type: "paragraph", text }])).blocks).toEqual([
      {
        type: "section",
        text: mrkdwn(
          `Found *3* sources for _Kyiv_ in \`a&lt;b&gt;&amp;c\`. &lt;@U123&gt; &amp; &lt;!here&gt; ${Z}*${Z} star`,
        ),
      },
    ]);
  });

  it("renders a quotation as a block quote with marks in bold and a citation context line", () => {
    const text = "We will <!channel> stay *neutral* & <@U123> > all";
    const from = text.indexOf("stay");
    const blocks = renderSlack(
      reply([
        {
          type: "quote",
          text,
          speaker: "Alexander Schallenberg",
          cue: "said",
          confidence: 0.9,
          kind: "direct",
          citation,
          marks: [[from, from + 4]],
        },
      ]),
    ).blocks;
    expect(blocks).toEqual([
      {
        type: "section",
        text: mrkdwn(
          `>We will &lt;!channel&gt; *stay* ${Z}*${Z}neutral${Z}*${Z} &amp; &lt;@U123&gt; &gt; all`,
        ),
      },
      {
        type: "context",
        elements: [
          mrkdwn(
            "*Alexander Schallenberg* (said) · ORF · <https://example.org/a?b=1&amp;c=2|“Austria &amp; the &lt;EU&gt;”> · 2023-01-20 · ¶4",
          ),
        ],
      },
    ]);
  });

  it("warns about uncertain attribution and shows the note", () => {
    const [, context] = renderSlack(
      reply([
        {
          type: "quote",
          text: "Neutrality is not negotiable",
          speaker: null,
          cue: null,
          confidence: 0.45,
          kind: "partial",
          citation: { ...citation, url: null, title: null, published: null, outlet: null },
          note: "3 outlets · 2 wordings",
        },
      ]),
    ).blocks;
    expect(context).toEqual({
      type: "context",
      elements: [
        mrkdwn(
          "Unknown speaker · 002-neutrality.txt · ¶4 · :warning: uncertain attribution · 3 outlets · 2 wordings",
        ),
      ],
    });
  });

  it("quotes every line of a multi-line quotation and never lets bold cross a line", () => {
    // A paragraph break stays a line break (a hard wrap inside a paragraph is shown as a space: core/display.ts).
    const text = "first line\n\nsecond line";
    const [section] = renderSlack(
      reply([
        {
          type: "quote",
          text,
          speaker: "A",
          cue: null,
          confidence: null,
          kind: "transcript",
          citation,
          marks: [[6, 18]],
        },
      ]),
    ).blocks;
    expect(section).toEqual({ type: "section", text: mrkdwn(">first *line*\n>*second* line") });
  });

  it("renders a source excerpt with ellipses where it was cut, marks in bold, and its citation", () => {
    const excerpt = "prices rose 5 * 3 % while <!here> said_so & more";
    const at = excerpt.indexOf("prices");
    expect(
      renderSlack(
        reply([
          {
            type: "source",
            excerpt,
            cutStart: true,
            cutEnd: true,
            marks: [[at, at + 6]],
            citation: { ...citation, url: "javascript:alert(1)" },
          },
        ]),
      ).blocks,
    ).toEqual([
      {
        type: "section",
        text: mrkdwn(`…*prices* rose 5 ${Z}*${Z} 3 % while &lt;!here&gt; said_so &amp; more…`),
      },
      { type: "context", elements: [mrkdwn("ORF · “Austria &amp; the &lt;EU&gt;” · 2023-01-20 · ¶4")] },
    ]);
  });

  it("keeps a line that starts with > from becoming a block quote", () => {
    const [section] = renderSlack(
      reply([{ type: "source", excerpt: "a\n\n> b", cutStart: false, cutEnd: false, citation }]),
    ).blocks;
    expect(section).toEqual({ type: "section", text: mrkdwn(`a\n${Z}&gt; b`) });
  });

  it("renders fields, ten to a section", () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: i === 0 ? "<!channel> *x*" : "v" }));
    const blocks = renderSlack(reply([{ type: "fields", fields }])).blocks;
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ type: "section" });
    const first = blocks[0]?.type === "section" ? blocks[0].fields : [];
    expect(first).toHaveLength(10);
    expect(first?.[0]).toEqual(mrkdwn(`*L0*\n&lt;!channel&gt; ${Z}*${Z}x${Z}*${Z}`));
    expect(blocks[1]?.type === "section" ? blocks[1].fields : []).toHaveLength(2);
  });

  it("leaves formatting characters between letters or digits alone: they cannot format anything", () => {
    expect(renderSlack(reply([{ type: "context", text: "002_653e.txt 5*3 _x_ a~" }])).blocks).toEqual([
      { type: "context", elements: [mrkdwn(`002_653e.txt 5*3 ${Z}_${Z}x${Z}_${Z} a${Z}~${Z}`)] },
    ]);
  });

  it("renders a context line as plain escaped text", () => {
    expect(renderSlack(reply([{ type: "context", text: "3 results for <@U1> & *you*" }])).blocks).toEqual([
      { type: "context", elements: [mrkdwn(`3 results for &lt;@U1&gt; &amp; ${Z}*${Z}you${Z}*${Z}`)] },
    ]);
  });

  it("renders actions as buttons carrying their values, dropping a value Slack would cut", () => {
    const share = encodeAction({ c: "sources", t: "Kyiv", p: 0 });
    const more = encodeAction({ c: "sources", t: "Kyiv", p: 1 });
    const blocks = renderSlack(
      reply([
        {
          type: "actions",
          actions: [
            { kind: "share", label: "Share in channel", value: share },
            { kind: "more", label: "More results", value: more },
          ],
        },
      ], ""),
    ).blocks;
    expect(blocks).toEqual([
      {
        type: "actions",
        elements: [
          { type: "button", text: { type: "plain_text", text: "Share in channel" }, action_id: "dateline_share", value: share },
          { type: "button", text: { type: "plain_text", text: "More results" }, action_id: "dateline_more", value: more },
        ],
      },
    ]);
    const tooLong = renderSlack(
      reply([{ type: "actions", actions: [{ kind: "share", label: "Share", value: "x".repeat(2001) }] }], ""),
    ).blocks;
    expect(tooLong).toEqual([]);
  });

  it("falls back to the reply text when there are no blocks", () => {
    expect(renderSlack(reply([], "Nothing for <!here>")).blocks).toEqual([
      { type: "section", text: mrkdwn("Nothing for &lt;!here&gt;") },
    ]);
  });

  it("adds who shared the answer, as the only mention, built from a user id", () => {
    const blocks = renderSlack(reply([{ type: "context", text: "x" }]), { sharedBy: "U42ABC" }).blocks;
    expect(blocks[0]).toEqual({ type: "context", elements: [mrkdwn("Shared by <@U42ABC>")] });
    const forged = renderSlack(reply([{ type: "context", text: "x" }]), { sharedBy: "U1> <!channel" }).blocks;
    expect(allText(forged)).not.toContain("<");
  });
});

describe("renderSlack: fallback text", () => {
  it("escapes the notification text", () => {
    expect(renderSlack(reply([], "a <!channel> & <@U1>")).text).toBe("a &lt;!channel&gt; &amp; &lt;@U1&gt;");
  });

  it("caps the notification text", () => {
    const text = renderSlack(reply([], "word ".repeat(2000))).text;
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("renderSlack: limits", () => {
  const source = (i: number, length = 200): Block => ({
    type: "source",
    excerpt: `excerpt ${i} `.padEnd(length, "x"),
    cutStart: false,
    cutEnd: false,
    citation: { ...citation, paragraph: i },
  });
  const actions: Block = {
    type: "actions",
    actions: [{ kind: "more", label: "More results", value: encodeAction({ c: "sources", t: "x", p: 1 }) }],
  };

  function totalText(blocks: SlackBlock[]): number {
    return blocks.reduce((n, b) => n + blockTextLength(b), 0);
  }

  it("keeps everything when it fits", () => {
    const blocks = renderSlack(reply([source(1), source(2), actions])).blocks;
    expect(blocks.map((b) => b.type)).toEqual(["section", "context", "section", "context", "actions"]);
  });

  it("cuts at 50 blocks with '… and N more', keeping the buttons", () => {
    const many = Array.from({ length: 40 }, (_, i) => source(i + 1, 20));
    const blocks = renderSlack(reply([{ type: "heading", text: "Sources" }, ...many, actions])).blocks;
    expect(blocks.length).toBeLessThanOrEqual(50);
    // header + 23 sources (46 blocks) + "and N more" + actions = 49; a 24th source would need 2 more blocks.
    expect(blocks.length).toBe(49);
    expect(blocks.at(-1)?.type).toBe("actions");
    expect(blocks.at(-2)).toEqual({ type: "context", elements: [mrkdwn("… and 17 more")] });
  });

  it("cuts at about 12,000 characters in all", () => {
    const many = Array.from({ length: 10 }, (_, i) => source(i + 1, 2500));
    const blocks = renderSlack(reply([...many, actions])).blocks;
    expect(totalText(blocks)).toBeLessThanOrEqual(SLACK_LIMITS.totalText);
    const kept = blocks.filter((b) => b.type === "section").length;
    expect(kept).toBeGreaterThan(0);
    expect(blocks.at(-2)).toEqual({ type: "context", elements: [mrkdwn(`… and ${10 - kept} more`)] });
  });

  it("cuts a section at 3,000 characters with an ellipsis, whatever the escaping costs", () => {
    const [section] = renderSlack(reply([source(1, 5000)])).blocks;
    const text = section?.type === "section" ? (section.text?.text ?? "") : "";
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith("…")).toBe(true);
    const heavy = renderSlack(
      reply([{ type: "quote", text: "&<>*".repeat(1000), speaker: "A", cue: null, confidence: 1, kind: "direct", citation }]),
    ).blocks[0];
    const heavyText = heavy?.type === "section" ? (heavy.text?.text ?? "") : "";
    expect(heavyText.length).toBeLessThanOrEqual(3000);
    // The cut falls between whole escapes: no half "&am" is left at the end.
    expect(heavyText).toMatch(/(&amp;|&lt;|&gt;|\u200B)…$/);
  });

  it("cuts a context line at 2,000 characters", () => {
    const [, context] = renderSlack(
      reply([
        {
          type: "quote",
          text: "x",
          speaker: "&".repeat(500),
          cue: "<".repeat(500),
          confidence: 0.1,
          kind: "direct",
          citation: { ...citation, title: ">".repeat(1000), outlet: "*".repeat(800) },
          note: "&".repeat(800),
        },
      ]),
    ).blocks;
    const text = context?.type === "context" ? (context.elements[0]?.text ?? "") : "";
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toContain("¶4");
  });
});

describe("renderSlack: nothing pings", () => {
  it("never produces a mention, a special command or a link from corpus or user text", () => {
    const nasty = "<!channel> <!here> <!everyone> <@U123> <#C123> <!subteam^S1> <https://evil.example|click>";
    const blocks: Block[] = [
      { type: "heading", text: nasty },
      { type: "paragraph", text: nasty },
      { type: "quote", text: nasty, speaker: nasty, cue: nasty, confidence: 0.1, kind: "direct", citation: { ...citation, title: nasty, outlet: nasty }, note: nasty },
      { type: "source", excerpt: nasty, cutStart: false, cutEnd: false, citation: { ...citation, url: `https://x.example/<!channel>` } },
      { type: "fields", fields: [{ label: nasty, value: nasty }] },
      { type: "context", text: nasty },
    ];
    const message = renderSlack(reply(blocks, nasty));
    const json = allText(message.blocks) + message.text;
    expect(json).not.toMatch(/<[!@#]/);
    expect(json).not.toContain("<https://evil");
  });
});
