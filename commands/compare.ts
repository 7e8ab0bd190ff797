/**
 * /compare <quotation or topic>: one statement as every outlet renders it, the primary source first, with the
 * words that differ from the primary marked and the material differences (number, negation, hedge, subject)
 * named.
 */
import { z } from "zod";
import { defineCommand, type ParsedArgs } from "../src/core/command.js";
import { citationLine, citationOf, originOf, type Block } from "../src/core/reply.js";
import type { Newsroom } from "../src/newsroom.js";
import { diffRenderings, type RenderingDiff } from "../src/statements/diff.js";
import { referenceRendering, statementNote } from "../src/statements/summary.js";
import type { Rendering, Statement, StatementIndex } from "../src/statements/types.js";
import { askedStatement, compareElsewhere, compareSteps } from "../src/statements/query.js";
import { runInSlices, runToEnd, type Steps } from "../src/statements/steps.js";
import { foldAccentsAndCase } from "../src/text/fold.js";

export interface CompareArgs {
  /** The quotation or topic words, as typed (quotation marks removed). */
  query: string;
}

export const compareSchema = z.custom<ParsedArgs>().transform((args, ctx): CompareArgs => {
  const query = args.terms.map((t) => t.text).join(" ").trim();
  if (!/[\p{L}\p{N}]/u.test(query)) {
    ctx.addIssue({
      code: "custom",
      message: "Give a quotation or a few words of the remark, for example `/compare infamous video`.",
    });
    return z.NEVER;
  }
  return { query };
});

/** The contract's fields, then `origin` ("feed-summary" for a feed's summary whose page was not fetched), added since. */
export type CompareResult = Pick<Rendering, "doc" | "start" | "end" | "text" | "outlet" | "speaker" | "primary"> & { origin?: "feed-summary" };

export const compareCommand = defineCommand<Newsroom, CompareArgs>({
  name: "compare",
  summary: "Show one statement as every outlet reported it, the primary source first, with the differences marked.",
  usage: "/compare <quotation or topic>",
  examples: ["/compare infamous video", "/compare Lavrov Minsk agreements", `/compare "daily bombardments"`],
  visibility: "private",
  params: [
    { name: "statement", description: "A quotation, or a few words of the remark", required: true, maxLength: 500 },
  ],
  schema: compareSchema,
  async run({ query }, ctx) {
    // Only the articles that can hold the statement are compared (statements/query.ts); in chat in a worker
    // thread when one is idle, else in time slices, the event loop served meanwhile.
    const inSlices = (steps: Steps<StatementIndex>) => runInSlices(steps, { priority: "command" });
    const { groupElsewhere } = ctx.services;
    const statement =
      ctx.platform === "cli"
        ? runToEnd(compareSteps(query, ctx.services))
        : groupElsewhere
          ? await compareElsewhere(query, ctx.services, groupElsewhere, inSlices)
          : await runInSlices(compareSteps(query, ctx.services), { priority: "command" });
    const topic = shorten(query, 60);
    if (!statement) {
      const asked = askedStatement(query, ctx.services.quotes).speaker;
      const none = asked
        ? `No statement by ${asked} reported in two or more documents matches “${topic}”.`
        : `No statement reported in two or more documents matches “${topic}”.`;
      const hint =
        "Try a few distinctive words of the remark (a name, a place, a number), or use /quote <speaker> <topic> to find single reports.";
      const blocks: Block[] = [
        { type: "paragraph", text: inert(none) },
        { type: "context", text: hint },
      ];
      return { reply: { visibility: "private", text: `${none} ${hint}`, blocks }, results: [] };
    }

    const reference = referenceRendering(statement);
    const heading = `${speakerLabel(statement.speaker)} on “${withoutSpeaker(topic, statement.speaker)}”: ${statementNote(statement)}`;
    const blocks: Block[] = [{ type: "heading", text: heading }];
    const lines: string[] = [heading];
    const shown = statement.renderings.filter((r) => !r.copyOf);
    for (const rendering of shown.slice(0, Math.max(1, ctx.limit))) {
      const citation = citationOf(rendering, ctx.services.article(rendering.doc), { outlet: rendering.outlet });
      const diff = rendering === reference ? null : diffRenderings(reference.text, rendering.text);
      const marks = diff?.added ?? [];
      if (rendering.kind === "reported") {
        blocks.push({ type: "source", excerpt: rendering.text, cutStart: false, cutEnd: false, marks, citation });
      } else {
        blocks.push({
          type: "quote",
          text: rendering.text,
          speaker: rendering.speaker,
          cue: null,
          confidence: rendering.confidence ?? null,
          kind: rendering.kind ?? "direct",
          citation,
          marks,
        });
      }
      const context = contextLine(rendering, reference, diff, statement);
      blocks.push({ type: "context", text: context });
      lines.push(`${citationLine(citation)}`, `   “${rendering.text}”`, `   ${context}`);
    }
    if (shown.length > ctx.limit) {
      const rest = shown.length - ctx.limit;
      const more = `… and ${rest} more ${rest === 1 ? "rendering" : "renderings"}.`;
      blocks.push({ type: "context", text: more });
      lines.push(more);
    }

    const results: CompareResult[] = statement.renderings.map((r) => ({
      doc: r.doc,
      start: r.start,
      end: r.end,
      text: r.text,
      outlet: r.outlet,
      speaker: r.speaker,
      primary: r.primary,
      ...originOf(ctx.services.article(r.doc)),
    }));
    return { reply: { visibility: "private", text: lines.join("\n"), blocks }, results };
  },
});

