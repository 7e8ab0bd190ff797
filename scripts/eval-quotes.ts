/**
 * `npm run eval -- --only quotes`: who said each quotation, counted over ALL annotated quotations (a quotation we
 * do not find, or find without a speaker, counts against us, as it does for a newsroom).
 * 1. The sample corpus (seeds/) against test/fixtures/seed-quotes.json: found, right speaker and kind.
 * 2. PolNeAR (shared/corpora/polnear, `--split dev|train`; tune on train, report dev), by the annotated source:
 *    - named ("Hillary Clinton", "Mr. Trump"): found, right, wrong, none; right when our speaker's surname is the
 *      last word of the source's head or of one of its appositions (scoring.ts);
 *    - role and organisation ("a spokesman for the Home Office", "the Clinton campaign"): right when our speaker
 *      holds its head noun and the organisation's name;
 *    - description ("the Vermont senator", "the board", "the source": the words point back to someone named
 *      before, whom the annotation does not give): found and given a speaker;
 *    - pronoun ("he"): found and given a speaker (the referent is not annotated).
 * 3. Our own annotated BBC articles (test/fixtures/bbc-quotes.json, offsets and labels only): right over all
 *    speech quotations, by kind, and the quotation marks that are not speech given a speaker.
 * Each part prints the accuracy by confidence band, a plain baseline in the same run (the nearest capitalised
 * word before the quotation in its paragraph), and with `--misses N` the N worst errors (surest wrong first).
 * Parts reading shared/ are skipped with a message when it is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadCorpus, readCorpusFile } from "../src/corpus/load.js";
import type { Article } from "../src/corpus/types.js";
import { buildQuoteBook } from "../src/quotes/book.js";
import type { Quotation } from "../src/quotes/types.js";
import { baselineSpeaker, classifySource, isRightNamed, isRightOrganisation, isRightPerson, isRightRole, type SourceClass } from "./quote-scoring.js";

export interface QuoteEvalOptions {
  split: string;
  misses: number;
  /** `--by-rule`: accuracy of each attribution rule beside the confidence it gives. */
  byRule: boolean;
}

export function quoteEvalOptions(argv: readonly string[]): QuoteEvalOptions {
  const options: QuoteEvalOptions = { split: "dev", misses: 0, byRule: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--split") options.split = argv[++i] ?? "dev";
    // "--misses" alone lists 20; a number after it says how many (a flag after it is not eaten).
    else if (argv[i] === "--misses") options.misses = /^\d+$/.test(argv[i + 1] ?? "") ? Number(argv[++i]) : 20;
    else if (argv[i] === "--by-rule") options.byRule = true;
  }
  return options;
}

/** The shared data folder: `shared/` beside the project, or beside a folder holding it (a git worktree). */
export function sharedDir(root: string): string | null {
  for (let dir = dirname(root), i = 0; i < 3; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, "shared", "corpora"))) return join(dir, "shared");
  }
  return null;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;
}

export async function evalQuotes(root: string, argv: readonly string[]): Promise<void> {
  const options = quoteEvalOptions(argv);
  await evalSeeds(root);
  const shared = sharedDir(root);
  if (!shared) {
    console.log("PolNeAR and BBC attribution: skipped (no shared/corpora beside the project).");
    return;
  }
  await evalPolnear(shared, options);
  await evalBbc(root, shared, options);
}

async function evalSeeds(root: string): Promise<void> {
  const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/seed-quotes.json"), "utf8")) as {
    quotes: Array<{ doc: string; start?: number; end?: number; text: string; speaker: string; kind: string }>;
  };
  const corpus = await loadCorpus(join(root, "seeds"));
  const book = buildQuoteBook(corpus);
  const spans = fixture.quotes.filter((q) => q.start !== undefined);
  const transcripts = fixture.quotes.filter((q) => q.start === undefined && q.kind === "transcript");
  let right = 0;
  const problems: string[] = [];
  for (const expected of spans) {
    const mine = book.quotations.find((q) => q.doc === expected.doc && q.start === expected.start && q.end === expected.end);
    if (!mine) problems.push(`  missed   ${expected.doc} ${expected.start}-${expected.end} “${expected.text.slice(0, 60)}”`);
    else if (mine.speaker === expected.speaker && mine.kind === expected.kind) right++;
    else problems.push(`  wrong    ${expected.doc} ${expected.start}: ${mine.speaker}/${mine.kind}, expected ${expected.speaker}/${expected.kind}`);
  }
  for (const t of transcripts) {
    const article = corpus.articles.find((a) => a.id === t.doc);
    const body = article?.paragraphs.filter((p) => p.role === "body") ?? [];
    const ok = body.length > 0 && body.every((p) => book.quotations.some((q) => q.doc === t.doc && q.paragraph === p.n && q.kind === "transcript" && q.speaker === t.speaker));
    if (ok) right++;
    else problems.push(`  transcript ${t.doc}: not every body paragraph is ${t.speaker}'s`);
  }
  const extra = book.quotations.filter((q) => q.kind !== "transcript" && !spans.some((e) => e.doc === q.doc && e.start === q.start && e.end === q.end));
  for (const q of extra) problems.push(`  extra    ${q.doc} ${q.start}-${q.end} “${q.text.slice(0, 60)}”`);
  const total = spans.length + transcripts.length;
  console.log(`Seeds: ${right}/${total} quotations with the right speaker and kind, ${extra.length} extra`);
  for (const line of problems) console.log(line);
}

