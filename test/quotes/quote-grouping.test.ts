/** /quote shows one statement reported by several outlets once, with a note and a button to compare wordings. */
import { beforeAll, describe, expect, it } from "vitest";
import { commands, type Services } from "../../commands/index.js";
import { decodeAction } from "../../src/core/actions.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { ActionsBlock, QuoteBlock } from "../../src/core/reply.js";
import { openNewsroom, prepareStatements } from "../../src/open-newsroom.js";

/** The quotation blocks whose own words hold the topic (the others follow them, found by their paragraph or article). */
const saying = (blocks: readonly unknown[]) =>
  (blocks as Array<{ type: string }>).filter((b): b is QuoteBlock => b.type === "quote" && ((b as QuoteBlock).marks?.length ?? 0) > 0);
const matching = (results: unknown[]) => (results as Array<{ doc: string; match: string }>).filter((r) => r.match === "words");

describe("/quote with statements across outlets", () => {
  let services: Services;
  const dispatcher = createDispatcher(commands);
  const ask = (input: string) =>
    dispatcher.dispatch(input, { services, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date() });

  beforeAll(async () => {
    const newsroom = await openNewsroom("seeds", { dataDir: null, log: memoryLogger() });
    prepareStatements(newsroom, { background: false });
    services = newsroom;
  });

  it("shows Lavrov's remark on the video once, noting its outlets and wordings, and keeps every result", async () => {
    const out = await ask("/quote Lavrov video");
    const quotes = saying(out.reply.blocks);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.note).toBe("3 reports · 1 outlet · 3 wordings");
    expect(new Set(matching(out.results).map((r) => r.doc))).toEqual(
      new Set(["000_4e94b34866221704.txt", "001_761dc06b5ae562a2.txt", "002_653e994c7cb6127d.txt"]),
    );
    expect(out.reply.text).toMatch(/\d other wordings of the same statements folded in/);
  });

  it("offers a Compare wordings button whose command lists the transcript first", async () => {
    const out = await ask("/quote Lavrov video");
    const actions = out.reply.blocks.filter((b): b is ActionsBlock => b.type === "actions").flatMap((b) => b.actions);
    const expand = actions.find((a) => a.kind === "expand");
    expect(expand?.label).toBe("Compare wordings");
    const payload = decodeAction(expand!.value)!;
    expect(payload.c).toBe("compare");
    const compared = await ask(`/${payload.c} ${payload.t}`);
    expect(compared.ok).toBe(true);
    const first = compared.results[0] as { doc: string; primary: boolean; text: string };
    expect(first).toMatchObject({ doc: "001_761dc06b5ae562a2.txt", primary: true });
    expect(first.text).toContain("infamous video");
  });

  it("folds a repeated statement even when the article's other occurrence carries the rendering", async () => {
    const out = await ask("/quote Lavrov Minsk");
    const quotes = saying(out.reply.blocks);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.note).toBe("2 reports · 1 outlet · 2 wordings");
    expect(matching(out.results)).toHaveLength(2);
  });

  it("answers without folding while the statements are not computed yet", async () => {
    const cold = await openNewsroom("seeds", { dataDir: null, log: memoryLogger() });
    const out = await dispatcher.dispatch("/quote Lavrov video", {
      services: cold, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date(),
    });
    expect(saying(out.reply.blocks)).toHaveLength(3);
    expect(cold.statementsIfReady()).toBeNull();
  });

  it("leaves a statement reported by one outlet alone", async () => {
    const out = await ask("/quote Blinken Putin");
    const quotes = out.reply.blocks.filter((b): b is QuoteBlock => b.type === "quote");
    expect(quotes[0]!.note).toBeUndefined();
    expect(out.reply.blocks.some((b) => b.type === "actions" && b.actions.some((a) => a.kind === "expand"))).toBe(false);
  });
});
