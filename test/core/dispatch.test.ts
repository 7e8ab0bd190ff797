import { describe, expect, it } from "vitest";
import { z } from "zod";
import { helpCommand } from "../../commands/help.js";
import { decodeAction } from "../../src/core/actions.js";
import { defineCommand, type ParsedArgs } from "../../src/core/command.js";
import { createDispatcher, type DispatchContext } from "../../src/core/dispatch.js";
import { UserError } from "../../src/core/errors.js";
import { memoryLogger } from "../../src/core/log.js";
import type { ActionsBlock } from "../../src/core/reply.js";

const echo = defineCommand<unknown, { words: string[] }>({
  name: "echo",
  summary: "Repeats its words as a source",
  usage: "/echo <words>",
  examples: ["/echo hello"],
  visibility: "private",
  params: [{ name: "words", description: "Words", required: true }],
  schema: z.custom<ParsedArgs>().refine((a) => a.words.length > 0, "Give at least one word.").transform((a) => ({ words: a.words })),
  run({ words }, ctx) {
    const citation = { doc: "d", title: null, outlet: null, published: null, url: null, paragraph: 1, start: 0, end: 1 };
    return {
      reply: { visibility: "private", text: words.join(" "), blocks: [{ type: "source", excerpt: words.join(" "), cutStart: false, cutEnd: false, citation }] },
      results: words.slice(ctx.page * ctx.limit, (ctx.page + 1) * ctx.limit),
      hasMore: words.length > (ctx.page + 1) * ctx.limit,
    };
  },
});
const broken = defineCommand<unknown, ParsedArgs>({
  name: "broken",
  summary: "Always fails",
  usage: "/broken",
  examples: [],
  visibility: "public",
  params: [],
  schema: z.custom<ParsedArgs>(),
  run(args) {
    if (args.words[0] === "user") throw new UserError("That outlet is unknown.", "unknown-outlet");
    throw new Error("boom");
  },
});
const secret = { ...broken, name: "secret", hidden: true };

function context(log = memoryLogger()): DispatchContext<unknown> {
  return { services: {}, platform: "cli", user: null, channel: null, log, now: () => new Date(0) };
}

describe("dispatcher", () => {
  const dispatcher = createDispatcher([helpCommand, echo, broken, secret]);

  it("runs a command and returns its results", async () => {
    const out = await dispatcher.dispatch("/echo a b", context());
    expect(out).toMatchObject({ ok: true, command: "echo", results: ["a", "b"] });
  });

  it("answers an unknown command privately, listing the real ones but not hidden ones", async () => {
    const out = await dispatcher.dispatch("/nope x", context());
    expect(out.ok).toBe(false);
    expect(out.error).toBe("unknown-command");
    expect(out.reply.visibility).toBe("private");
    expect(out.reply.text).toContain("/nope");
    expect(out.reply.text).toContain("/echo");
    expect(out.reply.text).not.toContain("/secret");
  });

  it("answers bad arguments with the reason and the usage line", async () => {
    const out = await dispatcher.dispatch("/echo", context());
    expect(out).toMatchObject({ ok: false, error: "usage", command: "echo" });
    expect(out.reply.text).toContain("Give at least one word.");
    expect(out.reply.text).toContain("/echo <words>");
  });

  it("refuses oversized input without running the command", async () => {
    const out = await dispatcher.dispatch("/echo " + "x ".repeat(5000), context());
    expect(out).toMatchObject({ ok: false, error: "too-long" });
    expect(out.reply.text).toMatch(/at most 1,000/);
  });

  it("turns a crash into a private 'something went wrong' with a ref that is logged", async () => {
    const log = memoryLogger();
    const out = await dispatcher.dispatch("/broken", context(log));
    expect(out.ok).toBe(false);
    expect(out.reply.visibility).toBe("private");
    const ref = /ref ([0-9a-f]+)/.exec(out.reply.text)?.[1];
    expect(ref).toBeDefined();
    expect(log.lines.some((l) => l.ref === ref && l.level === "error" && l.command === "broken")).toBe(true);
  });

  it("shows a UserError's message as it is", async () => {
    const out = await dispatcher.dispatch("/broken user", context());
    expect(out).toMatchObject({ ok: false, error: "unknown-outlet" });
    expect(out.reply.text).toBe("That outlet is unknown.");
  });

  it("adds share and more-results actions that carry the query and next page", async () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`).join(" ");
    const out = await dispatcher.dispatch(`/echo ${words}`, { ...context(), limit: 5 });
    const actions = out.reply.blocks.find((b): b is ActionsBlock => b.type === "actions")!.actions;
    expect(actions.map((a) => a.kind)).toEqual(["share", "more"]);
    expect(decodeAction(actions[1]!.value)).toEqual({ c: "echo", t: words, p: 1 });
    const last = await dispatcher.dispatch(`/echo ${words}`, { ...context(), limit: 5, page: 2 });
    expect(last.results).toEqual(["w10", "w11"]);
    expect(last.reply.blocks.at(-1)).toMatchObject({ type: "actions", actions: [{ kind: "share" }] });
  });

  it("generates /help from the metadata", async () => {
    const all = await dispatcher.dispatch("/help", context());
    expect(all.reply.text).toContain("/echo <words>");
    expect(all.reply.text).not.toContain("/secret");
    const one = await dispatcher.dispatch("/help /echo", context());
    expect(one.reply.text).toContain("Repeats its words");
    expect(one.reply.text).not.toContain("/help [command]");
    const none = await dispatcher.dispatch("/help nothing", context());
    expect(none.reply.text).toContain("There is no command /nothing");
  });
});

describe("decodeAction", () => {
  it("rejects values that are not ours", () => {
    expect(decodeAction("not json")).toBeNull();
    expect(decodeAction(JSON.stringify({ c: "x" }))).toBeNull();
  });
});
