/**
 * /quote <speaker> <topic>: what exactly someone said about something, verbatim, with the reporting verb and the
 * citation. The leading words that name a known speaker are the speaker (spelling variants and small typos
 * forgiven); the rest is the topic. `by:"Name"` names the speaker explicitly.
 */
import { z } from "zod";
import { defineCommand, type ParsedArgs } from "../src/core/command.js";
import { encodeAction } from "../src/core/actions.js";
import type { Action, Block, Citation } from "../src/core/reply.js";
import type { Newsroom } from "../src/newsroom.js";
import { normalizeTerm, tokenize } from "../src/search/analysis.js";
import type { QuoteHit, Speaker } from "../src/quotes/types.js";
import { referenceRendering, statementNote } from "../src/statements/summary.js";
import { foldStatements } from "../src/statements/fold.js";
import type { Statement } from "../src/statements/types.js";

export interface QuoteArgs {
  /** The speaker named with by:"…", or null. */
  by: string | null;
  /** Bare words and quoted phrases, in order. */
  terms: Array<{ text: string; phrase: boolean }>;
}

const USAGE = `/quote <speaker> <topic> [by:"Name"]`;
/** Confidence below which a reply says the attribution is uncertain. */
export const UNCERTAIN_BELOW = 0.6;

export const quoteSchema = z.custom<ParsedArgs>().transform((args, ctx): QuoteArgs => {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  const unknown = Object.keys(args.filters).filter((key) => key !== "by");
  if (unknown.length > 0) return fail(`Unknown filter ${unknown[0]}: — /quote takes only by:"Name".`);
  const by = args.filters.by?.trim() ?? null;
  if (args.filters.by !== undefined && !by) return fail(`by: needs a name, for example by:"Maria Zakharova".`);
  if (!by && args.terms.length === 0) {
    return fail("Tell me whose words to find, or about what: for example `/quote Lavrov Minsk`, `/quote Zakharova` or `/quote neutrality`.");
  }
  return { by, terms: args.terms };
});

interface Reading {
  speaker: Speaker | null;
  /** The words read as the speaker, as typed. */
  speakerWords: string | null;
  words: string[];
  phrases: string[];
}

