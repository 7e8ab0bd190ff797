/**
 * /quote <speaker> <topic>: what exactly someone said about something, verbatim, with the reporting verb and the
 * citation. The leading words that name a known speaker are the speaker (spelling variants and small typos
 * forgiven, much-quoted names favoured); a job title or an honorific ("the chancellor", "Sir Alex") is read as
 * the person the articles call so (titles.ts), or offered as a choice when several were. The rest is the topic.
 * `by:"Name"` names the speaker explicitly; outlet:, after:, before: and sort:new narrow and order the answer.
 * Each quotation carries its Context and Copy citation actions (commands/quote-actions.ts).
 */
import { filterExplanation } from "../src/corpus/filter-explanation.js";
import { z } from "zod";
import { defineCommand, type ParsedArgs } from "../src/core/command.js";
import { encodeAction } from "../src/core/actions.js";
import { citationOf, originOf, provenanceNote, type Action, type Block, type Citation } from "../src/core/reply.js";
import type { Newsroom } from "../src/newsroom.js";
import { normalizeTerm, tokenize } from "../src/text/analysis.js";
import { hearsayNote } from "../src/quotes/hearsay.js";
import { fullNameKey } from "../src/quotes/text.js";
import { dominantHolder, mayBeTitle, titleLength, type TitleHolder, type TitleIndex, type TitleReading } from "../src/quotes/titles.js";
import type { QuoteBook } from "../src/quotes/quote-book.js";
import type { QuoteHit, QuoteQuery, Speaker } from "../src/quotes/types.js";
import { shownAlone } from "../src/quotes/shown-alone.js";
import type { QuotationPart } from "../src/quotes/split-quotation.js";
import { joinParts } from "../src/core/display.js";
import { citeAction, citationText, contextAction, contextOf } from "./quote-actions.js";
import { parseDateFilter } from "./sources.js";
import { referenceRendering, statementNote } from "../src/statements/summary.js";
import { foldStatements } from "../src/statements/fold.js";
import type { Statement } from "../src/statements/types.js";

export interface QuoteArgs {
  /** The speaker named with by:"…", or null. */
  by: string | null;
  /** Bare words and quoted phrases, in order. */
  terms: Array<{ text: string; phrase: boolean }>;
  outlet?: string;
  /** YYYY-MM-DD. */
  after?: string;
  before?: string;
  sort?: "relevance" | "new";
  /** The filters in words, for the context line ("outlet Reuters", "after 1987-03-01", "newest first"). */
  filters: string[];
}

const USAGE = `/quote <speaker> <topic> [by:"Name"] [outlet:NAME] [after:YYYY-MM-DD] [before:YYYY-MM-DD] [sort:new]`;
const FILTERS = ["by", "outlet", "after", "before", "sort"];
/** Confidence below which a reply says the attribution is uncertain. */
export const UNCERTAIN_BELOW = 0.6;

export const quoteSchema = z.custom<ParsedArgs>().transform((args, ctx): QuoteArgs => {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  const unknown = Object.keys(args.filters).filter((key) => !FILTERS.includes(key));
  if (unknown.length > 0) return fail(`Unknown filter ${unknown[0]}: — /quote takes by:"Name", outlet:, after:, before: and sort:new.`);
  const by = args.filters.by?.trim() ?? null;
  if (args.filters.by !== undefined && !by) return fail(`by: needs a name, for example by:"Maria Zakharova".`);
  if (!by && args.terms.length === 0) {
    return fail("Tell me whose words to find, or about what: for example `/quote Lavrov Minsk`, `/quote Zakharova` or `/quote neutrality`.");
  }
  const parsed: QuoteArgs = { by, terms: args.terms, filters: [] };
  if (args.filters.outlet !== undefined) {
    const outlet = args.filters.outlet.trim();
    if (!outlet) return fail("outlet: needs a name, for example `outlet:Reuters`.");
    parsed.outlet = outlet;
    parsed.filters.push(`outlet ${outlet}`);
  }
  for (const key of ["after", "before"] as const) {
    const value = args.filters[key];
    if (value === undefined) continue;
    const date = parseDateFilter(value, key === "after" ? "first" : "last");
    if (!date) return fail(`${key}: takes a date like 2005-03-16 (or 2005-03, or 2005).`);
    parsed[key] = date;
    parsed.filters.push(`${key} ${date}`);
  }
  if (parsed.after && parsed.before && parsed.after > parsed.before) return fail(`after:${parsed.after} is later than before:${parsed.before}: no date can be both.`);
  if (args.filters.sort !== undefined) {
    const sort = args.filters.sort.trim().toLowerCase();
    if (["new", "newest", "latest", "date"].includes(sort)) {
      parsed.sort = "new";
      parsed.filters.push("newest first");
    } else if (["relevance", "best"].includes(sort)) parsed.sort = "relevance";
    else return fail("sort: takes `new` (newest first) or `relevance`.");
  }
  return parsed;
});

