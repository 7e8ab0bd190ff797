/**
 * `npm run eval -- --only editor`: the editor's set (test/fixtures/editor-requests.json, issue 21). Requests an
 * editor on a desk would type over ../shared/corpora and seeds/ (speaker and topic, titles, misspellings,
 * organisations, filters, /compare), each with the answers they would accept: document ids and offsets into the
 * document text (any overlap counts), never the text itself.
 *
 * Two figures: the share of requests whose first answer is right (a /quote answer overlapping an accepted span
 * and credited to the requested speaker; a /compare answer holding at least two of the accepted reports, or all
 * of them when fewer, and never a forbidden speaker), and the number of misattributed quotations among the first
 * three answers at confidence 0.8 or more: a quotation credited to someone other than who said it, as the
 * fixture's `others`, the accepted spans, the PolNeAR annotations (named sources) and seed-quotes.json know it.
 * Beside them, a plain baseline in the same run: plain MiniSearch over the body paragraphs, its first paragraph
 * counted right when it holds an accepted span (it names no speaker, so it cannot misattribute).
 *
 * Each corpus is read as a newsroom holds it; the BBC folder, which names no outlet, is read with a dateline.yml
 * (outlet: BBC News) beside links to its files. Corpora absent from ../shared are skipped with a message.
 */
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { commands } from "../commands/index.js";
import { createDispatcher } from "../src/core/dispatch.js";
import { createLogger } from "../src/core/log.js";
import type { Article } from "../src/corpus/types.js";
import { openNewsroom, type OpenedNewsroom } from "../src/open-newsroom.js";
import { foldText } from "../src/text/fold.js";

export interface Span {
  doc: string;
  start?: number;
  end?: number;
}

export interface EditorRequest {
  id: string;
  corpus: "seeds" | "bbc" | "reuters" | "polnear";
  ask: string;
  kind: string;
  /** The surname (or last word of an organisation's name) the answer must be credited to. */
  speaker?: string;
  accept: Span[];
  /** Quotations in these documents by someone else ("?" when the fixture does not name them). */
  others?: Array<Span & { speaker: string }>;
  allowNone?: boolean;
  forbidSpeakers?: string[];
}

/** One answer as `--json` gives it (/quote and /compare results share these fields). */
export interface Answer {
  doc: string;
  start: number;
  end: number;
  speaker: string | null;
  confidence?: number;
}

/** A quotation whose speaker is known from outside Dateline (annotations, the fixture). */
export interface KnownSpeaker extends Span {
  speaker: string;
}