export const quoteCommand = defineCommand<Newsroom, QuoteArgs>({
  name: "quote",
  summary: "Find what someone said about a topic: the quotation verbatim, who said it, and where.",
  usage: USAGE,
  examples: ["/quote Lavrov Minsk", "/quote Zakharova", "/quote neutrality", `/quote investigation by:"Maria Zakharova"`],
  visibility: "private",
  params: [
    { name: "speaker", description: "Whose words (a name as the news gives it)", required: false, filter: "by", autocomplete: "speaker", maxLength: 100 },
    { name: "topic", description: "What about: words or \"an exact phrase\"", required: false, maxLength: 500 },
  ],
  schema: quoteSchema,
  run(args, ctx) {
    const book = ctx.services.quotes;
    const registry = book.speakers;
    const reading = readSpeaker(args, registry);

    if (args.by && !reading.speaker) {
      const close = registry.suggest(args.by, 5);
      const text = `I know no speaker called “${args.by}”.` + (close.length > 0 ? ` Close names: ${close.map((s) => s.name).join(", ")}.` : "");
      return { reply: privateText(inert(text)), results: [] };
    }

    const topic = [...reading.words, ...reading.phrases.map((p) => `"${p}"`)].join(" ");
    const topicTerms = [...reading.words, ...reading.phrases].flatMap((w) => tokenize(w)).filter((t) => normalizeTerm(t.term) !== null);
    if (!reading.speaker && topicTerms.length === 0) {
      const close = registry.suggest(topic, 5);
      const text =
        "That has only very common words, which are not searched, and names no speaker I know." +
        (close.length > 0 ? ` Speakers with close names: ${close.map((s) => s.name).join(", ")}.` : "");
      return { reply: privateText(inert(text)), results: [] };
    }

    const offset = ctx.page * ctx.limit;
    const found = book.search(
      { speaker: reading.speaker?.name ?? null, words: reading.words, phrases: reading.phrases },
      { offset, limit: ctx.limit },
    );
    const heading = headingOf(reading.speaker, topic);
    if (found.hits.length === 0) return nothingFound(found.total, reading, topic, heading, ctx.services);

    const blocks: Block[] = [{ type: "heading", text: heading }];
    const lines: string[] = [heading];
    // One statement reported by several outlets is shown once, with a note and a button to compare the wordings.
    const groups = foldStatements(found.hits, ctx.services.statementsIfReady());
    let expand: Action | null = null;
    found.hits.forEach((hit, i) => {
      const group = groups.get(hit);
      if (group?.hidden) return;
      const citation = citationOf(hit, ctx.services);
      const q = hit.quotation;
      const note = group ? statementNote(group.statement) : undefined;
      blocks.push({
        type: "quote",
        text: q.text,
        speaker: q.speaker,
        cue: q.cue,
        confidence: q.confidence,
        kind: q.kind,
        citation,
        marks: hit.marks,
        ...(note ? { note } : {}),
      });
      lines.push(`${offset + i + 1}. ${plainQuote(hit, citation)}${note ? ` [${note}]` : ""}`);
      if (group && !expand) expand = compareAction(group.statement);
    });
    const count = found.total === 1 ? "1 quotation" : `${found.total} quotations`;
    const readAs = reading.speakerWords && reading.speaker && !sameName(reading.speakerWords, reading.speaker.name)
      ? ` · “${reading.speakerWords}” read as ${reading.speaker.name}`
      : "";
    const folded = [...groups.values()].filter((g) => g.hidden).length;
    const foldedNote = folded > 0 ? ` · ${folded} other ${folded === 1 ? "wording" : "wordings"} of the same statements folded in` : "";
    const context = `${count} · showing ${offset + 1}–${offset + found.hits.length}${foldedNote}${readAs}`;
    blocks.push({ type: "context", text: context });
    lines.push(context);
    if (expand) blocks.push({ type: "actions", actions: [expand] });

    const results = found.hits.map((h) => ({
      doc: h.quotation.doc,
      speaker: h.quotation.speaker,
      quote: h.quotation.text,
      start: h.quotation.start,
      end: h.quotation.end,
      paragraph: h.quotation.paragraph,
      kind: h.quotation.kind,
      cue: h.quotation.cue,
      confidence: h.quotation.confidence,
      score: h.score,
    }));
    return {
      reply: { visibility: "private", text: lines.join("\n"), blocks },
      results,
      hasMore: offset + found.hits.length < found.total,
    };
  },
});

/** Splits the typed words into speaker and topic. */
function readSpeaker(args: QuoteArgs, registry: Newsroom["quotes"]["speakers"]): Reading {
  const terms = args.terms;
  if (args.by) {
    return {
      speaker: registry.resolve(args.by),
      speakerWords: args.by,
      words: terms.filter((t) => !t.phrase).map((t) => t.text),
      phrases: terms.filter((t) => t.phrase).map((t) => t.text),
    };
  }
  let speaker: Speaker | null = null;
  let speakerWords: string | null = null;
  let rest = terms;
  const first = terms[0];
  if (first?.phrase) {
    // `/quote "Sergey Lavrov" Minsk`: a quoted name first is the speaker when it names one.
    const named = registry.resolve(first.text);
    if (named) {
      speaker = named;
      speakerWords = first.text;
      rest = terms.slice(1);
    }
  } else {
    const leading: string[] = [];
    for (const t of terms) {
      if (t.phrase) break;
      leading.push(t.text);
    }
    const match = registry.matchLeading(leading);
    if (match) {
      speaker = match.speaker;
      speakerWords = leading.slice(0, match.consumed).join(" ");
      rest = terms.slice(match.consumed);
    }
  }
  return {
    speaker,
    speakerWords,
    words: rest.filter((t) => !t.phrase).map((t) => t.text),
    phrases: rest.filter((t) => t.phrase).map((t) => t.text),
  };
}

