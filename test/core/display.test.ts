import { describe, expect, it } from "vitest";
import { displayBlock, displayText } from "../../src/core/display.js";
import type { QuoteBlock, SourceBlock } from "../../src/core/reply.js";
import { renderConsole } from "../../src/adapters/console/render.js";
import { renderDiscord } from "../../src/adapters/discord/render.js";
import { renderSlack } from "../../src/adapters/slack/render.js";

const WIRE = "It has been a good year since\nwe announced the plan, he said.\n    The second paragraph starts\nindented.";

describe("corpus text as shown", () => {
  it("joins hard-wrapped lines with a space and keeps paragraph breaks as one line break", () => {
    expect(displayText(WIRE).text).toBe("It has been a good year since we announced the plan, he said.\nThe second paragraph starts indented.");
    expect(displayText("one\r\ntwo\n\nthree").text).toBe("one two\nthree");
    expect(displayText("\nedge\n").text).toBe("edge");
    expect(displayText("no breaks").text).toBe("no breaks");
  });

  it("moves the marks onto the shown text", () => {
    const start = WIRE.indexOf("we announced");
    const shown = displayText(WIRE, [[start, start + "we announced".length], [WIRE.indexOf("second"), WIRE.indexOf("second") + 6]]);
    const [s1, e1] = shown.marks![0]!;
    const [s2, e2] = shown.marks![1]!;
    expect(shown.text.slice(s1, e1)).toBe("we announced");
    expect(shown.text.slice(s2, e2)).toBe("second");
  });

  const citation = { doc: "wire.txt", title: "Plan", outlet: "Reuters", published: null, url: null, paragraph: 1, start: 0, end: WIRE.length };
  const quote: QuoteBlock = { type: "quote", text: WIRE, speaker: "A Speaker", cue: "said", confidence: 0.9, kind: "direct", citation };
  const source: SourceBlock = { type: "source", excerpt: WIRE, cutStart: false, cutEnd: false, citation };

  it("is what every renderer shows, while the citation keeps the verbatim offsets", () => {
    expect(displayBlock(quote).citation).toEqual(citation);
    for (const block of [quote, source]) {
      const reply = { visibility: "private" as const, text: "x", blocks: [block] };
      const slack = JSON.stringify(renderSlack(reply).blocks);
      const discord = JSON.stringify(renderDiscord(reply).embeds);
      const console = renderConsole(reply);
      for (const shown of [slack, discord, console]) {
        expect(shown).toContain("since we announced");
        expect(shown).not.toContain("since\\nwe");
        expect(shown).not.toContain("since\nwe");
      }
    }
  });
});