interface Reading {
  speaker: Speaker | null;
  /** The words read as the speaker, as typed. */
  speakerWords: string | null;
  /** Said in the reply when the words were not the speaker's name as is ("the chancellor" read as Gordon Brown). */
  readAs: string | null;
  /** Other people the words may have meant ("did you mean …?"). */
  alternatives: Speaker[];
  /** The words were a title: the alternatives are others it was given to. */
  fromTitle?: boolean;
  /** All the typed words as the topic: tried when the speaker read from leading words has nothing on it. */
  topicBack?: { words: string[]; phrases: string[] };
  /** A title several people held in these articles: offered as choices, nothing searched. */
  choices: { words: string; holders: TitleHolder[] } | null;
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
  async run(args, ctx) {
    const book = ctx.services.quotes;
    const registry = book.speakers;
    const titles = mayAskTitles(args) ? await titlesInTime(book, ctx.platform === "cli" ? null : TITLE_WAIT_MS) : null;
    let reading = readSpeaker(args, book, titles ?? "learning");
    if (!titles && mayAskTitles(args)) {
      const learning = `titles are still being learnt from the articles, so “${titleWordsOf(args)}” was read as plain words: ask again in a moment`;
      reading = { ...reading, readAs: reading.readAs ? `${reading.readAs} · ${learning}` : learning };
    }
    if (reading.choices) return choicesReply(reading, args);

    if (args.by && !reading.speaker) {
      const close = registry.suggest(args.by, 5);
      const text = `I know no speaker called “${args.by}”.` + (close.length > 0 ? ` Close names: ${close.map((s) => s.name).join(", ")}.` : "");
      return { reply: privateText(inert(text)), results: [] };
    }

    let topic = [...reading.words, ...reading.phrases.map((p) => `"${p}"`)].join(" ");
    const topicTerms = [...reading.words, ...reading.phrases].flatMap((w) => tokenize(w)).filter((t) => normalizeTerm(t.term) !== null);
    if (!reading.speaker && topicTerms.length === 0) {
      const close = registry.suggest(topic, 5);
      const text =
        "That has only very common words, which are not searched, and names no speaker I know." +
        (close.length > 0 ? ` Speakers with close names: ${close.map((s) => s.name).join(", ")}.` : "");
      return { reply: privateText(inert(text)), results: [] };
    }

    const offset = ctx.page * ctx.limit;
    const searchFor = (r: Reading) => {
      const query: QuoteQuery = { speaker: r.speaker?.name ?? null, words: r.words, phrases: r.phrases };
      if (args.outlet) query.outlet = args.outlet;
      if (args.after) query.after = args.after;
      if (args.before) query.before = args.before;
      if (args.sort) query.sort = args.sort;
      const statements = ctx.services.statementsIfReady();
      return foldedPage((window) => wholeQuotations(book.search(query, { offset: 0, limit: window }), book), (hits) => foldStatements(hits, statements), ctx.page, ctx.limit);
    };
    // Without a speaker, the quotations standing in a paragraph or article about the topic come after those
    // saying it, once the book has learnt where topics stand (in slices; the CLI, serving no one else, waits).
    let placesNote: string | null = null;
    if (topicTerms.length > 0 && !book.placesIfReady()) {
      const learning = book.placesInBackground();
      if (ctx.platform === "cli") await learning;
      else if (!reading.speaker) placesNote = "quotations whose paragraph or article is about the topic are still being learnt: only those saying the words are listed";
    }
    let found = searchFor(reading);
    // "/quote oil prices": a word read as a speaker ("Oil") that leaves nothing found is taken back as a topic word.
    if (found.total === 0 && reading.speaker && reading.topicBack && topic) {
      const asTopic: Reading = { ...reading, ...reading.topicBack, speaker: null, speakerWords: null, alternatives: [], fromTitle: false };
      const again = searchFor(asTopic);
      if (again.total > 0) {
        asTopic.readAs = `“${reading.speakerWords}” read as a topic word: ${reading.speaker.name} has said nothing on “${topic}” (try \`/quote ${reading.speaker.name}\`)`;
        reading = asTopic;
        found = again;
        topic = [...reading.words, ...reading.phrases.map((p) => `"${p}"`)].join(" ");
      }
    }
    const heading = headingOf(reading.speaker, topic);
    if (found.hits.length === 0) return nothingFound(found.total, reading, topic, heading, args, ctx.services);

    const blocks: Block[] = [{ type: "heading", text: heading }];
    const lines: string[] = [heading];
    // One statement reported by several outlets is shown once, with a note and a button to compare the wordings.
    const groups = found.groups;
    let expand: Action | null = null;
    let shown = 0;
    const results: QuoteResult[] = [];
    for (const hit of found.hits) {
      // Every quotation is a result (--json lists the renderings folded here too); only the shown ones are numbered.
      results.push(resultOf(hit, ctx.services));
      const group = groups.get(hit);
      if (group?.hidden) continue;
      const number = offset + ++shown;
      const citation = citationOf(hit.quotation, ctx.services.article(hit.quotation.doc));
      const q = hit.quotation;
      const parts = book.splitParts(q.id);
      const notes = notesOf(hit, group ? statementNote(group.statement) : undefined, ctx.services);
      blocks.push({
        type: "quote",
        text: q.text,
        speaker: q.speaker,
        cue: q.cue,
        confidence: q.confidence,
        kind: q.kind,
        citation,
        marks: hit.marks,
        ...(parts ? { parts } : {}),
        ...(notes.length > 0 ? { note: notes.join(" · ") } : {}),
        actions: [contextAction(q.id, number), citeAction(q.id, number)],
      });
      lines.push(`${number}. ${plainQuote(hit, citation, parts)}${notes.length > 0 ? ` [${notes.join(" · ")}]` : ""}`);
      if (group && !expand) expand = compareAction(group.statement);
    }
    // What /more can page through: hidden quotations and other wordings folded in are not counted.
    const count = `${found.exact ? "" : "up to "}${found.total === 1 ? "1 quotation" : `${found.total} quotations`}`;
    const folded = found.hits.filter((h) => groups.get(h)?.hidden).length;
    const foldedNote = folded > 0 ? ` · ${folded} other ${folded === 1 ? "wording" : "wordings"} of the same statements folded in` : "";
    const filterNote = args.filters.length > 0 ? ` · ${args.filters.join(" · ")}` : "";
    const respelled = found.respelled.map((r) => `“${r.typed}” read as “${r.as}”`).join(", ");
    const readAs = (reading.readAs ? ` · ${reading.readAs}` : "") + (respelled ? ` · ${respelled}` : "") + (placesNote ? ` · ${placesNote}` : "");
    const context = `${count} · showing ${offset + 1}–${offset + shown}${foldedNote}${filterNote}${readAs}`;
    blocks.push({ type: "context", text: context });
    lines.push(context);
    const alternatives = didYouMean(reading);
    if (alternatives) {
      blocks.push({ type: "context", text: alternatives });
      lines.push(alternatives);
    }
    if (expand) blocks.push({ type: "actions", actions: [expand] });

    return {
      reply: { visibility: "private", text: lines.join("\n"), blocks },
      results,
      hasMore: found.hasMore,
    };
  },
});

