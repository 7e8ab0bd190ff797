/**
 * Templated wire items: many short articles whose headlines share a pattern and differ only by a name
 * ("TEXAS EASTERN CORP <TET> 3RD QTR NET", "CTS CORP <CTS> 1ST QTR NET"; "ITT CORP <ITT> DECLARES DIVIDEND").
 * They are not stories: grouped by their words they make one false story of hundreds of unrelated companies.
 * The digest gathers them into one line per kind ("Company results: 305 — Texas Eastern, CTS, ...").
 *
 * A headline's pattern is its tail of pattern words: words frequent among the period's headlines (numbers,
 * ordinals and months count as one word each), read from the end until a name word, a ticker or a company
 * form (Corp, Inc) is met; what comes before is the name. A pattern is a kind when enough short articles carry
 * it under different names. Kinds are named from a few financial words (results, dividends), else by the
 * pattern's own words.
 */
import type { Article } from "../corpus/types.js";

export interface TemplatedItem {
  /** The name as shown ("Texas Eastern"); one item per ticker or name. */
  name: string;
  docs: string[];
}

export interface TemplatedKind {
  /** "Company results", "Dividends", or the pattern's words ("Copper price"). */
  label: string;
  /** Most recent first. */
  items: TemplatedItem[];
  articles: number;
}

/** A pattern (or a known kind) is a kind with at least this many articles, this share of them under different names. */
const MIN_ARTICLES = 5;
const MIN_NAME_SHARE = 0.6;
/** Templated items are short: the median story text of a kind is at most this long. */
const MAX_MEDIAN_LENGTH = 1200;
/** A pattern word is in at least this many of the period's headlines (and this share of them). */
const MIN_WORD_HEADLINES = 4;
const MIN_WORD_SHARE = 0.004;
/** Names are short: a longer head is a sentence, not a name. */
const MAX_NAME_WORDS = 6;