/** One annotated quotation, judged. */
interface Judged {
  where: string;
  expected: string;
  ours: Quotation | null;
  outcome: "right" | "wrong" | "none" | "missed";
  baselineRight: boolean;
}

interface Tally {
  total: number;
  found: number;
  right: number;
  wrong: number;
  none: number;
  baseline: number;
}

const emptyTally = (): Tally => ({ total: 0, found: 0, right: 0, wrong: 0, none: 0, baseline: 0 });

function count(tally: Tally, j: Judged): void {
  tally.total++;
  if (j.outcome !== "missed") tally.found++;
  if (j.outcome === "right") tally.right++;
  else if (j.outcome === "wrong") tally.wrong++;
  else if (j.outcome === "none") tally.none++;
  if (j.baselineRight) tally.baseline++;
}

function tallyLine(label: string, t: Tally, all?: number): string {
  const share = all === undefined ? "" : ` (${pct(t.total, all)} of all annotated)`;
  return (
    `  ${label}: ${t.total}${share}: found ${t.found} (${pct(t.found, t.total)}), right ${t.right} (${pct(t.right, t.total)}), ` +
    `wrong ${t.wrong} (${pct(t.wrong, t.total)}), none ${t.none} (${pct(t.none, t.total)}); baseline right ${pct(t.baseline, t.total)}`
  );
}

const BANDS: ReadonlyArray<[string, number]> = [["≥0.8", 0.8], ["0.6–0.8", 0.6], ["<0.6", 0]];

/** Accuracy of the attributed quotations (a speaker given), by confidence band. */
function bandLine(judged: readonly Judged[]): string {
  const parts = BANDS.map(([label, floor], i) => {
    const ceiling = i === 0 ? Infinity : BANDS[i - 1]![1];
    const inBand = judged.filter((j) => j.ours?.speaker && j.ours.confidence >= floor && j.ours.confidence < ceiling);
    const right = inBand.filter((j) => j.outcome === "right").length;
    return `${label}: ${right}/${inBand.length} right (${pct(right, inBand.length)})`;
  });
  return `  by confidence (quotations given a speaker): ${parts.join(", ")}`;
}

/** The rule an attribution's evidence names, its particulars left out ("pronoun '…' -> last named man"). */
export function ruleOf(evidence: string): string {
  return evidence
    .replace(/'[^']*'/g, "'…'")
    .replace(/ before reports .*$/, " before reports someone speaking")
    .replace(/^transcript label .*$/, "transcript label")
    .replace(/\s*\((?:others named|other candidates)[^)]*\)/g, "")
    .split(/:|->|,\s|\s¶/)[0]!
    .replace(/^introduced in$/, "introduced in the paragraph before")
    .trim();
}

/** Accuracy of each rule that gave a speaker, beside the confidences it gave: where to calibrate (rules/confidence.ts). */
function ruleLines(judged: readonly Judged[]): string[] {
  const byRule = new Map<string, { n: number; right: number; confidence: number }>();
  for (const j of judged) {
    if (!j.ours?.speaker) continue;
    // A rule capped because others are named in the paragraph (rules/several-people.ts) is calibrated apart.
    const key = ruleOf(j.ours.evidence) + (j.ours.evidence.includes("(others named in the paragraph)") ? " [others named]" : "");
    const r = byRule.get(key) ?? { n: 0, right: 0, confidence: 0 };
    r.n++;
    if (j.outcome === "right") r.right++;
    r.confidence += j.ours.confidence;
    byRule.set(key, r);
  }
  return [...byRule.entries()]
    .sort((a, b) => b[1].n - a[1].n)
    .map(([rule, r]) => `    ${rule}: ${r.right}/${r.n} right (${pct(r.right, r.n)}), mean confidence ${(r.confidence / r.n).toFixed(2)}`);
}

