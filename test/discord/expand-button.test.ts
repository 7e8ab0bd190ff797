import { describe, expect, it } from "vitest";
import { encodeAction } from "../../src/core/actions.js";
import { actionCustomId, parseCustomId, resolveButton } from "../../src/adapters/discord/buttons.js";

describe("Compare wordings button", () => {
  it("carries its command in the custom id and resolves back to it after a restart", () => {
    const id = actionCustomId({ kind: "expand", label: "Compare wordings", value: encodeAction({ c: "compare", t: "including the infamous video", p: 0 }) });
    expect(id?.customId).toBe("dl:expand:0:compare:=including the infamous video");
    const ref = parseCustomId(id!.customId)!;
    expect(ref.kind).toBe("expand");
    expect(resolveButton(ref, [])).toEqual({ c: "compare", t: "including the infamous video", p: 0 });
  });
});