/**
 * The hits /quote shows: a split quotation once (under its best-ranked part, shown whole with its other parts),
 * and no scare quote, label or greeting (shown-alone.ts). `total` counts what is left of the window exactly when
 * the window holds every hit (what `foldedPage` asks to know when it is done), else what may be left.
 */
export function wholeQuotations<F extends { hits: QuoteHit[]; total: number }>(found: F, book: Pick<QuoteBook, "splitParts">): F {
  const seen = new Set<string>();
  const hits = found.hits.filter((hit) => {
    const q = hit.quotation;
    const parts = book.splitParts(q.id);
    if (!parts) return shownAlone(q);
    const key = `${q.doc}:${parts[0]!.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...found, hits, total: found.total - (found.hits.length - hits.length) };
}

/**
 * One page of quotations after one statement's other wordings are folded into its first: the folding runs over
 * every quotation up to the page, so that page n starts where page n - 1 stopped, numbered without gaps or
 * repeats. `search(window)` gives the first `window` quotations (wire copies already folded by the book).
 * `total` is what can be paged through (hidden quotations and folded wordings not counted): exact when `exact`
 * (the window read holds every hit), else the number shown among the hits read, a lower bound. (Reading more hits
 * only to count them would read their texts: a restored book reads a quotation's text from the corpus snapshot.)
 */
export function foldedPage<G extends { hidden: boolean }>(
  search: (window: number) => { hits: QuoteHit[]; total: number; respelled?: Array<{ typed: string; as: string }> },
  fold: (hits: readonly QuoteHit[]) => Map<QuoteHit, G>,
  page: number,
  limit: number,
): { hits: QuoteHit[]; total: number; exact: boolean; hasMore: boolean; groups: Map<QuoteHit, G>; respelled: Array<{ typed: string; as: string }> } {
  const wanted = (page + 1) * limit;
  for (let window = wanted + limit; ; window *= 2) {
    const found = search(window);
    const groups = fold(found.hits);
    const shown: number[] = [];
    found.hits.forEach((hit, i) => {
      if (!groups.get(hit)?.hidden) shown.push(i);
    });
    const complete = found.hits.length >= found.total;
    // One more shown than the page needs tells whether another page follows.
    if (shown.length > wanted || complete) {
      const from = shown[page * limit];
      const next = shown[wanted];
      const hits = from === undefined ? [] : found.hits.slice(from, next ?? found.hits.length);
      // Not every hit was read: the hits found are a bound the quotations shown never pass (some are hidden as
      // scare quotes, greetings or a split quotation's other part), said as "up to".
      const total = complete ? shown.length : found.total;
      return { hits, total, exact: complete, hasMore: next !== undefined, groups, respelled: found.respelled ?? [] };
    }
  }
}

/** One /quote result in --json: the contract's fields, then the ones added since (ARCHITECTURE.md: add only). */
export interface QuoteResult {
  doc: string;
  speaker: string | null;
  quote: string;
  start: number;
  end: number;
  paragraph: number;
  kind: string;
  cue: string | null;
  confidence: number;
  score: number;
  /** Where the topic was found: "words" (the quotation's), "sentence" (the one quoting it), "paragraph", "article"; null without a topic. */
  match: QuoteHit["match"];
  /** Reported second-hand, alleged or denied, with the words that say so. */
  hearsay: { kind: string; words: string } | null;
  /** Docs of the same quotation's wire copies, folded into this one. */
  copies: string[];
  /**
   * A quotation split around the reporter's clause (“That,” she said, “is the worst…”): every part in text order,
   * `quote` exact at [start, end) of the document; `quote`, `start` and `end` above are the part found. Absent
   * for a whole quotation.
   */
  parts?: Array<{ quote: string; start: number; end: number }>;
  /** The attribution sentence and the paragraph, as ranges of the document text. */
  context?: { sentence: { start: number; end: number }; paragraph: { start: number; end: number } };
  /** A paste-ready citation line. */
  citation: string;
  /** "feed-summary": the document is a feed's title and summary, its page not fetched. Absent otherwise. */
  origin?: "feed-summary";
}

function resultOf(hit: QuoteHit, newsroom: Newsroom): QuoteResult {
  const q = hit.quotation;
  const article = newsroom.article(q.doc);
  const context = article ? contextOf(article, q, newsroom) : null;
  const parts = newsroom.quotes.splitParts(q.id);
  return {
    doc: q.doc,
    speaker: q.speaker,
    quote: q.text,
    start: q.start,
    end: q.end,
    paragraph: q.paragraph,
    kind: q.kind,
    cue: q.cue,
    confidence: q.confidence,
    score: hit.score,
    match: hit.match,
    hearsay: q.hearsay ?? null,
    copies: hit.copies.map(docOf),
    ...(parts ? { parts: parts.map((p) => ({ quote: p.text, start: p.start, end: p.end })) } : {}),
    ...(context ? { context } : {}),
    citation: citationText(q, citationOf(hit.quotation, newsroom.article(hit.quotation.doc)), parts),
    ...originOf(article),
  };
}

/** The document of a quotation id (`${doc}#q${n}`). */
function docOf(id: string): string {
  return id.slice(0, id.lastIndexOf("#q"));
}

/** What an editor must know beside the citation: hearsay, where the topic was found, copies, other renderings. */
function notesOf(hit: QuoteHit, statement: string | undefined, newsroom: Newsroom): string[] {
  const notes: string[] = [];
  if (hit.quotation.hearsay) notes.push(hearsayNote(hit.quotation.hearsay));
  if (hit.match === "sentence") notes.push("topic in the sentence quoting it, not in the quoted words");
  if (hit.match === "paragraph") notes.push("topic in its paragraph, not in the quoted words");
  if (hit.match === "article") notes.push("topic in its article, not in the quoted words");
  if (hit.copies.length > 0) {
    const outlets = [...new Set(hit.copies.map((id) => newsroom.article(docOf(id))?.outlet ?? null))];
    const where = outlets.every((o) => o !== null) ? ` (${outlets.join(", ")})` : "";
    notes.push(`same words in ${hit.copies.length} other ${hit.copies.length === 1 ? "article" : "articles"}${where}`);
  }
  if (statement) notes.push(statement);
  return notes;
}

/** "Did you mean …?" when the speaker was read from a misspelling, a title or an honorific, and others were close. */
function didYouMean(reading: Reading): string | null {
  if (reading.alternatives.length === 0) return null;
  const topic = [...reading.words, ...reading.phrases.map((p) => `"${p}"`)].join(" ");
  const tries = reading.alternatives.slice(0, 3).map((s) => `\`/quote ${s.name}${topic ? ` ${topic}` : ""}\``);
  if (reading.fromTitle) {
    return `The articles also call ${reading.alternatives.slice(0, 3).map((s) => s.name).join(", ")} “${reading.speakerWords}”: try ${tries.join(", ")}.`;
  }
  return `Did you mean ${reading.alternatives.slice(0, 3).map((s) => s.name).join(" or ")}? Try ${tries.join(", ")}.`;
}

/** A title several people held in these articles: who, how often and when, and how to ask for each. */
function choicesReply(reading: Reading, args: QuoteArgs) {
  const { words, holders } = reading.choices!;
  const topic = [...reading.words, ...reading.phrases.map((p) => `"${p}"`)].join(" ");
  const dated = args.after || args.before ? ` (${args.filters.filter((f) => /^(after|before)/.test(f)).join(", ")})` : "";
  const heading = `Who is “${words}”?`;
  const list = holders
    .slice(0, 6)
    .map((h) => `${h.speaker.name} (${h.count === 1 ? "once" : `${h.count} times`}${h.first ? `, ${h.first === h.last ? h.first : `${h.first} to ${h.last}`}` : ""})`);
  const text = `The articles${dated} give “${words}” to several people: ${list.join("; ")}. Name one, for example ${holders
    .slice(0, 2)
    .map((h) => `\`/quote ${h.speaker.name}${topic ? ` ${topic}` : ""}\``)
    .join(" or ")}, or narrow the dates with after: and before:.`;
  const safe = inert(text);
  return { reply: { visibility: "private" as const, text: safe, blocks: [{ type: "heading" as const, text: heading }, { type: "paragraph" as const, text: safe }] }, results: [] };
}

/** How long a chat answer waits for titles still being learnt (a slash command is acknowledged within 3 s). */
export const TITLE_WAIT_MS = 1500;

/** The words typed before any quoted phrase (or by:'s words): where a speaker, a title or an honorific stands. */
function leadingWords(args: QuoteArgs): string[] {
  if (args.by) return args.by.split(/\s+/).filter(Boolean);
  const leading: string[] = [];
  for (const t of args.terms) {
    if (t.phrase) break;
    leading.push(t.text);
  }
  return leading;
}

/** Whether the typed words may start with a job title or an honorific: only then are the titles needed. */
function mayAskTitles(args: QuoteArgs): boolean {
  return mayBeTitle(leadingWords(args));
}

/** The leading words that look like a title ("the chancellor") or an honorific with a name ("Sir Alex"). */
function titleWordsOf(args: QuoteArgs): string {
  const leading = leadingWords(args);
  const length = titleLength(leading);
  const skip = leading[0]?.toLowerCase() === "the" ? 1 : 0;
  return leading.slice(0, length > skip ? length : skip + 2).join(" ");
}

/**
 * The titles, built in time slices if they are not yet (never holding the event loop): waited for up to
 * `waitMs` (null: until built, for the CLI, which serves no one else); null when still not ready.
 */
async function titlesInTime(book: Newsroom["quotes"], waitMs: number | null): Promise<TitleIndex | null> {
  const ready = book.titlesIfReady();
  if (ready) return ready;
  const building = book.titlesInBackground();
  if (waitMs === null) return building;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
  try {
    return await Promise.race([building, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Splits the typed words into speaker and topic. `titles` "learning": the titles are still being learnt, so
 * words that look like one are read as plain words, and the reply says so.
 */
function readSpeaker(args: QuoteArgs, book: Newsroom["quotes"], titles: TitleIndex | "learning"): Reading {
  const registry = book.speakers;
  const dates = { ...(args.after ? { after: args.after } : {}), ...(args.before ? { before: args.before } : {}) };
  const topicOf = (terms: QuoteArgs["terms"]) => ({
    words: terms.filter((t) => !t.phrase).map((t) => t.text),
    phrases: terms.filter((t) => t.phrase).map((t) => t.text),
  });
  const none: Omit<Reading, "words" | "phrases"> = { speaker: null, speakerWords: null, readAs: null, alternatives: [], choices: null };
  if (args.by) {
    const byWords = args.by.split(/\s+/).filter(Boolean);
    const title = mayBeTitle(byWords) && titles !== "learning" ? titles.read(byWords, dates) : null;
    if (title && title.consumed === byWords.length && !exactName(args.by, registry.resolve(args.by))) {
      return { ...titleReading(title, topicOf(args.terms), args, book), ...topicOf(args.terms) };
    }
    const speaker = registry.resolve(args.by);
    return { ...none, ...nameReading(args.by, speaker, registry), ...topicOf(args.terms) };
  }
  const terms = args.terms;
  const first = terms[0];
  if (first?.phrase) {
    // `/quote "Sergey Lavrov" Minsk`: a quoted name first is the speaker when it names one.
    const named = registry.resolve(first.text);
    if (named) return { ...none, ...nameReading(first.text, named, registry), ...topicOf(terms.slice(1)) };
    return { ...none, ...topicOf(terms) };
  }
  const leading: string[] = [];
  for (const t of terms) {
    if (t.phrase) break;
    leading.push(t.text);
  }
  const match = registry.matchLeading(leading);
  const matchedWords = match ? leading.slice(0, match.consumed).join(" ") : null;
  // A job title or an honorific ("the chancellor", "Sir Alex"), unless the words name someone exactly.
  const title = mayBeTitle(leading) && titles !== "learning" ? titles.read(leading, dates) : null;
  if (title && !(match && match.consumed >= title.consumed && exactName(matchedWords!, match.speaker))) {
    return { ...titleReading(title, topicOf(terms.slice(title.consumed)), args, book), ...topicOf(terms.slice(title.consumed)) };
  }
  // Words that look like a title the articles never give anyone are not a name: "the chancellor budget" must not
  // read "budget" as a speaker.
  const titleLike = titleLength(leading);
  if (match && (titleLike === 0 || exactName(leading.slice(titleLike, match.consumed).join(" "), match.speaker) || match.consumed <= titleLike)) {
    return { ...none, ...nameReading(matchedWords!, match.speaker, registry), ...topicOf(terms.slice(match.consumed)), topicBack: topicOf(terms) };
  }
  const reading: Reading = { ...none, ...topicOf(terms) };
  // No speaker read: close names are offered when the first word looks like a name.
  const probe = leading[0];
  if (probe && /^\p{Lu}/u.test(probe)) reading.alternatives = registry.suggest(probe, 3).filter((s) => s.quotes > 0);
  return reading;
}

/**
 * A title read as its usual holder, or offered as choices. With a topic, the holders quoted on it in so many
 * words decide: "the chancellor Lloyd's" is the one chancellor of the articles who spoke of Lloyd's, even when
 * another is called so more often; several such holders are offered as choices.
 */
function titleReading(title: TitleReading, topic: { words: string[]; phrases: string[] }, args: QuoteArgs, book: Newsroom["quotes"]): Omit<Reading, "words" | "phrases"> {
  const { words, holders } = title;
  const dominant = dominantHolder(holders);
  const onTopic = holdersOnTopic([...holders, ...title.also].slice(0, MAX_TITLE_HOLDERS_TRIED), topic, args, book);
  if (dominant && (onTopic.length === 0 || onTopic.includes(dominant))) return holderReading(words, holders);
  if (onTopic.length === 1) {
    const [holder] = onTopic;
    const topicText = [...topic.words, ...topic.phrases.map((p) => `"${p}"`)].join(" ");
    const others = [...holders, ...title.also].filter((h) => h !== holder).map((h) => h.speaker);
    return { speaker: holder!.speaker, speakerWords: words, readAs: `“${words}” read as ${holder!.speaker.name}, the one the articles call so who is quoted on “${topicText}”`, alternatives: others, fromTitle: true, choices: null };
  }
  if (onTopic.length > 1) return { speaker: null, speakerWords: words, readAs: null, alternatives: [], choices: { words, holders: onTopic } };
  return holderReading(words, holders);
}

/** Holders a title search tries against the topic. */
const MAX_TITLE_HOLDERS_TRIED = 8;

/** The holders with a quotation whose own words hold the topic (in the outlet and dates asked): one topic search. */
function holdersOnTopic(holders: readonly TitleHolder[], topic: { words: string[]; phrases: string[] }, args: QuoteArgs, book: Newsroom["quotes"]): TitleHolder[] {
  if (topic.words.length === 0 && topic.phrases.length === 0) return [];
  const query: Omit<QuoteQuery, "speaker" | "sort"> = { words: topic.words, phrases: topic.phrases };
  if (args.outlet) query.outlet = args.outlet;
  if (args.after) query.after = args.after;
  if (args.before) query.before = args.before;
  const saying = book.speakersSaying(holders.map((h) => h.speaker.name), query);
  return holders.filter((h) => saying.has(h.speaker.name));
}

/** A title read as its usual holder, or offered as choices. */
function holderReading(words: string, holders: readonly TitleHolder[]): Omit<Reading, "words" | "phrases"> {
  const holder = dominantHolder(holders);
  if (!holder) return { speaker: null, speakerWords: words, readAs: null, alternatives: [], choices: { words, holders: [...holders] } };
  const others = holders.filter((h) => h !== holder).map((h) => h.speaker);
  return { speaker: holder.speaker, speakerWords: words, readAs: `“${words}” read as ${holder.speaker.name}`, alternatives: others, fromTitle: true, choices: null };
}

/** A name as typed, read as a speaker: said how when it was not the name as written, with close alternatives. */
function nameReading(typed: string, speaker: Speaker | null, registry: Newsroom["quotes"]["speakers"]): Pick<Reading, "speaker" | "speakerWords" | "readAs" | "alternatives"> {
  if (!speaker) return { speaker: null, speakerWords: typed, readAs: null, alternatives: [] };
  if (exactName(typed, speaker)) {
    return { speaker, speakerWords: typed, readAs: sameName(typed, speaker.name) ? null : `“${typed}” read as ${speaker.name}`, alternatives: [] };
  }
  const alternatives = registry.suggest(typed, 4).filter((s) => s !== speaker && s.name !== speaker.name && s.quotes > 0).slice(0, 2);
  return { speaker, speakerWords: typed, readAs: `“${typed}” read as ${speaker.name}`, alternatives };
}

/** Whether the typed words are the speaker's name or one of its aliases as such (not a misspelling). */
function exactName(typed: string, speaker: Speaker | null): boolean {
  if (!speaker) return false;
  const key = fullNameKey(typed);
  return [speaker.name, ...speaker.aliases].some((n) => fullNameKey(n) === key);
}

function headingOf(speaker: Speaker | null, topic: string): string {
  if (speaker && topic) return `Quotations by ${speaker.name} on “${topic}”`;
  if (speaker) return `Quotations by ${speaker.name}`;
  return `Quotations on “${topic}”`;
}

function nothingFound(total: number, reading: Reading, topic: string, heading: string, args: QuoteArgs, newsroom: Newsroom) {
  const registry = newsroom.quotes.speakers;
  const parts: string[] = [];
  if (total > 0) {
    parts.push(`No more quotations: all ${total} are shown on earlier pages.`);
  } else {
    const who = reading.speaker ? `by ${reading.speaker.name}` : "by anyone";
    const filters = args.filters.length > 0 ? ` (${args.filters.join(", ")})` : "";
    parts.push(`No quotation ${who}${topic ? ` about “${topic}”` : ""}${filters}.`);
    const why = filterExplanation(newsroom.articles(), args);
    if (why) parts.push(why);
    if (reading.readAs) parts.push(`${reading.readAs[0]!.toUpperCase()}${reading.readAs.slice(1)}.`);
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

/** “text” — Speaker (cue), Outlet, “Title”, date, ¶N [(uncertain attribution)] */
function plainQuote(hit: QuoteHit, citation: Citation, parts: readonly QuotationPart[] | null): string {
  const q = hit.quotation;
  const text = parts ? joinParts(parts, q.start).text : q.text;
  const who = q.speaker ?? "unknown speaker";
  const cue = q.kind === "transcript" ? "transcript" : q.cue;
  const note = q.confidence < UNCERTAIN_BELOW ? " (uncertain attribution)" : "";
  const where = [citation.outlet ?? citation.doc, citation.title ? `“${citation.title}”` : null, citation.published?.slice(0, 10), `¶${citation.paragraph}`];
  const provenance = provenanceNote(citation);
  return `“${text}” — ${who}${cue ? ` (${cue})` : ""}, ${where.filter(Boolean).join(", ")}${provenance ? ` (${provenance})` : ""}${note}`;
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