/** The worst errors first: a wrong speaker given with high confidence, then no speaker, then not found. */
function printMisses(judged: readonly Judged[], limit: number): void {
  if (limit <= 0) return;
  const rank = (j: Judged) => (j.outcome === "wrong" ? 2 + (j.ours?.confidence ?? 0) : j.outcome === "none" ? 1 : 0);
  const worst = judged.filter((j) => j.outcome !== "right").sort((a, b) => rank(b) - rank(a)).slice(0, limit);
  console.log(`  the ${worst.length} worst errors:`);
  for (const j of worst) {
    const ours = j.ours ? `ours ${j.ours.speaker ?? "none"} ${j.ours.confidence} (${j.ours.evidence})` : "not found";
    const text = j.ours ? ` “${j.ours.text.slice(0, 50)}”` : "";
    console.log(`    ${j.outcome.padEnd(6)} ${j.where}${text}: ${ours}; annotated ${j.expected}`);
  }
}

function overlap(q: Quotation, spans: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  for (const [s, e] of spans) total += Math.max(0, Math.min(e, q.end) - Math.max(s, q.start));
  return total;
}

/** Our quotation that overlaps the annotated spans most, if any. */
function bestMatch(ours: readonly Quotation[], spans: ReadonlyArray<readonly [number, number]>): Quotation | null {
  let best: Quotation | null = null;
  let most = 0;
  for (const q of ours) {
    const o = overlap(q, spans);
    if (o > most) {
      most = o;
      best = q;
    }
  }
  return best;
}

function judge(where: string, expected: string, ours: Quotation | null, isRight: (speaker: string) => boolean, baseline: string | null): Judged {
  const outcome = !ours ? "missed" : !ours.speaker ? "none" : isRight(ours.speaker) ? "right" : "wrong";
  return { where, expected, ours, outcome, baselineRight: baseline !== null && isRight(baseline) };
}

