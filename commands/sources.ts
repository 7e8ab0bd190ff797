/** /sources <topic>: the articles that cover a topic, best first, each with its best passage verbatim. */
import { filterExplanation } from "../src/corpus/filter-explanation.js";
import { z } from "zod";
import { defineCommand, type ParsedArgs } from "../src/core/command.js";
import { citationLine, citationOf, originOf, type Block, type Marks } from "../src/core/reply.js";
import type { Newsroom } from "../src/newsroom.js";
import { hasSearchableContent } from "../src/search/query-plan.js";
import type { SourceQuery } from "../src/search/types.js";
import { foldCopies } from "../src/statements/fold.js";

export interface SourcesArgs {
  query: SourceQuery;
  /** The topic as typed (words and "phrases"), for the heading. */
  topic: string;
  /** The filters in words, for the context line ("outlet TASS", "after 2023-01-01"). */
  filters: string[];
}

const FILTERS = ["outlet", "after", "before"] as const;
const USAGE = `/sources <topic> [outlet:NAME] [after:YYYY-MM-DD] [before:YYYY-MM-DD] ["exact phrase"]`;

/** "2023", "2023-01" or "2023-01-20" -> the first (after:) or last (before:) day it covers; null if invalid. */
export function parseDateFilter(value: string, edge: "first" | "last"): string | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? (edge === "first" ? 1 : 12) : Number(match[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = match[3] === undefined ? (edge === "first" ? 1 : lastDay) : Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > lastDay) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const sourcesSchema = z.custom<ParsedArgs>().transform((args, ctx): SourcesArgs => {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  const unknown = Object.keys(args.filters).filter((key) => !(FILTERS as readonly string[]).includes(key));
  if (unknown.length > 0) return fail(`Unknown filter ${unknown[0]}: — use outlet:, after:, before:`);
  // "outlet:" with nothing after it (or a space before the name) is a filter left empty, not a word to search.
  const empty = args.words.find((w) => (FILTERS as readonly string[]).includes(w.slice(0, -1).toLowerCase()) && w.endsWith(":"));
  if (empty) {
    const key = empty.slice(0, -1).toLowerCase();
    return fail(key === "outlet" ? "outlet: needs a name right after it, for example `outlet:TASS`." : `${key}: needs a date right after it, for example \`${key}:2023-01-20\`.`);
  }
  if (args.words.length === 0 && args.phrases.length === 0) {
    return fail("Tell me what to look for, for example `/sources Kyiv` or `/sources POW video`.");
  }
  const searchable = [...args.words, ...args.phrases].join(" ");
  if (!hasSearchableContent(searchable)) {
    return fail("That has only very common words or punctuation, which are not searched: add a distinctive word (a name, a place, a subject).");
  }
  const query: SourceQuery = { words: args.words, phrases: args.phrases };
  const filters: string[] = [];
  const outlet = args.filters.outlet?.trim();
  if (args.filters.outlet !== undefined) {
    if (!outlet) return fail("outlet: needs a name, for example `outlet:TASS`.");
    query.outlet = outlet;
    filters.push(`outlet ${outlet}`);
  }
  for (const key of ["after", "before"] as const) {
    const value = args.filters[key];
    if (value === undefined) continue;
    const date = parseDateFilter(value, key === "after" ? "first" : "last");
    if (!date) return fail(`${key}: takes a date like 2023-01-20 (or 2023-01, or 2023).`);
    query[key] = date;
    filters.push(`${key} ${date}`);
  }
  if (query.after && query.before && query.after > query.before) {
    return fail(`after:${query.after} is later than before:${query.before}: no date can be both.`);
  }
  const topic = args.terms.map((t) => (t.phrase ? `"${t.text}"` : t.text)).join(" ");
  return { query, topic, filters };
});

export const sourcesCommand = defineCommand<Newsroom, SourcesArgs>({
  name: "sources",
  summary: "Find the articles that cover a topic, best first, each with its best passage quoted verbatim.",
  usage: USAGE,
  examples: ["/sources POW video", "/sources Kyiv outlet:TASS", "/sources Minsk agreements after:2023-01-01", `/sources "prisoners of war"`],
  visibility: "private",
  params: [
    { name: "topic", description: "Words or \"an exact phrase\" to look for", required: true, maxLength: 500 },
    { name: "outlet", description: "Only articles from this outlet", required: false, filter: "outlet", autocomplete: "outlet" },
    { name: "after", description: "Only articles published on or after this date (YYYY-MM-DD)", required: false, filter: "after" },
    { name: "before", description: "Only articles published on or before this date (YYYY-MM-DD)", required: false, filter: "before" },
  ],
  schema: sourcesSchema,
  run(args, ctx) {
    const offset = ctx.page * ctx.limit;
    const found = ctx.services.sources.search(args.query, { offset, limit: ctx.limit });
    const heading = `Sources for “${args.topic}”`;
    const filterNote = args.filters.length > 0 ? ` · ${args.filters.join(" · ")}` : "";

    if (found.hits.length === 0) {
      const none =
        found.total > 0
          ? `No more articles for “${args.topic}”: all ${found.total} are shown on earlier pages.`
          : `No article matches “${args.topic}”${args.filters.length > 0 ? ` (${args.filters.join(", ")})` : ""}.`;
      // When the filters left nothing, say why in the corpus's terms (no outlets or dates at all, no such outlet).
      const why = found.total === 0 ? filterExplanation(ctx.services.articles(), args.query) : null;
      const blocks: Block[] = [{ type: "heading", text: heading }, { type: "paragraph", text: inertProse(none) }];
      for (const note of [found.hint, why]) if (note) blocks.push({ type: "paragraph", text: inertProse(note) });
      const text = [none, found.hint, why].filter(Boolean).join(" ");
      return { reply: { visibility: "private", text, blocks }, results: [] };
    }

    const blocks: Block[] = [{ type: "heading", text: heading }];
    const lines: string[] = [heading];
    const copies = foldCopies(found.hits.map((h) => h.doc), ctx.services.statementsIfReady());
    found.hits.forEach((hit, i) => {
      const copy = copies.get(hit.doc);
      if (copy?.hidden) return;
      const citation = citationOf(hit, ctx.services.article(hit.doc), hit);
      blocks.push({ type: "source", excerpt: hit.excerpt, cutStart: hit.cutStart, cutEnd: hit.cutEnd, marks: hit.marks, citation });
      lines.push(`${offset + i + 1}. ${citationLine(citation)}`);
      lines.push(`   ${hit.cutStart ? "…" : ""}${withMarks(hit.excerpt, hit.marks)}${hit.cutEnd ? "…" : ""}`);
      if (copy && copy.others.length > 0) {
        const also = `Same text also in: ${copy.others.map((doc) => sourceName(doc, ctx.services)).join(", ")}`;
        blocks.push({ type: "context", text: also });
        lines.push(`   ${also}`);
      }
    });
    const count = found.total === 1 ? "1 article" : `${found.total} articles`;
    const folded = [...copies.values()].filter((c) => c.hidden).length;
    const foldedNote = folded > 0 ? ` · ${folded} duplicate ${folded === 1 ? "copy" : "copies"} folded in` : "";
    const context = `${count} · showing ${offset + 1}–${offset + found.hits.length}${foldedNote}${filterNote}`;
    blocks.push({ type: "context", text: context });
    lines.push(context);

    const results = found.hits.map((h) => ({
      doc: h.doc,
      title: h.title,
      outlet: h.outlet,
      published: h.published,
      paragraph: h.paragraph,
      start: h.start,
      end: h.end,
      excerpt: h.excerpt,
      score: h.score,
      // Added: "feed-summary" when the document is a feed's summary, its page not fetched (ARCHITECTURE.md: add only).
      ...originOf(ctx.services.article(h.doc)),
    }));
    return {
      reply: { visibility: "private", text: lines.join("\n"), blocks },
      results,
      hasMore: offset + found.hits.length < found.total,
    };
  },
});

/** Plain text with the marked ranges in **double asterisks** (for Reply.text). */
export function withMarks(text: string, marks: Marks): string {
  let out = "";
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += text.slice(at, start) + "**" + text.slice(start, end) + "**";
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Paragraph blocks are Dateline's prose in a small markdown subset; the user's words quoted in them must not
 * turn into formatting, so the three formatting characters are shown as their full-width look-alikes.
 */
function inertProse(text: string): string {
  return text.replace(/\*/g, "＊").replace(/_/g, "＿").replace(/`/g, "｀");
}

function sourceName(doc: string, newsroom: Newsroom): string {
  const article = newsroom.article(doc);
  return article?.outlet ? `${article.outlet} (${doc})` : doc;
}