const COMPANY_FORMS = new Set(["CORP", "CORPORATION", "INC", "CO", "COS", "LTD", "PLC", "AG", "SA", "NV", "LP", "BHD", "GROUP", "HOLDINGS", "BANCORP", "CORP."]);
const MONTHS = /^(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*$/;

const KIND_NAMES: ReadonlyArray<{ label: string; words: RegExp }> = [
  { label: "Dividends", words: /^(DIV|DIVS|DIVIDEND|DIVIDENDS|QTLY|QTRLY|PAYOUT|DISTRIBUTION|SPLIT)$/ },
  { label: "Company results", words: /^(NET|LOSS|PROFIT|PROFITS|EARNINGS|RESULTS|SHR|REVENUES?)$/ },
];

interface Headline {
  article: Article;
  words: string[];
  ticker: string | null;
}

/** Upper-cased headline words; a ticker ("<TET>") stands as "<>" and is kept apart. */
function headline(article: Article): Headline | null {
  const title = article.title?.trim();
  if (!title) return null;
  let ticker: string | null = null;
  const marked = title
    .toUpperCase()
    .replace(/<\s*([A-Z0-9.]{1,6})\s*>/g, (_, t: string) => {
      ticker ??= t;
      return " TICKER\u00a7 ";
    })
    .replace(/[<>]/g, " ");
  const words = marked
    .split(/[\s,;:()"“”]+/)
    .filter((w) => /[A-Z0-9]/.test(w))
    .map((w) => (w === "TICKER\u00a7" ? "<>" : w));
  return { article, words, ticker };
}

/** Numbers, ordinals and months stand as one placeholder each in patterns. */
function patternWord(word: string): string {
  if (/^\d+(ST|ND|RD|TH)$/.test(word)) return "#ORD";
  if (/^[\d.,/-]+$/.test(word)) return "#";
  if (MONTHS.test(word) && word.length <= 5) return "#MON";
  return word;
}

function storyLength(article: Article): number {
  const body = article.paragraphs.filter((p) => p.role === "body");
  return body.length > 0 ? body.reduce((n, p) => n + p.end - p.start, 0) : article.text.length;
}

/** "TEXAS EASTERN CORP" -> "Texas Eastern" (company forms dropped, words capitalised, tickers and acronyms kept). */
export function displayName(words: readonly string[], ticker: string | null = null): string {
  const kept = words.filter((w) => w !== "<>" && !COMPANY_FORMS.has(w.replace(/\.$/, "")));
  const name = (kept.length > 0 ? kept : words.filter((w) => w !== "<>"))
    .map((w) => (w === ticker || !/[AEIOUY]/.test(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(" ");
  return name.replace(/\b(Of|And|The|For|In)\b/g, (w) => w.toLowerCase()).trim();
}

/** The label of a known kind the pattern's words name ("Company results"), or null. */
function knownKind(pattern: readonly string[]): string | null {
  return KIND_NAMES.find((kind) => pattern.some((w) => kind.words.test(w)))?.label ?? null;
}

function labelOf(pattern: readonly string[]): string {
  const known = knownKind(pattern);
  if (known) return known;
  const words = pattern.filter((w) => !w.startsWith("#") && w !== "<>");
  const text = words.join(" ").toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Splits the articles into templated kinds and the rest (which are grouped into stories). */
export function gatherTemplated(articles: readonly Article[]): { kinds: TemplatedKind[]; rest: Article[] } {
  const headlines = articles.map(headline);
  const frequency = new Map<string, number>();
  for (const h of headlines) {
    if (!h) continue;
    for (const w of new Set(h.words.map(patternWord))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  }
  const minCount = Math.max(MIN_WORD_HEADLINES, Math.ceil(MIN_WORD_SHARE * articles.length));
  const isPatternWord = (w: string) => w !== "<>" && !COMPANY_FORMS.has(w) && (frequency.get(w) ?? 0) >= minCount;

  // Pattern -> the articles carrying it, each with its name words.
  const byPattern = new Map<string, Array<{ h: Headline; name: string[] }>>();
  for (const h of headlines) {
    if (!h) continue;
    const keys = h.words.map(patternWord);
    let cut = keys.length;
    while (cut > 0 && isPatternWord(keys[cut - 1]!)) cut--;
    const pattern = keys.slice(cut);
    // With a ticker, the name is what stands before it ("ITT CORP <ITT> REGULAR QTRLY DIVIDEND").
    const tickerAt = h.words.indexOf("<>");
    const name = h.words.slice(0, tickerAt >= 0 && tickerAt < cut ? tickerAt : cut);
    // A pattern needs two words of its own (one, like "- USDA" or "PRICES", is a source or a topic, not a
    // template) unless it names a known kind, and a name before it.
    const own = pattern.filter((w) => !w.startsWith("#")).length;
    if (own < (knownKind(pattern) ? 1 : 2)) continue;
    if (name.length === 0 || name.length > MAX_NAME_WORDS) continue;
    const key = pattern.join(" ");
    const list = byPattern.get(key);
    if (list) list.push({ h, name });
    else byPattern.set(key, [{ h, name }]);
  }

  // Patterns of a known kind are taken together ("3RD QTR NET" and "YEAR NET" are both company results); a
  // kind is one when enough short articles carry it under different names.
  const byKind = new Map<string, Array<{ h: Headline; name: string[] }>>();
  for (const [key, members] of byPattern) {
    const pattern = key.split(" ");
    const bucket = knownKind(pattern) ?? `pattern:${key}`;
    byKind.set(bucket, [...(byKind.get(bucket) ?? []), ...members]);
  }
  for (const [bucket, members] of byKind) {
    const names = new Set(members.map((m) => m.h.ticker ?? m.name.join(" ")));
    const lengths = members.map((m) => storyLength(m.h.article)).sort((a, b) => a - b);
    const isKind =
      members.length >= MIN_ARTICLES &&
      names.size >= MIN_NAME_SHARE * members.length &&
      lengths[Math.floor(lengths.length / 2)]! <= MAX_MEDIAN_LENGTH;
    if (!isKind) byKind.delete(bucket);
  }

  const gathered = new Set<string>();
  const kinds: TemplatedKind[] = [];
  for (const [bucket, members] of byKind) {
    const label = bucket.startsWith("pattern:") ? labelOf(bucket.slice("pattern:".length).split(" ")) : bucket;
    const sorted = [...members].sort(
      (a, b) => (b.h.article.published ?? "").localeCompare(a.h.article.published ?? "") || a.h.article.id.localeCompare(b.h.article.id),
    );
    const items = new Map<string, TemplatedItem>();
    for (const m of sorted) {
      gathered.add(m.h.article.id);
      const name = displayName(m.name, m.h.ticker);
      const key = m.h.ticker ?? name.toLowerCase();
      const item = items.get(key);
      if (item) item.docs.push(m.h.article.id);
      else items.set(key, { name, docs: [m.h.article.id] });
    }
    kinds.push({ label, items: [...items.values()], articles: members.length });
  }
  kinds.sort((a, b) => b.articles - a.articles || a.label.localeCompare(b.label));
  return { kinds, rest: articles.filter((a) => !gathered.has(a.id)) };
}
