/**
 * What an editor does with one quotation of a /quote answer: read it in context (the sentence that attributes it
 * and its paragraph) and copy a citation to paste. Hidden commands, run by the Context and Copy citation buttons
 * (and typed in the console as `/context N`, `/cite N`), keyed by the quotation's id so they work after a restart.
 */
import { z } from "zod";
import { encodeAction } from "../src/core/actions.js";
import { defineCommand, type ParsedArgs } from "../src/core/command.js";
import { joinParts } from "../src/core/display.js";
import { citationOf, provenanceNote, type Action, type Block, type Citation, type QuotePart, type Reply } from "../src/core/reply.js";
import type { Article } from "../src/corpus/types.js";
import type { Newsroom } from "../src/newsroom.js";
import { quotationContext, type QuotationContext } from "../src/quotes/context.js";
import { hearsayNote } from "../src/quotes/hearsay.js";
import type { Quotation } from "../src/quotes/types.js";

export function contextAction(id: string, number: number): Action {
  return { kind: "context", label: `Context ${number}`, value: encodeAction({ c: "context", t: id, p: 0 }) };
}

export function citeAction(id: string, number: number): Action {
  return { kind: "cite", label: `Copy citation ${number}`, value: encodeAction({ c: "cite", t: id, p: 0 }) };
}

/** The quotation's attribution sentence and paragraph, as ranges of its article's text. */
export function contextOf(article: Article, q: Quotation, newsroom: Newsroom): QuotationContext {
  const neighbours = newsroom.quotes.quotations.length > 0 ? sameArticle(newsroom, q) : [];
  return quotationContext(article, q, neighbours);
}

/** The quotations of q's article: their ids are `${doc}#q${n}`, numbered from 0. */
function sameArticle(newsroom: Newsroom, q: Quotation): Quotation[] {
  const out: Quotation[] = [];
  for (let n = 0; ; n++) {
    const other = newsroom.quotes.quotation(`${q.doc}#q${n}`);
    if (!other) return out;
    out.push(other);
  }
}

/** Speaker, “quotation”, outlet, “headline”, date, URL or document id: one line to paste. */
export function citationText(q: Quotation, c: Citation, split: readonly QuotePart[] | null = null): string {
  const text = split ? joinParts(split, q.start).text : q.text;
  // The comma that led into "she said" belongs to the reporter's sentence, not to the pasted line.
  const words = text.replace(/\s+/g, " ").trim().replace(/,$/, "");
  const parts = [q.speaker ?? "Unknown speaker", `“${words}”`];
  if (c.outlet) parts.push(c.outlet);
  if (c.title) parts.push(`“${c.title}”`);
  if (c.published) parts.push(c.published.slice(0, 10));
  parts.push(c.url ?? `${c.doc}, ¶${c.paragraph}`);
  const provenance = provenanceNote(c);
  return parts.join(", ") + (provenance ? ` (${provenance})` : "");
}

const idSchema = z.custom<ParsedArgs>().transform((args, ctx): string => {
  const id = args.terms.map((t) => t.text).join(" ").trim();
  if (!id) {
    ctx.addIssue({ code: "custom", message: "Give the quotation's id, as the Context and Copy citation buttons do." });
    return z.NEVER;
  }
  return id;
});

function lookUp(id: string, newsroom: Newsroom): { q: Quotation; article: Article; citation: Citation } | null {
  const q = newsroom.quotes.quotation(id);
  const article = q ? newsroom.article(q.doc) : undefined;
  if (!q || !article) return null;
  const citation = citationOf(q, article);
  return { q, article, citation };
}

const GONE = "That quotation is no longer in the corpus (its article changed or went): run /quote again.";

/** A bare number is the number shown under a quotation, typed where no previous answer numbers it (ids never are). */
const notNumbered = (n: string) =>
  `There is no quotation ${n} in the previous answer: type /context N or /cite N right after a /quote answer, with N as numbered there.`;

/** A hidden command on one quotation, given by its id; a quotation gone from the corpus is said so. */
function quotationCommand(name: string, summary: string, answer: (found: Found, newsroom: Newsroom) => CommandResult) {
  return defineCommand<Newsroom, string>({
    name,
    summary,
    usage: `/${name} <quotation id>`,
    examples: [],
    visibility: "private",
    hidden: true,
    params: [{ name: "id", description: "The quotation's id", required: true, maxLength: 1000 }],
    schema: idSchema,
    run(id, ctx) {
      const found = lookUp(id, ctx.services);
      if (!found) {
        const text = /^\d+$/.test(id) ? notNumbered(id) : GONE;
        return { reply: { visibility: "private", text, blocks: [{ type: "paragraph", text }] }, results: [] };
      }
      return answer(found, ctx.services);
    },
  });
}

type CommandResult = { reply: Reply; results: unknown[] };
type Found = NonNullable<ReturnType<typeof lookUp>>;

export const contextCommand = quotationCommand("context", "A quotation's attribution sentence and paragraph.", ({ q, article }, newsroom) => {
  const { sentence, paragraph } = contextOf(article, q, newsroom);
  const text = article.text;
  const heading = q.speaker ? `Context of a quotation by ${q.speaker}` : "Context of an unattributed quotation";
  const who = q.speaker ? `Attributed to ${q.speaker} (${Math.round(q.confidence * 100)}%): ${q.evidence}` : "No speaker found for it.";
  const hearsay = q.hearsay ? ` · ${hearsayNote(q.hearsay)}` : "";
  const at = (r: { start: number; end: number }, cutStart: boolean, cutEnd: boolean): Block => ({
    type: "source",
    excerpt: text.slice(r.start, r.end),
    cutStart,
    cutEnd,
    // The quotation's own words, marked inside the excerpt.
    marks: [[Math.max(0, q.start - r.start), Math.min(r.end, q.end) - r.start]],
    citation: citationOf({ doc: q.doc, paragraph: q.paragraph, start: r.start, end: r.end }, article),
  });
  const blocks: Block[] = [
    { type: "heading", text: heading },
    { type: "context", text: "The sentence that attributes it:" },
    at(sentence, sentence.start > paragraph.start, sentence.end < paragraph.end),
    { type: "context", text: "Its paragraph:" },
    at(paragraph, false, false),
    { type: "context", text: who + hearsay },
  ];
  const plain = [heading, `Sentence: ${text.slice(sentence.start, sentence.end)}`, `Paragraph ¶${q.paragraph}: ${text.slice(paragraph.start, paragraph.end)}`, who + hearsay];
  return {
    reply: { visibility: "private", text: plain.join("\n"), blocks },
    results: [{ doc: q.doc, id: q.id, sentence, paragraph, evidence: q.evidence, hearsay: q.hearsay ?? null }],
  };
});

export const citeCommand = quotationCommand("cite", "A paste-ready citation of a quotation.", (found, newsroom) => {
  const line = citationText(found.q, found.citation, newsroom.quotes.splitParts(found.q.id));
  const note = found.q.hearsay ? `Note: ${hearsayNote(found.q.hearsay)}.` : null;
  const blocks: Block[] = [{ type: "fields", fields: [{ label: "Citation", value: line }] }];
  if (note) blocks.push({ type: "context", text: note });
  return { reply: { visibility: "private", text: [line, note].filter(Boolean).join("\n"), blocks }, results: [{ doc: found.q.doc, id: found.q.id, citation: line }] };
});
