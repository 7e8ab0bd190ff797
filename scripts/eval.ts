/**
 * `npm run eval`: attribution figures.
 * 1. The sample corpus (seeds/) against test/fixtures/seed-quotes.json: quotations found, right speaker, misses.
 * 2. PolNeAR (../shared/corpora/polnear, dev split; `--split train` for tuning): direct and mixed quotations
 *    whose source is a name: the share found (one of our quotations overlaps the annotated content) and, of
 *    those, the share with the right speaker: our speaker's surname is the last word of the annotated source's
 *    head or of one of its appositions (before an "of …" tail: "Brent Bozell III, founder of …" -> Bozell;
 *    "His former business partner at Lenox, Lawrence B. Cummings," -> Cummings).
 *    A source is "a name" when that last word is capitalised ("who", "the statement", "a source" are not).
 *    Pronoun sources are reported apart (found, and given a speaker). Also: accuracy by confidence band and by
 *    attribution rule. Skipped with a message when ../shared is absent.
 * Options: --split dev|train (tune on train only), --misses N (print N wrong examples), --show-null (with
 * --misses, list found-but-unattributed and missed ones too).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpus } from "../src/corpus/load.js";
import { evalHtml } from "./eval-html.js";
import { evalDigest } from "./eval-digest.js";
import type { Article } from "../src/corpus/types.js";
import { packageRoot } from "../src/paths.js";
import { evalEditor } from "./eval-editor.js";
import { buildQuoteBook } from "../src/quotes/book.js";
import { foldText } from "../src/search/analysis.js";
import type { Quotation } from "../src/quotes/types.js";
import { evalSearch, parseSearchOptions } from "./eval-search.js";

interface Options {
  /** Run one part only: "attribution" ("seeds", "polnear"), "search", "digest", "editor" or "html". */
  only: string | null;
  split: string;
  misses: number;
  /** Also list quotations we found but gave no speaker. */
  showNull: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { only: null, split: "dev", misses: 0, showNull: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--split") options.split = argv[++i] ?? "dev";
    else if (argv[i] === "--misses") options.misses = Number(argv[++i] ?? "20");
    else if (argv[i] === "--show-null") options.showNull = true;
    else if (argv[i] === "--only") options.only = argv[++i] ?? null;
  }
  return options;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;
}

async function evalSeeds(root: string): Promise<boolean> {
  const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/seed-quotes.json"), "utf8")) as {
    quotes: Array<{ doc: string; start?: number; end?: number; text: string; speaker: string; kind: string }>;
  };
  const corpus = await loadCorpus(join(root, "seeds"));
  const book = buildQuoteBook(corpus);
  const spans = fixture.quotes.filter((q) => q.start !== undefined);
  let found = 0;
  let right = 0;
  const problems: string[] = [];
  for (const expected of spans) {
    const mine = book.quotations.find((q) => q.doc === expected.doc && q.start === expected.start && q.end === expected.end);
    if (!mine) {
      problems.push(`  missed   ${expected.doc} ${expected.start}-${expected.end} “${expected.text.slice(0, 60)}”`);
      continue;
    }
    found++;
    if (mine.speaker === expected.speaker && mine.kind === expected.kind) right++;
    else problems.push(`  wrong    ${expected.doc} ${expected.start}: ${mine.speaker}/${mine.kind}, expected ${expected.speaker}/${expected.kind}`);
  }
  for (const t of fixture.quotes.filter((q) => q.start === undefined && q.kind === "transcript")) {
    const article = corpus.articles.find((a) => a.id === t.doc);
    const body = article?.paragraphs.filter((p) => p.role === "body") ?? [];
    const ok = body.every((p) => book.quotations.some((q) => q.doc === t.doc && q.paragraph === p.n && q.kind === "transcript" && q.speaker === t.speaker));
    if (!ok) problems.push(`  transcript ${t.doc}: not every body paragraph is ${t.speaker}'s`);
  }
  const extra = book.quotations.filter(
    (q) => q.kind !== "transcript" && !spans.some((e) => e.doc === q.doc && e.start === q.start && e.end === q.end),
  );
  for (const q of extra) problems.push(`  extra    ${q.doc} ${q.start}-${q.end} “${q.text.slice(0, 60)}”`);
  console.log(`Seeds: ${spans.length} quotations: found ${found} (${pct(found, spans.length)}), right speaker and kind ${right} (${pct(right, found)}), extra ${extra.length}`);
  for (const line of problems) console.log(line);
  return problems.length === 0;
}