/** Last folded word of a name, possessive and suffixes dropped: "Sir Alex Ferguson" -> "ferguson". */
export function surnameOf(name: string): string {
  const words = (foldText(name).replace(/[’']s?(?=\s|$)/gu, "").match(/[\p{L}\p{N}-]+/gu) ?? []).filter((w) => !/^(?:jr|sr|ii|iii|iv)$/.test(w));
  return words[words.length - 1] ?? "";
}

export function overlaps(span: Span, answer: Pick<Answer, "doc" | "start" | "end">): boolean {
  if (span.doc !== answer.doc) return false;
  if (span.start === undefined || span.end === undefined) return true;
  return Math.min(span.end, answer.end) > Math.max(span.start, answer.start);
}

const sameSpeaker = (a: string | null | undefined, b: string | null | undefined) => Boolean(a && b && surnameOf(a) === surnameOf(b));

/** Whether the first answer is the one the editor asked for. */
export function firstIsRight(request: EditorRequest, answers: readonly Answer[]): boolean {
  if (request.kind === "compare") {
    if (answers.length === 0) return request.allowNone === true;
    if (answers.some((a) => request.forbidSpeakers?.some((f) => sameSpeaker(a.speaker, f)))) return false;
    if (request.speaker && answers.some((a) => a.speaker && !sameSpeaker(a.speaker, request.speaker))) return false;
    const docs = new Set(request.accept.map((s) => s.doc));
    if (docs.size === 0) return false;
    const found = new Set(answers.filter((a) => request.accept.some((s) => overlaps(s, a))).map((a) => a.doc));
    return found.size >= Math.min(2, docs.size);
  }
  const first = answers[0];
  if (request.accept.length === 0) return first === undefined;
  if (!first) return false;
  if (request.speaker && !sameSpeaker(first.speaker, request.speaker)) return false;
  return request.accept.some((s) => overlaps(s, first));
}

/** The share of a /compare request's accepted reports among the answers. */
export function reportsFound(request: EditorRequest, answers: readonly Answer[]): { found: number; total: number } {
  const docs = new Set(request.accept.map((s) => s.doc));
  const found = new Set(answers.filter((a) => request.accept.some((s) => overlaps(s, a))).map((a) => a.doc));
  return { found: found.size, total: docs.size };
}

export const MISATTRIBUTION_CONFIDENCE = 0.8;

/**
 * The first three answers, at confidence 0.8 or more, credited to someone other than who said them: `known` holds
 * every quotation whose speaker is known (an unnamed "?" speaker is anyone but the request's), the request's
 * accepted spans are its speaker's.
 */
export function misattributions(request: EditorRequest, answers: readonly Answer[], known: readonly KnownSpeaker[]): Answer[] {
  const out: Answer[] = [];
  for (const answer of answers.slice(0, 3)) {
    if (!answer.speaker || (answer.confidence ?? 1) < MISATTRIBUTION_CONFIDENCE) continue;
    const truth = [
      ...known.filter((k) => overlaps(k, answer)),
      ...(request.others ?? []).filter((o) => overlaps(o, answer)),
      ...(request.speaker && request.kind !== "compare" ? request.accept.filter((s) => s.start !== undefined && overlaps(s, answer)).map((s) => ({ ...s, speaker: request.speaker! })) : []),
    ];
    const wrong = truth.some((t) => (t.speaker === "?" ? sameSpeaker(answer.speaker, request.speaker) : !sameSpeaker(answer.speaker, t.speaker)));
    const right = truth.some((t) => t.speaker !== "?" && sameSpeaker(answer.speaker, t.speaker));
    if (wrong && !right) out.push(answer);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

interface CorpusPlace {
  location: string;
  known: KnownSpeaker[];
  cleanup?: () => Promise<void>;
}

const BBC_DEFAULTS = "# The BBC dataset names no outlet: the folder declares it (README, Corpus formats).\noutlet: BBC News\nlanguage: en\n";

/**
 * The BBC folder as a newsroom would hold it: its files (copied: links leading out of a corpus folder are never
 * read) with a dateline.yml at the root.
 */
async function bbcWithDefaults(source: string): Promise<{ location: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "dateline-eval-bbc-"));
  for (const section of await readdir(source, { withFileTypes: true })) {
    if (!section.isDirectory()) continue;
    await mkdir(join(dir, section.name));
    for (const file of await readdir(join(source, section.name))) await copyFile(join(source, section.name, file), join(dir, section.name, file));
  }
  await writeFile(join(dir, "dateline.yml"), BBC_DEFAULTS);
  return { location: dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

interface PolnearRow {
  article: string;
  content_spans: Array<[number, number]>;
  source: string;
  source_is_pronoun: boolean;
}

/** PolNeAR dev: its annotated quotations whose source is a name. */
function polnearSpeakers(dir: string): KnownSpeaker[] {
  const out: KnownSpeaker[] = [];
  for (const line of readFileSync(join(dir, "attributions-dev.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as PolnearRow;
    const head = (row.source.split(/[,([]/u)[0] ?? "").trim();
    if (row.source_is_pronoun || !/\p{Lu}[\p{L}’'-]*$/u.test(head)) continue;
    for (const [start, end] of row.content_spans) out.push({ doc: row.article, start, end, speaker: head });
  }
  return out;
}

/** ../shared beside the project (a clone next to it), or two levels up (a git worktree under wt/). */
function sharedCorpora(root: string): string {
  const near = join(root, "..", "shared", "corpora");
  const worktree = join(root, "..", "..", "shared", "corpora");
  return existsSync(near) || !existsSync(worktree) ? near : worktree;
}

async function placeOf(corpus: EditorRequest["corpus"], root: string): Promise<CorpusPlace | null> {
  const shared = sharedCorpora(root);
  if (corpus === "seeds") {
    const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/seed-quotes.json"), "utf8")) as { quotes: KnownSpeaker[] };
    return { location: join(root, "seeds"), known: fixture.quotes.filter((q) => q.start !== undefined) };
  }
  if (corpus === "bbc") {
    if (!existsSync(join(shared, "bbc"))) return null;
    const linked = await bbcWithDefaults(join(shared, "bbc"));
    return { location: linked.location, known: [], cleanup: linked.cleanup };
  }
  if (corpus === "reuters") {
    const file = join(shared, "reuters", "articles.jsonl");
    return existsSync(file) ? { location: file, known: [] } : null;
  }
  const dir = join(shared, "polnear");
  return existsSync(join(dir, "articles-dev.jsonl")) ? { location: join(dir, "articles-dev.jsonl"), known: polnearSpeakers(dir) } : null;
}

/** Plain MiniSearch over the body paragraphs: the first paragraph for the request's words. */
function plainBaseline(articles: readonly Article[]): (ask: string) => Answer | null {
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ["text"] });
  const paragraphs = new Map<string, { doc: string; start: number; end: number }>();
  for (const a of articles) {
    for (const p of a.paragraphs) {
      if (p.role !== "body") continue;
      paragraphs.set(p.id, { doc: a.id, start: p.start, end: p.end });
      search.add({ id: p.id, text: a.text.slice(p.start, p.end) });
    }
  }
  return (ask) => {
    const words = ask.replace(/^\/\w+\s*/, "").replace(/\b\w+:\S+/g, "").replace(/"/g, "").toLowerCase();
    const hit = search.search(words)[0];
    const p = hit ? paragraphs.get(String(hit.id)) : undefined;
    return p ? { ...p, speaker: null } : null;
  };
}

interface Tally {
  total: number;
  right: number;
  baseline: number;
}

export async function evalEditor(root: string, argv: readonly string[]): Promise<void> {
  const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
  if (only !== undefined && only !== "editor") return;
  const verbose = argv.includes("--misses");
  const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/editor-requests.json"), "utf8")) as { requests: EditorRequest[] };
  const dispatcher = createDispatcher(commands);
  const log = createLogger("silent");
  const dataDir = join(tmpdir(), "dateline-eval-editor");
  const byKind = new Map<string, Tally>();
  const byCorpus = new Map<string, Tally>();
  const all: Tally = { total: 0, right: 0, baseline: 0 };
  const misattributed: string[] = [];
  const wrong: string[] = [];
  let reports = { found: 0, total: 0 };
  const skipped: string[] = [];
  const started = Date.now();

  for (const corpus of ["seeds", "polnear", "bbc", "reuters"] as const) {
    const requests = fixture.requests.filter((r) => r.corpus === corpus);
    if (requests.length === 0) continue;
    const place = await placeOf(corpus, root);
    if (!place) {
      skipped.push(`${corpus} (${requests.length} requests: ../shared/corpora absent)`);
      continue;
    }
    let newsroom: OpenedNewsroom | null = null;
    try {
      newsroom = await openNewsroom(place.location, { dataDir, log });
      const baseline = plainBaseline(newsroom.articles());
      for (const request of requests) {
        const outcome = await dispatcher.dispatch(request.ask, {
          services: newsroom,
          platform: "cli",
          user: null,
          channel: null,
          limit: 10,
          log,
          now: () => new Date(),
        });
        const answers = (outcome.ok ? outcome.results : []) as Answer[];
        const right = firstIsRight(request, answers);
        const plain = baseline(request.ask);
        const plainRight = request.kind === "compare" || request.accept.length === 0 ? false : plain !== null && request.accept.some((s) => overlaps(s, plain));
        for (const tally of [all, get(byKind, request.kind), get(byCorpus, corpus)]) {
          tally.total++;
          if (right) tally.right++;
          if (plainRight) tally.baseline++;
        }
        if (request.kind === "compare") {
          const r = reportsFound(request, answers);
          reports = { found: reports.found + r.found, total: reports.total + r.total };
        }
        const first = answers[0];
        if (!right) wrong.push(`  ${request.id}: ${request.ask} -> ${first ? `${first.speaker ?? "no speaker"} ${first.doc}@${first.start}` : "nothing"}${outcome.ok ? "" : ` (${outcome.error ?? "error"})`}`);
        for (const a of misattributions(request, answers, place.known)) {
          misattributed.push(`  ${request.id}: ${a.doc}@${a.start} credited to ${a.speaker} (${a.confidence})`);
        }
      }
    } finally {
      newsroom?.stopBackgroundWork();
      await newsroom?.pendingWrites();
      await place.cleanup?.();
    }
  }

  const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
  const line = (t: Tally) => `${t.right}/${t.total} right first (${pct(t.right, t.total)}), plain MiniSearch ${t.baseline}/${t.total} (${pct(t.baseline, t.total)})`;
  console.log(`Editor's set: ${all.total} requests, ${((Date.now() - started) / 1000).toFixed(1)} s: ${line(all)}`);
  console.log(`  misattributed in the first three at confidence >= ${MISATTRIBUTION_CONFIDENCE}: ${misattributed.length}`);
  if (reports.total > 0) console.log(`  /compare: ${reports.found} of ${reports.total} accepted reports found`);
  for (const [name, t] of [...byCorpus, ...byKind]) console.log(`  ${name.padEnd(14)} ${line(t)}`);
  for (const s of skipped) console.log(`  skipped ${s}`);
  for (const m of misattributed) console.log(m);
  if (verbose) for (const w of wrong) console.log(w);
}

function get(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = { total: 0, right: 0, baseline: 0 }));
  return t;
}
