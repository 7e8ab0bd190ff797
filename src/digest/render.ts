/**
 * Digest -> Reply. Public by default (scheduled posts); /digest asks for a private one. A quiet period gets
 * a short "nothing new" reply; a busy one shows a page of `maxStories` (ten) stories, one or two quotations
 * each, the templated lines and the speakers of the day, and a "More stories" button for the next page (the
 * platform renderers cut further when they must). Corpus text (headlines, quotations) only goes into
 * heading, quote and context blocks, never into markdown paragraphs.
 */
import { FEED_SUMMARY_NOTE, citationOf, type Block, type Reply, type Visibility } from "../core/reply.js";
import { encodeAction } from "../core/actions.js";
import { displayText } from "../core/display.js";
import type { Digest, DigestDocument, DigestQuote, DigestStory, DigestTemplated, DigestVariant } from "./types.js";

export interface DigestReplyOptions {
  /** Stories per page (default 10); "More stories" shows the next page. */
  maxStories?: number;
  /** Quotations shown per story at most (default 2). */
  maxQuotesPerStory?: number;
  /** Quotations shown in all (default 10: a chat post stays readable and within Discord's ten embeds). */
  maxQuotes?: number;
  /** Speakers named in "Speakers of the day" (default 8). */
  maxSpeakers?: number;
  /** Names shown on a templated line (default 12). */
  maxTemplatedNames?: number;
  /** 0-based page of stories (default 0). */
  page?: number;
  visibility?: Visibility;
  /** IANA zone for the dates shown (default UTC). */
  zone?: string;
}

