import { z } from "zod";
import { defineCommand, type ParsedArgs } from "../src/core/command.js";
import type { Block } from "../src/core/reply.js";

const schema = z.custom<ParsedArgs>().transform((args) => ({ topic: args.words[0]?.replace(/^\//, "").toLowerCase() }));

/** /help, generated from the other commands' metadata. */
export const helpCommand = defineCommand<unknown, { topic: string | undefined }>({
  name: "help",
  summary: "List the commands, or explain one: /help quote",
  usage: "/help [command]",
  examples: ["/help", "/help sources"],
  visibility: "private",
  params: [{ name: "command", description: "A command to explain", required: false }],
  schema,
  run({ topic }, ctx) {
    const commands = ctx.commands;
    const one = topic ? commands.find((c) => c.name === topic) : undefined;
    if (topic && !one) {
      const text = `There is no command /${topic}. Commands: ${commands.map((c) => `/${c.name}`).join(", ")}.`;
      return { reply: { visibility: "private", text, blocks: [{ type: "paragraph", text }] }, results: [] };
    }
    const shown = one ? [one] : commands;
    const blocks: Block[] = [{ type: "heading", text: one ? `/${one.name}` : "Dateline commands" }];
    const lines: string[] = [];
    for (const c of shown) {
      const examples = c.examples.map((e) => `\`${e}\``).join(", ");
      blocks.push({ type: "paragraph", text: `**${c.usage}**\n${c.summary}${examples ? `\nExamples: ${examples}` : ""}` });
      lines.push(`${c.usage}\n  ${c.summary}${c.examples.length ? `\n  e.g. ${c.examples.join(" · ")}` : ""}`);
    }
    if (!one) blocks.push({ type: "context", text: "Answers are private to you unless you share them." });
    return { reply: { visibility: "private", text: lines.join("\n"), blocks }, results: [] };
  },
});