function headingOf(speaker: Speaker | null, topic: string): string {
  if (speaker && topic) return `Quotations by ${speaker.name} on “${topic}”`;
  if (speaker) return `Quotations by ${speaker.name}`;
  return `Quotations on “${topic}”`;
}

function nothingFound(total: number, reading: Reading, topic: string, heading: string, newsroom: Newsroom) {
  const registry = newsroom.quotes.speakers;
  const parts: string[] = [];
  if (total > 0) {
    parts.push(`No more quotations: all ${total} are shown on earlier pages.`);
  } else {
    const who = reading.speaker ? `by ${reading.speaker.name}` : "by anyone";
    parts.push(`No quotation ${who}${topic ? ` about “${topic}”` : ""}.`);
    const asSpeaker = reading.speakerWords ? `I read “${reading.speakerWords}” as the speaker` : "I read no speaker in your words";
    parts.push(topic ? `${asSpeaker} and “${topic}” as the topic.` : `${asSpeaker}.`);
    if (reading.speaker && topic) {
      const all = newsroom.quotes.search({ speaker: reading.speaker.name, words: [], phrases: [] }, { offset: 0, limit: 1 });
      if (all.total > 0) parts.push(`${reading.speaker.name} has ${all.total === 1 ? "1 quotation" : `${all.total} quotations`} on other topics: try \`/quote ${reading.speaker.name}\`.`);
    }
    const probe = reading.speakerWords ?? [...reading.words.slice(0, 2)].join(" ");
    const close = probe ? registry.suggest(probe, 5).filter((s) => s.name !== reading.speaker?.name) : [];
    if (close.length > 0) parts.push(`Speakers with close names: ${close.map((s) => s.name).join(", ")}.`);
  }
  const text = inert(parts.join(" "));
  return { reply: { visibility: "private" as const, text, blocks: [{ type: "heading" as const, text: heading }, { type: "paragraph" as const, text }] }, results: [] };
}

/** "Compare wordings" runs /compare with the first words of the statement's reference wording. */
function compareAction(statement: Statement): Action {
  const words = referenceRendering(statement).text.split(/\s+/).filter(Boolean);
  let text = "";
  for (const word of words) {
    if ((text + " " + word).trim().length > 60) break;
    text = (text + " " + word).trim();
  }
  return { kind: "expand", label: "Compare wordings", value: encodeAction({ c: "compare", t: text, p: 0 }) };
}

function citationOf(hit: QuoteHit, newsroom: Newsroom): Citation {
  const q = hit.quotation;
  const article = newsroom.article(q.doc);
  return {
    doc: q.doc,
    title: article?.title ?? null,
    outlet: article?.outlet ?? null,
    published: article?.published ?? null,
    url: article?.url ?? null,
    paragraph: q.paragraph,
    start: q.start,
    end: q.end,
  };
}

/** “text” — Speaker (cue), Outlet, “Title”, date, ¶N [(uncertain attribution)] */
function plainQuote(hit: QuoteHit, citation: Citation): string {
  const q = hit.quotation;
  const who = q.speaker ?? "unknown speaker";
  const cue = q.kind === "transcript" ? "transcript" : q.cue;
  const note = q.confidence < UNCERTAIN_BELOW ? " (uncertain attribution)" : "";
  const where = [citation.outlet ?? citation.doc, citation.title ? `“${citation.title}”` : null, citation.published?.slice(0, 10), `¶${citation.paragraph}`];
  return `“${q.text}” — ${who}${cue ? ` (${cue})` : ""}, ${where.filter(Boolean).join(", ")}${note}`;
}

function sameName(typed: string, name: string): boolean {
  return typed.trim().toLowerCase() === name.toLowerCase();
}

function privateText(text: string) {
  return { visibility: "private" as const, text, blocks: [{ type: "paragraph" as const, text }] };
}

/** The user's words quoted in Dateline's prose must not turn into markdown. */
function inert(text: string): string {
  return text.replace(/\*/g, "＊").replace(/_/g, "＿");
}