export function formatWhen(iso: string, zone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: zone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

const plural = (n: number, one: string, many = one + "s") => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The /digest text that shows a period's digest again (the "More stories" button carries it). */
export function periodCommandText(digest: Pick<Digest, "from" | "to">): string {
  return `from:${digest.from} to:${digest.to}`;
}

export function digestReply(digest: Digest, options: DigestReplyOptions = {}): Reply {
  const visibility = options.visibility ?? "public";
  const zone = options.zone ?? "UTC";
  const since = formatWhen(digest.from, zone);
  const reading = digest.reading ?? 0;
  const lateNote = digest.late ? "Posted late: Dateline was offline when this digest was due." : null;

  if (digest.stories.length === 0 && digest.templated.length === 0) {
    const text =
      reading > 0
        ? `Nothing new read yet since ${since}: ${plural(reading, "new article is", "new articles are")} still being read. Ask again in a moment.`
        : `Nothing new in the corpus since ${since}.`;
    const blocks: Block[] = [{ type: "paragraph", text }];
    if (lateNote) blocks.push({ type: "context", text: lateNote });
    return { visibility, text: lateNote ? `${text} (${lateNote})` : text, blocks };
  }

  const perPage = Math.max(1, options.maxStories ?? 10);
  const page = Math.max(0, options.page ?? 0);
  const shown = digest.stories.slice(page * perPage, (page + 1) * perPage);
  const left = digest.stories.slice((page + 1) * perPage);
  const quotesShown = allotQuotes(shown, options.maxQuotesPerStory ?? 2, options.maxQuotes ?? 10);

  const summary =
    `${plural(digest.articles, "new article")} in ${plural(digest.stories.length, "story", "stories")} ` +
    `since ${since}.` +
    (page > 0 ? ` Stories ${page * perPage + 1}–${page * perPage + shown.length}.` : "");
  // Articles of the period that were still being read when the digest was composed are not in it: it says so.
  const readingNote = reading > 0 ? `${plural(reading, "more new article is", "more new articles are")} still being read: not in this digest yet.` : null;
  const notes = [readingNote, lateNote].filter((note): note is string => note !== null);
  const blocks: Block[] = [
    { type: "heading", text: "Dateline digest" },
    { type: "context", text: [summary, ...notes].join(" ") },
  ];
  const lines: string[] = [`Dateline digest: ${[summary, ...notes].join(" ")}`];

  shown.forEach((story, i) => {
    const variant = story.variants[0];
    const about = [storyLine(story), variant ? variantLine(variant) : null].filter(Boolean).join(" · ");
    blocks.push({ type: "heading", text: story.title }, { type: "context", text: about });
    lines.push("", `${page * perPage + i + 1}. ${story.title}`, `   ${about}`);
    for (const q of story.quotes.slice(0, quotesShown[i])) {
      blocks.push(quoteBlock(q, digest.documents[q.doc]));
      lines.push(`   ${q.speaker ?? "Unattributed"}: “${displayText(q.text).text}” (${sourceName(q.doc, digest.documents[q.doc])} ¶${q.paragraph}${digest.documents[q.doc]?.origin === "feed-summary" ? `; ${FEED_SUMMARY_NOTE}` : ""})`);
    }
  });

  if (page === 0) {
    for (const kind of digest.templated) {
      const line = templatedLine(kind, options.maxTemplatedNames ?? 12);
      blocks.push({ type: "context", text: line });
      lines.push("", line);
    }
  }
  if (left.length > 0 || digest.ungrouped > 0) {
    const articles = left.reduce((n, s) => n + s.docs.length, 0);
    const parts: string[] = [];
    if (left.length > 0) parts.push(`${plural(left.length, "more story", "more stories")} (${plural(articles, "article")})`);
    if (digest.ungrouped > 0) parts.push(`${plural(digest.ungrouped, "older article")} not grouped into stories`);
    const more = `… and ${parts.join("; ")}.`;
    blocks.push({ type: "context", text: more });
    lines.push("", more);
  }
  const speakers = digest.speakers.slice(0, options.maxSpeakers ?? 8);
  if (speakers.length > 0 && page === 0) {
    const most = `Speakers of the day: ${speakers.map((s) => `${s.name} (${s.quotes})`).join(", ")}`;
    blocks.push({ type: "context", text: most });
    lines.push("", most);
  }
  if (left.length > 0) {
    const value = encodeAction({ c: "digest", t: periodCommandText(digest), p: page + 1 });
    blocks.push({ type: "actions", actions: [{ kind: "more", label: "More stories", value }] });
  }
  return { visibility, text: lines.join("\n"), blocks };
}

/**
 * How many quotations each shown story gets: one each first (in story order), then a second for the first
 * stories, within the total.
 */
function allotQuotes(stories: readonly DigestStory[], perStory: number, total: number): number[] {
  const allotted = stories.map(() => 0);
  let left = total;
  for (let round = 0; round < perStory && left > 0; round++) {
    stories.forEach((story, i) => {
      if (left > 0 && story.quotes.length > round) {
        allotted[i]!++;
        left--;
      }
    });
  }
  return allotted;
}

/** "Company results: 305 — Texas Eastern, CTS, … and 293 more". */
export function templatedLine(kind: DigestTemplated, maxNames: number): string {
  const names = kind.items.slice(0, maxNames).map((item) => (item.docs.length > 1 ? `${item.name} (${item.docs.length})` : item.name));
  const rest = kind.items.length - names.length;
  return `${kind.label}: ${kind.articles.toLocaleString("en")} — ${names.join(", ")}${rest > 0 ? `, … and ${rest.toLocaleString("en")} more` : ""}`;
}

function storyLine(story: DigestStory): string {
  const reports = plural(story.docs.length, "report");
  return story.outlets.length > 0 ? `${story.outlets.join(", ")} · ${reports}` : reports;
}

/** "Sergey Lavrov’s statement is worded 3 ways in 3 reports." */
export function variantLine(variant: DigestVariant): string {
  const who = variant.speaker ? `${variant.speaker}’s statement` : "A statement";
  const outletsKnown = variant.renderings.every((r) => r.outlet);
  const where = outletsKnown ? plural(variant.outlets, "outlet") : plural(variant.outlets, "report");
  return `${who} is worded ${variant.wordings} ways in ${where}.`;
}

function sourceName(doc: string, meta: DigestDocument | undefined): string {
  return meta?.outlet ?? doc;
}

function quoteBlock(q: DigestQuote, meta: DigestDocument | undefined): Block {
  return {
    type: "quote",
    text: q.text,
    speaker: q.speaker,
    cue: q.cue,
    confidence: q.confidence,
    kind: q.kind,
    citation: citationOf(q, meta),
  };
}
