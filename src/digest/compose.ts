/**
 * The digest of a period, as data: the new articles grouped into stories, each story's notable quotations
 * with their speakers, the most quoted speakers, and statements worded differently by different outlets.
 * Pure, over serialisable inputs (plain articles, quotations and statements; no index objects), so that it can run
 * in a worker: the caller picks the new articles (see for-newsroom.ts) and renders the result (see render.ts).
 */
import type { Article } from "../corpus/types.js";
import type { Quotation } from "../quotes/types.js";
import type { Statement } from "../statements/types.js";
import { foldText } from "../text/fold.js";
import { groupDigest } from "./stories.js";
import type { Digest, DigestDocument, DigestJson, DigestQuote, DigestStory, DigestVariant } from "./types.js";
import { originOf } from "../core/reply.js";

export type { Digest, DigestJson } from "./types.js";
export { digestReply, type DigestReplyOptions } from "./render.js";

export interface DigestInput {
  /** The period's new articles. */
  articles: readonly Article[];
  /** Quotations of (at least) those articles; others are ignored. */
  quotations: readonly Quotation[];
  /** Statements rendered in two or more documents (`StatementIndex.statements`), or null without them. */
  statements: readonly Statement[] | null;
  from: Date;
  to: Date;
  late?: boolean;
  /** The whole corpus, to weigh words for story grouping (defaults to the new articles). */
  background?: readonly Article[];
}

/** Quotations kept per story (renderers show fewer). */
const QUOTES_PER_STORY = 5;
const VARIANTS_PER_STORY = 2;
/** Attributions less sure than this are not put forward in a digest. */
const MIN_CONFIDENCE = 0.5;
/**
 * At most this many articles are grouped into stories (the most recent ones); more is an archive being
 * imported, not a day of news, and grouping it all would hold the bot up for no reader's benefit.
 */
export const MAX_GROUPED_ARTICLES = 2000;

export function composeDigest(input: DigestInput): Digest {
  const docs = new Set(input.articles.map((a) => a.id));
  const quotations = input.quotations.filter((q) => docs.has(q.doc) && q.speaker !== null);
  const byDoc = new Map<string, Quotation[]>();
  for (const q of quotations) {
    const list = byDoc.get(q.doc);
    if (list) list.push(q);
    else byDoc.set(q.doc, [q]);
  }

  const grouped =
    input.articles.length > MAX_GROUPED_ARTICLES
      ? [...input.articles]
          .sort((a, b) => (b.published ?? "").localeCompare(a.published ?? "") || a.id.localeCompare(b.id))
          .slice(0, MAX_GROUPED_ARTICLES)
      : input.articles;
  const groups = groupDigest(grouped, { background: input.background });
  const stories = groups.stories.map((story): DigestStory => {
    const storyDocs = story.articles.map((a) => a.id);
    return {
      title: titleOf(story.articles),
      docs: storyDocs,
      outlets: distinct(story.articles.map((a) => a.outlet)),
      quotes: notableQuotes(
        storyDocs.flatMap((d) => byDoc.get(d) ?? []),
        renderingsIn(new Set(storyDocs), input.statements ?? []),
        story.articles.map((a) => a.title ?? ""),
      ),
      variants: input.statements ? variantsAmong(new Set(storyDocs), input.statements, byDoc) : [],
    };
  });
  const publishedAt = new Map(input.articles.map((a) => [a.id, Date.parse(a.published ?? "") || 0]));
  const latestOf = (story: DigestStory) => story.docs.reduce((max, d) => Math.max(max, publishedAt.get(d) ?? 0), 0);
  const outletOf = new Map(input.articles.map((a) => [a.id, a.outlet]));
  rankStories(stories, byDoc, latestOf, outletOf, input.from.getTime(), input.to.getTime());

  const counts = new Map<string, number>();
  for (const q of quotations) counts.set(q.speaker!, (counts.get(q.speaker!) ?? 0) + 1);
  const speakers = [...counts]
    .map(([name, quotes]) => ({ name, quotes }))
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));

  // Keyed by document ids, which may be any string ("constructor" too): no prototype.
  const documents: Record<string, DigestDocument> = Object.create(null) as Record<string, DigestDocument>;
  for (const a of input.articles) {
    documents[a.id] = { title: a.title, outlet: a.outlet, published: a.published, url: a.url, ...originOf(a) };
  }
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    late: input.late ?? false,
    articles: input.articles.length,
    ungrouped: input.articles.length - grouped.length,
    stories,
    templated: groups.templated.map((kind) => ({ label: kind.label, articles: kind.articles, items: kind.items })),
    speakers,
    documents,
  };
}

