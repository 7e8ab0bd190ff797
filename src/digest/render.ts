/**
 * Digest -> Reply. Public by default (scheduled posts); /digest asks for a private one. A quiet period gets
 * a short "nothing new" reply; a busy one is cut to `maxStories` with a count of what was left out (the
 * platform renderers cut further when they must). Corpus text (headlines, quotations) only goes into
 * heading, quote and context blocks, never into markdown paragraphs.
 */
import type { Block, Citation, Reply, Visibility } from "../core/reply.js";
import type { Digest, DigestDocument, DigestQuote, DigestStory, DigestVariant } from "./types.js";

export interface DigestReplyOptions {
  /** Stories shown (default 5). */
  maxStories?: number;
  /** Quotations shown per story (default 3). */
  maxQuotesPerStory?: number;
  /** Speakers named in "Most quoted" (default 5). */
  maxSpeakers?: number;
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

export function digestReply(digest: Digest, options: DigestReplyOptions = {}): Reply {
  const visibility = options.visibility ?? "public";
  const zone = options.zone ?? "UTC";
  const since = formatWhen(digest.from, zone);
  const lateNote = digest.late ? "Posted late: Dateline was offline when this digest was due." : null;

  if (digest.stories.length === 0) {
    const text = `Nothing new in the corpus since ${since}.`;
    const blocks: Block[] = [{ type: "paragraph", text }];
    if (lateNote) blocks.push({ type: "context", text: lateNote });
    return { visibility, text: lateNote ? `${text} (${lateNote})` : text, blocks };
  }

  const maxStories = Math.max(1, options.maxStories ?? 5);
  const maxQuotes = Math.max(0, options.maxQuotesPerStory ?? 3);
  const shown = digest.stories.slice(0, maxStories);
  const left = digest.stories.slice(maxStories);

  const summary =
    `${plural(digest.articles, "new article")} in ${plural(digest.stories.length, "story", "stories")} ` +
    `since ${since}.`;
  const blocks: Block[] = [
    { type: "heading", text: "Dateline digest" },
    { type: "context", text: lateNote ? `${summary} ${lateNote}` : summary },
  ];
  const lines: string[] = [`Dateline digest: ${summary}${lateNote ? ` ${lateNote}` : ""}`];

  shown.forEach((story, i) => {
    const about = storyLine(story);
    blocks.push({ type: "heading", text: story.title }, { type: "context", text: about });
    lines.push("", `${i + 1}. ${story.title}`, `   ${about}`);
    for (const q of story.quotes.slice(0, maxQuotes)) {
      blocks.push(quoteBlock(q, digest.documents[q.doc]));
      lines.push(`   ${q.speaker ?? "Unattributed"}: “${q.text}” (${sourceName(q.doc, digest.documents[q.doc])} ¶${q.paragraph})`);
    }
    const variant = story.variants[0];
    if (variant) {
      blocks.push(variantBlock(variant, digest.documents), { type: "context", text: variantLine(variant) });
      lines.push(`   ${variantLine(variant)}`);
    }
  });

  if (left.length > 0 || digest.ungrouped > 0) {
    const articles = left.reduce((n, s) => n + s.docs.length, 0);
    const parts: string[] = [];
    if (left.length > 0) parts.push(`${plural(left.length, "more story", "more stories")} (${plural(articles, "article")}) not shown`);
    if (digest.ungrouped > 0) parts.push(`${plural(digest.ungrouped, "older article")} not grouped into stories`);
    const more = `… and ${parts.join("; ")}.`;
    blocks.push({ type: "context", text: more });
    lines.push("", more);
  }
  const speakers = digest.speakers.slice(0, options.maxSpeakers ?? 5);
  if (speakers.length > 0) {
    const most = `Most quoted: ${speakers.map((s) => `${s.name} (${s.quotes})`).join(", ")}`;
    blocks.push({ type: "context", text: most });
    lines.push("", most);
  }
  return { visibility, text: lines.join("\n"), blocks };
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

function citation(doc: string, start: number, end: number, paragraph: number, meta: DigestDocument | undefined): Citation {
  return {
    doc,
    title: meta?.title ?? null,
    outlet: meta?.outlet ?? null,
    published: meta?.published ?? null,
    url: meta?.url ?? null,
    paragraph,
    start,
    end,
  };
}

function quoteBlock(q: DigestQuote, meta: DigestDocument | undefined): Block {
  return {
    type: "quote",
    text: q.text,
    speaker: q.speaker,
    cue: q.cue,
    confidence: q.confidence,
    kind: q.kind,
    citation: citation(q.doc, q.start, q.end, q.paragraph, meta),
  };
}

/** The primary rendering, noting how many wordings stand behind it. */
function variantBlock(variant: DigestVariant, documents: Digest["documents"]): Block {
  const r = variant.renderings[0]!;
  return {
    type: "quote",
    text: r.text,
    speaker: r.speaker ?? variant.speaker,
    cue: null,
    confidence: null,
    kind: variant.kind,
    citation: citation(r.doc, r.start, r.end, r.paragraph, documents[r.doc]),
    note: `${plural(variant.outlets, variant.renderings.every((x) => x.outlet) ? "outlet" : "report")} · ${plural(variant.wordings, "wording")}`,
  };
}
