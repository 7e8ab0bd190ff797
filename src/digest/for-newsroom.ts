/**
 * The digest over a live newsroom: the articles first seen in the period, with their quotations and the
 * statements they share. Used by the scheduler, the /digest command and `dateline digest`.
 */
import type { Article } from "../corpus/types.js";
import type { Quotation } from "../quotes/types.js";
import type { StatementIndex } from "../statements/types.js";
import { statementsIfReadyOrStarted, statementsWhenReady, type StatementSource } from "../statements/when-ready.js";
import { composeDigest, digestJson } from "./compose.js";
import { digestReply, type DigestReplyOptions } from "./render.js";
import type { ComposeDigest } from "./schedule.js";
import type { Digest, DigestJson } from "./types.js";

/** What the digest needs from a Newsroom (a LiveNewsroom is one). */
export interface DigestSource extends StatementSource {
  articles(): readonly Article[];
  readonly quotes: { readonly quotations: readonly Quotation[] };
  firstSeen(doc: string): string | null;
  /** Part of the baseline (the corpus as found at the data folder's first start); false when not told. */
  inBaseline?(doc: string): boolean;
}

/**
 * The period's new articles. An article is new in (from, to] when it was first seen then and is not part of
 * the baseline, or when its publication date falls in the period (and it had been seen by its end: an article
 * that arrives later belongs to a later period, by when it was first seen). Never seen: not new.
 */
export function newArticles(source: DigestSource, from: Date, to: Date): Article[] {
  const start = from.getTime();
  const end = to.getTime();
  return source.articles().filter((a) => {
    const seen = source.firstSeen(a.id);
    if (!seen) return false;
    const seenAt = Date.parse(seen);
    if (seenAt > end) return false;
    if (seenAt > start && !source.inBaseline?.(a.id)) return true;
    const published = a.published ? Date.parse(a.published) : NaN;
    return published >= start && published <= end;
  });
}

/**
 * The digest of the period. The statements shared by its articles are an extra (the "worded N ways" lines):
 * `statementsAtHand` gives them, or null without them; by default they are computed if need be (the CLI).
 */
export function digestForNewsroom(
  source: DigestSource,
  from: Date,
  to: Date,
  late = false,
  statementsAtHand: () => StatementIndex | null = () => source.statements(),
): Digest {
  const articles = newArticles(source, from, to);
  let statements: StatementIndex | null = null;
  if (articles.length > 1) {
    try {
      statements = statementsAtHand();
    } catch {
      // Statement grouping is an extra: a digest without the "worded N ways" lines is still a digest.
      statements = null;
    }
  }
  return composeDigest({
    articles,
    quotations: source.quotes.quotations,
    statements: statements?.statements ?? null,
    from,
    to,
    late,
    background: source.articles(),
  });
}

/** `dateline digest [--since 24h] [--json]`: the digest since `since`, as the JSON contract and as text. */
export function digestForCli(
  source: DigestSource,
  since: Date,
  now: Date,
  options: DigestReplyOptions = {},
): { digest: Digest; json: DigestJson; text: string } {
  const digest = digestForNewsroom(source, since, now);
  const reply = digestReply(digest, { maxStories: Number.MAX_SAFE_INTEGER, maxQuotesPerStory: 3, maxQuotes: Number.MAX_SAFE_INTEGER, ...options });
  return { digest, json: digestJson(digest), text: reply.text };
}

/** A digest asked for in chat: with the statements if they are ready, without them (never waiting) if not. */
export function digestInChat(source: DigestSource, from: Date, to: Date): Digest {
  return digestForNewsroom(source, from, to, false, () => statementsIfReadyOrStarted(source, false));
}

/**
 * The scheduler's compose function over a live newsroom: the public digest, dates in the channel's zone. A post
 * has no one waiting on it: it waits for statements still being computed (in slices, the bot answering meanwhile).
 */
export function digestComposer(source: DigestSource): ComposeDigest {
  return async (from, to, late, subscription) => {
    let statements: StatementIndex | null = null;
    try {
      statements = await statementsWhenReady(source);
    } catch {
      statements = null;
    }
    return digestReply(digestForNewsroom(source, from, to, late, () => statements), { visibility: "public", zone: subscription.zone });
  };
}
