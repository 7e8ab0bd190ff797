/**
 * The digest over a live newsroom: the articles first seen in the period, with their quotations and the
 * statements they share. Used by the scheduler, the /digest command and `dateline digest`.
 */
import type { Article } from "../corpus/types.js";
import type { Quotation } from "../quotes/types.js";
import type { StatementIndex } from "../statements/types.js";
import { composeDigest, digestJson } from "./compose.js";
import { digestReply, type DigestReplyOptions } from "./render.js";
import type { ComposeDigest } from "./schedule.js";
import type { Digest, DigestJson } from "./types.js";

/** What the digest needs from a Newsroom (a LiveNewsroom is one). */
export interface DigestSource {
  articles(): readonly Article[];
  readonly quotes: { readonly quotations: readonly Quotation[] };
  statements(): StatementIndex;
  firstSeen(doc: string): string | null;
}

/** Articles first seen after `from` and up to `to`. Articles never marked as seen are not new. */
export function newArticles(source: DigestSource, from: Date, to: Date): Article[] {
  return source.articles().filter((a) => {
    const seen = source.firstSeen(a.id);
    if (!seen) return false;
    const t = Date.parse(seen);
    return t > from.getTime() && t <= to.getTime();
  });
}

export function digestForNewsroom(source: DigestSource, from: Date, to: Date, late = false): Digest {
  const articles = newArticles(source, from, to);
  let statements: StatementIndex | null = null;
  if (articles.length > 1) {
    try {
      statements = source.statements();
    } catch {
      // Statement grouping is an extra: a digest without the "worded N ways" lines is still a digest.
      statements = null;
    }
  }
  return composeDigest({
    articles,
    quotations: source.quotes.quotations,
    statements,
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
  const reply = digestReply(digest, { maxStories: Number.MAX_SAFE_INTEGER, maxQuotesPerStory: 3, ...options });
  return { digest, json: digestJson(digest), text: reply.text };
}

/** The scheduler's compose function over a live newsroom: the public digest, dates in the channel's zone. */
export function digestComposer(source: DigestSource): ComposeDigest {
  return (from, to, late, subscription) =>
    digestReply(digestForNewsroom(source, from, to, late), { visibility: "public", zone: subscription.zone });
}