function byDoc(quotations: readonly Quotation[]): Map<string, Quotation[]> {
  const map = new Map<string, Quotation[]>();
  for (const q of quotations) {
    const list = map.get(q.doc);
    if (list) list.push(q);
    else map.set(q.doc, [q]);
  }
  return map;
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

async function evalPolnear(shared: string, options: QuoteEvalOptions): Promise<void> {
  const dir = join(shared, "corpora", "polnear");
  const articlesPath = join(dir, `articles-${options.split}.jsonl`);
  if (!existsSync(articlesPath)) {
    console.log(`PolNeAR: skipped (${articlesPath} is absent).`);
    return;
  }
  const started = Date.now();
  const corpus = await loadCorpus(articlesPath);
  const book = buildQuoteBook(corpus);
  const ours = byDoc(book.quotations);
  const articles = new Map<string, Article>(corpus.articles.map((a) => [a.id, a]));
  const rows = readFileSync(join(dir, `attributions-${options.split}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PolnearRow)
    .filter((r) => articles.has(r.article));

  const tallies: Record<SourceClass, Tally> = { named: emptyTally(), role: emptyTally(), organisation: emptyTally(), description: emptyTally(), pronoun: emptyTally(), other: emptyTally() };
  const scored: Judged[] = [];
  for (const row of rows) {
    const source = classifySource(row.source, row.source_is_pronoun);
    const article = articles.get(row.article)!;
    const mine = bestMatch(ours.get(row.article) ?? [], row.content_spans);
    const where = `${row.article} @${row.content_spans[0]?.[0]}${source.kind === "named" ? "" : ` [${source.kind}]`}`;
    const isRight = (speaker: string): boolean =>
      source.kind === "named" ? isRightNamed(speaker, row.source)
      : source.kind === "role" ? isRightRole(speaker, source)
      : source.kind === "organisation" ? isRightOrganisation(speaker, source)
      : false;
    const start = row.content_spans[0]?.[0] ?? 0;
    const j = judge(where, row.source, mine, isRight, baselineSpeaker(article, start));
    // Pronouns, descriptions and other sources: no referent to compare with; counted as found and given a speaker.
    if (source.kind === "pronoun" || source.kind === "description" || source.kind === "other") {
      const t = tallies[source.kind];
      t.total++;
      if (mine) t.found++;
      if (mine?.speaker) t.right++;
      continue;
    }
    count(tallies[source.kind], j);
    scored.push(j);
  }
  const docs = new Set(rows.map((r) => r.article));
  const mineInDocs = book.quotations.filter((q) => docs.has(q.doc)).length;
  console.log(`PolNeAR ${options.split}: ${corpus.articles.length} articles, ${rows.length} annotated quotations, ${mineInDocs} of ours, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const all = rows.length;
  console.log(tallyLine("named source", tallies.named, all));
  const roleOrg = { ...emptyTally() };
  for (const k of ["role", "organisation"] as const) for (const f of Object.keys(roleOrg) as Array<keyof Tally>) roleOrg[f] += tallies[k][f];
  console.log(tallyLine("role and organisation sources", roleOrg, all));
  console.log(tallyLine("  of which role", tallies.role, all));
  console.log(tallyLine("  of which organisation", tallies.organisation, all));
  const p = tallies.pronoun;
  console.log(`  pronoun source: ${p.total} (${pct(p.total, all)} of all annotated): found ${p.found} (${pct(p.found, p.total)}), given a speaker ${p.right} (${pct(p.right, p.total)})`);
  const ds = tallies.description;
  console.log(`  description source ("the Vermont senator", "the board", "the source"): ${ds.total} (${pct(ds.total, all)} of all annotated): found ${ds.found} (${pct(ds.found, ds.total)}), given a speaker ${ds.right} (${pct(ds.right, ds.total)})`);
  const o = tallies.other;
  console.log(`  other source ("who", "the statement", a crowd): ${o.total} (${pct(o.total, all)} of all annotated): found ${o.found} (${pct(o.found, o.total)}), given a speaker ${o.right} (${pct(o.right, o.total)})`);
  console.log(bandLine(scored));
  if (options.byRule) for (const line of ["  by rule (named, role and organisation sources given a speaker):", ...ruleLines(scored)]) console.log(line);
  printMisses(scored, options.misses);
}

interface BbcQuote {
  doc: string;
  start: number;
  end: number;
  kind: "person" | "role" | "organisation" | "unknown" | "none";
  speaker?: string;
  head?: string;
  organisation?: string;
}

async function evalBbc(root: string, shared: string, options: QuoteEvalOptions): Promise<void> {
  const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/bbc-quotes.json"), "utf8")) as { articles: string[]; quotes: BbcQuote[] };
  const bbc = join(shared, "corpora", "bbc");
  const articles: Article[] = [];
  for (const rel of fixture.articles) articles.push(...(await readCorpusFile(bbc, rel)).articles);
  const book = buildQuoteBook({ articles });
  const ours = byDoc(book.quotations);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const speech = { all: emptyTally(), person: emptyTally(), role: emptyTally(), organisation: emptyTally(), unknown: emptyTally() };
  const judged: Judged[] = [];
  let notSpeech = 0;
  let notSpeechGiven = 0;
  const notSpeechErrors: Judged[] = [];
  for (const q of fixture.quotes) {
    const mine = bestMatch(ours.get(q.doc) ?? [], [[q.start, q.end]]);
    const where = `${q.doc} @${q.start}`;
    if (q.kind === "none") {
      notSpeech++;
      if (mine?.speaker) {
        notSpeechGiven++;
        notSpeechErrors.push({ where, expected: "not speech", ours: mine, outcome: "wrong", baselineRight: false });
      }
      continue;
    }
    const isRight = (speaker: string): boolean =>
      q.kind === "person" ? isRightPerson(speaker, q.speaker!)
      : q.kind === "role" ? isRightRole(speaker, { head: q.head!, organisation: q.organisation! })
      : q.kind === "organisation" ? isRightOrganisation(speaker, { organisation: q.speaker! })
      : false;
    const article = byId.get(q.doc);
    let j = judge(where, q.kind === "unknown" ? "no speaker named" : `${q.speaker} (${q.kind})`, mine, isRight, article ? baselineSpeaker(article, q.start) : null);
    // Speech whose speaker the article does not name: right when we name no one.
    if (q.kind === "unknown") j = { ...j, outcome: mine?.speaker ? "wrong" : "right", baselineRight: false };
    count(speech.all, j);
    count(speech[q.kind], j);
    judged.push(j);
  }
  const annotated = new Set(fixture.quotes.map((q) => `${q.doc}:${q.start}`));
  const extra = book.quotations.filter((q) => !fixture.quotes.some((a) => a.doc === q.doc && a.start < q.end && a.end > q.start) && !annotated.has(`${q.doc}:${q.start}`)).length;
  console.log(`BBC (our annotated set): ${articles.length} articles, ${speech.all.total} speech quotations, ${notSpeech} quotation marks that are not speech, ${extra} of ours not annotated`);
  console.log(tallyLine("all speech", speech.all));
  for (const k of ["person", "role", "organisation", "unknown"] as const) console.log(tallyLine(`  ${k}`, speech[k]));
  console.log(`  not speech given a speaker: ${notSpeechGiven}/${notSpeech} (${pct(notSpeechGiven, notSpeech)})`);
  console.log(bandLine(judged));
  printMisses([...notSpeechErrors, ...judged], options.misses);
}