/**
 * Orders the stories by how much a newsroom should care: outlets and reports, then quotations and the people
 * quoted, then recency within the period. Ties keep the grouping's order (biggest first).
 */
function rankStories(
  stories: DigestStory[],
  quotationsByDoc: ReadonlyMap<string, readonly Quotation[]>,
  latestOf: (story: DigestStory) => number,
  outletOf: ReadonlyMap<string, string | null>,
  from: number,
  to: number,
): void {
  const span = Math.max(1, to - from);
  const weight = new Map<DigestStory, number>();
  for (const story of stories) {
    const quotations = story.docs.flatMap((d) => quotationsByDoc.get(d) ?? []).filter((q) => q.confidence >= MIN_CONFIDENCE);
    const people = new Set(quotations.map((q) => q.speaker)).size;
    const latest = latestOf(story);
    const recency = latest > 0 ? Math.min(1, Math.max(0, (latest - from) / span)) : 0.5;
    // Documents without a known outlet count as a source each.
    const sources = story.outlets.length + story.docs.filter((d) => !outletOf.get(d)).length;
    weight.set(
      story,
      4 * sources + 3 * Math.log2(1 + story.docs.length) + 0.4 * Math.min(quotations.length, 5) + 0.5 * Math.min(people, 4) + recency,
    );
  }
  const order = new Map(stories.map((s, i) => [s, i]));
  stories.sort((a, b) => weight.get(b)! - weight.get(a)! || order.get(a)! - order.get(b)!);
}

/** The `dateline digest --json` shape (ARCHITECTURE.md), nothing more. */
export function digestJson(digest: Digest): DigestJson {
  return {
    from: digest.from,
    to: digest.to,
    stories: digest.stories.map((s) => {
      const fromFeedSummary = (doc: string) => digest.documents[doc]?.origin === "feed-summary";
      const feedSummaryDocs = s.docs.filter(fromFeedSummary);
      return {
        title: s.title,
        docs: s.docs,
        outlets: s.outlets,
        quotes: s.quotes.map((q) => ({ doc: q.doc, start: q.start, end: q.end, speaker: q.speaker, ...(fromFeedSummary(q.doc) ? { origin: "feed-summary" as const } : {}) })),
        ...(feedSummaryDocs.length > 0 ? { feedSummaryDocs } : {}),
      };
    }),
    speakers: digest.speakers.map((s) => ({ name: s.name, quotes: s.quotes })),
  };
}

/** The headline of the most central article that has one (articles come most central first). */
function titleOf(articles: readonly Article[]): string {
  const titled = articles.find((a) => a.title && a.title.trim());
  if (titled) return titled.title!.trim();
  const first = articles[0]!;
  const body = first.paragraphs.find((p) => p.role === "body");
  const text = body ? first.text.slice(body.start, body.end) : first.text;
  const words = text.trim().split(/\s+/).slice(0, 14).join(" ");
  return words || first.id;
}