/** What kind of source a rendering is, and how it differs from the reference. Plain text. */
function contextLine(rendering: Rendering, reference: Rendering, diff: RenderingDiff | null, statement: Statement): string {
  const parts: string[] = [];
  if (rendering.primary) {
    parts.push(rendering.kind === "transcript" ? "Primary source: the speaker’s own transcript" : "Primary source: the speaker’s own organisation");
  } else if (rendering === reference) {
    parts.push("No primary source in the corpus: the others are compared with this rendering");
  }
  if (rendering.kind === "reported") parts.push("reported speech, not a quotation");
  if (diff) {
    const against = reference.primary ? "the primary" : "the first rendering";
    if (diff.identical) parts.push(`same words as ${against}`);
    else if (diff.material.length > 0) parts.push(`differs from ${against}: ${diff.material.map((m) => m.detail).join(" · ")}`);
    else parts.push(`worded differently from ${against}; no number, negation, hedge or subject differs`);
  }
  const copies = statement.renderings.filter((c) => c.copyOf === rendering.doc);
  if (copies.length > 0) {
    parts.push(`also word for word in ${copies.map((c) => c.outlet ?? c.doc).join(", ")} (syndicated copy)`);
  }
  return parts.join(" · ");
}

const ORGANISATION_WORDS = /\b(ministry|committee|office|department|government|council|agency|commission|union|court|police|army)\b/i;

/** "Sergey Lavrov" -> "Lavrov"; organisations keep their full name; unknown -> "Unattributed statement". */
function speakerLabel(speaker: string | null): string {
  if (!speaker) return "Unattributed statement";
  const words = speaker.split(/\s+/);
  if (words.length >= 2 && words.length <= 3 && !ORGANISATION_WORDS.test(speaker)) return words[words.length - 1]!;
  return speaker;
}

/** "Lavrov Minsk agreements" -> "Minsk agreements" when the statement is Lavrov's (the heading names him). */
function withoutSpeaker(topic: string, speaker: string | null): string {
  if (!speaker) return topic;
  const fold = (w: string) => foldAccentsAndCase(w).replace(/[^\p{L}\p{N}]/gu, "");
  const names = new Set(speaker.split(/\s+/).map(fold));
  const rest = topic.split(/\s+/).filter((w) => !names.has(fold(w)));
  return rest.length > 0 ? rest.join(" ") : topic;
}

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** The user's words inside Dateline's prose must not turn into formatting. */
function inert(text: string): string {
  return text.replace(/\*/g, "＊").replace(/_/g, "＿").replace(/`/g, "｀");
}
