/**
 * Content terms for statement matching: folded tokens without stop words, lightly stemmed, spelling variants
 * unified (analysis data: Kiev = Kyiv) and news-paraphrase synonyms merged (data/paraphrase.tsv: execution =
 * shooting). Deliberately separate from the search analyzer: paraphrase classes would blur search results.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import { analysisData } from "../text/analysis-data.js";
import { tokens, type Token } from "./text.js";

export interface Term extends Token {
  /** The comparison key: stem, variant- and synonym-folded. */
  key: string;
}

/** Reporting and filler words that carry no content in a rendering, on top of the search stop words. */
const EXTRA_STOP = new Set(
  "also added adds according tell told telling say saying noted notes note stressed would could may might must shall can cannot will us yet whether even including however meanwhile instead quite".split(
    " ",
  ),
);

/** A light English stemmer: enough to make execute/executed/execution/executing one key. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ly") && w.length > 5) w = w.slice(0, -2);
  for (const suffix of ["ment", "ing", "ion", "ed", "ful"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "shelling" -> "shell" keeps its double l; "stopped" -> "stopp" -> "stop".
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith("at") && w.length > 6) w = w.slice(0, -2);
  return w;
}

interface TermTables {
  stopWords: Set<string>;
  variants: Map<string, string>;
  synonyms: Map<string, string>;
}

let tables: TermTables | null = null;

function termTables(): TermTables {
  if (tables) return tables;
  const data = analysisData();
  const stopWords = new Set([...data.stopWords, ...EXTRA_STOP]);
  const synonyms = readSynonyms(join(packageRoot(), "data", "paraphrase.tsv"), data.variants);
  tables = { stopWords, variants: data.variants, synonyms };
  return tables;
}

/** Reads the paraphrase classes: stem of each word -> stem of the class's first word. */
export function readSynonyms(path: string, variants: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const synonyms = new Map<string, string>();
  for (const raw of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const keys = line
      .split(/[\t,]+/)
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean)
      .map((w) => stem(variants.get(w) ?? w));
    const head = keys[0];
    if (!head) continue;
    for (const key of keys) if (!synonyms.has(key)) synonyms.set(key, head);
  }
  return synonyms;
}

const keyCache = new Map<string, string | null>();

/** The comparison key of one folded word, or null for a stop word. */
export function termKey(folded: string): string | null {
  let key = keyCache.get(folded);
  if (key === undefined) {
    key = computeKey(folded);
    if (keyCache.size < 500_000) keyCache.set(folded, key);
  }
  return key;
}

function computeKey(folded: string): string | null {
  const { stopWords, variants, synonyms } = termTables();
  if (folded.length < 2 && !/\d/.test(folded)) return null;
  if (stopWords.has(folded)) return null;
  const canonical = variants.get(folded) ?? folded;
  const stemmed = stem(canonical);
  return synonyms.get(stemmed) ?? stemmed;
}

/** The content terms of `text[from, to)` in order, with offsets into `text`. */
export function contentTerms(text: string, from = 0, to = text.length): Term[] {
  const out: Term[] = [];
  for (const token of tokens(text, from, to)) {
    const key = termKey(token.folded);
    if (key) out.push({ ...token, key });
  }
  return out;
}