function distinct(values: ReadonlyArray<string | null>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

const KIND_WEIGHT: Record<Quotation["kind"], number> = { direct: 1, transcript: 0.8, partial: 0.55 };

/** Direct, sure, substantial quotations score highest; very long ones are less digestible. */
export function quoteScore(q: Quotation): number {
  const length = q.end - q.start;
  const substance = Math.min(length, 240) / 240;
  const tooLong = length > 450 ? 0.8 : 1;
  return KIND_WEIGHT[q.kind] * q.confidence * (0.4 + 0.6 * substance) * tooLong;
}

/**
 * The story's best quotations: one per speaker first (each speaker's best, most prominent speaker first),
 * then seconds, and so on. A speaker is prominent in a story when quoted often there or named in a headline.
 * A quotation that repeats one already chosen (the same words in another outlet, or the same statement) is
 * skipped.
 */
function notableQuotes(
  candidates: readonly Quotation[],
  renderings: ReadonlyMap<string, ReadonlyArray<{ statement: Statement; start: number; end: number }>>,
  headlines: readonly string[],
): DigestQuote[] {
  const ranked = candidates
    .filter((q) => q.confidence >= MIN_CONFIDENCE && q.end > q.start)
    .map((q) => ({ q, score: quoteScore(q) }))
    .sort((a, b) => b.score - a.score || a.q.doc.localeCompare(b.q.doc) || a.q.start - b.q.start);

  const perSpeaker = new Map<string, Array<{ q: Quotation; score: number }>>();
  for (const r of ranked) {
    const list = perSpeaker.get(r.q.speaker!);
    if (list) list.push(r);
    else perSpeaker.set(r.q.speaker!, [r]);
  }
  const foldedHeadlines = headlines.map((h) => foldText(h));
  const prominence = (speaker: string, list: ReadonlyArray<{ score: number }>) => {
    const surname = foldText(speaker.split(/\s+/).pop() ?? speaker);
    const named = foldedHeadlines.some((h) => new RegExp(`\\b${escapeRegExp(surname)}\\b`).test(h));
    return list[0]!.score * (1 + 0.15 * Math.min(list.length - 1, 4)) * (named ? 1.5 : 1);
  };
  const speakers = [...perSpeaker]
    .map(([speaker, list]) => ({ list: list.map((r) => r.q), weight: prominence(speaker, list) }))
    .sort((a, b) => b.weight - a.weight);

  const chosen: Quotation[] = [];
  const seenTexts: string[] = [];
  const seenStatements = new Set<Statement>();
  for (let round = 0; chosen.length < QUOTES_PER_STORY; round++) {
    const offered = speakers.map((s) => s.list[round]).filter((q): q is Quotation => !!q);
    if (offered.length === 0) break;
    for (const q of offered) {
      if (chosen.length >= QUOTES_PER_STORY) break;
      const folded = foldText(q.text).replace(/\W+/g, " ").trim();
      if (seenTexts.some((t) => t.includes(folded) || folded.includes(t))) continue;
      const statement = statementOf(renderings.get(q.doc) ?? [], q.start, q.end);
      if (statement && seenStatements.has(statement)) continue;
      chosen.push(q);
      seenTexts.push(folded);
      if (statement) seenStatements.add(statement);
    }
  }
  return chosen.map((q) => ({
    doc: q.doc,
    start: q.start,
    end: q.end,
    text: q.text,
    speaker: q.speaker,
    kind: q.kind,
    cue: q.cue,
    confidence: q.confidence,
    paragraph: q.paragraph,
  }));
}

/** The statements' renderings in the given documents, by document. */
function renderingsIn(
  docs: ReadonlySet<string>,
  statements: readonly Statement[],
): Map<string, Array<{ statement: Statement; start: number; end: number }>> {
  const byDoc = new Map<string, Array<{ statement: Statement; start: number; end: number }>>();
  for (const statement of statements) {
    for (const r of statement.renderings) {
      if (!docs.has(r.doc)) continue;
      const list = byDoc.get(r.doc);
      const entry = { statement, start: r.start, end: r.end };
      if (list) list.push(entry);
      else byDoc.set(r.doc, [entry]);
    }
  }
  return byDoc;
}

/** The statement whose rendering overlaps the span most (as `StatementIndex.containing`), or null. */
function statementOf(renderings: ReadonlyArray<{ statement: Statement; start: number; end: number }>, start: number, end: number): Statement | null {
  let best: Statement | null = null;
  let most = 0;
  for (const r of renderings) {
    const overlap = Math.min(end, r.end) - Math.max(start, r.start);
    if (overlap > most) {
      most = overlap;
      best = r.statement;
    }
  }
  return best;
}

/** Statements that two or more of the story's documents word differently. */
function variantsAmong(
  docs: ReadonlySet<string>,
  statements: readonly Statement[],
  quotationsByDoc: ReadonlyMap<string, readonly Quotation[]>,
): DigestVariant[] {
  const variants: DigestVariant[] = [];
  for (const statement of statements) {
    const renderings = statement.renderings.filter((r) => docs.has(r.doc));
    if (new Set(renderings.map((r) => r.doc)).size < 2) continue;
    const wordings = new Set(renderings.map((r) => foldText(r.text).replace(/\W+/g, " ").trim())).size;
    if (wordings < 2) continue;
    const outlets = new Set(renderings.map((r) => r.outlet?.toLowerCase() ?? `doc:${r.doc}`)).size;
    const first = renderings[0]!;
    const holder = quotationsByDoc.get(first.doc)?.find((q) => q.start <= first.start && first.end <= q.end);
    variants.push({ speaker: statement.speaker, renderings, wordings, outlets, kind: holder?.kind ?? "partial" });
  }
  return variants
    .sort((a, b) => b.wordings - a.wordings || b.renderings.length - a.renderings.length)
    .slice(0, VARIANTS_PER_STORY);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
