/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  /** Title, description, field names and values, footer text and author name, over all embeds of a message. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  url: 2048,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
} as const;

export const ELLIPSIS = "…";

/**
 * The longest rendering of a prefix of `raw` that fits in `limit` characters. `render(part, cut)` formats a
 * prefix (escaping, marks, quotation marks) and must add its own "…" when `cut` is true. Cutting happens on the
 * raw text, before escaping, so an escape sequence or a bold pair is never split; it prefers a word boundary.
 * Returns null when not even an empty prefix fits.
 */
export function fitText(raw: string, limit: number, render: (part: string, cut: boolean) => string): string | null {
  const whole = render(raw, false);
  if (whole.length <= limit) return whole;
  const cutAt = (n: number) => render(raw.slice(0, n).trimEnd(), true);
  // Binary search for the longest prefix whose rendering fits (escaping makes the rendered length uneven).
  let fits = -1;
  let fails = raw.length;
  while (fails - fits > 1) {
    const mid = (fits + fails) >> 1;
    if (cutAt(mid).length <= limit) fits = mid;
    else fails = mid;
  }
  if (fits < 0) return null;
  const soft = cutAt(softCut(raw, fits));
  return soft.length <= limit ? soft : cutAt(surrogateSafe(raw, fits));
}

/** Moves a cut back to a word boundary when one is near, and never between the halves of a surrogate pair. */
function softCut(raw: string, n: number): number {
  const space = raw.lastIndexOf(" ", n);
  if (space > 0 && n - space <= 20) n = space;
  return surrogateSafe(raw, n);
}

function surrogateSafe(raw: string, n: number): number {
  const code = raw.charCodeAt(n - 1);
  return n > 0 && code >= 0xd800 && code <= 0xdbff ? n - 1 : n;
}

/** Plain-text cut: `text` itself when it fits, else a prefix ending in "…". */
export function cutPlain(text: string, limit: number): string {
  return fitText(text, limit, (part, cut) => (cut ? part + ELLIPSIS : part)) ?? "";
}