interface PolnearRow {
  article: string;
  kind: "direct" | "mixed";
  content: string;
  content_spans: Array<[number, number]>;
  source: string;
  source_is_pronoun: boolean;
  cue: string;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

/** Folded words of a name, possessives and suffixes dropped. */
function nameWords(name: string): string[] {
  return (foldText(name).replace(/[’']s?(?=\s|$)/gu, "").match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !SUFFIXES.has(w));
}

/** Our speaker's surname: the last word of the canonical name. */
function surname(name: string): string {
  const words = nameWords(name);
  return words[words.length - 1] ?? "";
}

/**
 * The surnames an annotated source may mean: the last word of its head (before an apposition or a bracket) and
 * of each apposition, and the last word before each "of/from/at" in them ("Joel Pollak of Breitbart California"
 * -> pollak or california; "Former Secretary of State Madeleine Albright" -> albright or secretary; "His former
 * business partner at Lenox, Lawrence B. Cummings," -> partner, lenox or cummings).
 */
function annotatedSurnames(source: string): string[] {
  const out: string[] = [];
  for (const segment of source.split(/[,()[\]]/u)) {
    for (const part of segment.split(/\s+(?:of|from|at)\s+/u)) {
      const words = nameWords(part);
      if (words.length > 0) out.push(words[words.length - 1]!);
    }
  }
  return out;
}

/** Which rule made the attribution, from its evidence. */
function ruleOf(q: Quotation): string {
  const e = q.evidence;
  if (!q.speaker) return "none";
  if (e.startsWith("named next")) return "named";
  if (e.startsWith("named in the clause closing")) return "closing clause";
  if (e.startsWith("subject of the sentence")) return "sentence subject";
  if (e.startsWith("pronoun")) return "pronoun";
  if (e.startsWith("'")) return "role/it";
  if (e.startsWith("continues")) return "continuation";
  if (e.startsWith("introduced")) return "colon intro";
  if (e.startsWith("the sentence before")) return "sentence before";
  if (e.startsWith("a quotation paragraph")) return "paragraph after";
  if (e.startsWith("the same words")) return "repeated";
  if (e.startsWith("transcript")) return "transcript";
  return "other";
}

function overlap(q: Quotation, spans: Array<[number, number]>): number {
  let total = 0;
  for (const [s, e] of spans) total += Math.max(0, Math.min(e, q.end) - Math.max(s, q.start));
  return total;
}

async function evalPolnear(root: string, options: Options): Promise<void> {
  const dir = join(root, "..", "shared", "corpora", "polnear");
  const articlesPath = join(dir, `articles-${options.split}.jsonl`);
  if (!existsSync(articlesPath)) {
    console.log(`PolNeAR: skipped (${articlesPath} is absent).`);
    return;
  }
  const started = Date.now();
  const corpus = await loadCorpus(articlesPath);
  const book = buildQuoteBook(corpus);
  const byDoc = new Map<string, Quotation[]>();
  for (const q of book.quotations) byDoc.set(q.doc, [...(byDoc.get(q.doc) ?? []), q]);
  const articles = new Map<string, Article>(corpus.articles.map((a) => [a.id, a]));
  const rows = readJsonl<PolnearRow>(join(dir, `attributions-${options.split}.jsonl`)).filter((r) => articles.has(r.article));

  const groups = {
    name: { total: 0, found: 0, right: 0, attributed: 0 },
    other: { total: 0, found: 0, right: 0, attributed: 0 },
    pronoun: { total: 0, found: 0, right: 0, attributed: 0 },
  };
  const misses: string[] = [];
  const rules: Record<string, { right: number; wrong: number }> = {};
  const bands: Record<string, { right: number; wrong: number }> = {};
  const matched = new Set<Quotation>();
  for (const row of rows) {
    const sourceHead = (row.source.split(/[,([]/u)[0] ?? "").trim().split(/\s+/u);
    const isName = !row.source_is_pronoun && /^\p{Lu}/u.test(sourceHead[sourceHead.length - 1] ?? "");
    const group = row.source_is_pronoun ? groups.pronoun : isName ? groups.name : groups.other;
    group.total++;
    const candidates = (byDoc.get(row.article) ?? []).filter((q) => overlap(q, row.content_spans) > 0);
    for (const q of candidates) matched.add(q);
    const best = candidates.sort((a, b) => overlap(b, row.content_spans) - overlap(a, row.content_spans))[0];
    const where = `${row.article} @${row.content_spans[0]?.[0]}`;
    if (!best) {
      if (isName && misses.length < options.misses && options.showNull) misses.push(`  missed  ${where} (${row.kind}) “${row.content.slice(0, 70)}” — ${row.source}`);
      continue;
    }
    group.found++;
    if (best.speaker) group.attributed++;
    const right = best.speaker !== null && annotatedSurnames(row.source).includes(surname(best.speaker));
    if (isName) {
      const r = (rules[ruleOf(best)] ??= { right: 0, wrong: 0 });
      if (right) r.right++;
      else r.wrong++;
      if (best.speaker) {
        const band = best.confidence >= 0.8 ? "≥0.8" : best.confidence >= 0.6 ? "0.6–0.8" : "<0.6";
        const b = (bands[band] ??= { right: 0, wrong: 0 });
        if (right) b.right++;
        else b.wrong++;
      }
    }
    if (right) group.right++;
    else if (isName && misses.length < options.misses && (best.speaker || options.showNull)) {
      misses.push(`  wrong   ${where} “${best.text.slice(0, 50)}” — ours ${best.speaker} (${best.evidence}), annotated ${row.source}`);
    }
  }
  const docs = new Set(rows.map((r) => r.article));
  const ours = book.quotations.filter((q) => docs.has(q.doc));
  const unmatched = ours.filter((q) => !matched.has(q)).length;
  const n = groups.name;
  console.log(`PolNeAR ${options.split}: ${corpus.articles.length} articles, ${rows.length} annotated quotations, ${ours.length} of ours (${unmatched} overlap no annotation), ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  named source:   ${n.total}: found ${n.found} (${pct(n.found, n.total)}), right speaker ${n.right} (${pct(n.right, n.found)} of found)`);
  const o = groups.other;
  console.log(`  other source:   ${o.total} ("who", "the statement", a title, none): found ${o.found} (${pct(o.found, o.total)}), same last word ${o.right}`);
  const p = groups.pronoun;
  console.log(`  pronoun source: ${p.total}: found ${p.found} (${pct(p.found, p.total)}), given a speaker ${p.attributed} (${pct(p.attributed, p.found)} of found)`);
  const attributedRight = n.right;
  const attributed = Object.values(bands).reduce((sum, b) => sum + b.right + b.wrong, 0);
  console.log(`  named source, given a speaker: ${attributed} (${pct(attributed, n.found)} of found), right ${pct(attributedRight, attributed)}`);
  console.log(`  by confidence (named sources given a speaker): ${Object.entries(bands).map(([k, v]) => `${k}: ${v.right}/${v.right + v.wrong} right (${pct(v.right, v.right + v.wrong)})`).join(", ")}`);
  console.log(`  by rule (named sources): ${Object.entries(rules).sort((a, b) => b[1].right + b[1].wrong - a[1].right - a[1].wrong).map(([k, v]) => `${k} ${v.right}/${v.right + v.wrong}`).join(", ")}`);
  for (const line of misses) console.log(line);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = packageRoot();
  const argv = process.argv.slice(2);
  // `--only NAME` runs one part: attribution (or seeds, polnear), search, digest, editor or html.
  const wants = (...parts: string[]): boolean => options.only === null || parts.includes(options.only);
  if (wants("attribution", "seeds")) await evalSeeds(root);
  if (wants("attribution", "polnear")) await evalPolnear(root, options);
  if (wants("search")) await evalSearch(root, parseSearchOptions(argv));
  if (wants("digest")) await evalDigest(root, argv);
  if (wants("editor")) await evalEditor(root, argv);
  if (wants("html")) evalHtml();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
