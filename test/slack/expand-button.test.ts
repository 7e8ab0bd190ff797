import { describe, expect, it } from "vitest";
import { encodeAction } from "../../src/core/actions.js";
import type { Reply } from "../../src/core/reply.js";
import { renderSlack } from "../../src/adapters/slack/render.js";

describe("Compare wordings button", () => {
  it("renders beside share and more with its own action id and the payload as value", () => {
    const value = (c: string, t: string, p: number) => encodeAction({ c, t, p });
    const reply: Reply = {
      visibility: "private",
      text: "x",
      blocks: [
        { type: "actions", actions: [{ kind: "expand", label: "Compare wordings", value: value("compare", "infamous video", 0) }] },
        {
          type: "actions",
          actions: [
            { kind: "share", label: "Share in channel", value: value("quote", "Lavrov video", 0) },
            { kind: "more", label: "More results", value: value("quote", "Lavrov video", 1) },
          ],
        },
      ],
    };
    const buttons = renderSlack(reply).blocks.flatMap((b) => ("elements" in b && b.type === "actions" ? b.elements : []));
    expect(buttons.map((b) => (b as { action_id: string }).action_id)).toEqual(["dateline_expand", "dateline_share", "dateline_more"]);
    expect((buttons[0] as { value: string }).value).toBe(value("compare", "infamous video", 0));
  });
});
